"""订单: the order book with status/platform/month filters and batch status changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QMenu, QMessageBox, QPushButton

from microshop.domain.enums import ORDER_STATUS_LABELS, OrderStatus
from microshop.services import orders as svc
from microshop.services.listing import OrderList
from microshop.store.database import Database
from microshop.ui.pages.base import ListPage, month_combo, platform_combo
from microshop.ui.worker import TaskRunner


class OrdersPage(ListPage):
    """All orders; filters and sorting run in SQL."""

    title = "订单"

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(db, runner, OrderList(), parent)
        self.search.setPlaceholderText("搜索客户、商品、平台订单号、备注…")
        self.status = QComboBox()
        self.status.addItem("全部状态", "")
        for status, label in ORDER_STATUS_LABELS.items():
            self.status.addItem(label, status.value)
        self.platform = platform_combo()
        self.month = month_combo()
        for widget in (self.status, self.platform, self.month):
            self.add_filter(widget)
        self.status_button = QPushButton("修改状态")
        menu = QMenu(self.status_button)
        for status, label in ORDER_STATUS_LABELS.items():
            menu.addAction(label).triggered.connect(lambda _c=False, s=status: self.set_status(s))
        self.status_button.setMenu(menu)
        delete = QPushButton("删除")
        delete.clicked.connect(self.delete_selected)
        self.action_bar.addWidget(self.status_button)
        self.action_bar.addWidget(delete)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(2, 300)
        self.reload()

    def filters(self) -> dict[str, Any]:
        return {
            "status": self.status.currentData(),
            "platform": self.platform.currentData(),
            "month": self.month.currentData(),
        }

    def set_status(self, status: OrderStatus) -> None:
        ids = self.selected_ids()
        if not ids:
            self.status_message.emit("请先选中要修改的订单")
            return
        with self.db.session() as s:
            n = svc.set_status(s, ids, status)
        self.reload()
        self.status_message.emit(f"已把 {n} 个订单改为“{status.label}”")

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and QMessageBox.question(
            self, "删除订单", f"确定删除选中的 {len(ids)} 个订单吗？此操作不能撤销。"
        ) == QMessageBox.StandardButton.Yes:
            with self.db.session() as s:
                svc.delete_orders(s, ids)
            self.reload()
