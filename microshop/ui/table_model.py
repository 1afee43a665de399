"""A lazy Qt table model over a ``ListSource``: ids from SQL, rows fetched a page at a time.

Every query runs on the task runner, never on the GUI thread: ``refresh`` asks for the ids and the
first page in the background and resets the model when they arrive (``loaded`` is emitted); a page
scrolled into view shows "…" until its rows arrive. An answer to an older query is dropped.
"""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from microshop.i18n import localized
from microshop.services.listing import ListPage, ListQuery, ListSource, Row, load_list, load_rows
from microshop.ui.i18n import tr

IdRole = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex


if TYPE_CHECKING:
    from microshop.services.book import Database
    from microshop.ui.worker import TaskRunner

class SqlListModel(QAbstractTableModel):
    """Rows are the ids a ListSource returns; display values are cached per page."""

    loaded = Signal()  # a refresh's answer has landed (rowCount and ids are current)

    def __init__(self, db: Database, source: ListSource, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.source = source
        self.runner = runner
        self.query = ListQuery()
        self._ids: list[int] = []
        self._pages: dict[int, dict[int, Row]] = {}
        self._generation = 0
        self._loading = False
        self._fetching: set[int] = set()
        self._after_load: list[Callable[[], None]] = []

    # --- loading -------------------------------------------------------------------------
    def set_query(self, query: ListQuery) -> None:
        """Show what ``query`` selects (re-runs the SQL in the background)."""
        self.query = query
        self.refresh()

    @property
    def loading(self) -> bool:
        """A refresh is on its way (what is shown is the previous answer)."""
        return self._loading

    def refresh(self) -> None:
        """Re-run the id query in the background; the model resets when the answer lands."""
        self._generation += 1
        generation = self._generation
        query = dataclasses.replace(self.query, filters=dict(self.query.filters))
        db, source = self.db, self.source
        self._loading = True

        def done(page: ListPage) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._ids = page.ids
            self._pages = {0: page.first_rows}
            self._fetching.clear()
            self.endResetModel()
            self._finish_load()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._finish_load()
            self._show_error(exc)

        self.runner.run(lambda _p: load_list(db, source, query, PAGE_SIZE), done, on_error=failed, silent=True)

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the current refresh has landed (now, if none is running)."""
        if self._loading:
            self._after_load.append(callback)
        else:
            callback()

    def _finish_load(self) -> None:
        self._loading = False
        self.loaded.emit()
        callbacks, self._after_load = self._after_load, []
        for callback in callbacks:
            callback()

    def _show_error(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QWidget

        from microshop.ui.worker import show_error

        parent = self.parent()
        show_error(parent if isinstance(parent, QWidget) else None, exc, "".join(traceback.format_exception(exc)))

    def _fetch(self, page: int) -> None:
        if page in self._fetching:
            return
        self._fetching.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        db, source = self.db, self.source

        def done(rows: dict[int, Row]) -> None:
            if generation != self._generation:
                return
            self._fetching.discard(page)
            self._pages[page] = rows
            last = min(len(self._ids), (page + 1) * PAGE_SIZE) - 1
            self.dataChanged.emit(self.index(page * PAGE_SIZE, 0), self.index(last, self.columnCount() - 1))

        def failed(exc: BaseException) -> None:
            self._fetching.discard(page)
            self._show_error(exc)

        self.runner.run(lambda _p: load_rows(db, source, ids), done, on_error=failed, silent=True)

    _PENDING = object()

    def _row(self, row: int) -> Any:
        page = row // PAGE_SIZE
        if page not in self._pages:
            self._fetch(page)
            return self._PENDING
        return self._pages[page].get(self._ids[row])

    def id_at(self, row: int) -> int:
        """The database id shown in ``row``."""
        return self._ids[row]

    def ids(self) -> list[int]:
        """All ids currently listed, in display order."""
        return list(self._ids)

    # --- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.source.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        column = self.source.columns[index.column()]
        if role == IdRole:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignHCenter if column.mark
                          else Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = self._row(index.row())
            if values is self._PENDING:
                return "…" if role == Qt.ItemDataRole.DisplayRole else None
            if values is None:
                return tr("（已删除）") if index.column() == 0 else ""
            value = values[index.column()]
            text = value if isinstance(value, str) else str(value)
            return text if role == Qt.ItemDataRole.DisplayRole or isinstance(value, str) else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.source.columns):
            return localized(self.source.columns[section].title)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.source.columns)) or self.source.columns[column].sort is None:
            return
        self.query.sort_column = column
        self.query.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
