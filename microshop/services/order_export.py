"""Order exports: the order book (same template the import reads, so it round-trips) and the
pickup/delivery list grouped by pickup point. Phones are masked unless the user asks."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from microshop.domain.enums import INACTIVE_ORDER_STATUSES, ORDER_STATUS_LABELS, OrderStatus, platform_name
from microshop.domain.privacy import mask_phone
from microshop.domain.timeutil import format_local
from microshop.services.listing import ListQuery, OrderList
from microshop.services.xlsx import Money, save, write_sheet
from microshop.store.models import Customer, Order

# 单号: the book's own order number, the same on every item row of one order (importing keeps them one order)
ORDER_BOOK_HEADERS = ["下单时间", "客户", "商品", "商品ID", "数量", "金额", "平台", "平台金额", "平台订单号", "备注", "状态",
                      "自提点", "地址", "单号"]  # phones stay in the book: an export is shared more than the book is


def _orders(session: Session, query: ListQuery | None) -> list[Order]:
    ids = OrderList().ids(session, query or ListQuery(sort_column=0, descending=False))
    orders: dict[int, Order] = {}
    for i in range(0, len(ids), 900):
        stmt = select(Order).where(Order.id.in_(ids[i:i + 900])).options(
            selectinload(Order.items), selectinload(Order.customer))
        orders.update({o.id: o for o in session.scalars(stmt)})
    return [orders[i] for i in ids if i in orders]


def export_order_book(session: Session, path: Path, query: ListQuery | None = None) -> Path:
    """One row per order item, in the import template (round-trips through ``orders import``)."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "订单"
    rows = []
    for order in _orders(session, query):
        for item in order.items:
            rows.append([
                format_local(order.ordered_at, "%Y-%m-%d %H:%M"), order.customer.name if order.customer else "",
                item.title, item.platform_product_id or "", item.quantity, Money(item.amount_fen),
                platform_name(order.platform_key),
                Money(item.platform_amount_fen) if item.platform_amount_fen is not None else None,
                order.platform_order_no or "", order.notes or "", OrderStatus(order.status).label,
                order.pickup_point or "", order.address or "", str(order.id),
            ])
    write_sheet(ws, ORDER_BOOK_HEADERS, rows, [17, 10, 32, 24, 6, 11, 13, 11, 22, 20, 8, 14, 28, 8])
    return save(wb, path)


def export_pickup_list(session: Session, path: Path, query: ListQuery | None = None,
                       full_phones: bool = False) -> Path:
    """Who collects what where: grouped by pickup point (配送 orders by address), with totals."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    groups: dict[str, list[Order]] = defaultdict(list)
    for order in _orders(session, query):
        if order.status in INACTIVE_ORDER_STATUSES:
            continue
        key = order.pickup_point or (order.customer.pickup_point if order.customer else None)
        if order.fulfilment == "delivery":
            key = "送货上门"
        groups[key or "未填写自提点"].append(order)
    wb = Workbook()
    ws = wb.active
    ws.title = "自提清单"
    headers = ["自提点", "客户", "手机", "商品", "数量", "金额", "状态", "地址", "备注"]
    rows = []
    for point in sorted(groups):
        orders = sorted(groups[point], key=lambda o: (o.customer.name if o.customer else "", o.ordered_at))
        for order in orders:
            customer: Customer | None = order.customer
            phone = customer.phone if customer else None
            for item in order.items:
                rows.append([
                    point, customer.name if customer else "", (phone or "") if full_phones else mask_phone(phone),
                    item.title, item.quantity, Money(item.amount_fen),
                    ORDER_STATUS_LABELS.get(OrderStatus(order.status), order.status)
                    if order.status in OrderStatus._value2member_map_ else order.status,
                    order.address or "", order.notes or "",
                ])
        qty = sum(i.quantity for o in orders for i in o.items)
        rows.append([f"{point} 合计", f"{len(orders)} 单", "", "", qty, Money(sum(i.amount_fen for o in orders for i in o.items)), "", "", ""])
    write_sheet(ws, headers, rows, [16, 10, 14, 32, 6, 11, 8, 24, 20])
    for row in ws.iter_rows(min_row=2):
        if isinstance(row[0].value, str) and row[0].value.endswith(" 合计"):
            for cell in row:
                cell.font = Font(bold=True)
    return save(wb, path)
