"""A lazy Qt table model over a ``ListSource``: ids from SQL, rows fetched a page at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from microshop.i18n import localized
from microshop.services.listing import ListQuery, ListSource
from microshop.ui.i18n import tr

IdRole = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex



if TYPE_CHECKING:
    from microshop.services.book import Database

class SqlListModel(QAbstractTableModel):
    """Rows are the ids a ListSource returns; display values are cached per page."""

    def __init__(self, db: Database, source: ListSource, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.source = source
        self.query = ListQuery()
        self._ids: list[int] = []
        self._pages: dict[int, dict[int, tuple[Any, ...]]] = {}

    # --- loading -------------------------------------------------------------------------
    def set_query(self, query: ListQuery) -> None:
        """Show what ``query`` selects (re-runs the SQL)."""
        self.query = query
        self.refresh()

    def refresh(self) -> None:
        """Re-run the id query and drop cached rows."""
        self.beginResetModel()
        with self.db.session() as session:
            self._ids = self.source.ids(session, self.query)
        self._pages.clear()
        self.endResetModel()

    def _row(self, row: int) -> tuple[Any, ...] | None:
        page = row // PAGE_SIZE
        if page not in self._pages:
            ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            with self.db.session() as session:
                self._pages[page] = self.source.rows(session, ids)
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
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = self._row(index.row())
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
