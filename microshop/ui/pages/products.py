"""选品库: the pick library list with search, platform/favourite/commission filters and editing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from microshop.domain.enums import platform_name
from microshop.domain.money import format_fen
from microshop.domain.timeutil import format_local
from microshop.i18n import QT_TR_NOOP
from microshop.importers.sharetext import parse_share_text, products_in
from microshop.services import picks
from microshop.services import products as svc
from microshop.services.listing import ProductList, format_rate
from microshop.services.picks import parse_picks
from microshop.ui import file_dialogs
from microshop.ui.forms import FormDialog, fit_to_screen, money_edit, read_money
from microshop.ui.i18n import tr
from microshop.ui.item_models import RowsModel
from microshop.ui.pages.base import ListPage, platform_combo
from microshop.ui.product_images import ImageStrip
from microshop.ui.worker import TaskRunner

if TYPE_CHECKING:
    from microshop.services.book import Database

class ProductDialog(FormDialog):
    """Add or edit one pick."""

    def __init__(self, data: svc.ProductInput | None = None, parent: Any = None,
                 images: list[tuple[int, str]] | None = None, title: str | None = None) -> None:
        super().__init__(title or (tr("编辑商品") if data else tr("新增商品")), parent)
        data = data or svc.ProductInput(title="")
        self.images = ImageStrip(images)
        self.title_edit = QLineEdit(data.title)
        self.title_edit.setMinimumWidth(380)
        self.platform = platform_combo(tr("未选择"))
        self.platform.setCurrentIndex(max(0, self.platform.findData(data.platform_key or "")))
        self.item_id = QLineEdit(data.platform_product_id or "")
        self.link = QLineEdit(data.link or "")
        self.price = money_edit(data.price_fen)
        self.original = money_edit(data.original_price_fen)
        self.coupon = money_edit(data.coupon_fen)
        self.rate = QLineEdit(format_rate(data.commission_rate_bp))
        self.rate.setPlaceholderText(tr("例如 20%"))
        self.category = QLineEdit(data.category or "")
        self.deadline = QLineEdit(format_local(data.deadline, "%Y-%m-%d") if data.deadline else "")
        self.deadline.setPlaceholderText(tr("例如 2026-12-31，不填表示长期有效"))
        self.tags = QLineEdit("，".join(data.tags))
        self.tags.setPlaceholderText(tr("用逗号分隔，例如 爆款，水果"))
        self.favourite = QCheckBox(tr("收藏"))
        self.favourite.setChecked(data.favourite)
        self.notes = QPlainTextEdit(data.notes or "")
        self.notes.setMaximumHeight(70)
        prices = QWidget()  # the three figures of an offer on one line: the dialog fits a 700 px screen
        line = QHBoxLayout(prices)
        line.setContentsMargins(0, 0, 0, 0)
        for caption, edit in ((None, self.price), (tr("原价（元）"), self.original), (tr("优惠券（元）"), self.coupon)):
            if caption:
                line.addSpacing(8)
                line.addWidget(QLabel(caption))
            line.addWidget(edit, 1)
        tagged = QWidget()
        row = QHBoxLayout(tagged)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.tags, 1)
        row.addWidget(self.favourite)
        for label, widget in (
            (tr("商品标题"), self.title_edit), (tr("平台"), self.platform), (tr("商品ID"), self.item_id),
            (tr("链接"), self.link), (tr("券后价（元）"), prices), (tr("佣金比例"), self.rate),
            (tr("活动截止"), self.deadline), (tr("类目"), self.category), (tr("标签"), tagged),
            (tr("备注"), self.notes), (tr("图片"), self.images),
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
                price_fen=read_money(self.price, tr("券后价")),
                original_price_fen=read_money(self.original, tr("原价")),
                coupon_fen=read_money(self.coupon, tr("优惠券")),
                commission_rate_bp=svc.parse_rate(self.rate.text()),
                category=self.category.text().strip() or None,
                tags=tags,
                favourite=self.favourite.isChecked(),
                notes=self.notes.toPlainText().strip() or None,
                deadline=svc.parse_deadline(self.deadline.text()),
            )
        )


class ProductsPage(ListPage):
    """The pick library."""

    title = QT_TR_NOOP("选品库")
    poster_requested = Signal(int)  # a pick made from a share text: show its poster

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(db, runner, ProductList(), parent)
        self.last_dialog: ProductDialog | None = None
        self.search.setPlaceholderText(tr("搜索标题、商品ID、类目…"))
        self.platform = platform_combo()
        self.min_rate = QComboBox()  # a commission range (both ends in SQL)
        for text, bounds in ((tr("佣金不限"), (None, None)), (tr("佣金 10% 以下"), (None, 999)), (tr("佣金 10%–20%"), (1000, 1999)),
                             (tr("佣金 20%–30%"), (2000, 2999)), (tr("佣金 30% 以上"), (3000, None))):
            self.min_rate.addItem(text, bounds)
        self.only_fav = QCheckBox(tr("只看收藏"))
        self.tag = QComboBox()
        self._tags: list[str] = []
        self.fill_tags()
        for widget in (self.platform, self.tag, self.min_rate, self.only_fav):
            self.add_filter(widget)
        add = QPushButton(tr("新增商品"))
        add_menu = QMenu(add)
        add_menu.addAction(tr("粘贴分享文本…")).triggered.connect(lambda _checked=False: self.add_from_share_text())
        add_menu.addAction(tr("手动填写…")).triggered.connect(self.add_product)
        add_menu.addSeparator()
        add_menu.addAction(tr("从表格导入…")).triggered.connect(self.import_sheet)
        add_menu.addAction(tr("导出选品库…")).triggered.connect(self.export_sheet)
        add.setMenu(add_menu)
        self.action_bar.addWidget(add)
        for text, slot in (
            (tr("编辑"), self.edit_selected), (tr("收藏/取消"), self.toggle_favourite), (tr("删除"), self.delete_selected),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.action_bar.addWidget(button)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.reload()

    def fill_tags(self) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(tr("全部标签"), "")
        for tag in self._tags:
            self.tag.addItem(tag, tag)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current)))
        self.tag.blockSignals(False)

    def _tags_loaded(self, tags: list[str]) -> None:
        if tags != self._tags:
            self._tags = tags
            self.fill_tags()

    def reload(self) -> None:
        if hasattr(self, "tag"):
            self.runner.run(lambda _p: svc.tags(self.db), self._tags_loaded, silent=True)
        super().reload()

    def open_dialog(self, dialog: ProductDialog, product_id: int | None) -> bool:
        """保存 runs ``products.save`` (the pick and its pictures, one transaction) on the worker;
        the dialog closes only when it succeeded, a refusal is shown over it with the input kept."""
        def save(value: svc.ProductInput) -> int:
            new = [svc.NewImage(str(p.path) if p.path is not None else None, p.data)
                   for p in dialog.images.items if p.path is not None or p.data is not None]
            return svc.save(self.db, value, product_id, removed_images=list(dialog.images.removed), new_images=new)

        dialog.save_with(self.runner, save)
        self.last_dialog = dialog
        if not dialog.exec():
            return False
        self.reload()
        return True

    def empty_state(self) -> tuple[str, str]:
        return (tr("选品库还是空的。在平台 App 里点“分享/复制链接”，把得到的整段文字（淘口令、京东/拼多多链接都行）"
                   "复制过来，点右边的按钮，或直接在窗口里按 Ctrl+V。也可以用“新增商品”从表格导入。"),
                tr("粘贴分享文本…"))

    def empty_action(self) -> None:
        self.add_from_share_text()

    def add_from_share_text(self, text: str | None = None) -> None:
        """A new pick from a share text (asked for, or already pasted with Ctrl+V / 粘贴); once
        saved, 海报 shows it selected with its poster (``poster_requested``)."""
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self, tr("粘贴分享文本"), tr("把平台 App 里“分享/复制链接”得到的整段文字粘贴到这里："))
            if not ok:
                return
        if not text.strip():
            return
        if products_in(text) > 1:  # “1. 维达抽纸 … 链接 / 2. …”: every product it lists, previewed, added at once
            rows = picks.picks_in_text(text)
            self._preview_rows(tr("粘贴的商品预览"), rows, lambda _p: picks.import_text(self.db, text))
            return
        info = parse_share_text(text)
        dialog = ProductDialog(svc.input_from_share(info), self, title=tr("新增商品（已从分享文本读取）"))
        if not info.title or not info.link:
            missing = "、".join(x for x, v in ((tr("标题"), info.title), (tr("链接"), info.link)) if not v)
            dialog.images.warning.setText(tr("没有从文本里找到{missing}，请补充。", missing=missing))
        if self.open_dialog(dialog, None):
            self.status_message.emit(tr("已添加商品：{title}", title=dialog.result_value.title))
            self.poster_requested.emit(dialog.saved)

    def import_sheet(self) -> None:
        path = file_dialogs.open_file(self, "picks", tr("选择商品表"), tr("表格 (*.xlsx *.xls *.csv);;所有文件 (*)"))
        if path is None:
            return
        self.runner.run(lambda _p: parse_picks(path), lambda rows: self._preview_sheet(path, rows),
                        title=tr("正在读取商品表…"))

    def _preview_sheet(self, path: Path, rows: list) -> None:
        self._preview_rows(tr("导入商品预览 — {name}", name=path.name), rows, lambda _p: picks.import_file(self.db, path))

    def _preview_rows(self, title: str, rows: list, job: Callable[[Any], dict[str, Any]]) -> None:
        """The picks a sheet or a paste would add, one per row (red: what cannot be, and why); 导入
        runs ``job`` on the task runner."""
        dialog = QDialog(self)
        self.last_preview = dialog
        dialog.setWindowTitle(title)
        fit_to_screen(dialog, 900, 520)
        model = RowsModel([
            (tr("行"), lambda r: r.row, True),
            (tr("商品标题"), lambda r: r.pick.title if r.pick else "", False),
            (tr("平台"), lambda r: platform_name(r.pick.platform_key) if r.pick else "", False),
            (tr("券后价"), lambda r: format_fen(r.pick.price_fen) if r.pick and r.pick.price_fen is not None else "", True),
            (tr("原价"), lambda r: format_fen(r.pick.original_price_fen)
             if r.pick and r.pick.original_price_fen is not None else "", True),
            (tr("优惠券"), lambda r: format_fen(r.pick.coupon_fen) if r.pick and r.pick.coupon_fen is not None else "", True),
            (tr("佣金比例"), lambda r: format_rate(r.pick.commission_rate_bp) if r.pick else "", True),
            (tr("链接"), lambda r: (r.pick.link or "") if r.pick else "", False),
            (tr("问题"), lambda r: r.error or "", False),
        ], dialog, highlight=lambda r: r.error is not None)
        model.set_rows(rows)
        view = QTableView()
        view.setModel(model)
        view.setWordWrap(False)
        view.resizeColumnsToContents()  # what was read (券后价 worked out from a coupon, the link chosen) in full
        for column, widest in ((1, 320), (7, 260), (8, 360)):
            view.setColumnWidth(column, min(view.columnWidth(column), widest))
        view.horizontalHeader().setStretchLastSection(True)  # 问题 takes the rest
        view.verticalHeader().setVisible(False)
        good = sum(1 for r in rows if r.pick)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("导入 {good} 个商品", good=good))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(tr("共 {count} 行，可导入 {good} 行；红色行有问题，不会导入。已在选品库里的商品会跳过。", count=len(rows), good=good)))
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        if dialog.exec():
            def done(result: dict[str, Any]) -> None:
                self.reload()
                self.status_message.emit(tr("已导入 {added} 个商品，跳过 {skipped} 行", added=result['added'], skipped=len(result['skipped'])))

            self.runner.run(job, done, title=tr("正在导入商品…"), cancellable=False)

    def export_sheet(self) -> None:
        path = file_dialogs.save_file(self, "exports", tr("导出选品库"), tr("选品库.xlsx"), tr("Excel 表格 (*.xlsx)"))
        if path is not None:
            ids = self.model.ids()

            def job(_p: Any) -> Path:
                return picks.export_file(self.db, path, ids)

            def done(out: Path) -> None:
                self.status_message.emit(tr("已导出 {count} 个商品到 {out}", count=len(ids), out=out))
                self.file_written.emit(str(out))

            self.runner.run(job, done,
                            title=tr("正在导出…"), cancellable=False)

    def filters(self) -> dict[str, Any]:
        return {
            "platform": self.platform.currentData(),
            "favourite": self.only_fav.isChecked(),
            "min_rate_bp": self.min_rate.currentData()[0],
            "max_rate_bp": self.min_rate.currentData()[1],
            "tag": self.tag.currentData(),
        }

    def add_product(self) -> None:
        dialog = ProductDialog(parent=self)
        if self.open_dialog(dialog, None):
            self.status_message.emit(tr("已添加商品：{title}", title=dialog.result_value.title))

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        product_id = ids[0]

        def edit(stored: svc.ProductForEdit) -> None:
            if self.open_dialog(ProductDialog(stored.data, self, stored.images), product_id):
                self.status_message.emit(tr("商品“{title}”已保存", title=self.last_dialog.result_value.title if self.last_dialog else ""))

        self.runner.run(lambda _p: svc.load(self.db, product_id), edit, cancellable=False)

    def toggle_favourite(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        self.runner.run(lambda _p: svc.toggle_favourite(self.db, ids), lambda _v: self.reload(), cancellable=False)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self, tr("删除商品"), tr("确定删除选中的 {count} 个商品吗？相关的分享记录也会一起删除，订单会保留。", count=len(ids))
        )
        if answer == QMessageBox.StandardButton.Yes:
            def deleted(n: int) -> None:
                self.reload()
                self.status_message.emit(tr("已删除 {n} 个商品", n=n))

            self.runner.run(lambda _p: svc.remove(self.db, ids), deleted, cancellable=False)
