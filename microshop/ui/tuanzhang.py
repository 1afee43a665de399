"""团长's screens: 快团团 import preview, and 派送单/标签/进货 for a range of days.

Every read and write is an operation run on the task runner; this module builds no query.
Printing goes through Qt's print dialog: the same PDF the export writes is rendered page by page
onto the printer (QtPdf), so what prints is what was previewed and exported.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from microshop.domain.enums import INACTIVE_ORDER_STATUSES, ORDER_STATUS_LABELS
from microshop.domain.money import format_fen
from microshop.i18n import QT_TR_NOOP, localized
from microshop.services import delivery as ops
from microshop.services.ktt import KttPreview
from microshop.ui import file_dialogs
from microshop.ui.forms import fit_to_screen
from microshop.ui.i18n import tr
from microshop.ui.item_models import RowsModel
from microshop.ui.worker import TaskRunner

PRINT_DPI = 300
ACTIONS = {"add": QT_TR_NOOP("新增"), "update": QT_TR_NOOP("更新"), "unchanged": QT_TR_NOOP("已导入过，不变")}
LABEL_CHOICES = ["60x40", "70x50", "80x60", "100x70", "100x100", "100x150"]


class KttPreviewDialog(QDialog):
    """What a 快团团 export would do: new, updated and unchanged orders, and rows left out."""

    def __init__(self, preview: KttPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("导入快团团订单 — {name}", name=preview.file_name))
        fit_to_screen(self, 960, 600)
        added, updated, same = preview.count("add"), preview.count("update"), preview.count("unchanged")
        summary = tr("团：{group}。新增 {added} 单，更新 {updated} 单（状态、退款或商品有变化），{same} 单已导入过不变。",
                     group=preview.group_name or tr("（表里没写）"), added=added, updated=updated, same=same)
        if preview.skipped:
            summary += tr("{n} 行没有导入，原因见下方。", n=len(preview.skipped))
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.model = RowsModel([
            (tr("导入后"), lambda r: localized(ACTIONS[r.action]), False),
            (tr("跟团号"), lambda r: r.group_no, True),
            (tr("客户"), lambda r: r.customer + (tr("（新客户）") if r.customer_is_new else ""), False),
            (tr("商品"), lambda r: r.items, False),
            (tr("金额"), lambda r: format_fen(r.amount_fen), True),
            (tr("状态"), lambda r: r.status, False),
            (tr("自提点/地址"), lambda r: r.place, False),
        ], self)
        self.model.set_rows(preview.rows)
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.resizeColumnsToContents()
        table.setColumnWidth(3, min(320, table.columnWidth(3)))
        table.setColumnWidth(6, min(240, table.columnWidth(6)))
        self.skipped = QListWidget()
        self.skipped.addItems([tr("第 {row} 行：{reason}", row=s["row"], reason=s["reason"]) for s in preview.skipped])
        self.skipped.setVisible(bool(preview.skipped))
        self.skipped.setMaximumHeight(100)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("导入 {n} 单", n=added + updated) if added + updated else tr("没有要导入的"))
        self.ok.setEnabled(bool(added + updated))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(table, 1)
        layout.addWidget(self.skipped)
        layout.addWidget(buttons)


class DeliveryDialog(QDialog):
    """派送单 · 标签 · 进货 for chosen days: preview, export, print, copy."""

    def __init__(self, db: Any, runner: TaskRunner, parent: QWidget | None = None,
                 start: date | None = None, end: date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.sheet: ops.DeliverySheet | None = None
        self.summary: dict[str, Any] | None = None
        self.generation = 0  # only the newest refresh is shown (jobs may finish out of order)
        self.setWindowTitle(tr("派送单与进货"))
        fit_to_screen(self, 980, 640)
        today = QDate.currentDate()
        self.start = QDateEdit(QDate(start.year, start.month, start.day) if start else today.addDays(-6))
        self.end = QDateEdit(QDate(end.year, end.month, end.day) if end else today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.refresh)
        self.group = QComboBox()
        self.group.addItem(tr("全部团"), "")
        self.group.currentIndexChanged.connect(self.refresh)
        self.status = QComboBox()
        self.status.addItem(tr("全部状态"), "")
        for status, label in ORDER_STATUS_LABELS.items():
            if status.value not in INACTIVE_ORDER_STATUSES:
                self.status.addItem(localized(label), status.value)
        self.status.currentIndexChanged.connect(self.refresh)
        self.group_by = QComboBox()
        self.group_by.addItem(tr("按自提点"), "pickup")
        self.group_by.addItem(tr("按小区 → 楼号 → 房号"), "building")
        self.group_by.currentIndexChanged.connect(self.refresh)
        self.full_phones = QCheckBox(tr("显示完整手机号"))
        self.full_phones.toggled.connect(self.refresh)
        self.labels = QComboBox()
        for key in LABEL_CHOICES:
            width, height = key.split("x")
            self.labels.addItem(tr("{width} × {height} 毫米", width=width, height=height), key)
        self.info = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("楼号房号 / 分组"), tr("收货人"), tr("手机"), tr("商品 × 数量"), tr("备注")])
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(3, 300)
        self.restock_model = RowsModel([
            (tr("商品"), lambda i: i["product"], False),
            (tr("规格"), lambda i: i["spec"] or "", False),
            (tr("数量"), lambda i: f"{i['qty']:,}", True),
            (tr("金额"), lambda i: format_fen(i["amount_fen"]), True),
        ], self)
        restock_view = QTableView()
        restock_view.setModel(self.restock_model)
        restock_view.verticalHeader().setVisible(False)
        restock_view.setColumnWidth(0, 320)
        self.restock_total = QLabel()
        tabs = QTabWidget()
        sheet_tab = QWidget()
        sheet_layout = QVBoxLayout(sheet_tab)
        sheet_layout.addWidget(self.tree, 1)
        sheet_buttons = QHBoxLayout()
        self.pdf_button = QPushButton(tr("导出 PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export_sheet("pdf"))
        self.xlsx_button = QPushButton(tr("导出 Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export_sheet("xlsx"))
        self.labels_button = QPushButton(tr("导出标签 PDF…"))
        self.labels_button.clicked.connect(lambda: self.export_sheet("labels"))
        self.print_button = QPushButton(tr("打印派送单…"))
        self.print_button.clicked.connect(lambda: self.print_sheet(False))
        self.print_labels_button = QPushButton(tr("打印标签…"))
        self.print_labels_button.clicked.connect(lambda: self.print_sheet(True))
        for widget in (self.pdf_button, self.xlsx_button, self.print_button):
            sheet_buttons.addWidget(widget)
        sheet_buttons.addStretch(1)
        sheet_buttons.addWidget(QLabel(tr("标签尺寸")))
        for label_widget in (self.labels, self.labels_button, self.print_labels_button):
            sheet_buttons.addWidget(label_widget)
        sheet_layout.addLayout(sheet_buttons)
        tabs.addTab(sheet_tab, tr("派送单"))
        restock_tab = QWidget()
        restock_layout = QVBoxLayout(restock_tab)
        restock_layout.addWidget(restock_view, 1)
        restock_buttons = QHBoxLayout()
        restock_buttons.addWidget(self.restock_total, 1)
        self.copy_button = QPushButton(tr("复制为文字（发给供货商）"))
        self.copy_button.clicked.connect(self.copy_restock)
        self.restock_xlsx = QPushButton(tr("导出 Excel…"))
        self.restock_xlsx.clicked.connect(self.export_restock)
        restock_buttons.addWidget(self.copy_button)
        restock_buttons.addWidget(self.restock_xlsx)
        restock_layout.addLayout(restock_buttons)
        tabs.addTab(restock_tab, tr("进货汇总"))
        self.tabs = tabs
        top = QHBoxLayout()
        for top_widget in (QLabel(tr("日期")), self.start, QLabel(tr("至")), self.end, QLabel(tr("团")), self.group,
                       self.status, self.group_by, self.full_phones):
            top.addWidget(top_widget)
        top.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(tabs, 1)
        layout.addWidget(close)
        self.runner.run(lambda _p: ops.group_names(self.db), self._fill_groups, silent=True, cancellable=False)
        self.refresh()

    # -------------------------------------------------------------- data
    def selection(self) -> ops.Selection:
        start, end = cast(date, self.start.date().toPython()), cast(date, self.end.date().toPython())
        if end < start:
            end = start
        status = self.status.currentData()
        return ops.Selection(start, end, group_name=self.group.currentData() or None,
                             statuses=(status,) if status else None)

    def _fill_groups(self, names: list[str]) -> None:
        self.group.blockSignals(True)
        for name in names:
            self.group.addItem(name, name)
        self.group.blockSignals(False)

    def refresh(self) -> None:
        selection = self.selection()
        group_by = self.group_by.currentData()
        full = self.full_phones.isChecked()

        self.generation += 1
        generation = self.generation

        def job(_p: Any) -> tuple[int, ops.DeliverySheet, dict[str, Any]]:
            return generation, ops.make_sheet(self.db, selection, group_by, full), ops.restock_summary(self.db, selection)

        self.runner.run(job, self._show, silent=True, cancellable=False)

    def _show(self, result: tuple[int, ops.DeliverySheet, dict[str, Any]]) -> None:
        generation, sheet, summary = result
        if generation != self.generation:
            return  # a newer choice is on its way
        self.sheet, self.summary = sheet, summary
        self.tree.clear()
        households = self.sheet.households
        for group in self.sheet.groups:
            top = QTreeWidgetItem([tr("{name}（{n} 户，{qty} 件）", name=group.name, n=len(group.households),
                                      qty=group.quantity)])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for h in group.households:
                QTreeWidgetItem(top, [h.place, h.name, h.phone, h.items_text("；"), "；".join(h.notes + h.refs)])
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the group's name and counts across the whole row
            top.setExpanded(True)
        has_rows = bool(households)
        self.info.setText(
            tr("共 {n} 户、{qty} 件要派送（已退款、已取消的订单不算）。", n=len(households), qty=sum(h.quantity for h in households))
            if has_rows else tr("这段日期里没有要派送的订单。先在“订单”页导入快团团订单或接龙，或换个日期。"))
        for button in (self.pdf_button, self.xlsx_button, self.labels_button, self.print_button,
                       self.print_labels_button, self.copy_button, self.restock_xlsx):
            button.setEnabled(has_rows)
        self.restock_model.set_rows(self.summary["items"])
        self.restock_total.setText(tr("共 {qty} 件，金额 {amount}", qty=f"{self.summary['total_qty']:,}",
                                      amount=format_fen(self.summary["total_fen"])))

    # -------------------------------------------------------------- actions
    def _label_size(self) -> tuple[float, float]:
        return ops.parse_label_size(self.labels.currentData()) or (60.0, 40.0)

    def export_sheet(self, kind: str) -> None:
        if self.sheet is None:
            return
        suffix = "xlsx" if kind == "xlsx" else "pdf"
        name = {"pdf": tr("派送单"), "xlsx": tr("派送单"), "labels": tr("标签")}[kind]
        default = f"{name}_{self.sheet.title.replace(' ', '')}.{suffix}"
        filters = tr("Excel 表格 (*.xlsx)") if suffix == "xlsx" else tr("PDF 文件 (*.pdf)")
        path = file_dialogs.save_file(self, "delivery", tr("导出{name}", name=name), default, filters)
        if path is None:
            return
        sheet, labels = self.sheet, self._label_size() if kind == "labels" else None
        self.runner.run(lambda _p: ops.export_delivery(sheet, path, labels),
                        lambda out: self._saved(out), title=tr("正在导出…"), cancellable=False)

    def _saved(self, out: Path) -> None:
        self.info.setText(tr("已保存到 {path}", path=out))
        parent = self.parent()
        if parent is not None and hasattr(parent, "status_message"):
            parent.status_message.emit(tr("已保存到 {path}", path=out))

    def print_sheet(self, labels: bool) -> None:
        """Qt's print dialog; the exported PDF's pages are drawn on the printer at its resolution."""
        if self.sheet is None:
            return
        from PySide6.QtCore import QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)  # sharp text on any printer, without 1200-dpi page images
        width, height = self._label_size() if labels else (210.0, 297.0)
        page_size = (QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, tr("标签")) if labels
                     else QPageSize(QPageSize.PageSizeId.A4))

        def apply_size() -> None:
            printer.setPageSize(page_size)
            printer.setPageOrientation(QPageLayout.Orientation.Portrait)
            printer.setFullPage(True)  # the PDF carries its own margins

        apply_size()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("打印标签") if labels else tr("打印派送单"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        apply_size()  # the dialog may fall back to the printer's default paper
        sheet, size = self.sheet, self._label_size() if labels else None
        folder = Path(tempfile.mkdtemp(prefix="microshop-print-"))
        target = folder / "print.pdf"
        self.runner.run(lambda _p: ops.export_delivery(sheet, target, size),
                        lambda out: print_pdf(out, printer), title=tr("正在准备打印…"), cancellable=False)

    def copy_restock(self) -> None:
        if self.summary is None:
            return
        QGuiApplication.clipboard().setText(ops.restock_text(self.summary, self.selection().title))
        self.info.setText(tr("进货单已复制，可以直接粘贴到微信发给供货商。"))

    def export_restock(self) -> None:
        if self.summary is None:
            return
        title = self.selection().title
        default = f"{tr('进货汇总')}_{title.replace(' ', '')}.xlsx"
        path = file_dialogs.save_file(self, "delivery", tr("导出进货汇总"), default, tr("Excel 表格 (*.xlsx)"))
        if path is None:
            return
        summary = self.summary
        self.runner.run(lambda _p: ops.export_restock_xlsx(summary, title, path), self._saved,
                        title=tr("正在导出…"), cancellable=False)


def print_pdf(path: Path, printer: Any) -> int:
    """Draw every page of ``path`` onto ``printer``; returns the pages printed."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        area = painter.viewport()
        for page in range(pages):
            if page:
                printer.newPage()
            # the page scaled to fit the paper, proportions kept (a label is never stretched)
            size = document.pagePointSize(page).toSize().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(page, size)
            painter.drawImage(area.x() + (area.width() - size.width()) // 2, area.y(), image)
    finally:
        painter.end()
        document.close()
    return pages
