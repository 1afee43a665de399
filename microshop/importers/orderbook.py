"""The order-book template: one row = one order with one item.

Columns (header aliases accepted): 下单时间, 客户, 商品, 商品ID, 数量, 金额, 平台, 平台金额,
平台订单号, 备注. 平台 takes keys (taobao/jd/pdd/douyin/ktt) or names (淘宝联盟 …);
平台金额 blank = same as 金额. Rows that cannot be understood are reported, not guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from microshop.domain.enums import PLATFORM_BY_WORD
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.importers.table import (
    cell_id,
    cell_int,
    cell_money,
    cell_text,
    cell_time,
    find_header,
    read_table,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "time": ("下单时间", "时间", "日期", "下单日期"),
    "customer": ("客户", "客户名", "姓名", "买家", "下单人"),
    "title": ("商品", "商品名称", "商品标题", "品名"),
    "product_id": ("商品ID", "商品编号", "商品id"),
    "quantity": ("数量", "件数", "份数"),
    "amount": ("金额", "金额(元)", "实收", "实收金额", "客户付款"),
    "platform": ("平台",),
    "platform_amount": ("平台金额", "平台金额(元)", "平台实付"),
    "platform_order_no": ("平台订单号", "订单号", "平台单号"),
    "notes": ("备注", "说明"),
}
REQUIRED = ("time", "customer", "title", "amount")
_PLATFORM_BY_NAME = PLATFORM_BY_WORD


@dataclass
class OrderRow:
    """One parsed order row (money in fen, time aware UTC)."""

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


@dataclass
class Skipped:
    """A row left out, with the reason in Chinese."""

    row: int
    reason: str


def parse_order_book(path: Path) -> tuple[list[OrderRow], list[Skipped]]:
    """Read an order-book file; refuses the whole file for a missing header or mangled ids."""
    table = read_table(path)
    header_index, cols = find_header(table.rows, COLUMNS, REQUIRED)
    rows: list[OrderRow] = []
    skipped: list[Skipped] = []
    for index in range(header_index + 1, len(table.rows)):
        raw = table.rows[index]
        number = index + 1

        def get(field: str, raw: Sequence[Any] = raw) -> object:
            col = cols.get(field)
            return raw[col] if col is not None and col < len(raw) else None

        if not any(cell_text(v) for v in raw):
            continue
        # Ids first: a mangled id refuses the whole file (never store a rounded id).
        order_no = cell_id(get("platform_order_no"), "平台订单号") or None
        product_id = cell_id(get("product_id"), "商品ID") or None
        try:
            rows.append(_parse_row(number, get, order_no, product_id))
        except _RowError as exc:
            skipped.append(Skipped(number, str(exc)))
    return rows, skipped


class _RowError(Exception):
    pass


def _parse_row(number: int, get, order_no: str | None, product_id: str | None) -> OrderRow:
    customer = cell_text(get("customer"))
    title = cell_text(get("title"))
    if title in ("合计", "总计") or customer in ("合计", "总计"):
        raise _RowError("合计行，已忽略")
    if not customer:
        raise _RowError("缺少客户")
    if not title:
        raise _RowError("缺少商品")
    try:
        ordered_at = cell_time(get("time"))
    except ValueError:
        raise _RowError(f"下单时间“{cell_text(get('time'))}”看不懂，请写成 2026-10-18 14:30") from None
    if ordered_at is None:
        raise _RowError("缺少下单时间")
    try:
        quantity = cell_int(get("quantity"))
    except ValueError:
        raise _RowError(f"数量“{cell_text(get('quantity'))}”不是整数") from None
    quantity = 1 if quantity is None else quantity
    if quantity <= 0:
        raise _RowError("数量必须大于 0")
    amount = _money(get("amount"), "金额")
    if amount is None:
        raise _RowError("缺少金额")
    platform_amount = _money(get("platform_amount"), "平台金额")
    platform_text = cell_text(get("platform"))
    platform = _PLATFORM_BY_NAME.get(platform_text) or _PLATFORM_BY_NAME.get(platform_text.lower())
    if platform_text and platform is None:
        raise _RowError(f"未知的平台“{platform_text}”，可写 淘宝联盟/京东联盟/多多进宝/抖音精选联盟/快团团")
    return OrderRow(
        number, ordered_at, customer, title, product_id, quantity, amount, platform,
        platform_amount, order_no, cell_text(get("notes")) or None,
    )


def _money(value: object, label: str) -> int | None:
    try:
        fen = cell_money(value)
    except ValueError:
        raise _RowError(f"{label}“{cell_text(value)}”不是有效金额") from None
    if fen is not None and fen < 0:
        raise _RowError(f"{label}不能是负数")
    return fen


def require_rows(rows: list[OrderRow], skipped: list[Skipped], name: str) -> None:
    """Refuse a file in which not a single row could be read."""
    if not rows and not skipped:
        raise UserError(tr("“{name}”表头下面没有订单行。", name=name))
