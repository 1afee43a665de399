"""统计: the month at a glance: orders, sales, markup, commission, top products."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from microshop.domain.money import format_fen
from microshop.services.stats import MonthOverview, month_overview
from microshop.store.database import Database
from microshop.ui.pages.base import month_combo
from microshop.ui.worker import TaskRunner

CARDS = (
    ("orders", "订单数"),
    ("sales_fen", "销售额"),
    ("markup_fen", "加价收入"),
    ("estimated_fen", "预估佣金"),
    ("settled_fen", "本月结算"),
    ("lost_fen", "失效佣金"),
)


class StatCard(QFrame):
    """A number with a caption."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("statCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.value = QLabel("—")
        self.value.setObjectName("statValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label = QLabel(caption)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.value)
        layout.addWidget(label)


class StatsPage(QWidget):
    """Month overview cards and the month's best-selling products."""

    title = "统计"

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.month = month_combo(all_text=None)
        self.month.currentIndexChanged.connect(lambda _i: self.reload())
        top = QHBoxLayout()
        top.addWidget(QLabel("月份"))
        top.addWidget(self.month)
        top.addStretch(1)
        grid = QGridLayout()
        self.cards: dict[str, StatCard] = {}
        for i, (key, caption) in enumerate(CARDS):
            card = StatCard(caption)
            self.cards[key] = card
            grid.addWidget(card, i // 3, i % 3)
        self.top_model = QStandardItemModel(0, 3, self)
        self.top_model.setHorizontalHeaderLabels(["商品", "件数", "销售额"])
        self.top_view = QTableView()
        self.top_view.setModel(self.top_model)
        self.top_view.verticalHeader().setVisible(False)
        self.top_view.horizontalHeader().setStretchLastSection(True)
        self.top_view.setColumnWidth(0, 360)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(QLabel("本月热销商品"))
        layout.addWidget(self.top_view, 1)
        self.reload()

    def reload(self) -> None:
        """Recompute the month's figures (all in SQL)."""
        with self.db.session() as s:
            overview = month_overview(s, self.month.currentData())
        self.show_overview(overview)

    def show_overview(self, o: MonthOverview) -> None:
        for key, card in self.cards.items():
            value = getattr(o, key)
            card.value.setText(str(value) if key == "orders" else format_fen(value))
        self.top_model.removeRows(0, self.top_model.rowCount())
        for title, qty, sales in o.top_products:
            cells = [QStandardItem(title), QStandardItem(str(qty)), QStandardItem(format_fen(sales))]
            for cell in cells[1:]:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for cell in cells:
                cell.setEditable(False)
            self.top_model.appendRow(cells)
