"""客户: customers with masked phones, order counts and totals; add/edit/delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton

from microshop.domain.privacy import mask_address, mask_phone
from microshop.errors import UserError
from microshop.i18n import QT_TR_NOOP
from microshop.services import customers as svc
from microshop.services.listing import CustomerList
from microshop.ui.forms import FormDialog
from microshop.ui.i18n import tr
from microshop.ui.pages.base import ListPage
from microshop.ui.worker import TaskRunner

if TYPE_CHECKING:
    from microshop.services.book import Database

class CustomerDialog(FormDialog):
    """Add or edit a customer."""

    def __init__(self, data: svc.CustomerInput | None = None, parent: Any = None, privacy: bool = False) -> None:
        super().__init__(tr("编辑客户") if data else tr("新增客户"), parent)
        data = data or svc.CustomerInput(name="")
        self.original = data
        self.privacy = privacy and data is not None
        self.name = QLineEdit(data.name)
        self.name.setMinimumWidth(300)
        self.nickname = QLineEdit(data.nickname or "")
        self.wechat = QLineEdit(data.wechat_id or "")
        self.phone = QLineEdit(data.phone or "")
        self.pickup = QLineEdit(data.pickup_point or "")
        self.notes = QPlainTextEdit(data.notes or "")
        self.notes.setMaximumHeight(70)
        self.tags = QLineEdit("，".join(data.tags))
        self.tags.setPlaceholderText(tr("用逗号分隔，例如 老客户，宝妈"))
        self.addresses = QPlainTextEdit("\n".join(data.addresses))
        self.addresses.setPlaceholderText(tr("每行一个收货地址"))
        self.addresses.setMaximumHeight(70)
        if self.privacy:  # 隐私模式: show masked, read-only; saving keeps the real values
            self.phone.setText(mask_phone(data.phone))
            self.addresses.setPlainText("\n".join(mask_address(a) for a in data.addresses))
            for widget in (self.phone, self.addresses):
                widget.setReadOnly(True)
            self.form.addRow(QLabel(tr("隐私模式已开启：手机和地址不显示完整内容，也不能修改。")))
        for label, widget in (
            (tr("姓名/称呼"), self.name), (tr("微信昵称"), self.nickname), (tr("微信号"), self.wechat),
            (tr("手机"), self.phone), (tr("自提点"), self.pickup), (tr("标签"), self.tags), (tr("收货地址"), self.addresses),
            (tr("备注"), self.notes),
        ):
            self.form.addRow(label, widget)
        self.finish_form()

    def collect(self) -> svc.CustomerInput:
        data = svc.CustomerInput(
            self.name.text(), self.nickname.text(), self.wechat.text(), self.phone.text(),
            self.pickup.text(), self.notes.toPlainText(),
            self.tags.text().replace("，", ",").split(","), self.addresses.toPlainText().splitlines(),
        )
        if self.privacy:
            data.phone, data.addresses = self.original.phone, self.original.addresses
        if not data.name.strip():
            raise UserError(tr("客户姓名不能为空。"))
        return data


class CustomersPage(ListPage):
    """The customer book."""

    title = QT_TR_NOOP("客户")
    orders_requested = Signal(int)

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(db, runner, CustomerList(), parent)
        self.last_dialog: CustomerDialog | None = None  # the add/edit dialog last opened (tests drive it)
        self.search.setPlaceholderText(tr("搜索姓名、昵称、微信号、手机…"))
        for text, slot in ((tr("新增客户"), self.add_customer), (tr("编辑"), self.edit_selected),
                           (tr("查看订单"), self.show_orders), (tr("合并…"), self.merge_selected), (tr("删除"), self.delete_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.action_bar.addWidget(button)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.reload()

    def empty_state(self) -> tuple[str, str]:
        return (tr("还没有客户。导入接龙或记订单时，新名字会自动成为客户；也可以先把常买的邻居、朋友加进来。"),
                tr("新增客户…"))

    def empty_action(self) -> None:
        self.add_customer()

    def add_customer(self) -> None:
        self.open_dialog(None, None)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            customer_id = ids[0]
            self.runner.run(lambda _p: svc.load(self.db, customer_id),
                            lambda data: self.open_dialog(data, customer_id), cancellable=False)

    def open_dialog(self, data: svc.CustomerInput | None, customer_id: int | None) -> None:
        """The add/edit dialog; 保存 runs ``customers.save`` on the worker and the dialog closes
        only when it succeeded (a refusal is shown over it, input kept)."""
        dialog = CustomerDialog(data, self, privacy=self.model.source.privacy and data is not None)
        dialog.save_with(self.runner, lambda value: svc.save(self.db, value, customer_id))
        self.last_dialog = dialog
        if dialog.exec():
            self.reload()
            self.status_message.emit(tr("客户“{name}”已保存", name=dialog.result_value.name))

    def show_orders(self) -> None:
        """Switch to 订单 showing this customer's order history."""
        ids = self.selected_ids()
        if ids:
            self.orders_requested.emit(ids[0])

    def merge_selected(self) -> None:
        """Merge two selected records of the same person (the first selected is kept)."""
        ids = self.selected_ids()
        if len(ids) != 2:
            QMessageBox.information(self, tr("合并客户"), tr("请按住 Ctrl 选中同一个人的两条记录，再点“合并”。"))
            return
        self.runner.run(lambda _p: svc.names(self.db, ids), lambda names: self._merge(ids, names), cancellable=False)

    def _merge(self, ids: list[int], names: list[str]) -> None:
        choice, ok = QInputDialog.getItem(
            self, tr("合并客户"), tr("保留哪一条记录？另一条的订单、标签和地址会并入它："), names, 0, False)
        if not ok:
            return
        keep = ids[names.index(choice)]
        other = ids[1 - names.index(choice)]
        self.runner.run(lambda _p: svc.merge(self.db, keep, other), self._merged, cancellable=False)

    def _merged(self, moved: int) -> None:
        self.reload()
        self.status_message.emit(tr("已合并，移过来 {moved} 个订单", moved=moved))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and QMessageBox.question(
            self, tr("删除客户"), tr("确定删除选中的 {count} 位客户吗？他们的订单会保留。", count=len(ids))
        ) == QMessageBox.StandardButton.Yes:
            self.runner.run(lambda _p: svc.remove(self.db, ids), lambda _n: self.reload(), cancellable=False)
