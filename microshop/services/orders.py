"""Orders: create/edit with items, batch status changes, deletion, pickup points."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from microshop.domain.enums import Fulfilment, OrderStatus
from microshop.domain.timeutil import utcnow
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.store.database import affected
from microshop.store.models import Customer, Order, OrderItem

if TYPE_CHECKING:
    from microshop.services.listing import ListQuery
    from microshop.services.progress import Progress
    from microshop.store.database import Database


def set_status(session: Session, ids: list[int], status: OrderStatus) -> int:
    """Set the status of many orders at once; returns how many changed."""
    result = session.execute(
        update(Order).where(Order.id.in_(ids)).values(status=status.value, updated_at=utcnow())
    )
    return affected(result)


def delete_orders(session: Session, ids: list[int]) -> int:
    """Delete orders and their items."""
    return affected(session.execute(delete(Order).where(Order.id.in_(ids))))


@dataclass
class ItemInput:
    """An order line as entered: a pick (product_id) or free text, amounts in fen."""

    title: str
    quantity: int = 1
    amount_fen: int = 0
    platform_amount_fen: int | None = None
    product_id: int | None = None
    spec: str | None = None  # 规格 (快团团); an edit that does not name it keeps the stored one


@dataclass
class OrderInput:
    """An order as entered in the order dialog."""

    customer_name: str
    ordered_at: datetime
    items: list[ItemInput] = field(default_factory=list)
    platform_key: str | None = None
    platform_order_no: str | None = None
    status: str = OrderStatus.PAID.value
    fulfilment: str = Fulfilment.PICKUP.value
    pickup_point: str | None = None
    address: str | None = None
    notes: str | None = None
    customer_id: int | None = None


def save_order(session: Session, data: OrderInput, order_id: int | None = None) -> int:
    """Create or update an order and its items; an unknown customer name creates the customer."""
    items = [i for i in data.items if i.title.strip()]
    if not items:
        raise UserError(tr("订单至少要有一件商品。"))
    for item in items:
        if item.quantity <= 0:
            raise UserError(tr("“{title}”的数量必须大于 0。", title=item.title))
        if item.amount_fen < 0 or (item.platform_amount_fen or 0) < 0:
            raise UserError(tr("“{title}”的金额不能是负数。", title=item.title))
    if data.status not in OrderStatus._value2member_map_:
        raise UserError(tr("未知的订单状态“{status}”。", status=data.status))
    customer = _customer(session, data)
    order = Order() if order_id is None else session.get(Order, order_id)
    if order is None:
        raise UserError(tr("这个订单已被删除。"))
    order.customer = customer
    order.ordered_at = data.ordered_at
    order.platform_key = data.platform_key or None
    order.platform_order_no = (data.platform_order_no or "").strip() or None
    order.status = data.status
    order.fulfilment = data.fulfilment
    order.pickup_point = (data.pickup_point or "").strip() or (customer.pickup_point if customer else None)
    order.address = (data.address or "").strip() or None
    order.notes = (data.notes or "").strip() or None
    specs = {item.title: item.spec for item in order.items if item.spec}
    order.items = [
        OrderItem(title=i.title.strip(), quantity=i.quantity, amount_fen=i.amount_fen, product_id=i.product_id,
                  spec=i.spec or specs.get(i.title.strip()),
                  platform_amount_fen=None if i.platform_amount_fen in (None, i.amount_fen) else i.platform_amount_fen)
        for i in items
    ]
    if order_id is None:
        session.add(order)
    session.flush()
    return order.id


def _customer(session: Session, data: OrderInput) -> Customer | None:
    if data.customer_id is not None:
        return session.get(Customer, data.customer_id)
    name = (data.customer_name or "").strip()
    if not name:
        return None
    found = session.scalars(select(Customer).where(Customer.name == name, Customer.merged_into_id.is_(None))).first()
    if found is None:
        found = Customer(name=name)
        session.add(found)
    return found


def load_order(session: Session, order_id: int) -> OrderInput:
    """A stored order as an editable ``OrderInput``."""
    o = session.get(Order, order_id)
    if o is None:
        raise UserError(tr("这个订单已被删除。"))
    return OrderInput(
        o.customer.name if o.customer else "", o.ordered_at,
        [ItemInput(i.title, i.quantity, i.amount_fen, i.platform_amount_fen, i.product_id, i.spec) for i in o.items],
        o.platform_key, o.platform_order_no, o.status, o.fulfilment, o.pickup_point, o.address, o.notes,
        o.customer_id,
    )


def pickup_points(session: Session) -> list[str]:
    """Pickup points in use (for filters and completion)."""
    rows = session.scalars(select(Order.pickup_point).where(Order.pickup_point.is_not(None)).distinct())
    extra = session.scalars(select(Customer.pickup_point).where(Customer.pickup_point.is_not(None)).distinct())
    return sorted({p for p in rows if p} | {p for p in extra if p})


# --------------------------------------------------------------------------- operations
# One function per user action on 订单: each opens and closes its own session (the GUI runs them
# on the task runner, the CLI calls them directly) and returns plain values.

@dataclass
class OrderForEdit:
    """What the order dialog needs: the order (None for a new one) and the pickup points in use."""

    data: OrderInput | None
    pickup_points: list[str]


def for_edit(db: Database, order_id: int | None) -> OrderForEdit:
    """新增订单 / 编辑: the order and the pickup points to offer."""
    with db.session() as session:
        return OrderForEdit(load_order(session, order_id) if order_id is not None else None, pickup_points(session))


def save(db: Database, data: OrderInput, order_id: int | None = None) -> int:
    """新增订单 / 编辑 → the order's id (a refusal raises UserError, nothing is written)."""
    with db.session() as session:
        return save_order(session, data, order_id)


