"""Import an order-book spreadsheet into orders, items and customers, in one transaction."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from microshop.domain.enums import Fulfilment, OrderStatus
from microshop.domain.timeutil import local
from microshop.i18n import tr
from microshop.importers.orderbook import BookItem, OrderRow, Skipped, parse_order_book, require_rows
from microshop.services.progress import Progress
from microshop.store.models import Customer, Order, OrderItem, Product


def import_order_book(session: Session, path: Path, progress: Progress | None = None,
                      year: int | None = None) -> dict[str, object]:
    """Parse ``path`` and add its orders; unknown customers are created, repeats are skipped.

    Nothing is written unless the whole file was read (the caller's session is the transaction).
    ``year``: the year of a book whose dates are all written without one (see ``parse_order_book``).
    Returns the CLI contract: orders, items, customers_created, skipped [{row, reason}], and, only
    when there are some, unused_columns (the header's columns the template has no place for).
    """
    rows, skipped, unused, _yearless = parse_order_book(path, year)
    require_rows(rows, skipped, Path(path).name)
    customers = {
        c.name: c.id
        for c in session.scalars(select(Customer).where(Customer.merged_into_id.is_(None)).order_by(Customer.id.desc()))
    }
    products = {
        pid: id_
        for pid, id_ in session.execute(
            select(Product.platform_product_id, Product.id).where(Product.platform_product_id.is_not(None))
        )
    }
    existing = _existing_keys(session, rows)
    created = added = items = 0
    for n, row in enumerate(rows):
        if progress is not None and n % 500 == 0:
            progress.update(n, len(rows), tr("正在导入订单…"))
        key = _key(row.ordered_at, row.customer, row.title, row.amount_fen, row.platform_order_no)
        if key in existing:
            skipped.append(Skipped(row.row, tr("与已有订单重复，未重复导入")))
            continue
        existing.add(key)
        if row.customer not in customers:
            customer = Customer(name=row.customer, phone=row.phone, pickup_point=row.pickup_point)
            session.add(customer)
            session.flush()
            customers[row.customer] = customer.id
            created += 1
        session.add(_order(row, customers[row.customer], products))
        added += 1
        items += 1 + len(row.more)
    session.flush()
    skipped.sort(key=lambda s: s.row)
    return {
        "orders": added,
        "items": items,
        "customers_created": created,
        "skipped": [{"row": s.row, "reason": s.reason} for s in skipped],
    } | ({"unused_columns": unused} if unused else {})


def preview_order_book(session: Session, path: Path, year: int | None = None) -> dict[str, object]:
    """What importing ``path`` would do, written nowhere: new orders, repeats of orders already in
    the book (or twice in the file), rows that would be left out, and the months the orders are in.
    Raises ``NotAnOrderBook`` when the file has no order-book header."""
    rows, skipped, unused, yearless = parse_order_book(path, year)
    require_rows(rows, skipped, Path(path).name)
    existing = _existing_keys(session, rows)
    new = repeats = 0
    for row in rows:
        key = _key(row.ordered_at, row.customer, row.title, row.amount_fen, row.platform_order_no)
        if key in existing:
            repeats += 1
        else:
            existing.add(key)
            new += 1
    months = Counter(local(row.ordered_at).strftime("%Y-%m") for row in rows)
    return {
        "kind": "orders",
        "orders": new,
        "repeats": repeats,
        "skipped": [{"row": s.row, "reason": s.reason} for s in skipped],
        "months": sorted(months),
        "month": months.most_common(1)[0][0] if months else None,
        "unused_columns": unused,
        "yearless": yearless,
    }


def _order(row: OrderRow, customer_id: int, products: dict[str | None, int]) -> Order:
    order = Order(
        customer_id=customer_id,
        ordered_at=row.ordered_at,
        platform_key=row.platform_key,
        platform_order_no=row.platform_order_no,
        status=(row.status or (OrderStatus.PLACED if row.platform_order_no else OrderStatus.PAID)).value,
        notes=row.notes,
        source="import",
        phone=row.phone,
        address=row.address,
        pickup_point=row.pickup_point,
        fulfilment=(Fulfilment.DELIVERY if row.address and not row.pickup_point else Fulfilment.PICKUP).value,
    )
    lines: list[OrderRow | BookItem] = [row, *row.more]
    order.items = [
        OrderItem(
            product_id=products.get(item.product_id or ""),
            title=item.title,
            platform_product_id=item.product_id,
            quantity=item.quantity,
            amount_fen=item.amount_fen,
            platform_amount_fen=None if item.platform_amount_fen == item.amount_fen else item.platform_amount_fen,
        )
        for item in lines
    ]
    return order


def _key(when, customer, title, amount, order_no) -> tuple:
    return (when.replace(tzinfo=None, microsecond=0) if when else None, customer, title, amount, order_no or "")


def _existing_keys(session: Session, rows: list[OrderRow]) -> set[tuple]:
    if not rows:
        return set()
    start = min(r.ordered_at for r in rows)
    end = max(r.ordered_at for r in rows)
    stmt = (
        select(Order.ordered_at, Customer.name, OrderItem.title, OrderItem.amount_fen, Order.platform_order_no)
        .join(OrderItem, OrderItem.order_id == Order.id)
        .join(Customer, Customer.id == Order.customer_id)
        .where(Order.ordered_at >= start, Order.ordered_at <= end)
    )
    return {_key(*r) for r in session.execute(stmt)}
