"""The month at a glance (统计): income, orders per day, top products and customers, share → order
conversion, what to share today, and who is due to reorder. Every figure is computed in SQL;
income comes from the same functions as the 对账 page, so the two always agree."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from microshop.domain.enums import INACTIVE_ORDER_STATUSES, LineStatus, platform_name
from microshop.domain.money import commission_fen
from microshop.domain.timeutil import month_bounds, utcnow
from microshop.i18n import tr
from microshop.services.income import income_series, monthly_income
from microshop.store.models import Customer, Order, OrderItem, Product, Share, StatementLine

if TYPE_CHECKING:
    from microshop.services.stats import MonthOverview
    from microshop.store.database import Database

CONVERSION_DAYS = 7
LOCAL_OFFSET = "+8 hours"  # Asia/Shanghai has no DST: SQLite's date() on stored UTC + 8 h is the local day


@dataclass
class Conversion:
    """How sharing a pick turned into orders."""

    product_id: int
    title: str
    shares: int
    orders: int
    commission_fen: int

    @property
    def commission_per_share_fen(self) -> int:
        return self.commission_fen // self.shares if self.shares else 0


@dataclass
class Suggestion:
    """A pick worth sharing today, with the reasons behind its score."""

    product_id: int
    title: str
    score: float
    commission_fen: int
    orders_per_share: float
    days_since_shared: int | None
    reason: str


@dataclass
class Reminder:
    """A customer who usually reorders a product and is overdue."""

    customer_id: int
    customer: str
    title: str
    times: int
    usual_days: int
    days_since: int


def _live() -> Any:
    return Order.status.not_in(INACTIVE_ORDER_STATUSES)


def orders_per_day(session: Session, month: str) -> list[tuple[str, int, int]]:
    """(YYYY-MM-DD, orders, sales fen) for every day of the month that had orders."""
    start, end = month_bounds(month)
    day = func.date(Order.ordered_at, LOCAL_OFFSET)
    stmt = (
        select(day, func.count(func.distinct(Order.id)), func.coalesce(func.sum(OrderItem.amount_fen), 0))
        .join(OrderItem, OrderItem.order_id == Order.id)
        .where(Order.ordered_at >= start, Order.ordered_at < end, _live())
        .group_by(day)
        .order_by(day)
    )
    return [(d, n, int(s)) for d, n, s in session.execute(stmt)]


def top_products_by_commission(session: Session, month: str, limit: int = 10) -> list[dict[str, Any]]:
    """Statement lines created in the month (valid), grouped by product: commission and lines."""
    start, end = month_bounds(month)
    title = func.max(StatementLine.product_title)
    key = func.coalesce(StatementLine.product_id, StatementLine.product_title)
    stmt = (
        select(title, StatementLine.platform_key, func.sum(StatementLine.estimated_fen), func.count())
        .where(StatementLine.created_at >= start, StatementLine.created_at < end,
               StatementLine.status != LineStatus.INVALID.value)
        .group_by(StatementLine.platform_key, key)
        .order_by(func.sum(StatementLine.estimated_fen).desc())
        .limit(limit)
    )
    return [{"title": t or "", "platform": p, "commission_fen": int(c), "lines": n} for t, p, c, n in session.execute(stmt)]


def top_products_by_orders(session: Session, month: str, limit: int = 10) -> list[dict[str, Any]]:
    """The month's order items grouped by title: orders, quantity, sales."""
    start, end = month_bounds(month)
    stmt = (
        select(OrderItem.title, func.count(func.distinct(OrderItem.order_id)), func.sum(OrderItem.quantity),
               func.sum(OrderItem.amount_fen))
        .join(Order, Order.id == OrderItem.order_id)
        .where(Order.ordered_at >= start, Order.ordered_at < end, _live())
        .group_by(OrderItem.title)
        .order_by(func.count(func.distinct(OrderItem.order_id)).desc(), func.sum(OrderItem.amount_fen).desc())
        .limit(limit)
    )
    return [{"title": t, "orders": n, "quantity": int(q), "sales_fen": int(s)} for t, n, q, s in session.execute(stmt)]


