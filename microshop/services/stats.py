"""Counts and the month overview shown on the 统计 page and by ``stats --json``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from microshop.domain.enums import INACTIVE_ORDER_STATUSES, LineStatus
from microshop.domain.timeutil import month_bounds
from microshop.store.models import (
    Customer,
    Order,
    OrderItem,
    Product,
    StatementImport,
    StatementLine,
)

if TYPE_CHECKING:
    from microshop.store.database import Database


def counts(session: Session) -> dict[str, int]:
    """Row counts of the main tables (the ``stats --json`` contract)."""
    def n(model: type) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    return {
        "products": n(Product),
        "customers": n(Customer),
        "orders": n(Order),
        "order_items": n(OrderItem),
        "statement_lines": n(StatementLine),
        "statement_imports": n(StatementImport),
    }


@dataclass(frozen=True)
class MonthOverview:
    """A month at a glance (fen for money)."""

    month: str
    orders: int
    sales_fen: int
    markup_fen: int
    estimated_fen: int
    settled_fen: int
    lost_fen: int
    top_products: list[tuple[str, int, int]]  # title, quantity, sales fen


def month_overview(session: Session, month: str, top: int = 10) -> MonthOverview:
    """Orders, sales and commission for one month (Shanghai time), all computed in SQL."""
    start, end = month_bounds(month)
    live = Order.status.not_in(INACTIVE_ORDER_STATUSES)
    in_month = (Order.ordered_at >= start) & (Order.ordered_at < end)
    orders = session.scalar(select(func.count()).select_from(Order).where(in_month, live)) or 0
    platform_amount = func.coalesce(OrderItem.platform_amount_fen, OrderItem.amount_fen)
    sales, markup = session.execute(
        select(
            func.coalesce(func.sum(OrderItem.amount_fen), 0),
            func.coalesce(func.sum(OrderItem.amount_fen - platform_amount), 0),
        ).join(Order).where(in_month, live)
    ).one()
    created = (StatementLine.created_at >= start) & (StatementLine.created_at < end)
    invalid = StatementLine.status == LineStatus.INVALID.value
    estimated = session.scalar(
        select(func.coalesce(func.sum(StatementLine.estimated_fen), 0)).where(created, ~invalid)
    )
    lost = session.scalar(
        select(func.coalesce(func.sum(StatementLine.estimated_fen), 0)).where(created, invalid)
    )
    settled = session.scalar(
        select(func.coalesce(func.sum(StatementLine.settled_fen), 0)).where(
            StatementLine.status == LineStatus.SETTLED.value,
            StatementLine.settled_at >= start,
            StatementLine.settled_at < end,
        )
    )
    top_rows = session.execute(
        select(OrderItem.title, func.sum(OrderItem.quantity), func.sum(OrderItem.amount_fen))
        .join(Order)
        .where(in_month, live)
        .group_by(OrderItem.title)
        .order_by(func.sum(OrderItem.amount_fen).desc())
        .limit(top)
    ).all()
    return MonthOverview(
        month, orders, int(sales), int(markup), int(estimated or 0), int(settled or 0),
        int(lost or 0), [(t, int(q), int(s)) for t, q, s in top_rows],
    )


# --------------------------------------------------------------------------- operations

def book_counts(db: Database) -> dict[str, int]:
    """The book's row counts (the status bar, ``stats --json``), in its own session."""
    with db.session() as session:
        return counts(session)


def is_empty(db: Database) -> bool:
    """No picks and no orders yet (a new book: offer the demo, show the first steps)."""
    c = book_counts(db)
    return c["products"] == 0 and c["orders"] == 0
