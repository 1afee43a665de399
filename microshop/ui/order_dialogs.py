"""Order editor and the 接龙 import dialog."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from microshop.domain.enums import ORDER_STATUS_LABELS, Fulfilment, OrderStatus
from microshop.domain.money import format_fen, parse_yuan
from microshop.domain.privacy import mask_address, mask_phone
from microshop.domain.timeutil import SHANGHAI, utcnow
from microshop.errors import UserError
from microshop.i18n import localized
from microshop.importers.jielong import Entry, parse_jielong
from microshop.services import jielong
from microshop.services import orders as svc
from microshop.ui.forms import FormDialog, fit_to_screen
from microshop.ui.i18n import tr
from microshop.ui.item_models import RowsModel
from microshop.ui.pages.base import MAX_COLUMN_PX, platform_combo
from microshop.ui.worker import TaskRunner, show_error

if TYPE_CHECKING:
    from microshop.services.book import Database

class OrderDialog(FormDialog):
    """Create or edit an order with its items (a handful of rows, so a QTableWidget grid)."""

    def __init__(self, data: svc.OrderInput | None = None, pickup_points: list[str] | None = None,
                 parent: Any = None, privacy: bool = False) -> None:
        super().__init__(tr("编辑订单") if data else tr("新增订单"), parent)
        self.privacy = privacy and data is not None and bool(data.address)
        self.original_address = data.address if data else None
        now = utcnow()
        data = data or svc.OrderInput("", now, [svc.ItemInput("")])
        self.customer = QLineEdit(data.customer_name)
        self.customer.setPlaceholderText(tr("客户称呼（新名字会自动建客户）"))
        self.when = QDateTimeEdit(QDateTime(data.ordered_at.astimezone(SHANGHAI).replace(tzinfo=None)))  # type: ignore[call-overload]  # PySide6 converts a datetime
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.platform = platform_combo(tr("未选择"))
        self.platform.setCurrentIndex(max(0, self.platform.findData(data.platform_key or "")))
        self.order_no = QLineEdit(data.platform_order_no or "")
        self.status = QComboBox()
        for status, label in ORDER_STATUS_LABELS.items():
            self.status.addItem(localized(label), status.value)
        self.status.setCurrentIndex(max(0, self.status.findData(data.status)))
        self.fulfilment = QComboBox()
        for f in Fulfilment:
            self.fulfilment.addItem(f.label, f.value)
        self.fulfilment.setCurrentIndex(max(0, self.fulfilment.findData(data.fulfilment)))
        self.pickup = QComboBox()
        self.pickup.setEditable(True)
        self.pickup.addItems([""] + (pickup_points or []))
        self.pickup.setCurrentText(data.pickup_point or "")
        self.address = QLineEdit(mask_address(data.address) if self.privacy else (data.address or ""))
        self.address.setReadOnly(self.privacy)
        self.notes = QLineEdit(data.notes or "")
        self.items = QTableWidget(0, 4)
        self.items.setHorizontalHeaderLabels([tr("商品"), tr("数量"), tr("金额（元）"), tr("平台金额（元，可空）")])
        for col, width in enumerate((250, 56, 100)):
            self.items.setColumnWidth(col, width)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.setMinimumWidth(620)
        for item in data.items:
            self.add_item_row(item)
        add_row = QPushButton(tr("添加一行商品"))
        add_row.clicked.connect(lambda: self.add_item_row(svc.ItemInput("")))
        for label, widget in ((tr("客户"), self.customer), (tr("下单时间"), self.when), (tr("平台"), self.platform),
                              (tr("平台订单号"), self.order_no), (tr("状态"), self.status), (tr("取货方式"), self.fulfilment),
                              (tr("自提点"), self.pickup), (tr("地址"), self.address), (tr("备注"), self.notes),
                              (tr("商品"), self.items), ("", add_row)):
            self.form.addRow(label, widget)
        self.finish_form()
        self._ids = [i.product_id for i in data.items]

    def add_item_row(self, item: svc.ItemInput) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        values = [item.title, str(item.quantity),
                  format_fen(item.amount_fen, symbol=False).replace(",", "") if item.title else "",
                  format_fen(item.platform_amount_fen, symbol=False).replace(",", "")
                  if item.platform_amount_fen is not None else ""]
        for col, value in enumerate(values):
            self.items.setItem(row, col, QTableWidgetItem(value))

    def collect(self) -> svc.OrderInput:
        items = []
        for row in range(self.items.rowCount()):
            cells = [cell.text().strip() if (cell := self.items.item(row, c)) else "" for c in range(4)]
            if not cells[0]:
                continue
            try:
                qty = int(cells[1] or "1")
                amount = parse_yuan(cells[2]) or 0
                platform_amount = parse_yuan(cells[3])
            except ValueError:
                raise UserError(tr("第 {row} 行商品的数量或金额看不懂，请填数字。", row=row + 1)) from None
            product_id = self._ids[row] if row < len(self._ids) else None
            items.append(svc.ItemInput(cells[0], qty, amount, platform_amount, product_id))
        if not items:
            raise UserError(tr("订单至少要有一件商品。"))
        when = cast(datetime, self.when.dateTime().toPython()).replace(tzinfo=SHANGHAI)
        return svc.OrderInput(
            self.customer.text(), when, items, self.platform.currentData() or None, self.order_no.text(),
            self.status.currentData(), self.fulfilment.currentData(), self.pickup.currentText(),
            self.original_address if self.privacy else self.address.text(), self.notes.text(),
        )


class JielongDialog(QDialog):
    """Paste a 接龙, check the preview, map products and names, then create all orders at once."""

    looked_up = Signal()  # the preview's lookups in the book (customers, picks, already imported) landed
    ITEMS_COLUMN = 2  # 商品与数量: takes the width the others leave

    def __init__(self, db: Database, parent: Any = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner or TaskRunner(self)
        self._lookup_token = 0
        self.already: dict[int, str] = {}
        self._products: list[tuple[int, str]] = []
        self.setWindowTitle(tr("接龙导入"))
        fit_to_screen(self, 1040, 640)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(tr("把群里的接龙整段复制粘贴到这里，例如：\n#接龙\n荔枝 5斤 ¥59.9/份\n1. 张姐 2份\n2. 王阿姨 1份"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.reparse)
        self.text.textChanged.connect(self._timer.start)
        self.customer_choice: dict[str, int | None] = {}
        self.suggestions: dict[str, Any] = {}
        self.model = RowsModel([
            (tr("序号"), lambda e: e.seq, True),
            (tr("客户"), lambda e: e.customer or e.raw, False),
            (tr("商品与数量"), self._items_text, False),
            (tr("备注"), lambda e: e.note, False),
            (tr("手机"), lambda e: mask_phone(e.phone), False),
            (tr("对应客户"), self._customer_text, False),
            (tr("说明"), self._entry_state, False),
        ], self, highlight=lambda e: (not e.items and not e.cancelled) or e.seq in self.already)  # unread or imported before
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        for col, width in enumerate((40, 70, 190, 130, 90, 80)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(self.ITEMS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.choose_customer)
        self.products_box = QFormLayout()
        self.product_combos: dict[str, QComboBox] = {}
        self.price_edits: dict[str, QLineEdit] = {}
        self.batch_status = QComboBox()
        for status, label in ORDER_STATUS_LABELS.items():
            self.batch_status.addItem(localized(label), status.value)
        self.batch_pickup = QComboBox()
        self.batch_pickup.setEditable(True)
        self.batch_pickup.setMinimumWidth(160)
        self.batch_pickup.setPlaceholderText(tr("各自的自提点"))
        if (edit := self.batch_pickup.lineEdit()) is not None:
            edit.setPlaceholderText(tr("各自的自提点"))
        batch = QHBoxLayout()
        batch.addWidget(QLabel(tr("这批订单：状态")))
        batch.addWidget(self.batch_status)
        batch.addWidget(QLabel(tr("自提点")))
        batch.addWidget(self.batch_pickup, 1)
        self.remarks = QLabel()
        self.remarks.setWordWrap(True)
        self.summary = QLabel()
        self.unread = QLabel()  # what the red rows lack, said whole (the table's cell has no room for it)
        self.unread.setWordWrap(True)
        self.unread.setTextFormat(Qt.TextFormat.PlainText)
        self.unread.setStyleSheet("color: #b00")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("生成订单"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel(tr("预览（红色行没看懂，请在左边改好；双击一行可指定对应的客户）")))
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(QLabel(tr("接龙商品对应选品库")))
        right_layout.addLayout(self.products_box)
        right_layout.addLayout(batch)
        right_layout.addWidget(self.remarks)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.unread)
        splitter = QSplitter()
        splitter.addWidget(self.text)
        splitter.addWidget(right)
        splitter.setSizes([300, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.parsed = parse_jielong("")
        self.outcome: dict[str, Any] | None = None  # what the import did (not QDialog.result())
        self.reparse()

    def _fit_columns(self) -> None:
        """Names, items and the 说明 (why a row will not be imported) shown whole where they fit
        (none wider than ``MAX_COLUMN_PX``; the cell's tooltip has the rest); 商品与数量 takes what is left."""
        if not self.model.rowCount():
            return
        for column in range(self.model.columnCount()):
            if column != self.ITEMS_COLUMN:
                wanted = max(self.table.sizeHintForColumn(column), self.table.horizontalHeader().sectionSizeHint(column))
                self.table.setColumnWidth(column, min(wanted + 8, MAX_COLUMN_PX))  # a little air after the text

    def _items_text(self, entry: Entry) -> str:
        if entry.cancelled:
            return tr("（已取消）")
        if not entry.items:  # why, where the items would be (this column has the room)
            return tr("（没看懂：{why}）", why=self.parsed.why_unread(entry))
        return "，".join(f"{self.parsed.products[p].label}×{q}" for p, q in entry.items)

    def _customer_text(self, entry: Entry) -> str:
        if not entry.items:
            return ""
        chosen = self.customer_choice.get(entry.customer, "suggested")
        if chosen == "suggested":
            match = self.suggestions.get(entry.customer)
            return match.label if match else tr("新客户")
        return tr("新客户") if chosen is None else self._customer_names.get(int(chosen), "")

    def _entry_state(self, entry: Entry) -> str:
        if entry.cancelled:
            return tr("已取消，不会导入")
        if not entry.items:
            return tr("没看懂，不会导入")
        return self.already.get(entry.seq, "")

    def reparse(self) -> None:
        """Parse the text now (pure, fast) and look up customers, picks and earlier imports of
        the same list on the worker; the preview fills in when they land (``looked_up``)."""
        text = self.text.toPlainText()
        self.parsed = parse_jielong(text)
        self._show_parsed()
        self._lookup_token += 1
        token = self._lookup_token
        self.ok.setEnabled(False)
        self.runner.run(lambda _p: jielong.preview_lookup(self.db, text),
                        lambda found: self._looked_up(token, found), silent=True, cancellable=False)

    def _looked_up(self, token: int, found: jielong.PreviewLookup) -> None:
        if token != self._lookup_token:
            return  # the text changed again meanwhile
        self.suggestions, self._products, self.already = found.suggestions, found.products, found.already
        if self.batch_pickup.count() != len(found.pickup_points):
            typed = self.batch_pickup.currentText()
            self.batch_pickup.clear()
            self.batch_pickup.addItems(found.pickup_points)
            self.batch_pickup.setCurrentText(typed)
        self._show_parsed()
        self.looked_up.emit()

    def _show_parsed(self) -> None:
        products = self._products
        self._customer_names: dict[int, str] = {m.customer_id: m.label for m in self.suggestions.values() if m.customer_id}
        self.model.set_rows(sorted(self.parsed.entries + self.parsed.unparsed + self.parsed.cancelled, key=lambda e: e.seq))
        self._fit_columns()
        previous = {label: combo.currentData() for label, combo in self.product_combos.items()}
        typed = {label: edit.text() for label, edit in self.price_edits.items()}
        while self.products_box.rowCount():
            self.products_box.removeRow(0)
        self.product_combos = {}
        self.price_edits = {}
        for product in self.parsed.products:
            combo = QComboBox()
            combo.addItem(tr("不关联（按接龙里的名字记）"), None)
            for pid, title in products:
                combo.addItem(title, pid)
            combo.setCurrentIndex(max(0, combo.findData(previous.get(product.label))))
            self.product_combos[product.label] = combo
            combo.currentIndexChanged.connect(self._update_ok)
            label = product.label
            if product.menu:
                label += tr("（菜单：{dishes}）", dishes="、".join(product.menu[:6]))
            if product.price_fen is not None:
                self.products_box.addRow(f"{label}（{format_fen(product.price_fen)}）", combo)
                continue
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            price_edit = QLineEdit(typed.get(product.label, ""))
            price_edit.setPlaceholderText(tr("单价（元）"))
            price_edit.setMaximumWidth(110)
            price_edit.textChanged.connect(self._update_ok)
            self.price_edits[product.label] = price_edit
            row_layout.addWidget(price_edit)
            row_layout.addWidget(combo, 1)
            caption = QLabel(tr("{label}（<span style='color:#b00'>没写价格，请填上</span>）", label=label))
            self.products_box.addRow(caption, row)
        p = self.parsed
        self.remarks.setText(tr("接龙说明：{lines}", lines=" / ".join(p.remarks[:5])) if p.remarks else "")
        already = [e for e in p.entries if e.seq in self.already]
        self.summary.setText(
            tr(
                "{products} 个商品 · {entries} 人报名 · 共 {total_qty} 件 · 合计 {total}",
                products=len(p.products), entries=len(p.entries), total_qty=p.total_qty, total=format_fen(p.total_fen))
            + (tr(" · <span style='color:#b00'>{count} 行没看懂</span>", count=len(p.unparsed)) if p.unparsed else "")
            + (tr(" · {count} 人已取消", count=len(p.cancelled)) if p.cancelled else "")
            + (tr(" · <span style='color:#b35c00'>{count} 条之前已导入，不会重复</span>", count=len(already)) if already else "")
        )
        self.unread.setText("\n".join(tr("第 {seq} 条（{name}）：{why}", seq=e.seq, name=e.customer or e.raw[:12],
                                              why=p.why_unread(e)) for e in p.unparsed[:3])
                            + ("\n…" if len(p.unparsed) > 3 else ""))
        self.unread.setVisible(bool(p.unparsed))
        self._update_ok()

    def prices(self) -> dict[str, int]:
        """The prices typed for products the list gives none for (only well-formed ones)."""
        out: dict[str, int] = {}
        for label, edit in self.price_edits.items():
            try:
                fen = parse_yuan(edit.text().strip()) if edit.text().strip() else None
            except ValueError:
                fen = None
            if fen is not None and fen > 0:
                out[label] = fen
        return out

    def _update_ok(self) -> None:
        priced = self.prices()
        linked = {label for label, combo in self.product_combos.items() if combo.currentData() is not None}
        missing = [label for label in self.price_edits if label not in priced and label not in linked]
        fresh = [e for e in self.parsed.entries if e.seq not in self.already]
        self.ok.setEnabled(bool(fresh) and not missing)
        self.ok.setToolTip(tr("先填上价格：{labels}", labels="、".join(missing)) if missing else "")

    def choose_customer(self, index: Any) -> None:
        entry = self.model.rows[index.row()]
        if not entry.items:
            return
        self.runner.run(lambda _p: jielong.find_customer_choices(self.db, entry.customer),
                        lambda options: self._choose_customer(entry, options), cancellable=False)

    def _choose_customer(self, entry: Entry, options: list[tuple[int, str]]) -> None:
        labels = [tr("新建客户：") + entry.customer] + [label for _id, label in options]
        choice, ok = QInputDialog.getItem(self, tr("对应客户"), tr("“{customer}”是哪位客户？", customer=entry.customer), labels, 0, False)
        if ok:
            chosen = None if labels.index(choice) == 0 else options[labels.index(choice) - 1][0]
            self.customer_choice[entry.customer] = chosen
            if chosen is not None:
                self._customer_names[chosen] = choice
            self.model.set_rows(self.model.rows)

    def accept(self) -> None:
        """Create the orders on the worker thread (one transaction); the dialog closes when done."""
        product_map = {label: combo.currentData() for label, combo in self.product_combos.items()
                       if combo.currentData() is not None}
        customer_map = dict(self.customer_choice)
        text = self.text.toPlainText()
        prices = self.prices()
        status = OrderStatus(self.batch_status.currentData())
        pickup = self.batch_pickup.currentText().strip() or None

        def job(_p: Any) -> dict[str, Any]:
            return jielong.import_text(self.db, text, product_map, customer_map, prices=prices,
                                       status=status, pickup_point=pickup)

        def done(result: dict[str, Any]) -> None:
            self.outcome = result
            QDialog.accept(self)

        def failed(exc: BaseException) -> None:
            self.ok.setEnabled(True)
            if isinstance(exc, UserError):
                QMessageBox.warning(self, self.windowTitle(), exc.message)
            else:
                show_error(self, exc)

        self.ok.setEnabled(False)
        self.runner.run(job, done, title=tr("正在生成订单…"), on_error=failed, cancellable=False)


