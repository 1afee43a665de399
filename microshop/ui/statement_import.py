"""Importing a statement from the GUI: preview (platform, new/updated/unchanged, warnings), a
column-mapping dialog for unknown layouts, then the import itself on the worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from microshop.domain.enums import PLATFORMS, STATEMENT_PLATFORMS, LineStatus, platform_name
from microshop.domain.money import format_fen
from microshop.errors import UserError
from microshop.i18n import QT_TR_NOOP, localized
from microshop.importers.statements import Adjustment, AmbiguousStatement, RowIssue, UnrecognisedStatement
from microshop.importers.statements.mapping import MAPPABLE_FIELDS, MappedImporter, guess_header, read_head
from microshop.services import month_files, statements
from microshop.ui.forms import fit_to_screen
from microshop.ui.i18n import tr
from microshop.ui.item_models import preview_lines_model, status_label
from microshop.ui.worker import TaskRunner, show_error

PLATFORM_OVERRIDES = [(QT_TR_NOOP("自动识别"), None), *((PLATFORMS[key], key) for key in STATEMENT_PLATFORMS)]


STATUS_MEANINGS = [(QT_TR_NOOP("付款（已付款，未收货）"), LineStatus.PAID.value), (QT_TR_NOOP("收货（已收货/已完成，待结算）"), LineStatus.RECEIVED.value),
                   (QT_TR_NOOP("结算（佣金已结算）"), LineStatus.SETTLED.value), (QT_TR_NOOP("失效（取消/退款，没有佣金）"), LineStatus.INVALID.value),
                   (QT_TR_NOOP("未付款"), LineStatus.UNPAID.value)]



if TYPE_CHECKING:
    from microshop.services.book import Database

class PreviewDialog(QDialog):
    """Shows what an import would do; the platform can be overridden (re-previews)."""

    def __init__(self, path: Path, preview: dict[str, Any], platform: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("导入账单预览 — {name}", name=path.name))
        fit_to_screen(self, 920, 560)
        self.platform = QComboBox()
        for label, key in PLATFORM_OVERRIDES:
            self.platform.addItem(localized(label), key)
        self.platform.setCurrentIndex(max(0, self.platform.findData(platform)))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.skipped = QListWidget()
        self.skipped.setMaximumHeight(90)
        self.model = preview_lines_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(1, 180)
        self.table.setColumnWidth(2, 220)
        self.status_box = QWidget()
        self.status_form = QFormLayout(self.status_box)
        self.status_combos: dict[str, QComboBox] = {}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("导入"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("平台")))
        top.addWidget(self.platform)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.status_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(tr("未导入的行")))
        layout.addWidget(self.skipped)
        layout.addWidget(buttons)
        self.show_preview(preview)

    def show_preview(self, p: dict[str, Any]) -> None:
        self.summary.setText(
            tr(
                "识别为：<b>{importer}</b>　共 {rows} 行　新增 <b>{added}</b>　更新 <b>{updated}</b>　未变化 {unchanged}",
                importer=p['importer'], rows=p['rows'], added=p['added'], updated=p['updated'], unchanged=p['unchanged'])
            + (tr("\u3000维权记录 {adjustments}", adjustments=p['adjustments']) if p.get("adjustments") else "")
            + (tr("\u3000<span style='color:#b00'>跳过 {skipped} 行</span>", skipped=len(p['skipped'])) if p["skipped"] else "")
        )
        self.model.set_rows(p["lines"])
        self.skipped.clear()
        for s in p["skipped"]:
            self.skipped.addItem(tr("第 {row} 行：{reason}", row=s['row'], reason=s['reason']))
        while self.status_form.rowCount():
            self.status_form.removeRow(0)
        self.status_combos = {}
        unknown = p.get("unknown_statuses") or {}
        self.status_box.setVisible(bool(unknown))
        if unknown:
            self.status_form.addRow(QLabel(tr("<b>文件里有不认识的订单状态</b>，请选择每个状态的意思（会被记住，下次不再询问）：")))
        for word, count in sorted(unknown.items(), key=lambda x: -x[1]):
            combo = QComboBox()
            combo.addItem(tr("请选择…"), None)
            for label, key in STATUS_MEANINGS:
                combo.addItem(localized(label), key)
            combo.currentIndexChanged.connect(self._update_ok)
            self.status_combos[word] = combo
            self.status_form.addRow(tr("“{word}”（{count} 行）", word=word, count=count), combo)
        self._update_ok()

    def status_map(self) -> dict[str, str]:
        """The meanings chosen for the unknown status words."""
        return {w: c.currentData() for w, c in self.status_combos.items() if c.currentData()}

    def _update_ok(self) -> None:
        missing = [w for w in self.status_combos if w not in self.status_map()]
        self.ok.setEnabled(not missing)
        self.ok.setToolTip(tr("先选择这些状态的意思：{words}", words="、".join(missing)) if missing else "")


class MappingDialog(QDialog):
    """Map an unknown platform's columns once; the mapping is remembered for the same headers."""

    def __init__(self, path: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("自定义列映射 — {name}", name=path.name))
        fit_to_screen(self, 860, 560)
        self.head = read_head(path)
        index, self.header = guess_header(self.head)
        self.samples = self.head[index + 1 : index + 11]
        self.platform = QComboBox()
        for key, name in PLATFORMS.items():
            if key not in STATEMENT_PLATFORMS:
                self.platform.addItem(localized(name), key)
        form = QFormLayout()
        form.addRow(tr("平台"), self.platform)
        self.combos: dict[str, QComboBox] = {}
        for field, label, _kind, required in MAPPABLE_FIELDS:
            combo = QComboBox()
            combo.addItem(tr("（不使用）"), "")
            for h in self.header:
                if h:
                    combo.addItem(h, h)
            guess = next((h for h in self.header if h and label[:2] in h), "")
            combo.setCurrentIndex(max(0, combo.findData(guess)))
            combo.currentIndexChanged.connect(lambda _i: self.update_preview())
            self.combos[field] = combo
            form.addRow(localized(label) + (" *" if required else ""), combo)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("保存并继续"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("这个文件不是已知平台的格式。请指出每一项在哪一列（带 * 的必须选择），设置会被记住。")))
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("预览（前几行按当前映射读取的结果）：")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.update_preview()

    def mapping(self) -> dict[str, str]:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData()}

    def update_preview(self) -> None:
        try:
            importer = MappedImporter(self.platform.currentData(), self.mapping())
            cols = importer.identify(self.header) or {}
            lines = []
            samples = self.samples[:5]
            for n, ln in enumerate(importer.read_rows(samples, list(range(2, len(samples) + 2)), cols)):
                if isinstance(ln, RowIssue):
                    lines.append(tr("第 {row} 行：{reason}", row=n + 1, reason=ln.reason))
                elif isinstance(ln, Adjustment):  # a 维权 row: commission taken back
                    lines.append(tr("{order_no} · 维权 · 退款 {refund} · 扣回佣金 {clawback}", order_no=ln.order_no,
                                    refund=format_fen(ln.refund_fen or 0), clawback=format_fen(ln.clawback_fen or 0)))
                else:
                    lines.append(tr("{order_no} · {title} · 付款 {paid} · 佣金 {estimated} · {raw_status} → {status}",
                                    order_no=ln.order_no, title=ln.product_title or "", paid=format_fen(ln.paid_fen),
                                    estimated=format_fen(ln.estimated_fen), raw_status=ln.raw_status,
                                    status=status_label(ln.status)))
            self.preview.setText("\n".join(lines) or tr("（没有数据行）"))
        except UserError as exc:
            self.preview.setText(exc.message)

    def accept(self) -> None:
        try:
            MappedImporter(self.platform.currentData(), self.mapping())
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        super().accept()


