"""Reconciliation: match the reseller's orders to platform statement lines for a month.

Rules (shared/reference/platforms.md): an order item with a platform order number matches the
line(s) with that number (and the same product when the order has several lines); an item without
one matches an unclaimed line of the same platform and product whose paid amount equals the item's
platform amount (±1 fen) and whose created time is within 3 days — only when unambiguous.
Manual decisions (link, unlink, resolve) override the rules and survive re-imports.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from microshop.domain.enums import DecisionKind, LineStatus
from microshop.domain.timeutil import format_local, month_bounds
from microshop.errors import UserError
from microshop.store.models import (
    Customer,
    Order,
    OrderItem,
    ReconciliationDecision,
    StatementLine,
)

CATEGORIES = ("matched", "amount_mismatch", "invalid", "missing_on_platform", "unrecorded")
CATEGORY_LABELS = {
    "matched": "已匹配",
    "amount_mismatch": "金额不符",
    "invalid": "已失效",
    "missing_on_platform": "平台无记录",
    "unrecorded": "未记录的平台订单",
}
AMOUNT_TOLERANCE_FEN = 1
WINDOW = timedelta(days=3)
SPLIT_PARENT = "无效-拆单"  # JD: replaced by its child orders; neither income nor loss


@dataclass
class Item:
    """One row of the reconciliation: an order item and/or a statement line."""

    category: str
    order_id: int | None = None
    order_item_id: int | None = None
    line_id: int | None = None
    platform: str | None = None
    platform_order_no: str | None = None
    customer: str | None = None
    title: str | None = None
    ordered_at: str | None = None
    order_amount_fen: int | None = None
    line_paid_fen: int | None = None
    estimated_fen: int | None = None
    settled_fen: int | None = None
    line_status: str | None = None
    manual: bool = False
    resolved: bool = False
    note: str | None = None


@dataclass
class Reconciliation:
    """A month's result: items by category and the income totals."""

    month: str
    platform: str | None
    items: list[Item] = field(default_factory=list)
    totals_fen: dict[str, int] = field(default_factory=dict)
    platforms: dict[str, dict[str, int]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(CATEGORIES, 0)
        for item in self.items:
            out[item.category] += 1
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "counts": self.counts(),
            "totals_fen": self.totals_fen,
            "platforms": self.platforms,
            "items": [asdict(i) for i in self.items],
        }


def norm_title(title: str | None) -> str:
    """Titles compared loosely: no spaces or punctuation, lower case."""
    return re.sub(r"[\s\W_]+", "", title or "").lower()


@dataclass
class _L:
    id: int
    platform: str
    order_no: str
    product_id: str | None
    title: str
    paid: int
    estimated: int
    settled: int | None
    status: str
    raw_status: str | None
    created_at: Any
    settled_at: Any
    key: tuple[str, str, str]


def reconcile(session: Session, month: str, platform: str | None = None) -> Reconciliation:
    """Match the month's orders and lines and compute its totals."""
    start, end = month_bounds(month)
    result = Reconciliation(month, platform)
    items = _order_items(session, start, end, platform)
    numbers = {(i["platform"], i["platform_order_no"]) for i in items if i["platform_order_no"]}
    lines = _lines(session, start, end, platform, numbers)
    decisions = _decisions(session)
    claimed: set[int] = set()
    pending: list[dict[str, Any]] = []
    by_number: dict[tuple[str, str], list[_L]] = defaultdict(list)
    for line in lines.values():
        by_number[(line.platform, line.order_no)].append(line)
    by_key = {line.key: line for line in lines.values()}

    for it in items:
        decision = decisions.get(it["item_id"], {})
        link = decision.get(DecisionKind.LINK.value)
        if link is not None and link.get("key") in by_key:
            line = by_key[link["key"]]
            claimed.add(line.id)
            result.items.append(_pair(it, line, manual=True, decision=decision))
            continue
        unlinked = {d["key"] for d in decision.get("unlinks", [])}
        if it["platform_order_no"]:
            candidates = [
                ln for ln in by_number.get((it["platform"], it["platform_order_no"]), [])
                if ln.key not in unlinked and ln.id not in claimed
            ]
            if len(candidates) > 1:
                candidates = [ln for ln in candidates if _same_product(it, ln)] or candidates[:0]
            if candidates:
                claimed.add(candidates[0].id)
                result.items.append(_pair(it, candidates[0], decision=decision))
            else:
                result.items.append(_missing(it, decision))
            continue
        pending.append(it | {"unlinked": unlinked, "decision": decision})

    _match_without_numbers(pending, lines, claimed, result)
    for line in lines.values():
        if line.id not in claimed and line.created_at is not None and start <= line.created_at < end:
            decision = decisions.get(("line", line.key), {})
            result.items.append(_unrecorded(line, decision))
    _totals(session, result, start, end, platform)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    result.items.sort(key=lambda i: (order[i.category], i.ordered_at or "", i.line_id or 0))
    return result


