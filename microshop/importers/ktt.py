"""快团团 order exports (xlsx/xls/csv as the 团长 downloads them) → typed orders; no storage.

The export drifts between versions and between 团长 and 帮卖 accounts, so columns are found by
alias sets, never by position. Two layouts are read alike:

- one row per order: ``商品`` holds every product of the 跟团号, one per line or separated by
  ``；``, each written ``品名 规格 ×N`` (``x2`` ``*2`` ``（2份）`` …), with 订单金额 for the order;
- one row per product: 跟团号 repeats (or is left blank under a merged cell) and 商品/规格/数量
  sit in their own columns, with 商品金额 per row or 订单金额 repeated.

Refunds: 退款金额/订单退款 as large as what was paid makes the order 已退款; a smaller refund is
kept on the order and taken off its amount. An unknown 订单状态 word leaves the row out with the
reason (never a guess).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from microshop.domain.address import number_text, parse_location
from microshop.domain.enums import OrderStatus
from microshop.domain.privacy import normalise_phone
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.importers.table import (
    MAX_QUANTITY,
    cell_id,
    cell_int,
    cell_money,
    cell_text,
    cell_time,
    find_header,
    read_table,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "group_no": ("跟团号", "跟团编号", "团员号", "接龙号", "序号(跟团号)"),
    "order_no": ("订单号", "订单编号", "快团团订单号", "订单id"),
    "group_name": ("团购名称", "团购标题", "活动名称", "团购活动", "所属团购", "团名称", "团购"),
    "buyer": ("下单人", "下单人昵称", "团员", "团员昵称", "买家", "用户昵称", "微信昵称"),
    "member_note": ("团员备注", "买家备注", "用户备注", "下单备注", "备注"),
    "paid_at": ("支付时间", "付款时间", "下单时间", "创建时间", "跟团时间"),
    "leader_note": ("团长备注", "卖家备注", "商家备注"),
    "product": ("商品", "商品名称", "商品信息", "商品名", "品名", "商品明细"),
    "spec": ("规格", "商品规格", "规格名称", "款式"),
    "quantity": ("数量", "商品数量", "购买数量", "件数", "份数"),
    "unit_price": ("单价", "商品单价", "商品价格", "售价"),
    "item_amount": ("商品金额", "商品总价", "小计", "商品实付"),
    "amount": ("订单金额", "实付金额", "支付金额", "实收金额", "订单实付", "付款金额", "应付金额"),
    "refund": ("退款金额", "订单退款", "已退款金额", "退款", "退款总额"),
    "status": ("订单状态", "状态", "交易状态"),
    "pickup": ("自提点", "自提点名称", "提货点", "自提地址", "团点"),
    "recipient": ("收货人", "收件人", "提货人", "联系人"),
    "phone": ("联系电话", "收货人电话", "手机号", "手机号码", "电话", "收货电话", "联系方式"),
    "address": ("详细地址", "收货地址", "地址", "配送地址"),
    "community": ("服务小区", "小区", "小区名称", "所在小区"),
    "building": ("楼号", "楼栋", "栋号", "楼栋号", "楼号(如10)"),
    "unit": ("单元", "单元号"),
    "room": ("房号", "门牌号", "房间号", "房号(如606)"),
    "province": ("省", "省份"),
    "city": ("市", "城市"),
    "district": ("区", "区县", "县区"),
    "courier": ("快递公司", "物流公司"),
    "tracking": ("快递单号", "物流单号", "运单号"),
}
REQUIRED = ("group_no", "product")

# Status words as 快团团 writes them; decided by the words inside, most final first.
_STATUS_WORDS: tuple[tuple[tuple[str, ...], OrderStatus], ...] = (
    (("已取消", "取消", "已关闭", "交易关闭", "关闭", "拼团失败", "成团失败", "未成团"), OrderStatus.CANCELLED),
    (("全额退款", "已退款", "退款成功", "退款完成"), OrderStatus.REFUNDED),
    (("退款中", "售后", "申请退款", "退货"), OrderStatus.AFTER_SALES),
    (("已完成", "交易成功", "已收货", "已签收", "已自提", "已提货", "已核销", "已送达", "完成"), OrderStatus.COMPLETED),
    (("已发货", "配送中", "待收货", "运输中", "待自提", "待提货", "待核销", "已到货"), OrderStatus.SHIPPED),
    (("待支付", "待付款", "未支付", "未付款"), OrderStatus.PENDING_PAYMENT),
    (("已支付", "已付款", "待发货", "待配送", "已成团", "待成团", "已下单", "支付成功", "已跟团", "正常"), OrderStatus.PAID),
)


def order_status(word: str) -> OrderStatus | None:
    """The order status a 订单状态 word means (``已发货（部分退款）`` → 已发货); None if unknown."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", word or ""))
    if not text:
        return OrderStatus.PAID  # exports of paid orders often leave it blank
    text = re.sub(r"\(?部分退款\)?", "", text) or "已支付"
    for words, status in _STATUS_WORDS:
        if any(w in text for w in words):
            return status
    return None