class BatchPreviewDialog(QDialog):
    """One confirmation for several statement files: what each would add, update or skip."""

    def __init__(self, ready: list[tuple[Path, dict[str, Any]]], failed: list[tuple[Path, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("导入 {count} 个文件", count=len(ready) + len(failed)))
        self.table = QTableWidget(len(ready) + len(failed), 6)
        self.table.setHorizontalHeaderLabels([tr("文件"), tr("平台"), tr("月份"), tr("新增"), tr("更新"), tr("说明")])
        for row, (path, preview) in enumerate(ready):
            if preview.get("kind") == "orders":
                self._order_book_row(row, path, preview)
                continue
            notes = []
            if preview["skipped"]:
                notes.append(tr("{count} 行会跳过", count=len(preview["skipped"])))
            if preview["unknown_statuses"]:
                notes.append(tr("不认识的状态：{words}（这些行先按待定导入，可单独导入此文件说明意思）",
                                words="、".join(preview["unknown_statuses"])))
            values = [path.name, platform_name(preview["platform"]), preview.get("month") or "",
                      f"{preview['added']:,}", f"{preview['updated']:,}", "；".join(notes) or tr("可以导入")]
            for col, value in enumerate(values):
                self.table.setItem(row, col, self._cell(col, value))
        for row, (path, reason) in enumerate(failed, start=len(ready)):
            for col, value in enumerate([path.name, "", "", "", "", tr("不导入：{reason}", reason=reason)]):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        for col in range(self.table.columnCount() - 1):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 260))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("全部导入（{count} 个）", count=len(ready)))
        self.ok.setEnabled(bool(ready))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("每个文件单独保存（一个文件出错不影响其他文件）；导入后账单与订单表里的订单一起核对。")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 120 + 32 * (len(ready) + len(failed)))

    def _order_book_row(self, row: int, path: Path, preview: dict[str, Any]) -> None:
        """An order book among the statements: the orders it adds and what it leaves out."""
        notes = []
        if preview["repeats"]:
            notes.append(tr("{count} 个订单已在订单簿里，不会重复导入", count=f"{preview['repeats']:,}"))
        if preview["skipped"]:
            notes.append(tr("{count} 行读不出来，会跳过（第 {rows} 行）", count=len(preview["skipped"]),
                            rows="、".join(str(s["row"]) for s in preview["skipped"][:5])))
        if preview.get("yearless"):
            notes.append(tr("{count} 行的日期没写年份：请在“订单”页用“导入订单表”导入，可以选定年份", count=preview["yearless"]))
        if preview.get("unused_columns"):
            notes.append(tr("这几列不会导入：{columns}", columns="、".join(preview["unused_columns"])))
        if not preview["orders"]:
            notes.append(tr("没有新订单"))
        values = [path.name, tr("我的订单表"), "、".join(preview["months"][:3]) + ("…" if len(preview["months"]) > 3 else ""),
                  tr("{count} 个订单", count=f"{preview['orders']:,}"), "", "；".join(notes) or tr("可以导入")]
        for col, value in enumerate(values):
            self.table.setItem(row, col, self._cell(col, value))

    @staticmethod
    def _cell(col: int, value: str) -> QTableWidgetItem:
        item = QTableWidgetItem(value)
        if col in (3, 4):  # 新增, 更新: figures line up on the right
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item


