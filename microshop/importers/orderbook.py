"""The order-book template: one row = one order with one item, or — as a hand-kept book has it —
the rows under an order that leave 客户 (and 下单时间) blank are more items of it.

Columns (header aliases accepted): 下单时间, 客户, 商品, 商品ID, 数量, 单价, 金额, 平台, 平台金额,
平台订单号, 备注, 状态 (已付款/待付款/已发货 …, also 是否付款 with 已付/未付/√), 电话, 地址, 自提点, 单号 (rows
sharing one are one order). 平台 takes keys (taobao/jd/pdd/douyin/ktt) or names (淘宝联盟 …);
平台金额 blank = same as 金额; 金额 blank = 单价 × 数量. Rows that cannot be understood are reported,
not guessed; columns the book has and the template does not are named (``unused_columns``), never
dropped unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from microshop.domain.enums import PLATFORM_BY_WORD, OrderStatus, order_status_of
from microshop.domain.privacy import normalise_phone
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.importers.columns import Column, Count, Id, Money, Text, Time, by_field, header_aliases
from microshop.importers.table import cell_text, cell_time, find_header, read_table

COLUMNS: tuple[Column, ...] = (
    Time("time", ("下单时间", "时间", "日期", "下单日期", "订单时间")),
    Text("customer", ("客户", "客户名", "姓名", "买家", "下单人", "客户姓名", "顾客", "微信名", "微信昵称", "昵称")),
    Text("title", ("商品", "商品名称", "商品标题", "品名", "货品", "商品名", "宝贝")),
    Id("product_id", ("商品ID", "商品编号", "商品id"), required=False),
    Count("quantity", ("数量", "件数", "份数", "购买数量"), required=False),
    Money("unit_price", ("单价", "单价(元)", "售价", "团购价", "价格"), required=False),
    Money("amount", ("金额", "金额(元)", "实收", "实收金额", "客户付款", "总价", "总金额", "合计金额", "应收", "已收",
                     "收款", "收款金额", "实付", "实付金额", "付款", "付款金额", "已付金额")),
    Text("platform", ("平台",), required=False),
    Money("platform_amount", ("平台金额", "平台金额(元)", "平台实付"), required=False),
    Id("platform_order_no", ("平台订单号", "订单号", "平台单号"), required=False),
    Text("notes", ("备注", "说明"), required=False),
    Text("status", ("状态", "订单状态", "付款状态", "是否付款", "付款情况", "是否已付", "发货状态", "是否发货"),
         required=False),  # (a bare 付款 column holds the money paid: see 金额)
    Text("phone", ("电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "联系方式"), required=False),
    Text("address", ("地址", "收货地址", "详细地址", "配送地址", "送货地址"), required=False),
    Text("pickup_point", ("自提点", "提货点", "取货点", "自提地点"), required=False),
    Text("book_ref", ("单号", "本地单号", "订单序号"), required=False),  # rows sharing one are one order (the export writes it)
)
COLUMN = by_field(COLUMNS)
_PLATFORM_BY_NAME = PLATFORM_BY_WORD


@dataclass
class BookItem:
    """A further item of the order above it (a row that leaves 客户 blank)."""

    row: int
    title: str
    product_id: str | None
    quantity: int
    amount_fen: int
    platform_amount_fen: int | None


@dataclass
class OrderRow:
    """One parsed order row (money in fen, time aware UTC), and the items of the rows under it."""

    row: int
    ordered_at: datetime
    customer: str
    title: str
    product_id: str | None
    quantity: int
    amount_fen: int
    platform_key: str | None
    platform_amount_fen: int | None
    platform_order_no: str | None
    notes: str | None
    more: list[BookItem] = field(default_factory=list)
    book_ref: str | None = None  # 单号: the rows written with the same one are this order's items
    status: OrderStatus | None = None  # 状态 as written (None: the usual rule)
    phone: str | None = None
    address: str | None = None
    pickup_point: str | None = None


@dataclass
class Skipped:
    """A row left out, with the reason in Chinese."""

    row: int
    reason: str


class NotAnOrderBook(UserError):
    """The file has no order-book header (it is something else: a statement, a picks sheet …)."""


class ParsedBook(NamedTuple):
    """The orders read, the rows left out (with reasons), the header's columns not read, and how
    many rows were left out only because their date has no year and nothing in the table gives one
    (the caller may ask which year and read again with ``year``)."""

    rows: list[OrderRow]
    skipped: list[Skipped]
    unused_columns: list[str]
    yearless: int = 0


def parse_order_book(path: Path, year: int | None = None) -> ParsedBook:
    """Read an order-book file; refuses the whole file for a missing header or mangled ids.
    ``year``: the year of a book whose dates are all written without one (``11月3日``); the
    first such date is in it, each later one nearest to the one above (a book across New Year)."""
    table = read_table(path)
    header_index, cols = _header(table.rows)
    used = set(cols.values())
    unused = [name for k, cell in enumerate(table.rows[header_index]) if k not in used and (name := cell_text(cell))]
    rows: list[OrderRow] = []
    skipped: list[Skipped] = []
    yearless = 0
    years = _years(table.rows[header_index + 1:], cols.get("time"), year)
    current: OrderRow | None = None  # the order that rows leaving 客户 blank (or of its 单号) add items to
    refused = False                   # … which could not be read: they stay out with it
    refused_ref: str | None = None
    last_customer: str | None = None  # 客户 of the last order row, read or refused
    for offset, raw in enumerate(table.rows[header_index + 1:]):
        number = header_index + 2 + offset

        def get(field: str, raw: Sequence[Any] = raw, near: datetime | None = years[offset]) -> object:
            col = cols.get(field)
            value = raw[col] if col is not None and col < len(raw) else None
            return _with_year(value, near) if field == "time" else value

        if not any(cell_text(v) for v in raw):
            continue
        # Ids first: a mangled id refuses the whole file (never store a rounded id).
        order_no = COLUMN["platform_order_no"].cell(get("platform_order_no"))
        product_id = COLUMN["product_id"].cell(get("product_id"))
        if any(cell_text(v).rstrip(":：") in TOTAL_WORDS for v in raw):
            skipped.append(Skipped(number, tr("合计行，已忽略")))
            current, refused, refused_ref = None, False, None
            continue
        ref = COLUMN["book_ref"].cell(get("book_ref"))
        same_customer = COLUMN["customer"].cell(get("customer")) in (None, last_customer)
        if _continues(current, get, refused) or (ref is not None and same_customer and (
                (current is not None and current.book_ref == ref) or (refused and refused_ref == ref))):
            if refused:
                skipped.append(Skipped(number, tr("这一行是上面那个订单的商品，那个订单没有导入")))
                continue
            assert current is not None
            try:
                current.more.append(_parse_item(number, get, product_id))
            except _RowError as exc:  # one item unreadable: none of the order is imported
                rows.remove(current)
                skipped.append(Skipped(current.row, tr("这个订单第 {row} 行的商品没能读入，整单未导入", row=number)))
                skipped.append(Skipped(number, str(exc)))
                refused, refused_ref = True, current.book_ref
                current = None
            continue
        last_customer = COLUMN["customer"].cell(get("customer"))
        try:
            current, refused = _parse_row(number, get, order_no, product_id), False
            current.book_ref = ref
            rows.append(current)
        except _RowError as exc:
            skipped.append(Skipped(number, str(exc)))
            yearless += isinstance(exc, _NoYear)
            current, refused, refused_ref = None, True, ref
    return ParsedBook(rows, skipped, unused, yearless)


TOTAL_WORDS = ("合计", "总计", "小计", "共计")


def _header(rows: Sequence[Sequence[Any]]) -> tuple[int, dict[str, int]]:
    """The header row and its columns; a book with 单价 but no 金额 column is read too (金额 = 单价 × 数量)."""
    aliases, required = header_aliases(COLUMNS)
    try:
        return find_header(rows, aliases, required)
    except UserError as exc:
        try:
            index, cols = find_header(rows, aliases, [f for f in required if f != "amount"] + ["unit_price"])
        except UserError:
            raise NotAnOrderBook(exc.message) from None
        if any(cell_text(cell) == "跟团号" for cell in rows[index]):  # a 快团团 export has its own importer
            raise NotAnOrderBook(exc.message) from None
        return index, cols


def _continues(current: OrderRow | None, get: Any, refused: bool) -> bool:
    """A row that leaves 客户 blank, under an order, with no time or the order's own: another item of it."""
    if COLUMN["customer"].cell(get("customer")) or not COLUMN["title"].cell(get("title")):
        return False
    if current is None and not refused:
        return False
    if not cell_text(get("time")):
        return True
    try:
        when = COLUMN["time"].cell(get("time"))
    except ValueError:
        return False
    return current is not None and when == current.ordered_at


