"""Orders: batch status changes and deletion."""

from __future__ import annotations

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from microshop.domain.enums import OrderStatus
from microshop.domain.timeutil import utcnow
from microshop.store.models import Order


def set_status(session: Session, ids: list[int], status: OrderStatus) -> int:
    """Set the status of many orders at once; returns how many changed."""
    result = session.execute(
        update(Order).where(Order.id.in_(ids)).values(status=status.value, updated_at=utcnow())
    )
    return result.rowcount or 0


def delete_orders(session: Session, ids: list[int]) -> int:
    """Delete orders and their items."""
    return session.execute(delete(Order).where(Order.id.in_(ids))).rowcount or 0