def _order_items(session: Session, start: Any, end: Any, platform: str | None) -> list[dict[str, Any]]:
    stmt = (
        select(Order.id, OrderItem.id, Order.platform_key, Order.platform_order_no, Customer.name,
               OrderItem.title, OrderItem.platform_product_id, Order.ordered_at, OrderItem.amount_fen,
               func.coalesce(OrderItem.platform_amount_fen, OrderItem.amount_fen))
        .join(OrderItem, OrderItem.order_id == Order.id)
        .outerjoin(Customer, Customer.id == Order.customer_id)
        .where(Order.ordered_at >= start, Order.ordered_at < end, Order.platform_key.is_not(None))
        .order_by(Order.ordered_at, OrderItem.id)
    )
    if platform:
        stmt = stmt.where(Order.platform_key == platform)
    keys = ("order_id", "item_id", "platform", "platform_order_no", "customer", "title", "product_id",
            "ordered_at", "amount", "platform_amount")
    return [dict(zip(keys, row)) for row in session.execute(stmt)]


def _lines(session: Session, start: Any, end: Any, platform: str | None,
           numbers: set[tuple[str, str]]) -> dict[int, _L]:
    """Lines created in the month (± the matching window), plus any line an order number names."""
    cols = (StatementLine.id, StatementLine.platform_key, StatementLine.order_no, StatementLine.product_id,
            StatementLine.product_title, StatementLine.paid_fen, StatementLine.estimated_fen,
            StatementLine.settled_fen, StatementLine.status, StatementLine.raw_status,
            StatementLine.created_at, StatementLine.settled_at, StatementLine.line_key)
    stmt = select(*cols).where(StatementLine.created_at >= start - WINDOW, StatementLine.created_at < end + WINDOW)
    if platform:
        stmt = stmt.where(StatementLine.platform_key == platform)
    rows = list(session.execute(stmt))
    wanted = sorted({n for _p, n in numbers})
    for i in range(0, len(wanted), 900):
        rows += session.execute(select(*cols).where(StatementLine.order_no.in_(wanted[i : i + 900]))).all()
    out: dict[int, _L] = {}
    for r in rows:
        out[r[0]] = _L(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                       (r[1], r[2], r[12]))
    return out


def _decisions(session: Session) -> dict[Any, dict[str, Any]]:
    out: dict[Any, dict[str, Any]] = defaultdict(dict)
    for d in session.scalars(select(ReconciliationDecision).order_by(ReconciliationDecision.id)):
        key = (d.line_platform_key, d.line_order_no, d.line_key) if d.line_key else None
        target = d.order_item_id if d.order_item_id is not None else ("line", key)
        entry = out[target]
        if d.kind == DecisionKind.LINK.value:
            entry["link"] = {"key": key}
        elif d.kind == DecisionKind.UNLINK.value:
            entry.setdefault("unlinks", []).append({"key": key})
            if entry.get("link", {}).get("key") == key:
                entry.pop("link")
        elif d.kind in (DecisionKind.RESOLVE.value, DecisionKind.IGNORE.value):
            entry["resolved"] = d.note or ""
    return out


