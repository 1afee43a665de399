"""对账: statement lines by month/platform/status, the month's commission totals, and imports."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from microshop.domain.enums import LINE_STATUS_LABELS
from microshop.domain.money import format_fen
from microshop.services.listing import StatementImportList, StatementLineList
from microshop.services.stats import month_overview
from microshop.store.database import Database
from microshop.ui.pages.base import ListPage, make_table, month_combo, platform_combo
from microshop.ui.table_model import SqlListModel
from microshop.ui.worker import TaskRunner


class ReconcilePage(ListPage):
    """Commission statements: what each platform reports for the month."""

    title = "对账"

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(db, runner, StatementLineList(), parent)
        self.search.setPlaceholderText("搜索平台订单号、商品…")
        self.month = month_combo(all_text=None)
        self.platform = platform_combo()
        self.status = QComboBox()
        self.status.addItem("全部状态", "")
        for status, label in LINE_STATUS_LABELS.items():
            self.status.addItem(label, status.value)
        self.summary = QLabel()
        self.summary.setObjectName("summaryLabel")
        self.layout_.insertWidget(1, self.summary)

        # The line table moves into a tab; a second tab lists the statement files imported.
        self.layout_.removeWidget(self.table)
        self.imports_model = SqlListModel(db, StatementImportList(), self)
        self.imports_table = make_table(self.imports_model)
        tabs = QTabWidget()
        lines_tab = QWidget()
        QVBoxLayout(lines_tab).addWidget(self.table)
        tabs.addTab(lines_tab, "账单明细")
        tabs.addTab(self.imports_table, "导入记录")
        self.tabs = tabs
        self.layout_.insertWidget(2, tabs, 1)
        for widget in (self.month, self.platform, self.status):
            self.add_filter(widget)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(2, 180)
        self.table.setColumnWidth(3, 240)
        self.reload()

    def filters(self) -> dict[str, Any]:
        return {
            "month": self.month.currentData(),
            "platform": self.platform.currentData(),
            "status": self.status.currentData(),
        }

    def reload(self) -> None:
        super().reload()
        self.imports_model.refresh()
        month = self.month.currentData()
        with self.db.session() as s:
            o = month_overview(s, month)
        self.summary.setText(
            f"{self.month.currentText()}：预估佣金 {format_fen(o.estimated_fen)} · "
            f"本月结算 {format_fen(o.settled_fen)} · 失效 {format_fen(o.lost_fen)}"
        )