def top_customers(session: Session, month: str, limit: int = 10) -> list[dict[str, Any]]:
    """The month's best customers by spending."""
    start, end = month_bounds(month)
    stmt = (
        select(Customer.id, Customer.name, func.count(func.distinct(Order.id)), func.sum(OrderItem.amount_fen))
        .join(Order, Order.customer_id == Customer.id)
        .join(OrderItem, OrderItem.order_id == Order.id)
        .where(Order.ordered_at >= start, Order.ordered_at < end, _live())
        .group_by(Customer.id)
        .order_by(func.sum(OrderItem.amount_fen).desc())
        .limit(limit)
    )
    return [{"id": i, "name": n, "orders": o, "spent_fen": int(s)} for i, n, o, s in session.execute(stmt)]


def conversion(session: Session, start: datetime, end: datetime) -> list[Conversion]:
    """Per pick shared in [start, end): shares, orders placed within 7 days after one of those
    shares, and the commission those orders imply (platform amount × the pick's rate)."""
    share_times: dict[int, list[datetime]] = {}
    for pid, when in session.execute(
        select(Share.product_id, Share.shared_at).where(Share.shared_at >= start, Share.shared_at < end)
        .order_by(Share.shared_at)
    ):
        share_times.setdefault(pid, []).append(when)
    if not share_times:
        return []
    window = timedelta(days=CONVERSION_DAYS)
    followed: dict[int, set[int]] = {}
    commission: dict[int, int] = {}
    rows = session.execute(
        select(OrderItem.product_id, Order.id, Order.ordered_at,
               func.coalesce(OrderItem.platform_amount_fen, OrderItem.amount_fen), Product.commission_rate_bp)
        .join(Order, Order.id == OrderItem.order_id)
        .join(Product, Product.id == OrderItem.product_id)
        .where(_live(), OrderItem.product_id.in_(list(share_times)), Order.ordered_at >= start,
               Order.ordered_at < end + window)
    )
    for row_pid, order_id, ordered_at, amount, rate in rows:
        pid = int(row_pid or 0)  # the join to Product: never NULL here
        times = share_times[pid]
        i = bisect_right(times, ordered_at)  # the latest share at or before the order …
        # (share_times: every pid here is in it, by the query's own IN)
        if i and ordered_at - times[i - 1] <= window:  # … was at most 7 days earlier
            followed.setdefault(pid, set()).add(order_id)
            commission[pid] = commission.get(pid, 0) + commission_fen(amount, rate or 0)
    titles = dict(session.execute(select(Product.id, Product.title).where(Product.id.in_(list(share_times)))).all())
    out = [Conversion(pid, titles.get(pid, ""), len(times), len(followed.get(pid, ())), commission.get(pid, 0))
           for pid, times in share_times.items()]
    out.sort(key=lambda c: (c.orders, c.commission_fen), reverse=True)
    return out


def suggestions(session: Session, now: datetime | None = None, limit: int = 10) -> list[Suggestion]:
    """今天分享什么: rank picks by recent conversion, commission per order and freshness."""
    now = now or utcnow()
    window = now - timedelta(days=30)
    conv = {c.product_id: c for c in conversion(session, window, now)}
    last = dict(session.execute(select(Share.product_id, func.max(Share.shared_at)).group_by(Share.product_id)).all())
    products = session.execute(
        select(Product.id, Product.title, Product.price_fen, Product.commission_rate_bp, Product.favourite,
               Product.deadline)
        .where(Product.archived.is_(False), Product.link.is_not(None))
    ).all()
    out = []
    for pid, title, price, rate, favourite, deadline in products:
        if deadline is not None and deadline < now:
            continue  # the offer has ended
        commission = commission_fen(price or 0, rate or 0)
        c = conv.get(pid)
        per_share = (c.orders + 0.5) / (c.shares + 1) if c else 0.25  # smoothed: untried picks get a fair chance
        last_shared = last.get(pid)
        days = None if last_shared is None else max(0, (now - last_shared).days)
        freshness = 1.0 if days is None else min(1.0, days / 7)
        score = (commission / 100 + 1) * per_share * (0.3 + 0.7 * freshness) * (1.15 if favourite else 1.0)
        reasons = []  # the commission has its own column and field: the reason says what else counts
        if c and c.orders:
            reasons.append(tr("近 30 天分享 {shares} 次带来 {orders} 单", shares=c.shares, orders=c.orders))
        reasons.append(tr("从未分享过") if days is None else tr("{days} 天前分享过", days=days))
        out.append(Suggestion(pid, title, round(score, 3), commission, round(per_share, 2), days, tr("，").join(reasons)))
    out.sort(key=lambda s: s.score, reverse=True)
    return out[:limit]