def points(db: Database) -> list[str]:
    """The 自提点 filter's choices."""
    with db.session() as session:
        return pickup_points(session)


def change_status(db: Database, ids: list[int], status: OrderStatus) -> int:
    """修改状态 → how many orders changed."""
    with db.session() as session:
        return set_status(session, ids, status)


def remove(db: Database, ids: list[int]) -> int:
    """删除 → how many orders were deleted."""
    with db.session() as session:
        return delete_orders(session, ids)


def customer_name(db: Database, customer_id: int) -> str:
    """The name on the 客户 chip of a filtered order list."""
    with db.session() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise UserError(tr("这个客户已被删除。"))
        return customer.name


def import_book_file(db: Database, path: Path, progress: Progress | None = None,
                     year: int | None = None) -> dict[str, object]:
    """导入订单表: one transaction, marked as a long write while it runs (``year``: of a book
    whose dates have none)."""
    from microshop.services.orderbook import import_order_book

    with db.operation(tr("导入订单表 {name}", name=Path(path).name)), db.session() as session:
        return import_order_book(session, Path(path), progress, year)


def preview_book_file(db: Database, path: Path, year: int | None = None) -> dict[str, object]:
    """导入订单表, before it is confirmed: what the file would add (nothing is written)."""
    from microshop.services.orderbook import preview_order_book

    with db.session() as session:
        return preview_order_book(session, Path(path), year)


def export_book_file(db: Database, path: Path, query: ListQuery | None = None) -> Path:
    """导出订单簿 (the orders the list shows)."""
    from microshop.services.order_export import export_order_book

    with db.session() as session:
        return export_order_book(session, Path(path), query)


def export_pickup_file(db: Database, path: Path, query: ListQuery | None = None, *, full_phones: bool = False) -> Path:
    """导出自提/配送清单."""
    from microshop.services.order_export import export_pickup_list

    with db.session() as session:
        return export_pickup_list(session, Path(path), query, full_phones=full_phones)
