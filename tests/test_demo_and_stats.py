"""Demo data and the month overview agree with the rows in the database."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from microshop.domain.timeutil import month_bounds
from microshop.errors import UserError
from microshop.services.demo import load_demo
from microshop.services.stats import counts, month_overview
from microshop.store.models import Order, OrderItem, StatementLine

TODAY = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)


def test_demo_is_deterministic_and_refuses_non_empty(db, tmp_path) -> None:
    from microshop.store.database import Database

    other = Database.open(tmp_path / "other.sqlite3")
    with db.session() as a, other.session() as b:
        assert load_demo(a, today=TODAY) == load_demo(b, today=TODAY)
    with db.session() as a, other.session() as b:
        assert counts(a) == counts(b)
        assert a.scalars(select(Order.platform_order_no).order_by(Order.id)).all() == \
            b.scalars(select(Order.platform_order_no).order_by(Order.id)).all()
    with pytest.raises(UserError):
        with db.session() as a:
            load_demo(a, today=TODAY)
    other.close()


def test_month_overview_matches_rows(demo_db) -> None:
    start, end = month_bounds("2026-11")
    with demo_db.session() as s:
        o = month_overview(s, "2026-11")
        orders = s.scalars(
            select(Order).where(Order.ordered_at >= start, Order.ordered_at < end, Order.status != "refunded")
        ).all()
        assert o.orders == len(orders) > 0
        assert o.sales_fen == sum(i.amount_fen for order in orders for i in order.items)
        assert o.markup_fen == sum(i.amount_fen - i.effective_platform_amount_fen for order in orders for i in order.items)
        lines = s.scalars(select(StatementLine).where(StatementLine.created_at >= start, StatementLine.created_at < end)).all()
        assert o.estimated_fen == sum(ln.estimated_fen for ln in lines if ln.status != "invalid")
        assert o.lost_fen == sum(ln.estimated_fen for ln in lines if ln.status == "invalid")
        assert o.top_products[0][2] == max(
            s.execute(
                select(func.sum(OrderItem.amount_fen)).join(Order)
                .where(Order.ordered_at >= start, Order.ordered_at < end, Order.status != "refunded")
                .group_by(OrderItem.title)
            ).scalars()
        )
