"""Small in-memory table models: reconciliation items, monthly income, import preview lines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from microshop.domain.enums import LineStatus, platform_name
from microshop.domain.money import format_fen
from microshop.domain.timeutil import format_local
from microshop.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole + 2


def status_label(status: str | None) -> str:
    if status is not None and status in LineStatus._value2member_map_:
        return LineStatus(status).label
    return status or ""


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of objects, one (header, getter, numeric) per column."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], Any], bool]], parent: Any = None,
                 highlight: Callable[[Any], bool] | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: Sequence[Any] = []
        self.highlight = highlight  # rows it returns True for get a warning background
        self.runner: Any = None  # a TaskRunner: pages of a paged sequence are read on its workers
        self._asked: set[int] = set()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``; a lazily read sequence (e.g. ``LineItems``) is kept as it is, not copied.
        With a ``runner``, a row of such a sequence whose page is not read yet shows "…" while the
        page is read on a worker (never on the GUI thread)."""
        self.beginResetModel()
        self.rows = rows
        self._asked = set()
        self.endResetModel()

    def _pending(self, row: int) -> bool:
        """True (and the page asked for) when row ``row`` is not read yet."""
        rows: Any = self.rows  # a paged sequence has loaded/page_of/read_page/keep_page/PAGE
        if self.runner is None or not hasattr(rows, "loaded") or rows.loaded(row):
            return False
        page = rows.page_of(row)
        if page not in self._asked:
            self._asked.add(page)

            def done(items: list[Any], rows: Any = rows, page: int = page) -> None:
                if id(rows) != id(self.rows):  # (not `is`: mypy would narrow rows to a plain Sequence)
                    return  # the table shows something else by now
                rows.keep_page(page, items)
                first = page * rows.PAGE
                last = min(len(rows), first + rows.PAGE) - 1
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

            self.runner.run(lambda _p: rows.read_page(page), done, silent=True)
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if self._pending(index.row()):
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        row = self.rows[index.row()]
        _title, getter, numeric = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getter(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == ItemRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and getattr(row, "resolved", False):
            return QColor("#888888")
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight is not None and self.highlight(row):
            return QColor("#fde2e1")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section][0]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def difference_text(item: Any) -> str:
    """账单 − 订单 when both amounts are known and differ ("+¥2.00" / "-¥1.50"), else blank."""
    if item.line_paid_fen is None or item.order_amount_fen is None or item.line_paid_fen == item.order_amount_fen:
        return ""
    diff = item.line_paid_fen - item.order_amount_fen
    return ("+" if diff > 0 else "") + format_fen(diff)


def reconcile_items_model(parent: Any = None) -> RowsModel:
    """Order and statement line side by side."""
    return RowsModel([
        (tr("下单时间"), lambda i: i.ordered_at, False),
        (tr("平台"), lambda i: platform_name(i.platform), False),
        (tr("客户"), lambda i: i.customer, False),
        (tr("商品"), lambda i: i.title, False),
        (tr("订单平台金额"), lambda i: format_fen(i.order_amount_fen) if i.order_amount_fen is not None else "", True),
        (tr("平台订单号"), lambda i: i.platform_order_no, False),
        (tr("账单付款金额"), lambda i: format_fen(i.line_paid_fen) if i.line_paid_fen is not None else "", True),
        (tr("差额"), difference_text, True),
        (tr("预估佣金"), lambda i: format_fen(i.estimated_fen) if i.estimated_fen is not None else "", True),
        (tr("账单状态"), lambda i: status_label(i.line_status), False),
        (tr("备注"), lambda i: (tr("手动关联 ") if i.manual else "") + (tr("已处理：") + (i.note or "") if i.resolved else ""), False),
    ], parent)


def income_model(parent: Any = None) -> RowsModel:
    """Rows are (platform key, Income)."""
    def money(name: str) -> Callable[[Any], str]:
        return lambda r: format_fen(getattr(r[1], name))

    return RowsModel([
        (tr("平台"), lambda r: tr("合计") if r[0] == "total" else platform_name(r[0]), False),
        (tr("预估佣金"), money("estimated"), True),
        (tr("本月结算"), money("settled"), True),
        (tr("失效"), money("lost"), True),
        (tr("维权扣回"), money("clawed_back"), True),
        (tr("加价收入"), money("markup"), True),
        (tr("到账"), money("arrived"), True),
        (tr("到账差额"), lambda r: format_fen(r[1].difference), True),
    ], parent)


def preview_lines_model(parent: Any = None) -> RowsModel:
    """Canonical lines of an import preview."""
    return RowsModel([
        (tr("行"), lambda ln: ln.source_row, True),
        (tr("订单号"), lambda ln: ln.order_no, False),
        (tr("商品"), lambda ln: ln.product_title, False),
        (tr("付款金额"), lambda ln: format_fen(ln.paid_fen), True),
        (tr("预估佣金"), lambda ln: format_fen(ln.estimated_fen), True),
        (tr("结算佣金"), lambda ln: format_fen(ln.settled_fen) if ln.settled_fen is not None else "", True),
        (tr("状态"), lambda ln: f"{status_label(ln.status)}（{ln.raw_status}）", False),
        (tr("创建时间"), lambda ln: format_local(ln.created_at), False),
    ], parent)