class StatementImportFlow:
    """File → preview (worker) → confirm → import (worker, progress, cancel) → ``on_done``."""

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget, on_done: Any,
                 on_done_many: Any = None) -> None:
        self.db, self.runner, self.parent, self.on_done = db, runner, parent, on_done
        self.on_done_many = on_done_many
        self.batch_ready: list[tuple[Path, dict[str, Any]]] = []
        self.batch_failed: list[tuple[Path, str]] = []

    def start(self, path: Path, platform: str | None = None) -> None:
        """One file: a statement gets its own preview; an order book (recognised when no statement
        importer claims it) the same confirmation as a month's batch."""
        def job(progress: Any) -> dict[str, Any]:
            if platform is None:
                return month_files.preview(self.db, path, progress)
            preview = statements.preview_file_apart if statements.worth_a_process(path) else statements.preview_file
            return {**preview(self.db, path, platform, progress), "kind": "statement"}

        def ready(preview: dict[str, Any]) -> None:
            if preview["kind"] == "orders" and self.on_done_many is not None:  # the batch's confirmation
                self.batch_ready, self.batch_failed = [(path, preview)], []
                self._confirm_many()
            else:
                self.confirm(path, preview, platform)

        self.runner.run(job, ready, title=tr("正在读取账单…"),
                        on_error=lambda exc: self.preview_failed(path, exc, platform))

    def preview_failed(self, path: Path, exc: BaseException, platform: str | None = None) -> None:
        """An ambiguous file: ask which platform (once); an unrecognised one: offer a column mapping."""
        if isinstance(exc, AmbiguousStatement) and platform is None:
            choices = [(localized(label), key) for label, key in PLATFORM_OVERRIDES if key]
            labels = [label for label, _key in choices]
            choice, ok = QInputDialog.getItem(self.parent, tr("选择平台"), exc.message + tr("\n\n这是哪个平台的账单？"),
                                              labels, 0, False)
            if ok and choice in labels:
                self.start(path, choices[labels.index(choice)][1])
            return
        if isinstance(exc, UnrecognisedStatement) and platform is None:
            answer = QMessageBox.question(self.parent, tr("无法识别的账单"), exc.message + tr("\n\n要现在设置列映射吗？"))
            if answer == QMessageBox.StandardButton.Yes:
                self.map_columns(path)
            return
        show_error(self.parent, exc)

    def map_columns(self, path: Path) -> None:
        dialog = MappingDialog(path, self.parent)
        if dialog.exec():
            header, platform, mapping = dialog.header, dialog.platform.currentData(), dialog.mapping()
            self.runner.run(lambda _p: statements.remember_mapping(self.db, header, platform, mapping),
                            lambda _r: self.start(path), cancellable=False)

    def confirm(self, path: Path, preview: dict[str, Any], platform: str | None) -> None:
        dialog = PreviewDialog(path, preview, platform, self.parent)
        def switch_platform(_index: int) -> None:
            dialog.reject()
            self.start(path, dialog.platform.currentData())

        dialog.platform.currentIndexChanged.connect(switch_platform)
        if dialog.exec():
            self.run_import(path, platform, dialog.status_map(), month=preview.get("month"))

    # --- several files at once (month-end: every platform's statement and the order book) ---
    def start_many(self, paths: list[Path], on_done_many: Any) -> None:
        """Preview each file on the worker, then one confirmation for all; the imports run one
        after another (each file its own transaction) and ``on_done_many(results, failed)``."""
        self.batch_ready, self.batch_failed = [], []
        self.on_done_many = on_done_many or self.on_done_many
        self._preview_next(list(paths))

    def _preview_next(self, queue: list[Path]) -> None:
        if not queue:
            self._confirm_many()
            return
        path, rest = queue[0], queue[1:]

        def job(progress: Any) -> dict[str, Any]:
            return month_files.preview(self.db, path, progress)

        def ready(preview: dict[str, Any]) -> None:
            self.batch_ready.append((path, preview))
            self._preview_next(rest)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                show_error(self.parent, exc)
            reason = exc.message if isinstance(exc, UserError) else tr("程序出错了")
            self.batch_failed.append((path, reason))
            self._preview_next(rest)

        self.runner.run(job, ready, on_error=failed, title=tr("正在读取 {name}…", name=path.name))

    def _confirm_many(self) -> None:
        dialog = BatchPreviewDialog(self.batch_ready, self.batch_failed, self.parent)
        self.last_batch_dialog = dialog
        if not dialog.exec() or not self.batch_ready:
            return
        files = list(self.batch_ready)
        failed = list(self.batch_failed)

        def job(progress: Any) -> tuple[list[dict[str, Any]], list[tuple[Path, str]]]:
            results, refused = [], []
            for n, (path, preview) in enumerate(files):
                progress.update(n, len(files), tr("正在导入 {name}（{n}/{total}）…", name=path.name, n=n + 1, total=len(files)))
                try:  # each file its own transaction: one refused file leaves the others imported
                    results.append(month_files.import_(self.db, path, preview))
                except UserError as exc:
                    refused.append((path, exc.message))
            return results, refused

        def done(outcome: tuple[list[dict[str, Any]], list[tuple[Path, str]]]) -> None:
            results, refused = outcome
            months = [r.get("month") for r in results]
            self.on_done_many(results, failed + refused, months)

        self.runner.run(job, done, title=tr("正在导入 {count} 个文件…", count=len(files)))

    def run_import(self, path: Path, platform: str | None, status_map: dict[str, str] | None = None,
                   month: str | None = None) -> None:
        def job(progress: Any) -> dict[str, Any]:
            run = statements.import_file_apart if statements.worth_a_process(path) else statements.import_file
            result = run(self.db, path, platform, progress, status_map=status_map)
            return {**result, "month": month}

        self.runner.run(job, self.on_done, title=tr("正在导入 {name}…", name=path.name))
