"""Monthly income across platforms: estimated, settled, lost, clawed back, markup, arrived."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, literal_column, select
from sqlalchemy.orm import Session

from microshop.domain.enums import INACTIVE_ORDER_STATUSES, PLATFORMS, LineStatus
from microshop.domain.timeutil import SHANGHAI, month_bounds
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.services.reconcile import SPLIT_PARENT, platform_totals
from microshop.store.models import Order, OrderItem, StatementAdjustment, StatementLine, Withdrawal

REFUND_SUCCESS = "维权成功"


@dataclass
class Income:
    """One platform's (or the total's) figures for a month, in fen."""

    estimated: int = 0
    settled: int = 0
    lost: int = 0
    clawed_back: int = 0
    markup: int = 0
    arrived: int = 0

    @property
    def difference(self) -> int:
        """Arrived minus what settled net of clawbacks: negative means money still missing."""
        return self.arrived - (self.settled - self.clawed_back)

    def as_dict(self) -> dict[str, int]:
        return asdict(self) | {"difference": self.difference}


def monthly_income(session: Session, month: str, platform: str | None = None) -> dict[str, Income]:
    """Per-platform income for ``month`` plus a ``"total"`` entry."""
    start, end = month_bounds(month)
    out: dict[str, Income] = {}
    for key, figures in platform_totals(session, start, end, platform).items():
        out[key] = Income(figures["estimated"], figures["settled"], figures["lost"])

    def add(key: str, name: str, value: int) -> None:
        entry = out.setdefault(key, Income())
        setattr(entry, name, getattr(entry, name) + int(value or 0))

    live = Order.status.not_in(INACTIVE_ORDER_STATUSES)
    markup = (
        select(Order.platform_key, func.sum(OrderItem.amount_fen - func.coalesce(OrderItem.platform_amount_fen, OrderItem.amount_fen)))
        .join(OrderItem, OrderItem.order_id == Order.id)
        .where(Order.ordered_at >= start, Order.ordered_at < end, live, Order.platform_key.is_not(None))
        .group_by(Order.platform_key)
    )
    arrived = (
        select(Withdrawal.platform_key, func.sum(Withdrawal.amount_fen))
        .where(Withdrawal.arrived_at >= start, Withdrawal.arrived_at < end)
        .group_by(Withdrawal.platform_key)
    )
    clawed = (
        select(StatementAdjustment.platform_key, func.sum(StatementAdjustment.clawback_fen))
        .where(StatementAdjustment.status == REFUND_SUCCESS,
               StatementAdjustment.occurred_at >= start, StatementAdjustment.occurred_at < end)
        .group_by(StatementAdjustment.platform_key)
    )
    for stmt, name in ((markup, "markup"), (arrived, "arrived"), (clawed, "clawed_back")):
        if platform:
            stmt = stmt.where(stmt.selected_columns[0] == platform)
        for key, value in session.execute(stmt):
            if value:
                add(key, name, value)
    total = Income()
    for entry in out.values():
        for name in ("estimated", "settled", "lost", "clawed_back", "markup", "arrived"):
            setattr(total, name, getattr(total, name) + getattr(entry, name))
    ordered = {k: out[k] for k in sorted(out, key=lambda k: list(PLATFORMS).index(k) if k in PLATFORMS else 99)}
    return ordered | {"total": total}


def last_months(month: str, n: int = 12) -> list[str]:
    """``n`` months ending with ``month``, oldest first."""
    year, mon = (int(p) for p in month.split("-"))
    out = []
    for _ in range(n):
        out.append(f"{year:04d}-{mon:02d}")
        year, mon = (year - 1, 12) if mon == 1 else (year, mon - 1)
    return out[::-1]


def income_series(session: Session, month: str, n: int = 12) -> list[tuple[str, Income]]:
    """The total income of the ``n`` months ending with ``month`` (for the chart: estimated, settled,
    lost, clawed back, arrived; not markup), in one pass per figure grouped by Shanghai month."""
    months = last_months(month, n)
    start, _ = month_bounds(months[0])
    _, end = month_bounds(months[-1])
    out = {m: Income() for m in months}

    def by_month(column: Any) -> Any:
        return func.strftime("%Y-%m", column, "+8 hours")

    def scan(column: Any) -> Any:
        # SQLite's unary + keeps the value but stops the planner from walking the index.
        return literal_column(f"+{column.table.name}.{column.name}", column.type)

    invalid = StatementLine.status == LineStatus.INVALID.value
    created_month = by_month(StatementLine.created_at)
    for m, est, lost in session.execute(
        select(created_month,
               func.coalesce(func.sum(StatementLine.estimated_fen).filter(~invalid), 0),
               func.coalesce(func.sum(StatementLine.estimated_fen).filter(
                   invalid & (func.coalesce(StatementLine.raw_status, "") != SPLIT_PARENT)), 0))
        .where(scan(StatementLine.created_at) >= start, scan(StatementLine.created_at) < end).group_by(created_month)
    ):
        if m in out:
            out[m].estimated, out[m].lost = int(est), int(lost)
    settled_month = by_month(StatementLine.settled_at)
    for m, value in session.execute(
        select(settled_month, func.sum(StatementLine.settled_fen))
        .where(StatementLine.status == LineStatus.SETTLED.value, StatementLine.settled_at >= start,
               StatementLine.settled_at < end).group_by(settled_month)
    ):
        if m in out:
            out[m].settled = int(value or 0)
    arrived_month = by_month(Withdrawal.arrived_at)
    for m, value in session.execute(
        select(arrived_month, func.sum(Withdrawal.amount_fen))
        .where(Withdrawal.arrived_at >= start, Withdrawal.arrived_at < end).group_by(arrived_month)
    ):
        if m in out:
            out[m].arrived = int(value or 0)
    claw_month = by_month(StatementAdjustment.occurred_at)
    for m, value in session.execute(
        select(claw_month, func.sum(StatementAdjustment.clawback_fen))
        .where(StatementAdjustment.status == REFUND_SUCCESS, StatementAdjustment.occurred_at >= start,
               StatementAdjustment.occurred_at < end).group_by(claw_month)
    ):
        if m in out:
            out[m].clawed_back = int(value or 0)
    return [(m, out[m]) for m in months]


def add_withdrawal(session: Session, platform: str, amount_fen: int, arrived_at: datetime,
                   note: str | None = None, for_month: str | None = None) -> int:
    """Record money that arrived from a platform (提现/到账)."""
    if platform not in PLATFORMS:
        raise UserError(tr("未知的平台“{platform}”。", platform=platform))
    if amount_fen <= 0:
        raise UserError(tr("到账金额必须大于 0。"))
    if arrived_at.tzinfo is None:
        arrived_at = arrived_at.replace(tzinfo=SHANGHAI)
    w = Withdrawal(platform_key=platform, amount_fen=amount_fen, arrived_at=arrived_at, note=note, for_month=for_month)
    session.add(w)
    session.flush()
    return w.id


def withdrawals(session: Session, month: str) -> list[dict[str, Any]]:
    """The month's recorded arrivals."""
    start, end = month_bounds(month)
    rows = session.scalars(select(Withdrawal).where(Withdrawal.arrived_at >= start, Withdrawal.arrived_at < end)
                           .order_by(Withdrawal.arrived_at))
    return [{"id": w.id, "platform": w.platform_key, "amount_fen": w.amount_fen, "arrived_at": w.arrived_at,
             "note": w.note} for w in rows]


def delete_withdrawal(session: Session, withdrawal_id: int) -> None:
    session.execute(delete(Withdrawal).where(Withdrawal.id == withdrawal_id))


def record_withdrawal(db: Any, platform: str, amount_fen: int, arrived_at: datetime,
                      note: str | None = None, for_month: str | None = None) -> int:
    """记一笔到账 (an operation: its own session) → the withdrawal's id."""
    with db.session() as session:
        return add_withdrawal(session, platform, amount_fen, arrived_at, note, for_month)
