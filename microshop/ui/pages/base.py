"""Shared building blocks of the pages: a searchable, SQL-backed list with a count line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from microshop.domain.enums import PLATFORMS
from microshop.domain.timeutil import SHANGHAI, utcnow
from microshop.i18n import localized
from microshop.services.listing import ListQuery, ListSource
from microshop.ui.i18n import tr
from microshop.ui.table_model import SqlListModel
from microshop.ui.worker import TaskRunner

if TYPE_CHECKING:
    from microshop.services.book import Database

def platform_combo(all_text: str | None = None) -> QComboBox:
    """A platform chooser whose item data is the platform key ("" = all; ``all_text`` names that
    choice, 全部平台 by default — translated when called, not when imported)."""
    combo = QComboBox()
    combo.addItem(tr("全部平台") if all_text is None else all_text, "")
    for key, name in PLATFORMS.items():
        combo.addItem(localized(name), key)
    return combo


def recent_months(n: int = 12) -> list[str]:
    """The last ``n`` months as ``YYYY-MM``, newest first (Shanghai time)."""
    now = utcnow().astimezone(SHANGHAI)
    year, month = now.year, now.month
    out = []
    for _ in range(n):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out


def month_combo(with_all: bool = True) -> QComboBox:
    """A month chooser (item data ``YYYY-MM``; with ``with_all``, a first “全部月份” = "")."""
    combo = QComboBox()
    if with_all:
        combo.addItem(tr("全部月份"), "")
    for month in recent_months():
        year, mon = month.split("-")
        combo.addItem(tr("{year}年{month}月", year=year, month=int(mon)), month)
    return combo


def read_only_table(model: Any, *, multi: bool = False) -> QTableView:
    """A read-only table view that selects whole rows."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def make_table(model: SqlListModel) -> QTableView:
    """A read-only, row-selecting table view over a SQL list, sorted by SQL."""
    view = read_only_table(model, multi=True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(28)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    source = model.source
    header.setSortIndicator(source.default_sort, Qt.SortOrder.DescendingOrder)
    view.setSortingEnabled(True)
    keep_selection(view, model)
    fit_columns_once(view, model)
    return view


MAX_COLUMN_PX = 220


def fit_columns_once(view: QTableView, model: SqlListModel) -> None:
    """When the first rows arrive, size the columns to what they show (none wider than
    MAX_COLUMN_PX) and let the wide column (title, address) take what is left: every column fits
    at 1024 px, and at 1920 px numbers stay next to their labels. Later the user's widths stay."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    wide = model.source.wide_column
    for column in range(model.columnCount()):  # until then (an empty list) the headings fit, no scroll bar
        if column != wide:
            view.setColumnWidth(column, min(MAX_COLUMN_PX, header.sectionSizeHint(column)))
    header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)

    def fit() -> None:
        if not model.rowCount():
            return
        model.loaded.disconnect(fit)
        for column in range(model.columnCount()):
            if column != wide:
                view.resizeColumnToContents(column)
                if view.columnWidth(column) > MAX_COLUMN_PX:
                    view.setColumnWidth(column, MAX_COLUMN_PX)
        header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)

    model.loaded.connect(fit)


def keep_selection(view: QTableView, model: SqlListModel) -> None:
    """A refreshed list keeps the rows the user had selected (by id), wherever they now sit:
    switching pages, saving or re-sorting never loses what was chosen."""
    kept: list[int] = []

    def remember() -> None:
        selection = view.selectionModel()
        rows = sorted({i.row() for i in selection.selectedRows()}) if selection is not None else []
        kept[:] = [model.id_at(r) for r in rows if r < model.rowCount()]

    def restore() -> None:
        selection = view.selectionModel()
        if not kept or selection is None:
            return
        where = {i: n for n, i in enumerate(model.ids())}
        rows = [where[i] for i in kept if i in where]
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for n, row in enumerate(rows):
            index = model.index(row, 0)
            if n == 0:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
            else:
                selection.select(index, flags)

    model.modelAboutToBeReset.connect(remember)
    model.modelReset.connect(restore)


def empty_state_panel() -> tuple[QWidget, QLabel, QPushButton]:
    """A soft box saying what to do first, with a button for it (hidden until needed)."""
    panel = QWidget()
    panel.setObjectName("emptyState")
    panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    panel.setStyleSheet("#emptyState { background: #f1f7f3; border: 1px solid #cfe3d6; border-radius: 6px; }")
    layout = QHBoxLayout(panel)
    layout.setContentsMargins(12, 10, 12, 10)
    text = QLabel()
    text.setWordWrap(True)
    text.setStyleSheet("color:#5b6670;")
    button = QPushButton()
    layout.addWidget(text, 1)
    layout.addWidget(button)
    panel.hide()
    return panel, text, button


class ListPage(QWidget):
    """A page whose heart is one SQL list: search box, filters, table, count."""

    status_message = Signal(str)
    file_written = Signal(str)  # a file saved or exported: the status bar offers 打开文件夹
    title = ""

    def __init__(self, db: Database, runner: TaskRunner, source: ListSource, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.model = SqlListModel(db, source, runner, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.model.loaded.connect(self._loaded)
        self.table = make_table(self.model)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.search)
        self.action_bar = QHBoxLayout()
        actions = QHBoxLayout()  # actions above, filters below: the page stays usable on small screens
        actions.addLayout(self.action_bar)
        actions.addStretch(1)
        filters = QHBoxLayout()
        filters.addLayout(self.filter_bar)
        filters.addStretch(1)
        # what to do first, while the list is empty (``empty_state``)
        self.empty_panel, self.empty_text, self.empty_button = empty_state_panel()
        self.empty_button.clicked.connect(lambda _checked=False: self._empty_action())
        self._first_query: tuple[str, dict[str, Any]] | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(actions)
        self.layout_.addLayout(filters)
        self.layout_.addWidget(self.empty_panel)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.count_label)

    def empty_state(self) -> tuple[str, str] | None:
        """(what to do first, the button's text) for an empty book (override with ``empty_action``)."""
        return None

    def empty_action(self) -> None:
        """What the empty state's button does (override)."""

    def _empty_action(self) -> None:
        self.empty_action()

    def _show_empty_state(self) -> None:
        query = (self.search.text().strip(), self.filters())
        if self._first_query is None:
            self._first_query = query  # the page's first list: no search, its default filters
        state = self.empty_state()
        if self.model.rowCount() or state is None:
            self.empty_panel.hide()
            return
        if query == self._first_query:
            self.empty_text.setText(state[0])
            self.empty_button.setText(state[1])
            self.empty_button.show()
        else:
            self.empty_text.setText(tr("没有符合条件的记录：换个搜索词，或把筛选条件放宽一些。"))
            self.empty_button.hide()
        self.empty_panel.show()

    def add_filter(self, widget: QWidget) -> None:
        """Add a filter widget; any change re-runs the query."""
        self.filter_bar.addWidget(widget)
        for signal in ("currentIndexChanged", "toggled"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(lambda *_: self.reload())

    def filters(self) -> dict[str, Any]:
        """The page's filter values (override)."""
        return {}

    def reload(self) -> None:
        """Re-run the list query with the current search text and filters."""
        old = self.model.query
        self.model.set_query(
            ListQuery(self.search.text().strip(), self.filters(), old.sort_column, old.descending)
        )

    def _loaded(self) -> None:
        """A list answer landed: the count under the table (override to add more)."""
        self.count_label.setText(tr("共 {count} 条", count=f"{self.model.rowCount():,}"))
        self._show_empty_state()

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in display order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows]
