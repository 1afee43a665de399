"""对账: import statements, reconcile a month in five categories, decide by hand, see income."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from microshop.domain.enums import LINE_STATUS_LABELS, PLATFORMS, STATEMENT_PLATFORMS, platform_name
from microshop.domain.matching import Action, Category, allowed
from microshop.domain.money import format_fen
from microshop.errors import UserError
from microshop.i18n import QT_TR_NOOP, localized
from microshop.services import income, statements
from microshop.services import reconcile as rc
from microshop.services.listing import ListQuery, StatementImportList, StatementLineList
from microshop.ui import file_dialogs
from microshop.ui.charts import IncomeChart
from microshop.ui.forms import FormDialog, money_edit, read_money
from microshop.ui.i18n import tr
from microshop.ui.item_models import ItemRole, RowsModel, income_model, reconcile_items_model
from microshop.ui.pages.base import empty_state_panel, make_table, month_combo, platform_combo, read_only_table
from microshop.ui.statement_import import StatementImportFlow
from microshop.ui.table_model import SqlListModel
from microshop.ui.worker import TaskRunner

if TYPE_CHECKING:
    from microshop.services.book import Database

class WithdrawalDialog(FormDialog):
    """Record money that arrived from a platform."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(tr("记录到账"), parent)
        self.platform = platform_combo(tr("请选择平台"))
        self.amount = money_edit()
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.note = QLineEdit()
        for label, widget in ((tr("平台"), self.platform), (tr("到账金额（元）"), self.amount), (tr("到账时间"), self.when),
                              (tr("备注"), self.note)):
            self.form.addRow(label, widget)
        self.finish_form()

    def collect(self) -> tuple[str, int, datetime, str]:
        platform = self.platform.currentData()
        if not platform:
            raise UserError(tr("请选择平台。"))
        amount = read_money(self.amount, tr("到账金额"))
        if not amount or amount <= 0:
            raise UserError(tr("请填写大于 0 的到账金额。"))
        return platform, amount, cast(datetime, self.when.dateTime().toPython()), self.note.text().strip()