def repurchase_reminders(session: Session, now: datetime | None = None, min_times: int = 2,
                         slack: float = 1.2, limit: int = 50) -> list[Reminder]:
    """Customers who bought the same product at least ``min_times`` and whose usual interval
    (average gap between orders) has passed by more than ``slack``× without a new order."""
    now = now or utcnow()
    # The same product: the same pick, or (for free-text items) the same title.
    title_key = case((OrderItem.product_id.is_(None), OrderItem.title), else_="")
    stmt = (
        select(Order.customer_id, func.max(OrderItem.title), func.count(func.distinct(Order.id)),
               func.min(Order.ordered_at), func.max(Order.ordered_at))
        .join(OrderItem, OrderItem.order_id == Order.id)
        .where(Order.customer_id.is_not(None), _live())
        .group_by(Order.customer_id, OrderItem.product_id, title_key)
        .having(func.count(func.distinct(Order.id)) >= min_times)
    )
    rows = session.execute(stmt).all()
    names = dict(session.execute(select(Customer.id, Customer.name).where(
        Customer.id.in_({r[0] for r in rows}))).all()) if rows else {}
    out = []
    for customer_id, title, times, first, last in rows:
        if customer_id is None:
            continue  # (the query keeps only orders with a customer)
        first, last = _aware(first), _aware(last)
        usual = (last - first).total_seconds() / 86400 / (times - 1)
        since = (now - last).total_seconds() / 86400
        if usual >= 1 and since > usual * slack:
            out.append(Reminder(customer_id, names.get(customer_id, ""), title, times, round(usual), int(since)))
    out.sort(key=lambda r: r.days_since - r.usual_days, reverse=True)
    return out[:limit]


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def month_summary(session: Session, month: str, now: datetime | None = None) -> dict[str, Any]:
    """What the 统计 page shows as it opens: income, the 12-month chart, today's suggestions."""
    income = monthly_income(session, month)
    return {
        "month": month,
        "income": {
            "total": income["total"].as_dict(),
            "by_platform": {k: v.as_dict() | {"name": platform_name(k)} for k, v in income.items() if k != "total"},
        },
        "income_12_months": [{"month": m, **i.as_dict()} for m, i in income_series(session, month)],
        "suggestions": [asdict(s) for s in suggestions(session, now)],
    }


def month_details(session: Session, month: str, now: datetime | None = None) -> dict[str, Any]:
    """The detail tabs: daily orders, top products and customers, conversion, reminders."""
    start, end = month_bounds(month)
    conv = conversion(session, start, end)
    return {
        "orders_per_day": [{"date": d, "orders": n, "sales_fen": s} for d, n, s in orders_per_day(session, month)],
        "top_products": {
            "by_commission": top_products_by_commission(session, month),
            "by_orders": top_products_by_orders(session, month),
        },
        "top_customers": top_customers(session, month),
        "conversion": [asdict(c) | {"commission_per_share_fen": c.commission_per_share_fen} for c in conv],
        "reminders": [asdict(r) for r in repurchase_reminders(session, now)],
    }


def month_report(session: Session, month: str, now: datetime | None = None) -> dict[str, Any]:
    """Everything behind the 统计 page for one month (the ``report --json`` contract)."""
    return month_summary(session, month, now) | month_details(session, month, now)


# --------------------------------------------------------------------------- operations (统计 page)

def month_at_a_glance(db: Database, month: str) -> tuple[dict[str, Any], MonthOverview]:
    """统计 → the month's summary and overview (shown first)."""
    from microshop.services.stats import month_overview

    with db.session() as session:
        return month_summary(session, month), month_overview(session, month)


def month_breakdown(db: Database, month: str) -> dict[str, Any]:
    """统计 → the month's detail tables (shown when ready)."""
    with db.session() as session:
        return month_details(session, month)