@dataclass
class KttItem:
    """One product of an order: amount in fen (None until allocated from the order's amount)."""

    title: str
    spec: str | None
    quantity: int
    amount_fen: int | None = None


@dataclass
class KttOrder:
    """One 跟团号 as read from the export."""

    row: int
    group_no: str
    order_no: str | None
    group_name: str | None
    buyer: str
    recipient: str | None
    phone: str | None
    paid_at: datetime
    status: OrderStatus
    raw_status: str
    amount_fen: int | None
    refund_fen: int
    items: list[KttItem] = field(default_factory=list)
    pickup_point: str | None = None
    address: str | None = None
    community: str | None = None
    building: str | None = None
    unit: str | None = None
    room: str | None = None
    member_note: str | None = None
    leader_note: str | None = None
    courier: str | None = None
    tracking: str | None = None

    @property
    def key(self) -> str:
        """What identifies the order across exports: its order number, else 团 + 跟团号."""
        if self.order_no:
            return f"no:{self.order_no}"
        return f"group:{self.group_name or ''}#{self.group_no}"

    @property
    def customer_name(self) -> str:
        return self.buyer or self.recipient or tr("跟团号{no}", no=self.group_no)

    @property
    def notes(self) -> str | None:
        parts = [self.member_note or ""]
        if self.leader_note:
            parts.append(tr("团长备注：{note}", note=self.leader_note))
        if 0 < self.refund_fen and self.status is not OrderStatus.REFUNDED:
            parts.append(tr("部分退款 ¥{yuan}", yuan=f"{self.refund_fen / 100:.2f}"))
        if self.tracking:
            parts.append(f"{self.courier or tr('快递')} {self.tracking}")
        text = "；".join(p for p in parts if p)
        return text or None


@dataclass
class Skipped:
    """A row left out, with the reason in Chinese."""

    row: int
    reason: str


@dataclass
class KttExport:
    """What one export file holds."""

    orders: list[KttOrder]
    skipped: list[Skipped]
    group_name: str | None


class _RowError(Exception):
    pass


