"""选品库: the pick library list with search, platform/favourite/commission filters and editing."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton

from microshop.services import products as svc
from microshop.services.listing import ProductList, format_rate
from microshop.store.database import Database
from microshop.ui.forms import FormDialog, money_edit, read_money
from microshop.ui.pages.base import ListPage, platform_combo
from microshop.ui.worker import TaskRunner


class ProductDialog(FormDialog):
    """Add or edit one pick."""

    def __init__(self, data: svc.ProductInput | None = None, parent: Any = None) -> None:
        super().__init__("编辑商品" if data else "新增商品", parent)
        data = data or svc.ProductInput(title="")
        self.title_edit = QLineEdit(data.title)
        self.title_edit.setMinimumWidth(380)
        self.platform = platform_combo("未选择")
        self.platform.setCurrentIndex(max(0, self.platform.findData(data.platform_key or "")))
        self.item_id = QLineEdit(data.platform_product_id or "")
        self.link = QLineEdit(data.link or "")
        self.price = money_edit(data.price_fen)
        self.original = money_edit(data.original_price_fen)
        self.coupon = money_edit(data.coupon_fen)
        self.rate = QLineEdit(format_rate(data.commission_rate_bp))
        self.rate.setPlaceholderText("例如 20%")
        self.category = QLineEdit(data.category or "")
        self.tags = QLineEdit("，".join(data.tags))
        self.tags.setPlaceholderText("用逗号分隔，例如 爆款，水果")
        self.favourite = QCheckBox("收藏")
        self.favourite.setChecked(data.favourite)
        self.notes = QPlainTextEdit(data.notes or "")
        self.notes.setMaximumHeight(70)
        for label, widget in (
            ("商品标题", self.title_edit), ("平台", self.platform), ("商品ID", self.item_id),
            ("链接", self.link), ("券后价（元）", self.price), ("原价（元）", self.original),
            ("优惠券（元）", self.coupon), ("佣金比例", self.rate), ("类目", self.category),
            ("标签", self.tags), ("", self.favourite), ("备注", self.notes),
        ):
            self.form.addRow(label, widget)
        self.finish_form()

    def collect(self) -> svc.ProductInput:
        tags = self.tags.text().replace("，", ",").split(",")
        return svc.validate(
            svc.ProductInput(
                title=self.title_edit.text(),
                platform_key=self.platform.currentData() or None,
                platform_product_id=self.item_id.text().strip() or None,
                link=self.link.text().strip() or None,
                price_fen=read_money(self.price, "券后价"),
                original_price_fen=read_money(self.original, "原价"),
                coupon_fen=read_money(self.coupon, "优惠券"),
                commission_rate_bp=svc.parse_rate(self.rate.text()),
                category=self.category.text().strip() or None,
                tags=tags,
                favourite=self.favourite.isChecked(),
                notes=self.notes.toPlainText().strip() or None,
            )
        )


class ProductsPage(ListPage):
    """The pick library."""

    title = "选品库"

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(db, runner, ProductList(), parent)
        self.search.setPlaceholderText("搜索标题、商品ID、类目…")
        self.platform = platform_combo()
        self.min_rate = QComboBox()
        for text, bp in (("佣金不限", None), ("佣金≥10%", 1000), ("佣金≥20%", 2000), ("佣金≥30%", 3000)):
            self.min_rate.addItem(text, bp)
        self.only_fav = QCheckBox("只看收藏")
        for widget in (self.platform, self.min_rate, self.only_fav):
            self.add_filter(widget)
        for text, slot in (
            ("新增商品", self.add_product), ("编辑", self.edit_selected),
            ("收藏/取消", self.toggle_favourite), ("删除", self.delete_selected),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.action_bar.addWidget(button)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.setColumnWidth(0, 320)
        self.reload()

    def filters(self) -> dict[str, Any]:
        return {
            "platform": self.platform.currentData(),
            "favourite": self.only_fav.isChecked(),
            "min_rate_bp": self.min_rate.currentData(),
        }

    def add_product(self) -> None:
        dialog = ProductDialog(parent=self)
        if dialog.exec():
            with self.db.session() as s:
                svc.save_product(s, dialog.result_value)
            self.reload()
            self.status_message.emit(f"已添加商品：{dialog.result_value.title}")

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        with self.db.session() as s:
            data = svc.load_product(s, ids[0])
        dialog = ProductDialog(data, self)
        if dialog.exec():
            with self.db.session() as s:
                svc.save_product(s, dialog.result_value, ids[0])
            self.reload()

    def toggle_favourite(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        with self.db.session() as s:
            current = svc.load_product(s, ids[0]).favourite
            svc.set_favourite(s, ids, not current)
        self.reload()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self, "删除商品", f"确定删除选中的 {len(ids)} 个商品吗？相关的分享记录也会一起删除，订单会保留。"
        )
        if answer == QMessageBox.StandardButton.Yes:
            with self.db.session() as s:
                n = svc.delete_products(s, ids)
            self.reload()
            self.status_message.emit(f"已删除 {n} 个商品")