# "10月5日", "10/5 18:30", "11.3", "11-3": a hand-kept book often leaves the year out
_YEARLESS = re.compile(r"^\s*(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[/.\-](\d{1,2})[日号]?)(?:\s+(\d{1,2}[:：]\d{2}(?:[:：]\d{2})?))?\s*$")


def _years(rows: Sequence[Sequence[Any]], col: int | None, year: int | None = None) -> list[datetime | None]:
    """For each row, the time of the nearest row above it (else below) that has a year: a yearless
    date is taken in the year that puts it nearest to the rows around it. When no row has a year,
    ``year`` (if given) is the first date's, and each later date is taken nearest to the one above."""
    found: list[datetime | None] = []
    for raw in rows:
        value = raw[col] if col is not None and col < len(raw) else None
        try:
            found.append(None if _YEARLESS.match(cell_text(value)) else cell_time(value))
        except ValueError:
            found.append(None)
    out: list[datetime | None] = []
    last: datetime | None = None
    for when in found:
        last = when if when is not None else last
        out.append(last)
    following: datetime | None = None
    for k in range(len(found) - 1, -1, -1):
        following = found[k] if found[k] is not None else following
        out[k] = out[k] if out[k] is not None else following
    if year is not None and all(o is None for o in out):
        reference: datetime | None = None
        for k, raw in enumerate(rows):
            value = raw[col] if col is not None and col < len(raw) else None
            match = _YEARLESS.match(cell_text(value))
            if match is not None:
                month, day = int(match.group(1)), int(match.group(2) or match.group(3))
                if reference is None:
                    try:
                        reference = datetime(year, month, day)
                    except ValueError:
                        pass  # 2月30日: refused below, as it is written
                else:
                    reference = _nearest(month, day, reference) or reference
            out[k] = reference
    return out