_COUNTED = r"(?:份|件|个|盒|箱|袋|瓶|包|只|套|提|组)"
_QTY_TAIL = re.compile(
    r"\s*(?:[×xX*＊✕✖]\s*(?P<a>\d{1,7})\s*" + _COUNTED + r"?|[(（]\s*(?P<b>\d{1,7})\s*" + _COUNTED + r"\s*[)）]"
    r"|(?:数量|共)\s*[:：]?\s*(?P<c>\d{1,7})\s*(?:份|件|个)?"
    r"|(?<=\s)(?P<d>\d{1,4})\s*(?:份|件))\s*$"  # “榴莲千层蛋糕 6寸 2份”: a count after a space, in 份 or 件
)
_NAME_IN_BRACKETS = re.compile(r"^[【\[](?P<name>[^】\]]+)[】\]]\s*(?P<spec>.*)$")  # 【赣南脐橙】10斤装
_SPEC_TAIL = re.compile(r"^(?P<name>.+?)\s*[(（\[【](?P<spec>[^()（）\[\]【】]{1,60})[)）\]】]$")
_LEAD = re.compile(r"^\s*(?:[0-9]{1,3}[.、)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[-•·])\s*")
# lines, semicolons, a comma after a count, or the next number of a list on one line (“… x1 2.芒果 x2”)
_SPLIT = re.compile(r"[\n\r]+|[；;]|(?<=\d)\s*[，,]\s*(?=\D)|\s+(?=\d{1,2}[.、]\s*\D)")


def parse_products(cell: str) -> list[KttItem]:
    """``品名 规格 ×N`` lines → items (quantity 1 when none is written)."""
    items = []
    for piece in _SPLIT.split(unicodedata.normalize("NFKC", cell)):
        text = _LEAD.sub("", piece).strip(" ,，、")
        if not text:
            continue
        quantity = 1
        found = _QTY_TAIL.search(text)
        if found:
            quantity = int(found.group("a") or found.group("b") or found.group("c") or found.group("d"))
            text = text[:found.start()].strip(" ,，、")
        if not text:
            continue
        spec = None
        bracket = _SPEC_TAIL.match(text)
        named = _NAME_IN_BRACKETS.match(text)
        if named and re.match(r"\d", named.group("spec")) and " " not in named.group("spec"):  # never 【特价】…
            text, spec = named.group("name").strip(), named.group("spec").strip()
        elif bracket and not bracket.group("name").endswith(("【", "[")):
            text, spec = bracket.group("name").strip(), bracket.group("spec").strip()
        elif " " in text and not text.startswith(("【", "[")):
            text, spec = text.split(" ", 1)
            spec = spec.strip() or None
        elif re.match(r"^[【\[][^】\]]*[】\]]\S+\s+\S", text):
            head, spec = text.rsplit(" ", 1)
            text = head.strip()
        items.append(KttItem(text[:200], (spec or None) and spec[:100], quantity))
    return items


def parse_ktt(path: Path) -> KttExport:
    """Read a 快团团 export; refuses a file without 跟团号/商品 headers or with mangled ids."""
    table = read_table(path)
    try:
        header_index, cols = find_header(table.rows, COLUMNS, REQUIRED, scan=20)
    except UserError:
        raise UserError(tr("“{name}”不像快团团导出的订单表：没有找到“跟团号”和“商品”这两列。"
                           "请在快团团后台“订单管理 → 导出订单”导出后再导入，不要改动表头。", name=Path(path).name)) from None
    file_group = _title_above(table.rows[:header_index])
    orders: list[KttOrder] = []
    skipped: list[Skipped] = []
    current: KttOrder | None = None
    refused = False  # a row of the current order could not be read: the whole order stays out
    for index in range(header_index + 1, len(table.rows)):
        raw = table.rows[index]
        number = index + 1

        def get(name: str, raw: Sequence[Any] = raw) -> object:
            col = cols.get(name)
            return raw[col] if col is not None and col < len(raw) else None

        if not any(cell_text(v) for v in raw):
            continue
        group_no = cell_id(get("group_no"), "跟团号")
        order_no = cell_id(get("order_no"), "订单号") or None
        if group_no in ("合计", "总计") or cell_text(get("product")) in ("合计", "总计"):
            continue
        same = current is not None and (not group_no or (
            group_no == current.group_no and (order_no or current.order_no) == current.order_no))
        try:
            if same and current is not None:
                if not refused:
                    _more_items(current, get, number)
                continue
            if not group_no:
                raise _RowError(tr("缺少跟团号"))
            refused = False
            current = _order(number, group_no, order_no, file_group, get)
            orders.append(current)
        except _RowError as exc:
            skipped.append(Skipped(number, str(exc)))
            if same and current is not None:  # one of its rows is unreadable: none of the order is imported
                refused = True
                orders.remove(current)
                skipped.append(Skipped(current.row, tr("跟团号 {group} 的第 {row} 行没有读懂，这一单整单没有导入",
                                                       group=current.group_no, row=number)))
            elif not group_no or (current is not None and current.group_no != group_no):
                current = None
    finished = []
    for order in orders:
        try:
            _settle_amounts(order)
            finished.append(order)
        except _RowError as exc:
            skipped.append(Skipped(order.row, str(exc)))
    if not finished and not skipped:
        raise UserError(tr("“{name}”表头下面没有订单行。", name=Path(path).name))
    skipped.sort(key=lambda s: s.row)
    return KttExport(finished, skipped, file_group)