def _same_product(it: dict[str, Any], line: _L) -> bool:
    if it["product_id"] and line.product_id:
        return it["product_id"] == line.product_id
    return norm_title(it["title"]) == norm_title(line.title)


def _match_without_numbers(pending: list[dict[str, Any]], lines: dict[int, _L], claimed: set[int],
                           result: Reconciliation) -> None:
    options: dict[int, list[_L]] = {}
    wanted_by: dict[int, int] = defaultdict(int)
    for it in pending:
        found = [
            ln for ln in lines.values()
            if ln.id not in claimed and ln.key not in it["unlinked"] and ln.platform == it["platform"]
            and _same_product(it, ln) and abs(ln.paid - it["platform_amount"]) <= AMOUNT_TOLERANCE_FEN
            and ln.created_at is not None and abs(ln.created_at - it["ordered_at"]) <= WINDOW
        ]
        options[it["item_id"]] = found
        for ln in found:
            wanted_by[ln.id] += 1
    for it in pending:
        found = options[it["item_id"]]
        if len(found) == 1 and wanted_by[found[0].id] == 1:
            claimed.add(found[0].id)
            result.items.append(_pair(it, found[0], decision=it["decision"]))
        else:
            result.items.append(_missing(it, it["decision"]))


def _base(it: dict[str, Any], decision: dict[str, Any]) -> dict[str, Any]:
    return dict(
        order_id=it["order_id"], order_item_id=it["item_id"], platform=it["platform"],
        platform_order_no=it["platform_order_no"], customer=it["customer"], title=it["title"],
        ordered_at=format_local(it["ordered_at"]), order_amount_fen=it["platform_amount"],
        resolved="resolved" in decision, note=decision.get("resolved") or None,
    )


def _pair(it: dict[str, Any], line: _L, *, manual: bool = False, decision: dict[str, Any] | None = None) -> Item:
    if line.status == LineStatus.INVALID.value:
        category = "invalid"
    elif abs(line.paid - it["platform_amount"]) > AMOUNT_TOLERANCE_FEN:
        category = "amount_mismatch"
    else:
        category = "matched"
    return Item(category, line_id=line.id, line_paid_fen=line.paid, estimated_fen=line.estimated,
                settled_fen=line.settled, line_status=line.status, manual=manual,
                **(_base(it, decision or {}) | {"platform_order_no": line.order_no}))


def _missing(it: dict[str, Any], decision: dict[str, Any]) -> Item:
    return Item("missing_on_platform", **_base(it, decision))


def _unrecorded(line: _L, decision: dict[str, Any]) -> Item:
    return Item(
        "unrecorded", line_id=line.id, platform=line.platform, platform_order_no=line.order_no,
        title=line.title, ordered_at=format_local(line.created_at), line_paid_fen=line.paid,
        estimated_fen=line.estimated, settled_fen=line.settled, line_status=line.status,
        resolved="resolved" in decision, note=decision.get("resolved") or None,
    )


def _totals(session: Session, result: Reconciliation, start: Any, end: Any, platform: str | None) -> None:
    result.platforms = platform_totals(session, start, end, platform)
    result.totals_fen = {
        name: sum(p[name] for p in result.platforms.values()) for name in ("estimated", "settled", "lost")
    }