class ReconcilePage(QWidget):
    """Statements and reconciliation for a month."""

    title = QT_TR_NOOP("对账")
    TABS = rc.CATEGORIES
    status_message = Signal(str)  # import results, in the status bar (no box to click away)
    file_written = Signal(str)  # an export: the status bar offers 打开文件夹

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.result: rc.Reconciliation | None = None
        self.month = month_combo(with_all=False)
        self.platform = platform_combo()
        for combo in (self.month, self.platform):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.import_flow = StatementImportFlow(db, runner, self, self.imported, self.imported_many)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("月份")))
        top.addWidget(self.month)
        top.addWidget(self.platform)
        top.addStretch(1)
        for text, slot in ((tr("导入账单…"), self.choose_file), (tr("记录到账…"), self.record_withdrawal),
                           (tr("导出对账表…"), self.export)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            top.addWidget(button)
            if slot == self.choose_file:
                button.setToolTip(tr("一次选好这个月各平台的账单，可以连同自己的订单表一起选：每个文件先预览，确认一次全部导入"))
        self.summary = QLabel()
        self.summary.setObjectName("summaryLabel")
        self.income = income_model(self)
        self.income_view = read_only_table(self.income)
        self.income_view.setMaximumHeight(190)
        self.income_view.horizontalHeader().setStretchLastSection(False)  # figures stay under their labels at 1920 px
        self.income_view.horizontalHeader().setMinimumSectionSize(96)

        self.tabs = QTabWidget()
        self.item_models: dict[str, RowsModel] = {}
        self.item_views: dict[str, QTableView] = {}
        for category in self.TABS:
            model = reconcile_items_model(self)
            model.runner = self.runner  # later pages of 平台无记录 are read on a worker
            view = read_only_table(model)
            view.setWordWrap(False)
            self.item_models[category], self.item_views[category] = model, view
            view.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
            tab = QWidget()
            tab_layout = QVBoxLayout(tab)
            tab_layout.setContentsMargins(0, 4, 0, 0)
            hint = QLabel(localized(rc.CATEGORY_HINTS[category]))
            hint.setWordWrap(True)
            hint.setStyleSheet("color:#5b6670;")
            tab_layout.addWidget(hint)
            tab_layout.addWidget(view, 1)
            self.tabs.addTab(tab, localized(rc.CATEGORY_LABELS[category]))
        self.lines_tab = self._lines_tab()
        self.tabs.addTab(self.lines_tab, tr("账单明细"))
        self.tabs.addTab(self._imports_tab(), tr("导入记录"))
        self.chart = IncomeChart()
        self.tabs.addTab(self.chart, tr("月度收入"))
        self.tabs.currentChanged.connect(lambda _i: self.update_buttons())

        actions = QHBoxLayout()
        self.link_button = QPushButton(tr("手动关联…"))
        self.unlink_button = QPushButton(tr("取消关联"))
        self.resolve_button = QPushButton(tr("标记已处理…"))
        self.create_button = QPushButton(tr("生成本地订单"))
        for button, slot in ((self.link_button, self.link_selected), (self.unlink_button, self.unlink_selected),
                             (self.resolve_button, self.resolve_selected), (self.create_button, self.create_order)):
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        self.empty_panel, self.empty_text, self.empty_button = empty_state_panel()
        self.empty_button.setText(tr("导入账单…"))
        self.empty_button.clicked.connect(lambda _checked=False: self.choose_file())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty_panel)
        layout.addWidget(self.income_view)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        self.reload()

    # --- building ------------------------------------------------------------------------
    def _lines_tab(self) -> QWidget:
        self.lines_model = SqlListModel(self.db, StatementLineList(), self.runner, self)
        self.lines_search = QLineEdit()
        self.lines_search.setPlaceholderText(tr("搜索平台订单号、商品…"))
        self.lines_search.textChanged.connect(lambda _t: self.reload_lines())
        self.lines_status = QComboBox()
        self.lines_status.addItem(tr("全部状态"), "")
        for status, label in LINE_STATUS_LABELS.items():
            self.lines_status.addItem(localized(label), status.value)
        self.lines_status.currentIndexChanged.connect(lambda _i: self.reload_lines())
        widget = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(self.lines_search)
        bar.addWidget(self.lines_status)
        bar.addStretch(1)
        layout = QVBoxLayout(widget)
        layout.addLayout(bar)
        self.lines_view = make_table(self.lines_model)
        layout.addWidget(self.lines_view)
        return widget

    def _imports_tab(self) -> QWidget:
        self.imports_model = SqlListModel(self.db, StatementImportList(), self.runner, self)
        self.imports_view = make_table(self.imports_model)
        undo = QPushButton(tr("撤销所选导入"))
        undo.clicked.connect(self.undo_selected_import)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.addWidget(self.imports_view)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(undo)
        layout.addLayout(row)
        return widget

    # --- data ----------------------------------------------------------------------------
    def filters(self) -> tuple[str, str | None]:
        return self.month.currentData(), self.platform.currentData() or None

    def reload(self) -> None:
        """Reconcile the chosen month on the worker thread (SQL + matching), then refresh the tabs."""
        month, platform = self.filters()
        self._token = getattr(self, "_token", 0) + 1
        token = self._token
        self.loading = True
        self.summary.setText(tr("{month}：正在对账…", month=self.month.currentText()))

        def job(_p: Any) -> rc.MonthView:
            return rc.month_view(self.db, month, platform)

        self.runner.run(job, lambda view: self.show_result(token, view.result, view.income, view.series), silent=True)
        self.reload_lines()
        self.imports_model.refresh()

    ITEM_TITLE, ITEM_ORDER_NO = 3, 5  # 商品 and 平台订单号: as wide as they need, within reason

    def _fit_items(self, view: QTableView) -> None:
        """Each column as wide as what it shows (the figures beside their labels, 差额 in sight at
        1024 px), the title and order number capped, 备注 taking what is left. Measured over the rows
        already read (平台无记录's first page): Qt's own sizing also samples the last rows, which would
        read pages the user has not scrolled to."""
        model = view.model()
        if model is None:
            return
        first_page = getattr(getattr(model, "rows", None), "PAGE", 200)
        sample = range(min(model.rowCount(), first_page, 200))
        metrics, header = view.fontMetrics(), view.horizontalHeader()
        padding = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 8
        for column in range(model.columnCount() - 1):
            texts = (model.data(model.index(row, column)) for row in sample)
            widest = max((metrics.horizontalAdvance(str(t)) for t in texts if t), default=0)
            view.setColumnWidth(column, max(header.sectionSizeHint(column), widest + padding))
        view.setColumnWidth(self.ITEM_TITLE, max(140, min(view.columnWidth(self.ITEM_TITLE), 180)))
        view.setColumnWidth(self.ITEM_ORDER_NO, min(view.columnWidth(self.ITEM_ORDER_NO), 190))
        # 备注 takes what is left, however little: Qt's stretched last section never shrinks on its own
        note = model.columnCount() - 1
        used = sum(view.columnWidth(c) for c in range(note))
        room = view.viewport().width()
        if not view.verticalScrollBar().isVisible():  # rows may still arrive: leave the scroll bar its place
            room -= view.verticalScrollBar().sizeHint().width()
        view.setColumnWidth(note, max(header.sectionSizeHint(note), room - used))

    def show_result(self, token: int, result: rc.Reconciliation, income: dict[str, Any], series: list[Any]) -> None:
        if token != self._token:
            return  # the user has already chosen another month or platform
        self.loading = False
        self.result = result
        counts = result.counts()
        for i, category in enumerate(self.TABS):
            self.item_models[category].set_rows(result.category(category))
            self._fit_items(self.item_views[category])
            self.tabs.setTabText(i, f"{localized(rc.CATEGORY_LABELS[category])} {counts[category]}")
        self.income.set_rows(list(income.items()))
        total = income["total"]
        self.summary.setText(
            tr(
                "{month}：预估佣金 {estimated} · 本月结算 {settled} · 失效 {lost} · 到账 {arrived}（差额 {difference}）",
                month=self.month.currentText(), estimated=format_fen(total.estimated), settled=format_fen(total.settled), lost=format_fen(total.lost), arrived=format_fen(total.arrived), difference=format_fen(total.difference))
        )
        self.chart.show_series(series)
        self.update_buttons()
        self._show_empty_state(counts)

    def _show_empty_state(self, counts: dict[str, int]) -> None:
        """No statement line in the month: say where the statements come from and offer the import."""
        lines = sum(n for category, n in counts.items() if category != Category.MISSING_ON_PLATFORM)
        if lines:
            self.empty_panel.hide()
            return
        month = self.month.currentText()
        platforms = "、".join(platform_name(key) for key in STATEMENT_PLATFORMS)
        if counts.get(Category.MISSING_ON_PLATFORM):
            text = tr("{month}已有 {count} 笔带平台的订单，但还没有导入这个月的账单：到各平台后台导出这个月的订单明细"
                      "（{platforms}），点右边的按钮，可以一次选几个文件。",
                      month=month, count=counts[Category.MISSING_ON_PLATFORM], platforms=platforms)
        else:
            text = tr("{month}还没有账单：到各平台后台导出这个月的订单明细（{platforms}），"
                      "点右边的按钮导入，可以一次选几个文件，连同你的订单表一起选；导入后这里会把它们和你的订单一笔笔对上。",
                      month=month, platforms=platforms)
        self.empty_text.setText(text)
        self.empty_panel.show()

    def reload_lines(self) -> None:
        month, platform = self.filters()
        self.lines_model.set_query(ListQuery(self.lines_search.text().strip(), {
            "month": month, "platform": platform, "status": self.lines_status.currentData()}))

    def current_category(self) -> str | None:
        index = self.tabs.currentIndex()
        return self.TABS[index] if 0 <= index < len(self.TABS) else None

    def selected_item(self) -> rc.Item | None:
        category = self.current_category()
        if category is None:
            return None
        rows = self.item_views[category].selectionModel().selectedRows()
        return self.item_models[category].data(rows[0], ItemRole) if rows else None

    def update_buttons(self) -> None:
        """An action is offered when the selected item's category allows it (nothing selected:
        none is)."""
        category = self.current_category() if self.selected_item() is not None else None
        self.link_button.setEnabled(allowed(category, Action.LINK))
        self.unlink_button.setEnabled(allowed(category, Action.UNLINK))
        self.resolve_button.setEnabled(allowed(category, Action.RESOLVE))
        self.create_button.setEnabled(allowed(category, Action.CREATE_ORDER))

    # --- actions -------------------------------------------------------------------------
    def choose_file(self) -> None:
        paths = file_dialogs.open_files(self, "statements", tr("选择这个月的账单和订单表（可以一次选几个）"),
                                        tr("账单和订单表 (*.xlsx *.xls *.csv *.ods);;所有文件 (*)"))
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> None:
        """One file: its preview, then import. Several: one preview per file in one confirmation."""
        if len(paths) == 1:
            self.import_flow.start(paths[0])
        else:
            self.import_flow.start_many(paths, self.imported_many)

    def _summary(self, result: dict[str, Any]) -> str:
        if result.get("kind") == "orders":
            return (tr("订单表 {file}：新增 {orders} 个订单，新客户 {customers}", file=result["file"],
                       orders=f"{result['orders']:,}", customers=f"{result['customers_created']:,}")
                    + (tr("，{skipped} 行未导入（重复或读不出来）", skipped=len(result["skipped"])) if result["skipped"] else ""))
        return (tr("{platform}：共 {rows} 行，新增 {added}，更新 {updated}，未变化 {unchanged}",
                   platform=platform_name(result["platform"]), rows=f"{result['rows']:,}", added=f"{result['added']:,}",
                   updated=f"{result['updated']:,}", unchanged=f"{result['unchanged']:,}")
                + (tr("，跳过 {skipped} 行", skipped=len(result["skipped"])) if result["skipped"] else ""))

    def show_month(self, month: str | None) -> None:
        """Switch to the month an import covered (added to the list when older than it)."""
        if not month:
            return
        index = self.month.findData(month)
        if index < 0:
            year, mon = month.split("-")
            self.month.addItem(tr("{year}年{month}月", year=year, month=int(mon)), month)
            index = self.month.count() - 1
        self.month.setCurrentIndex(index)

    def imported(self, result: dict[str, Any]) -> None:
        self.show_month(result.get("month"))
        self.reload()
        self.status_message.emit(self._summary(result))

    def imported_many(self, results: list[dict[str, Any]], failed: list[tuple[Path, str]],
                      months: list[str | None]) -> None:
        from collections import Counter

        covered = Counter(m for m in months if m)
        self.show_month(covered.most_common(1)[0][0] if covered else None)
        self.reload()
        books = [r for r in results if r.get("kind") == "orders"]
        lines = [r for r in results if r.get("kind") != "orders"]
        parts = []
        if lines:
            parts.append(tr("{count} 个账单（新增 {added} 行，更新 {updated} 行）", count=len(lines),
                            added=f"{sum(r['added'] for r in lines):,}", updated=f"{sum(r['updated'] for r in lines):,}"))
        if books:
            parts.append(tr("{count} 个订单表（新增 {orders} 个订单）", count=len(books),
                            orders=f"{sum(r['orders'] for r in books):,}"))
        message = tr("已导入 {files}", files=tr("，").join(parts)) if parts else tr("没有导入任何文件")
        if len(results) == 1:
            message = self._summary(results[0])
        if failed:
            message += tr("。{count} 个没有导入：{names}", count=len(failed),
                          names="、".join(f"{p.name}（{r}）" for p, r in failed))
        self.status_message.emit(message)

    def undo_selected_import(self) -> None:
        rows = self.imports_view.selectionModel().selectedRows()
        if not rows:
            return
        import_id = self.imports_model.id_at(rows[0].row())
        if QMessageBox.question(self, tr("撤销导入"), tr("撤销这次导入？它新增的账单行会删除，更新过的会恢复原样。")) \
                != QMessageBox.StandardButton.Yes:
            return
        def job(_p: Any) -> dict[str, int]:
            return statements.undo(self.db, import_id)

        self.runner.run(job, lambda _r: self.reload(), title=tr("正在撤销导入…"), cancellable=False)

    def record_withdrawal(self) -> None:
        dialog = WithdrawalDialog(self)
        if dialog.exec():
            platform, amount, when, note = dialog.result_value
            self.runner.run(lambda _p: income.record_withdrawal(self.db, platform, amount, when, note or None),
                            lambda _id: self.reload(), cancellable=False)

    def export(self) -> None:
        month, platform = self.filters()
        path = file_dialogs.save_file(self, "exports", tr("导出对账表"), tr("对账-{month}.xlsx", month=month),
                                      tr("Excel 表格 (*.xlsx)"))
        if path is None:
            return
        self.runner.run(lambda _p: self._export(month, path, platform),
                        self._exported,
                        title=tr("正在导出…"), cancellable=False)

    def _exported(self, out: Path) -> None:
        self.status_message.emit(tr("已导出到 {out}", out=out))
        self.file_written.emit(str(out))

    def _export(self, month: str, path: Path, platform: str | None) -> Path:
        return rc.export_month(self.db, month, path, platform)

    def link_selected(self) -> None:
        item = self.selected_item()
        if item is None or self.result is None or item.order_item_id is None:
            return
        result, order_item_id = self.result, item.order_item_id
        self.runner.run(lambda _p: rc.candidates_for(self.db, result, order_item_id),
                        lambda candidates: self._choose_link(item, candidates), cancellable=False)

    def _choose_link(self, item: Any, candidates: list[Any]) -> None:
        if not candidates:
            QMessageBox.information(self, tr("手动关联"), tr("本月这个平台没有未被认领的账单行。"))
            return
        labels = [f"{c.ordered_at} · {c.platform_order_no} · {c.title} · {format_fen(c.line_paid_fen)}" for c in candidates]
        choice, ok = QInputDialog.getItem(self, tr("手动关联"), tr("把“{title}”（{customer}）关联到：", title=item.title, customer=item.customer), labels, 0, False)
        if ok:
            line = candidates[labels.index(choice)]
            if line.line_id is None:
                return
            order_item_id, line_id = item.order_item_id, line.line_id
            self.runner.run(lambda _p: rc.link_pair(self.db, order_item_id, line_id), lambda _r: self.reload(),
                            cancellable=False)

    def unlink_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.order_item_id is None or item.line_id is None:
            return
        order_item_id, line_id = item.order_item_id, item.line_id
        self.runner.run(lambda _p: rc.unlink_pair(self.db, order_item_id, line_id), lambda _r: self.reload(),
                        cancellable=False)

    def resolve_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        note, ok = QInputDialog.getText(self, tr("标记已处理"), tr("备注（例如：客户没走我的链接，已知）："))
        if ok:
            text, order_item_id, line_id = note.strip() or tr("已处理"), item.order_item_id, item.line_id
            self.runner.run(lambda _p: rc.mark_resolved(self.db, note=text, order_item_id=order_item_id, line_id=line_id),
                            lambda _r: self.reload(), cancellable=False)

    def create_order(self) -> None:
        item = self.selected_item()
        if item is None or item.line_id is None:
            return
        line_id = item.line_id
        self.runner.run(lambda _p: rc.order_from_line(self.db, line_id), lambda _id: self.reload(), cancellable=False)


__all__ = ["PLATFORMS", "Qt", "ReconcilePage"]
