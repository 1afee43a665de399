"""订单: the order book with status/platform/month filters and batch status changes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QMenu, QMessageBox, QPushButton, QToolButton

from microshop.domain.enums import ORDER_STATUS_LABELS, OrderStatus
from microshop.i18n import QT_TR_NOOP, localized
from microshop.importers.orderbook import parse_order_book
from microshop.services import orders as svc
from microshop.services.listing import ListQuery, OrderList
from microshop.ui import file_dialogs
from microshop.ui.i18n import tr
from microshop.ui.order_dialogs import JielongDialog, OrderDialog
from microshop.ui.pages.base import ListPage, month_combo, platform_combo
from microshop.ui.worker import TaskRunner

if TYPE_CHECKING:
    from microshop.services.book import Database

class OrdersPage(ListPage):
    """All orders; filters and sorting run in SQL."""

    title = QT_TR_NOOP("订单")

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(db, runner, OrderList(), parent)
        self.search.setPlaceholderText(tr("搜索客户、商品、平台订单号、备注…"))
        self.last_dialog: QDialog | None = None  # the 快团团/派送单 dialog last opened (tests drive it)
        self.status = QComboBox()
        self.status.addItem(tr("全部状态"), "")
        for status, label in ORDER_STATUS_LABELS.items():
            self.status.addItem(localized(label), status.value)
        self.platform = platform_combo()
        self.month = month_combo()
        self.pickup = QComboBox()
        self.customer_id: int | None = None
        self.privacy = False
        self.customer_chip = QToolButton()
        self.customer_chip.setText("")
        self.customer_chip.setVisible(False)
        self.customer_chip.setToolTip(tr("点击取消按客户筛选"))
        self.customer_chip.clicked.connect(lambda: self.show_customer(None))
        self.filter_bar.addWidget(self.customer_chip)
        for widget in (self.status, self.platform, self.month, self.pickup):
            self.add_filter(widget)
        self._points: list[str] = []
        self.fill_pickup_points()
        self.refresh_pickup_points()
        self.status_button = QPushButton(tr("修改状态"))
        menu = QMenu(self.status_button)
        for status, label in ORDER_STATUS_LABELS.items():
            menu.addAction(localized(label)).triggered.connect(lambda _c=False, s=status: self.set_status(s))
        self.status_button.setMenu(menu)
        new = QPushButton(tr("新增订单"))
        new.clicked.connect(self.add_order)
        edit = QPushButton(tr("编辑"))
        edit.clicked.connect(self.edit_selected)
        delete = QPushButton(tr("删除"))
        delete.clicked.connect(self.delete_selected)
        jielong = QPushButton(tr("接龙导入"))
        jielong.setToolTip(tr("把微信群里的接龙文字粘贴进来，生成订单"))
        jielong.clicked.connect(lambda _checked=False: self.import_jielong())
        ktt = QPushButton(tr("快团团导入"))
        ktt.setToolTip(tr("导入快团团后台导出的订单表；同一个团的新导出只更新状态和退款，不会重复"))
        ktt.clicked.connect(self.import_ktt)
        deliver = QPushButton(tr("派送单/进货"))
        deliver.setToolTip(tr("按自提点或小区楼号排好的派送单、每户一张的标签，以及向供货商进货的汇总"))
        deliver.clicked.connect(self.open_delivery)
        more = QPushButton(tr("导入/导出"))
        more_menu = QMenu(more)
        more_menu.addAction(tr("接龙导入…")).triggered.connect(lambda _checked=False: self.import_jielong())
        more_menu.addAction(tr("快团团导入…")).triggered.connect(self.import_ktt)
        more_menu.addAction(tr("导入订单表…")).triggered.connect(self.import_order_book)
        more_menu.addSeparator()
        more_menu.addAction(tr("导出订单簿…")).triggered.connect(self.export_book)
        more_menu.addAction(tr("导出自提/配送清单…")).triggered.connect(self.export_pickup)
        more.setMenu(more_menu)
        for button in (new, edit, self.status_button, delete, jielong, ktt, deliver, more):
            self.action_bar.addWidget(button)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.reload()

    def filters(self) -> dict[str, Any]:
        return {
            "status": self.status.currentData(),
            "platform": self.platform.currentData(),
            "month": self.month.currentData(),
            "pickup_point": self.pickup.currentData(),
            "customer_id": self.customer_id,
        }

    def fill_pickup_points(self) -> None:
        current = self.pickup.currentData()
        self.pickup.blockSignals(True)
        self.pickup.clear()
        self.pickup.addItem(tr("全部自提点"), "")
        for point in self._points:
            self.pickup.addItem(point, point)
        self.pickup.setCurrentIndex(max(0, self.pickup.findData(current)))
        self.pickup.blockSignals(False)

    def refresh_pickup_points(self) -> None:
        """Re-read the pickup points in use (on the worker) and refill the filter."""
        def show(points: list[str]) -> None:
            if points != self._points:
                self._points = points
                self.fill_pickup_points()

        self.runner.run(lambda _p: svc.points(self.db), show, silent=True, cancellable=False)

    def show_customer(self, customer_id: int | None) -> None:
        """Show one customer's order history (None: everyone)."""
        self.customer_id = customer_id
        if customer_id is None:
            self.customer_chip.setVisible(False)
        else:
            def show(name: str) -> None:
                self.customer_chip.setText(tr("客户：{name} ✕", name=name))
                self.customer_chip.setVisible(True)

            self.runner.run(lambda _p: svc.customer_name(self.db, customer_id), show, cancellable=False)
        self.reload()

    def add_order(self) -> None:
        self.runner.run(lambda _p: svc.for_edit(self.db, None), lambda stored: self.open_dialog(stored, None),
                        cancellable=False)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        order_id = ids[0]
        self.runner.run(lambda _p: svc.for_edit(self.db, order_id), lambda stored: self.open_dialog(stored, order_id),
                        cancellable=False)

    def open_dialog(self, stored: svc.OrderForEdit, order_id: int | None) -> None:
        """The order dialog; 保存 runs ``orders.save`` on the worker and the dialog closes only
        when it succeeded (a refusal is shown over it, input kept)."""
        data = stored.data
        dialog = OrderDialog(data, stored.pickup_points, self, privacy=self.privacy and data is not None)

        def save(value: svc.OrderInput) -> int:
            if data is not None and value.customer_name == data.customer_name:
                value.customer_id = data.customer_id
            return svc.save(self.db, value, order_id)

        dialog.save_with(self.runner, save)
        self.last_dialog = dialog
        if dialog.exec():
            self.refresh_pickup_points()
            self.reload()
            self.status_message.emit(tr("已新增订单") if order_id is None else tr("订单已保存"))

    def empty_state(self) -> tuple[str, str]:
        return (tr("还没有订单。把群里的接龙整段复制过来，点右边的按钮（或在窗口里按 Ctrl+V），一次生成所有人的订单；"
                   "也可以“新增订单”手动记一单，或从“导入/导出”导入订单簿。"),
                tr("接龙导入…"))

    def empty_action(self) -> None:
        self.import_jielong()

    def import_jielong(self, text: str | None = None) -> None:
        """接龙导入 (``text``: already pasted with Ctrl+V / 粘贴, shown parsed at once)."""
        dialog = JielongDialog(self.db, self, self.runner)
        if text:
            dialog.text.setPlainText(text)
            dialog.reparse()
        self.last_dialog = dialog
        if dialog.exec() and dialog.outcome is not None:
            r = dialog.outcome
            self.refresh_pickup_points()
            self.reload()
            message = tr("接龙：已生成 {orders} 个订单，新建 {customers_created} 位客户",
                         orders=r["orders"], customers_created=r["customers_created"])
            if r["skipped"]:  # say why, not just how many
                reasons = "；".join(tr("第 {seq} 条{reason}", seq=s["seq"], reason=s["reason"]) for s in r["skipped"][:3])
                message += tr("；{count} 条未导入（{reasons}{more}）", count=len(r["skipped"]), reasons=reasons,
                              more="…" if len(r["skipped"]) > 3 else "")
            self.status_message.emit(message)

    def import_ktt(self) -> None:
        """快团团导入: choose the export → preview (off the GUI thread) → confirm → one transaction."""
        from microshop.services import ktt as ktt_ops
        from microshop.ui.tuanzhang import KttPreviewDialog

        file = file_dialogs.open_file(self, "ktt", tr("选择快团团导出的订单表"), tr("表格 (*.xlsx *.xls *.csv);;所有文件 (*)"))
        if file is None:
            return

        def confirm(preview) -> None:
            dialog = KttPreviewDialog(preview, self)
            self.last_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            self.runner.run(lambda progress: ktt_ops.import_file(self.db, file, progress), self._ktt_done,
                            title=tr("正在导入快团团订单…"))

        self.runner.run(lambda _p: ktt_ops.preview_file(self.db, file), confirm, title=tr("正在读取快团团订单…"))

    def _ktt_done(self, result: dict) -> None:
        self.refresh_pickup_points()
        self.reload()
        self.status_message.emit(tr("快团团订单：新增 {orders} 单，更新 {updated} 单，新建 {customers} 位客户",
                                    orders=result["orders"], updated=result["updated"],
                                    customers=result["customers_created"])
                                 + (tr("，{n} 行未导入", n=len(result["skipped"])) if result["skipped"] else ""))

    def open_delivery(self) -> None:
        from microshop.ui.tuanzhang import DeliveryDialog

        dialog = DeliveryDialog(self.db, self.runner, self)
        self.last_dialog = dialog
        dialog.exec()

    def import_order_book(self) -> None:
        path = file_dialogs.open_file(self, "orders", tr("选择订单表"), tr("表格 (*.xlsx *.xls *.csv);;所有文件 (*)"))
        if path is None:
            return
        self.runner.run(lambda _p: parse_order_book(path), lambda parsed: self._confirm_book(path, parsed),
                        title=tr("正在读取订单表…"))

    def _confirm_book(self, path: Path, parsed: tuple, year: int | None = None) -> None:
        rows, skipped, unused, yearless = parsed
        if yearless and year is None:  # “11月3日” and no year anywhere: ask which, then read it again
            chosen, ok = QInputDialog.getInt(
                self, tr("订单表没有写年份"),
                tr("“{name}”里有 {count} 行的日期没写年份（如“11月3日”），表里也没有可参照的年份。\n"
                   "这些订单是哪一年的？（跨年的表，后面的日期会自动顺延到下一年）", name=path.name, count=yearless),
                QDate.currentDate().year(), 2000, 2100)
            if not ok:
                return
            self.runner.run(lambda _p: parse_order_book(path, chosen),
                            lambda again: self._confirm_book(path, again, chosen), title=tr("正在读取订单表…"))
            return
        detail = "\n".join(tr("第 {row} 行：{reason}", row=s.row, reason=s.reason) for s in skipped[:15])
        box = QMessageBox(QMessageBox.Icon.Question, tr("导入订单表"),
                          tr("“{name}”里有 {count} 个订单可以导入", name=path.name, count=len(rows)) + (tr("，{count} 行会跳过。", count=len(skipped)) if skipped else "。")
                          + (tr("\n这几列没有对应的位置，不会导入：{columns}", columns="、".join(unused)) if unused else "")
                          + tr("\n已经导入过的订单不会重复导入。确定导入吗？"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        if detail:
            box.setDetailedText(detail)
        self.last_box = box
        if box.exec() != QMessageBox.StandardButton.Yes:
            return

        def job(progress):
            return svc.import_book_file(self.db, path, progress, year=year)

        def done(result: dict) -> None:
            self.refresh_pickup_points()
            self.reload()
            self.status_message.emit(tr("已导入 {orders} 个订单，新建 {customers_created} 位客户", orders=result['orders'], customers_created=result['customers_created']))

        self.runner.run(job, done, title=tr("正在导入订单…"))

    def _export(self, title: str, default: str, fn) -> None:
        path = file_dialogs.save_file(self, "exports", title, default, tr("Excel 表格 (*.xlsx)"))
        if path is None:
            return
        query = ListQuery(self.search.text().strip(), self.filters(), 0, False)

        def job(_p):
            return fn(self.db, path, query)

        def done(out: Path) -> None:
            self.status_message.emit(tr("已导出到 {out}", out=out))
            self.file_written.emit(str(out))

        self.runner.run(job, done, title=tr("正在导出…"),
                        cancellable=False)

    def export_book(self) -> None:
        self._export(tr("导出订单簿"), tr("订单簿.xlsx"), svc.export_book_file)

    def export_pickup(self) -> None:
        full = QMessageBox.question(self, tr("导出自提/配送清单"), tr("清单里要显示完整手机号吗？\n（选“否”则显示为 138****5678）"),
                                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes
        self._export(tr("导出自提/配送清单"), tr("自提清单.xlsx"),
                     lambda db, path, q: svc.export_pickup_file(db, path, q, full_phones=full))

    def set_status(self, status: OrderStatus) -> None:
        ids = self.selected_ids()
        if not ids:
            self.status_message.emit(tr("请先选中要修改的订单"))
            return
        def changed(n: int) -> None:
            self.reload()
            self.status_message.emit(tr("已把 {n} 个订单改为“{status}”", n=n, status=status.label))

        self.runner.run(lambda _p: svc.change_status(self.db, ids, status), changed, cancellable=False)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and QMessageBox.question(
            self, tr("删除订单"), tr("确定删除选中的 {count} 个订单吗？此操作不能撤销。", count=len(ids))
        ) == QMessageBox.StandardButton.Yes:
            self.runner.run(lambda _p: svc.remove(self.db, ids), lambda _n: self.reload(), cancellable=False)