def _title_above(rows: list[list[object]]) -> str | None:
    """A 团 title written above the header (``团购：社区水果团 导出时间…``), if any."""
    for row in rows:
        for cell in row:
            text = cell_text(cell)
            if text:
                text = re.sub(r"^(?:团购名称|团购|活动名称|活动)\s*[:：]\s*", "", text)
                text = re.split(r"\s*(?:导出时间|导出日期|共\s*\d+\s*单)", text)[0].strip()
                return text[:200] or None
    return None


def _text(get, name: str, limit: int = 200) -> str | None:
    return cell_text(get(name))[:limit] or None


def _money(get, name: str, label: str) -> int | None:
    value = get(name)
    try:
        fen = cell_money(value)
    except ValueError:
        raise _RowError(tr("{label}“{value}”不是有效金额", label=label, value=cell_text(value)[:40])) from None
    if fen is not None and fen < 0:
        raise _RowError(tr("{label}不能是负数", label=label))
    return fen


def _quantity(get) -> int | None:
    try:
        quantity = cell_int(get("quantity"))
    except ValueError:
        raise _RowError(tr("数量“{value}”不是整数", value=cell_text(get("quantity"))[:40])) from None
    if quantity is not None and not 0 < quantity <= MAX_QUANTITY:
        raise _RowError(tr("数量必须大于 0"))
    return quantity


def _row_items(get, number: int) -> list[KttItem]:
    product = cell_text(get("product"))[:2000]
    if not product:
        raise _RowError(tr("缺少商品"))
    spec = _text(get, "spec", 100)
    quantity = _quantity(get)
    item_amount = _money(get, "item_amount", tr("商品金额"))
    unit_price = _money(get, "unit_price", tr("单价"))
    items = parse_products(product)
    if not items:
        raise _RowError(tr("商品“{text}”看不懂", text=product[:40]))
    if len(items) == 1:
        item = items[0]
        if spec:
            if item.spec and item.spec != spec:
                item.title = f"{item.title} {item.spec}"
            item.spec = spec
        if quantity is not None and not _QTY_TAIL.search(unicodedata.normalize("NFKC", product)):
            item.quantity = quantity
        if item_amount is not None:
            item.amount_fen = item_amount
        elif unit_price is not None:
            item.amount_fen = unit_price * item.quantity
    return items