def platform_totals(session: Session, start: Any, end: Any, platform: str | None = None) -> dict[str, dict[str, int]]:
    """Per platform: lines held; estimated = valid lines created in [start, end); settled = lines
    settled in it; lost = invalid lines created in it (JD split parents are neither)."""
    counts = select(StatementLine.platform_key, func.count()).group_by(StatementLine.platform_key)
    if platform:
        counts = counts.where(StatementLine.platform_key == platform)
    out = {key: {"lines": n, "estimated": 0, "settled": 0, "lost": 0} for key, n in session.execute(counts)}
    invalid = StatementLine.status == LineStatus.INVALID.value
    created = select(
        StatementLine.platform_key,
        func.coalesce(func.sum(StatementLine.estimated_fen).filter(~invalid), 0),
        func.coalesce(func.sum(StatementLine.estimated_fen).filter(
            invalid & (func.coalesce(StatementLine.raw_status, "") != SPLIT_PARENT)), 0),
    ).where(StatementLine.created_at >= start, StatementLine.created_at < end).group_by(StatementLine.platform_key)
    settled = select(StatementLine.platform_key, func.coalesce(func.sum(StatementLine.settled_fen), 0)).where(
        StatementLine.status == LineStatus.SETTLED.value, StatementLine.settled_at >= start,
        StatementLine.settled_at < end,
    ).group_by(StatementLine.platform_key)
    if platform:
        created = created.where(StatementLine.platform_key == platform)
        settled = settled.where(StatementLine.platform_key == platform)
    for key, est, lost in session.execute(created):
        out[key]["estimated"], out[key]["lost"] = int(est), int(lost)
    for key, sett in session.execute(settled):
        out[key]["settled"] = int(sett)
    return out


# --- manual decisions -----------------------------------------------------------------------
def _line_key(session: Session, line_id: int) -> tuple[str, str, str]:
    line = session.get(StatementLine, line_id)
    if line is None:
        raise UserError("这条账单行已不存在（可能撤销了导入）。")
    return line.platform_key, line.order_no, line.line_key


def link(session: Session, order_item_id: int, line_id: int, note: str | None = None) -> None:
    """Link an order item to a statement line by hand (overrides the automatic rules)."""
    if session.get(OrderItem, order_item_id) is None:
        raise UserError("这个订单已被删除。")
    p, o, k = _line_key(session, line_id)
    session.add(ReconciliationDecision(kind=DecisionKind.LINK.value, order_item_id=order_item_id,
                                       line_platform_key=p, line_order_no=o, line_key=k, note=note))


def unlink(session: Session, order_item_id: int, line_id: int) -> None:
    """Undo a match (manual or automatic): this item and line are never paired again."""
    p, o, k = _line_key(session, line_id)
    session.add(ReconciliationDecision(kind=DecisionKind.UNLINK.value, order_item_id=order_item_id,
                                       line_platform_key=p, line_order_no=o, line_key=k))


def resolve(session: Session, *, note: str, order_item_id: int | None = None, line_id: int | None = None) -> None:
    """Mark an item resolved with a note (e.g. “客户没走我的链接，已知”)."""
    if order_item_id is None and line_id is None:
        raise UserError("请选择要标记的订单或账单行。")
    p = o = k = None
    if line_id is not None and order_item_id is None:
        p, o, k = _line_key(session, line_id)
    session.add(ReconciliationDecision(kind=DecisionKind.RESOLVE.value, order_item_id=order_item_id,
                                       line_platform_key=p, line_order_no=o, line_key=k, note=note))


def create_order_from_line(session: Session, line_id: int, customer_id: int | None = None) -> int:
    """Record a local order for an unrecorded statement line (the buyer used the reseller's link)."""
    line = session.get(StatementLine, line_id)
    if line is None:
        raise UserError("这条账单行已不存在（可能撤销了导入）。")
    if line.created_at is None:
        raise UserError("这条账单行没有下单时间，无法生成订单。")
    status = {"invalid": "refunded", "settled": "completed", "received": "completed"}.get(line.status, "placed")
    order = Order(customer_id=customer_id, ordered_at=line.created_at, platform_key=line.platform_key,
                  platform_order_no=line.order_no, status=status, source="statement",
                  source_ref=f"{line.platform_key}:{line.order_no}:{line.line_key}")
    order.items = [OrderItem(title=line.product_title or "（平台订单）", platform_product_id=line.product_id,
                             quantity=line.quantity, amount_fen=line.paid_fen)]
    session.add(order)
    session.flush()
    link(session, order.items[0].id, line_id, note="由平台账单生成")
    return order.id
