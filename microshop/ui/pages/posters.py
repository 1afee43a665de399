"""海报: choose a pick, see its 文案, copy it (recorded as a share), and review the share history."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from microshop.domain.enums import ShareKind
from microshop.services import products as svc
from microshop.services.listing import ListQuery, ProductList, ShareList
from microshop.store.database import Database
from microshop.ui.pages.base import make_table
from microshop.ui.table_model import SqlListModel
from microshop.ui.worker import TaskRunner


class PostersPage(QWidget):
    """Sharing a pick: its copy text and every time it was shared."""

    title = "海报"

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索要分享的商品…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.products = SqlListModel(db, ProductList(), self)
        self.product_view = make_table(self.products)
        for col in range(3, len(self.products.source.columns)):
            self.product_view.hideColumn(col)
        self.product_view.setColumnWidth(0, 260)
        self.product_view.selectionModel().selectionChanged.connect(lambda *_: self.show_selected())

        self.heading = QLabel("请在左侧选择一个商品")
        self.heading.setObjectName("pageHeading")
        self.heading.setWordWrap(True)
        self.copy_preview = QPlainTextEdit()
        self.copy_preview.setReadOnly(True)
        self.copy_preview.setPlaceholderText("商品的分享文案会显示在这里")
        self.copy_button = QPushButton("复制文案")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_text)
        self.shares = SqlListModel(db, ShareList(), self)
        self.share_view = make_table(self.shares)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.product_view)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(QLabel("分享文案"))
        right_layout.addWidget(self.copy_preview, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(QLabel("分享记录（当时的价格和佣金）"))
        right_layout.addWidget(self.share_view, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 560])
        QVBoxLayout(self).addWidget(splitter)
        self.reload()

    def reload(self) -> None:
        """Refresh both lists."""
        self.products.set_query(ListQuery(self.search.text().strip(), {}, None, True))
        self.show_selected()

    def selected_product(self) -> int | None:
        rows = self.product_view.selectionModel().selectedRows()
        return self.products.id_at(rows[0].row()) if rows else None

    def show_selected(self) -> None:
        product_id = self.selected_product()
        self.copy_button.setEnabled(product_id is not None)
        self.shares.set_query(ListQuery(filters={"product_id": product_id or -1}))
        if product_id is None:
            self.heading.setText("请在左侧选择一个商品")
            self.copy_preview.clear()
            return
        with self.db.session() as s:
            data = svc.load_product(s, product_id)
            text = svc.copy_text(s, product_id)
        self.heading.setText(data.title)
        self.copy_preview.setPlainText(text)

    def copy_text(self) -> None:
        product_id = self.selected_product()
        if product_id is None:
            return
        text = self.copy_preview.toPlainText()
        QGuiApplication.clipboard().setText(text)
        with self.db.session() as s:
            svc.record_share(s, product_id, ShareKind.COPY_TEXT, text=text)
        self.shares.refresh()