def _order(number: int, group_no: str, order_no: str | None, file_group: str | None, get) -> KttOrder:
    raw_status = cell_text(get("status"))[:64]
    status = order_status(raw_status)
    if status is None:
        raise _RowError(tr("订单状态“{word}”不认识，这一单没有导入；请把这个状态告诉我们，或在快团团里确认后手工录入",
                           word=raw_status))
    try:
        paid_at = cell_time(get("paid_at"))
    except ValueError:
        raise _RowError(tr("支付时间“{value}”看不懂，请写成 2026-11-18 14:30", value=cell_text(get("paid_at"))[:40])) from None
    if paid_at is None:
        raise _RowError(tr("缺少支付时间"))
    amount = _money(get, "amount", tr("订单金额"))
    refund = _money(get, "refund", tr("退款金额")) or 0
    province, city, district = (_text(get, n, 40) or "" for n in ("province", "city", "district"))
    detail = _text(get, "address", 300) or ""
    address = detail
    if detail and (province or city or district) and not detail.startswith(province or city or district):
        address = f"{province}{city}{district}{detail}"
    place = parse_location(detail)
    building = number_text(_text(get, "building", 32)) or place.building
    room = number_text(_text(get, "room", 32)) or place.room
    unit = number_text(_text(get, "unit", 32)) or place.unit
    pickup = _text(get, "pickup", 128)
    order = KttOrder(
        row=number, group_no=group_no, order_no=order_no, group_name=_text(get, "group_name") or file_group,
        buyer=_clean_name(_text(get, "buyer", 128)), recipient=_clean_name(_text(get, "recipient", 128)) or None,
        phone=_phone(get), paid_at=paid_at, status=status, raw_status=raw_status, amount_fen=amount, refund_fen=refund,
        items=_row_items(get, number), pickup_point=pickup, address=address[:300] or None,
        community=_text(get, "community", 128) or place.community or None, building=building or None,
        unit=unit or None, room=room or None,
        member_note=_text(get, "member_note", 500), leader_note=_text(get, "leader_note", 500),
        courier=_text(get, "courier", 40), tracking=cell_id(get("tracking"), "快递单号")[:64] or None,
    )
    return order


def _clean_name(text: str | None) -> str:
    return re.sub(r"[\x00-\x1f\x7f]", "", text or "").strip()


def _phone(get) -> str | None:
    value = get("phone")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    phone = normalise_phone(cell_text(value))
    return phone[:20] if phone else None


def _more_items(order: KttOrder, get, number: int) -> None:
    """A further row of the same 跟团号 (one row per product)."""
    if not cell_text(get("product")):
        if any(cell_text(get(name)) for name in ("spec", "quantity", "item_amount", "unit_price")):
            # a 规格, 数量 or 金额 with no 商品 (a column shifted by hand): said, never dropped
            raise _RowError(tr("这一行有规格、数量或金额，却没有商品名，没有导入；请核对这一行的列是否错位"))
        return
    order.items.extend(_row_items(get, number))
    amount = _money(get, "amount", tr("订单金额"))
    if order.amount_fen is None:
        order.amount_fen = amount
    refund = _money(get, "refund", tr("退款金额"))
    if refund and refund != order.refund_fen:
        order.refund_fen = max(order.refund_fen, refund)


def allocate(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` fen by ``weights`` (largest remainder), the parts summing to ``total``."""
    whole = sum(weights)
    if whole <= 0:
        weights, whole = [1] * len(weights), len(weights)
    shares = [total * w // whole for w in weights]
    rest = total - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: -((total * weights[i]) % whole))
    for i in order[:rest]:
        shares[i] += 1
    return shares


def _settle_amounts(order: KttOrder) -> None:
    """Give every item an amount: its own, else the order's amount shared by quantity; refunds off."""
    known = [i.amount_fen for i in order.items if i.amount_fen is not None]
    if order.amount_fen is None:
        if len(known) != len(order.items):
            raise _RowError(tr("缺少订单金额"))
        order.amount_fen = sum(known)
    elif len(known) != len(order.items):
        unknown = [i for i in order.items if i.amount_fen is None]
        rest = max(0, order.amount_fen - sum(known))
        for item, share in zip(unknown, allocate(rest, [i.quantity for i in unknown])):
            item.amount_fen = share
    if order.refund_fen and order.amount_fen and order.refund_fen >= order.amount_fen:
        order.status = OrderStatus.REFUNDED
    elif order.refund_fen:
        kept = order.amount_fen - order.refund_fen
        for item, share in zip(order.items, allocate(kept, [i.amount_fen or 0 for i in order.items])):
            item.amount_fen = share