def _with_year(value: object, near: datetime | None) -> object:
    """"10月5日" as "2026-10-05 00:00" when the rows around it are in 2026 (a "1月2日" after
    "2026-12-30" is in 2027); anything else as it was."""
    match = _YEARLESS.match(cell_text(value)) if isinstance(value, str) else None
    if match is None or near is None:
        return value
    month, day = int(match.group(1)), int(match.group(2) or match.group(3))
    clock = (match.group(4) or "00:00").replace("：", ":")
    best = _nearest(month, day, near)
    return value if best is None else f"{best:%Y-%m-%d} {clock}"


def _nearest(month: int, day: int, near: datetime) -> datetime | None:
    """The date ``month``/``day`` in the year (one before, the same, one after) nearest to ``near``."""
    reference = near.replace(tzinfo=None)
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(datetime(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda c: abs(c - reference)) if candidates else None


class _RowError(Exception):
    pass


class _NoYear(_RowError):
    """A date without a year, and nothing in the table to take one from."""


def _parse_row(number: int, get: Any, order_no: str | None, product_id: str | None) -> OrderRow:
    customer = COLUMN["customer"].cell(get("customer")) or ""
    title = COLUMN["title"].cell(get("title")) or ""
    if title in ("合计", "总计") or customer in ("合计", "总计"):
        raise _RowError(tr("合计行，已忽略"))
    if not customer:
        raise _RowError(tr("缺少客户"))
    try:
        ordered_at = COLUMN["time"].cell(get("time"))
    except ValueError:
        written = cell_text(get("time"))
        if _YEARLESS.match(written):
            raise _NoYear(tr("下单时间“{value}”没有年份，表里也没有带年份的日期可参照：请写成 2026-10-18 14:30，"
                             "或导入时选定年份（命令行加 --year 2026）", value=written)) from None
        raise _RowError(tr("下单时间“{value}”看不懂，请写成 2026-10-18 14:30", value=written)) from None
    if ordered_at is None:
        raise _RowError(tr("缺少下单时间"))
    item = _parse_item(number, get, product_id)
    platform_text = cell_text(get("platform"))
    platform = _PLATFORM_BY_NAME.get(platform_text) or _PLATFORM_BY_NAME.get(platform_text.lower())
    if platform_text and platform is None:
        raise _RowError(tr("未知的平台“{platform}”，可写 淘宝联盟/京东联盟/多多进宝/抖音精选联盟/快团团", platform=platform_text))
    status_text = cell_text(get("status"))
    status = order_status_of(status_text) if status_text else None
    if status_text and status is None:
        raise _RowError(tr("状态“{value}”看不懂，可写 已付款、待付款、已下单、已发货、已完成、已退款、已取消（付款一栏也可写 已付/未付）",
                           value=status_text))
    notes = COLUMN["notes"].cell(get("notes"))
    phone_text = COLUMN["phone"].cell(get("phone")) or ""
    phone = normalise_phone(phone_text) if "*" not in phone_text else None
    if phone_text and (phone is None or len(phone) < 7):  # 138****1234, 无: kept as written, in the note
        phone = None
        notes = "；".join(x for x in (notes, tr("电话：{phone}", phone=phone_text)) if x)
    return OrderRow(
        number, ordered_at, customer, item.title, product_id, item.quantity, item.amount_fen, platform,
        item.platform_amount_fen, order_no, notes, status=status, phone=phone,
        address=COLUMN["address"].cell(get("address")), pickup_point=COLUMN["pickup_point"].cell(get("pickup_point")),
    )


def _parse_item(number: int, get: Any, product_id: str | None) -> BookItem:
    """The product, count and money of a row (金额 blank: 单价 × 数量)."""
    title = COLUMN["title"].cell(get("title")) or ""
    if not title:
        raise _RowError(tr("缺少商品"))
    try:
        quantity = COLUMN["quantity"].cell(get("quantity"))
    except ValueError:
        raise _RowError(tr("数量“{value}”看不懂，请写整数（如 2、2份、x2）", value=cell_text(get("quantity")))) from None
    quantity = 1 if quantity is None else quantity
    if quantity <= 0:
        raise _RowError(tr("数量必须大于 0"))
    amount = _money(COLUMN["amount"], get("amount"), tr("金额"))
    if amount is None:
        unit = _money(COLUMN["unit_price"], get("unit_price"), tr("单价"))
        if unit is None:
            raise _RowError(tr("缺少金额"))
        amount = unit * quantity
    platform_amount = _money(COLUMN["platform_amount"], get("platform_amount"), tr("平台金额"))
    return BookItem(number, title, product_id, quantity, amount, platform_amount)


def _money(column: Column, value: object, label: str) -> int | None:
    try:
        fen = column.cell(value)
    except ValueError:
        raise _RowError(tr("{label}“{value}”不是有效金额", label=label, value=cell_text(value))) from None
    if fen is not None and fen < 0:
        raise _RowError(tr("{label}不能是负数", label=label))
    return fen


def require_rows(rows: list[OrderRow], skipped: list[Skipped], name: str) -> None:
    """Refuse a file in which not a single row could be read."""
    if not rows and not skipped:
        raise UserError(tr("“{name}”表头下面没有订单行。", name=name))
