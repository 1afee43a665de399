"""Reconciliation: match the reseller's orders to platform statement lines for a month.

Rules (shared/reference/platforms.md): an order item with a platform order number matches the
line(s) with that number (and the same product when the order has several lines); an item without
one matches an unclaimed line of the same platform and product whose paid amount equals the item's
platform amount (±1 fen) and whose created time is within 3 days — only when unambiguous.
Manual decisions (link, unlink, resolve) override the rules and survive re-imports.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from operator import attrgetter
from typing import Any, TextIO, overload

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from microshop.domain import matching as rule
from microshop.domain.enums import DecisionKind, LineStatus, OrderStatus
from microshop.domain.matching import (  # noqa: F401  (the names this module has always offered)
    AMOUNT_TOLERANCE_FEN,
    CATEGORY_HINTS,
    CATEGORY_LABELS,
    WINDOW,
    Category,
    OrderLine,
    norm_title,
)
from microshop.domain.timeutil import format_local, month_bounds
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.services.bulk import gc_paused
from microshop.store.database import raw_connection
from microshop.store.models import (
    Order,
    OrderItem,
    ReconciliationDecision,
    StatementLine,
    sql_time,
)

CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)  # plain str: printed and written as JSON keys
_LINK = DecisionKind.LINK.value  # looked up once per item otherwise
_NONE_UNLINKED: frozenset[tuple[str, str, str]] = frozenset()
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


class LineItems(Sequence[Item]):
    """Statement lines nobody claimed, as ``unrecorded`` items, read from the database a page at a
    time when they are looked at: a month can hold 100,000 lines, and the table and the export
    only ever need some of them at once. Holds ids (in created order), not rows."""

    PAGE = 500

    def __init__(self, bind: Any, ids: list[int], decisions: dict[Any, dict[str, Any]]) -> None:
        self.bind = bind
        self.ids = ids
        self.decisions = decisions
        self._pages: dict[int, list[Item]] = {}

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Item: ...
    @overload
    def __getitem__(self, index: slice) -> list[Item]: ...
    def __getitem__(self, index: int | slice) -> Item | list[Item]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        page, offset = divmod(index, self.PAGE)
        if page not in self._pages:
            if len(self._pages) > 64:
                self._pages.clear()
            self._pages[page] = self._load(self.ids[page * self.PAGE:(page + 1) * self.PAGE])
        return self._pages[page][offset]

    def page_of(self, index: int) -> int:
        return index // self.PAGE

    def loaded(self, index: int) -> bool:
        """Whether row ``index`` can be shown without reading the database."""
        return self.page_of(index) in self._pages

    def read_page(self, page: int) -> list[Item]:
        """Page ``page`` read from the database, not kept (the GUI reads it on a worker, then
        hands it to ``keep_page`` on its own thread)."""
        return self._load(self.ids[page * self.PAGE:(page + 1) * self.PAGE])

    def keep_page(self, page: int, items: list[Item]) -> None:
        if len(self._pages) > 64:
            self._pages.clear()
        self._pages[page] = items

    def __iter__(self) -> Iterator[Item]:
        for start in range(0, len(self.ids), self.PAGE):
            yield from self._load(self.ids[start:start + self.PAGE])

    def json_texts(self) -> Iterator[str]:
        """Every line as its item's JSON object text, in order, made by SQLite (``reconcile --json``
        of a month's 100,000 lines: no Item, no dict, no encoder per line). A line with a decision
        or a time SQLite cannot show goes through ``_load`` and Python's encoder: the same object."""
        encode = json.JSONEncoder(ensure_ascii=False).encode
        decisions = self.decisions
        for start in range(0, len(self.ids), self.PAGE):
            ids = self.ids[start:start + self.PAGE]
            sql = f"{_LINE_JSON_SELECT} WHERE id IN ({', '.join('?' * len(ids))})"
            with Session(self.bind) as session:
                made = {r[0]: r for r in raw_connection(session).execute(sql, ids)}
            aside = [i for i in ids if i in made and (made[i][4] is None or (
                decisions and ("line", (made[i][1], made[i][2], made[i][3])) in decisions))]
            slow = {item.line_id: encode(item_json(item)) for item in self._load(aside)} if aside else {}
            for i in ids:
                if i in slow:
                    yield slow[i]
                elif i in made:
                    yield made[i][4]

    def _load(self, ids: list[int]) -> list[Item]:
        """The lines with these ids, in this order (straight from the driver: the export and
        ``reconcile --json`` read every one of a month's 100,000 lines through here)."""
        sql = f"{_LINE_SELECT_TIMED} WHERE id IN ({', '.join('?' * len(ids))})"
        with Session(self.bind) as session:
            rows = {r[0]: r for r in raw_connection(session).execute(sql, ids)}
        decisions, none = self.decisions, dict[str, Any]()
        out = []
        for i in ids:
            r = rows.get(i)
            if r is not None:
                out.append(_unrecorded_row(r, decisions.get(("line", (r[1], r[2], r[12])), none) if decisions else none))
        return out


@dataclass
class Reconciliation:
    """A month's result: the order side (matched, mismatched, invalid, missing) as a list, the
    statement lines nobody claimed as a lazily read sequence, and the income totals."""

    month: str
    platform: str | None
    orders: list[Item] = field(default_factory=list)
    unrecorded: Sequence[Item] = ()
    totals_fen: dict[str, int] = field(default_factory=dict)
    platforms: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def items(self) -> list[Item]:
        """Every item, the order side first (reads all unrecorded lines: prefer ``category``)."""
        return [*self.orders, *self.unrecorded]

    def category(self, name: str) -> Sequence[Item]:
        """The items of one category, in order (unrecorded lines stay lazily read)."""
        if name == Category.UNRECORDED:
            return self.unrecorded
        return [i for i in self.orders if i.category == name]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(CATEGORIES, 0)
        for item in self.orders:
            out[item.category] += 1
        out[Category.UNRECORDED.value] = len(self.unrecorded)
        return out

    def summary_json(self) -> dict[str, Any]:
        """The month's figures without its items."""
        return {"month": self.month, "counts": self.counts(), "totals_fen": self.totals_fen,
                "platforms": self.platforms}

    def as_json(self) -> dict[str, Any]:
        """The whole result as one dict (small months; ``write_json`` streams a big one)."""
        return self.summary_json() | {"items": [item_json(i) for i in (*self.orders, *self.unrecorded)]}

    def write_json(self, out: TextIO) -> None:
        """The same JSON as ``as_json``, written item by item: a month of 100,000 lines is never
        held as one list of dicts or one string."""
        encode = json.JSONEncoder(ensure_ascii=False).encode
        head = encode(self.summary_json())
        out.write(head[:-1] + ', "items": [')
        first = True
        by_sqlite = isinstance(self.unrecorded, LineItems) and _sqlite_json(self.unrecorded.bind)
        for chunk in _chunks(self.orders, *(() if by_sqlite else (self.unrecorded,))):
            text = encode([dict(zip(_ITEM_FIELDS, _item_values(i))) for i in chunk])[1:-1]
            if text:
                out.write(text if first else ", " + text)
                first = False
        if by_sqlite:
            assert isinstance(self.unrecorded, LineItems)
            batch: list[str] = []
            for text in self.unrecorded.json_texts():
                batch.append(text)
                if len(batch) == 1000:
                    out.write(("" if first else ", ") + ", ".join(batch))
                    first, batch = False, []
            if batch:
                out.write(("" if first else ", ") + ", ".join(batch))
        out.write("]}\n")


_ITEM_FIELDS = tuple(f.name for f in fields(Item))
_item_values = attrgetter(*_ITEM_FIELDS)


def item_json(item: Item) -> dict[str, Any]:
    """One item as a plain dict, its fields in declaration order (what ``asdict`` gave, without
    its deep copy)."""
    return dict(zip(_ITEM_FIELDS, _item_values(item)))


def _chunks(*parts: Sequence[Item], size: int = 1000) -> Iterator[Sequence[Item]]:
    for part in parts:
        batch: list[Item] = []
        for item in part:
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch = []
        yield batch


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


_LINE_COLUMNS = (
    StatementLine.id, StatementLine.platform_key, StatementLine.order_no, StatementLine.product_id,
    StatementLine.product_title, StatementLine.paid_fen, StatementLine.estimated_fen, StatementLine.settled_fen,
    StatementLine.status, StatementLine.raw_status, StatementLine.created_at, StatementLine.settled_at,
    StatementLine.line_key,
)


def _key(r: Any) -> tuple[str, str, str]:
    return (r[1], r[2], r[12])


def _line(r: Any) -> _L:
    return _L(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6], r[7], r[8], r[9], r[10], r[11], _key(r))


@gc_paused()
def reconcile(session: Session, month: str, platform: str | None = None) -> Reconciliation:
    """Match the month's orders and lines and compute its totals.

    Only the lines an order can claim are read as rows (those its platform order number names,
    and, for orders without one, lines of the same platform and amount around its time); the
    month's other lines are unrecorded, kept as ids and read when shown.
    """
    start, end = month_bounds(month)
    result = Reconciliation(month, platform)
    items = _order_items(session, start, end, platform)
    decisions = _decisions(session)
    lines = _lines_by_number(session, start, end, platform)
    by_key = {line.key: line for line in lines.values()}
    for link in (d["link"]["key"] for d in decisions.values() if "link" in d):
        if link is not None and link not in by_key:  # a hand-made link to a line found some other way
            lines.update(_lines_by_keys(session, [link]))
    by_key = {line.key: line for line in lines.values()}
    by_number: dict[tuple[str, str], list[_L]] = defaultdict(list)
    for line in lines.values():
        by_number[(line.platform, line.order_no)].append(line)
    claimed: set[int] = set()
    pending: list[tuple[OrderLine, frozenset[rule.LineKey], dict[str, Any]]] = []

    for it in items:
        decision = decisions.get(it.item_id, {})
        link = decision.get(_LINK)
        if link is not None and link.get("key") in by_key:
            line = by_key[link["key"]]
            claimed.add(line.id)
            result.orders.append(_pair(it, line, manual=True, decision=decision))
            continue
        unlinked = frozenset(d["key"] for d in decision["unlinks"]) if "unlinks" in decision else _NONE_UNLINKED
        if it.platform_order_no:
            found = rule.by_number(it, by_number.get((it.platform, it.platform_order_no), ()), claimed, unlinked)
            if found is not None:
                claimed.add(found.id)
                result.orders.append(_pair(it, found, decision=decision))
            else:
                result.orders.append(_missing(it, decision))
            continue
        pending.append((it, unlinked, decision))

    if pending:
        _match_without_numbers(session, pending, start, end, claimed, result)
    month_ids = _month_line_ids(session, start, end, platform)
    unclaimed = [i for i in month_ids if i not in claimed] if claimed else month_ids
    result.unrecorded = LineItems(session.get_bind(), unclaimed, decisions)
    _totals(session, result, start, end, platform)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    result.orders.sort(key=lambda i: (order[i.category], i.ordered_at or "", i.line_id or 0))
    return result


# The two reads below run on every reconciliation and return one row per order item / claimed
# line, so they go straight to the driver and parse times with datetime.fromisoformat.
_ORDER_ITEMS_SQL = """
SELECT o.id, oi.id, o.platform_key, o.platform_order_no, c.name, oi.title, oi.platform_product_id,
       o.ordered_at, oi.amount_fen, coalesce(oi.platform_amount_fen, oi.amount_fen)
FROM orders o JOIN order_items oi ON oi.order_id = o.id LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.ordered_at >= ? AND o.ordered_at < ? AND o.platform_key IS NOT NULL {platform}
ORDER BY o.ordered_at, oi.id
"""
_PAIRING_COLUMNS = ("id", "platform_key", "order_no", "product_id", "product_title", "paid_fen", "estimated_fen",
                    "settled_fen", "status", "raw_status", "NULL", "NULL", "line_key")  # no times: pairing needs none
_LINE_SELECT = f"SELECT {', '.join(_PAIRING_COLUMNS)} FROM statement_lines"
# With the created time also as shown (Shanghai, minutes) when SQLite can say it: UTC+8 all year since 1992
# (substr: the column's numeric affinity would turn a bare '1992' into a number, which any text exceeds).
_LINE_SELECT_TIMED = (f"SELECT {', '.join(_PAIRING_COLUMNS[:10])}, created_at, settled_at, line_key, "
                      "CASE WHEN substr(created_at, 1, 4) >= '1992' THEN strftime('%Y-%m-%d %H:%M', created_at, '+8 hours') END "
                      "FROM statement_lines")
# An unrecorded line as its item's JSON object, field by field in Item's order (a test checks); the
# last column is NULL when SQLite cannot show the created time (before 1992), and Python does it.
_LINE_JSON_FIELDS = {
    "category": f"'{Category.UNRECORDED.value}'", "order_id": "NULL", "order_item_id": "NULL", "line_id": "id",
    "platform": "platform_key", "platform_order_no": "order_no", "customer": "NULL",
    "title": "coalesce(product_title, '')",
    "ordered_at": "CASE WHEN created_at IS NULL THEN '' ELSE strftime('%Y-%m-%d %H:%M', created_at, '+8 hours') END",
    "order_amount_fen": "NULL", "line_paid_fen": "paid_fen", "estimated_fen": "estimated_fen",
    "settled_fen": "settled_fen", "line_status": "status", "manual": "json('false')", "resolved": "json('false')",
    "note": "NULL",
}
_LINE_JSON_SELECT = (
    "SELECT id, platform_key, order_no, line_key, CASE WHEN created_at IS NULL OR substr(created_at, 1, 4) >= '1992' "
    "THEN json_object(" + ", ".join(f"'{name}', {sql}" for name, sql in _LINE_JSON_FIELDS.items()) + ") END "
    "FROM statement_lines")


def _sqlite_json(bind: Any) -> bool:
    """Whether this SQLite has its JSON functions (built in since 3.38; nearly every build before)."""
    import sqlite3

    try:
        with Session(bind) as session:
            raw_connection(session).execute("SELECT json_object('a', 1)").fetchone()
    except sqlite3.OperationalError:
        return False
    return True


_LINES_BY_NUMBER_SQL = _LINE_SELECT + """ WHERE id IN (
    SELECT sl.id FROM orders o JOIN statement_lines sl
        ON sl.platform_key = o.platform_key AND sl.order_no = o.platform_order_no
    WHERE o.ordered_at >= ? AND o.ordered_at < ? AND o.platform_order_no IS NOT NULL {platform})
"""


def _raw(session: Session, sql: str, start: Any, end: Any, platform: str | None) -> Any:
    params: list[Any] = [sql_time(start), sql_time(end)]
    if platform:
        params.append(platform)
    sql = sql.format(platform="AND o.platform_key = ?" if platform else "")
    return raw_connection(session).execute(sql, params)


def _order_items(session: Session, start: Any, end: Any, platform: str | None) -> list[OrderLine]:
    return [OrderLine(o, i, p, no, c, t, pid, datetime.fromisoformat(at).replace(tzinfo=UTC), amount, platform_amount)
            for o, i, p, no, c, t, pid, at, amount, platform_amount
            in _raw(session, _ORDER_ITEMS_SQL, start, end, platform)]


def _lines_by_number(session: Session, start: Any, end: Any, platform: str | None) -> dict[int, _L]:
    """The lines whose platform order number one of the month's orders carries (times not read:
    pairing does not need them)."""
    return {r[0]: _line(r) for r in _raw(session, _LINES_BY_NUMBER_SQL, start, end, platform)}


def _lines_by_keys(session: Session, keys: list[tuple[str, str, str]]) -> dict[int, _L]:
    out: dict[int, _L] = {}
    for p, o, k in keys:
        for r in session.execute(select(*_LINE_COLUMNS).where(
                StatementLine.platform_key == p, StatementLine.order_no == o, StatementLine.line_key == k)):
            out[r[0]] = _line(r)
    return out


def _month_line_ids(session: Session, start: Any, end: Any, platform: str | None) -> list[int]:
    """Ids of the lines created in the month, oldest first (straight from the driver: a month can
    hold 100,000 lines, and this reads only the created-time index)."""
    sql = "SELECT id FROM statement_lines WHERE created_at >= ? AND created_at < ?"
    params: list[Any] = [sql_time(start), sql_time(end)]
    if platform:
        sql += " AND platform_key = ?"
        params.append(platform)
    raw = raw_connection(session)
    return [r[0] for r in raw.execute(sql + " ORDER BY created_at", params)]  # ties: in the index's order


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


def _match_without_numbers(session: Session, pending: list[tuple[OrderLine, frozenset[rule.LineKey], dict[str, Any]]],
                           start: Any, end: Any, claimed: set[int], result: Reconciliation) -> None:
    """Orders without a platform order number (``rule.without_number``): the candidates come
    from one join in SQLite — each pending order (from a temporary table) looks up the lines of its
    platform whose paid amount is within the tolerance in the (platform, paid amount, time) index,
    and only those created within its window come back; the rule then decides."""
    raw = raw_connection(session)
    raw.execute("CREATE TEMP TABLE IF NOT EXISTS reconcile_pending (item_id INTEGER PRIMARY KEY, "
                "platform_key TEXT NOT NULL, amount INTEGER NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL)")
    raw.execute("DELETE FROM reconcile_pending")
    raw.executemany("INSERT INTO reconcile_pending VALUES (?, ?, ?, ?, ?)", [
        (it.item_id, it.platform, it.platform_amount_fen,  # the stored text form sorts like the time
         sql_time(it.ordered_at - WINDOW), sql_time(it.ordered_at + WINDOW)) for it, _u, _d in pending])
    near: dict[int, list[_L]] = defaultdict(list)
    created: dict[int, datetime | None] = {}
    columns = ", ".join("sl.created_at" if c == "NULL" and n == 10 else "NULL" if c == "NULL" else f"sl.{c}"
                        for n, c in enumerate(_PAIRING_COLUMNS))
    for row in raw.execute(  # CROSS JOIN: SQLite goes through the pending orders, not the lines
        f"SELECT p.item_id, {columns} FROM reconcile_pending p CROSS JOIN statement_lines sl"
        " ON sl.platform_key = p.platform_key AND sl.paid_fen BETWEEN p.amount - ? AND p.amount + ?"
        " AND sl.created_at BETWEEN p.first AND p.last",
        [AMOUNT_TOLERANCE_FEN, AMOUNT_TOLERANCE_FEN],
    ).fetchall():
        line = _line(row[1:])
        near[row[0]].append(line)
        if line.id not in created:
            created[line.id] = datetime.fromisoformat(row[11]).replace(tzinfo=UTC)
    raw.execute("DELETE FROM reconcile_pending")
    chosen = rule.without_number((it for it, _u, _d in pending), near, created, claimed,
                                 {it.item_id: unlinked for it, unlinked, _d in pending if unlinked})
    for it, _unlinked, decision in pending:
        found = chosen.get(it.item_id)
        if found is not None:
            claimed.add(found.id)
            result.orders.append(_pair(it, found, decision=decision))
        else:
            result.orders.append(_missing(it, decision))


def _base(it: OrderLine, decision: dict[str, Any]) -> dict[str, Any]:
    return dict(
        order_id=it.order_id, order_item_id=it.item_id, platform=it.platform,
        platform_order_no=it.platform_order_no, customer=it.customer, title=it.title,
        ordered_at=format_local(it.ordered_at), order_amount_fen=it.platform_amount_fen,
        resolved="resolved" in decision, note=decision.get("resolved") or None,
    )


def _pair(it: OrderLine, line: _L, *, manual: bool = False, decision: dict[str, Any] | None = None) -> Item:
    return Item(rule.pair_category(it, line), line_id=line.id, line_paid_fen=line.paid, estimated_fen=line.estimated,
                settled_fen=line.settled, line_status=line.status, manual=manual,
                **(_base(it, decision or {}) | {"platform_order_no": line.order_no}))


def _missing(it: OrderLine, decision: dict[str, Any]) -> Item:
    return Item(Category.MISSING_ON_PLATFORM, **_base(it, decision))


def _unrecorded_row(r: Any, decision: dict[str, Any]) -> Item:
    """``_unrecorded`` of a ``_LINE_SELECT_TIMED`` row (created time as SQLite holds it: naive UTC)."""
    shown, created = r[13], r[10]
    if shown is None:
        shown = format_local(datetime.fromisoformat(created).replace(tzinfo=UTC)) if created else ""
    return Item(
        Category.UNRECORDED, line_id=r[0], platform=r[1], platform_order_no=r[2], title=r[4] or "",
        ordered_at=shown,
        line_paid_fen=r[5], estimated_fen=r[6], settled_fen=r[7], line_status=r[8],
        resolved="resolved" in decision, note=decision.get("resolved") or None,
    )


def _unrecorded(line: _L, decision: dict[str, Any]) -> Item:
    return Item(
        Category.UNRECORDED, line_id=line.id, platform=line.platform, platform_order_no=line.order_no,
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
        out[key]["estimated"], out[key]["lost"] = int(est or 0), int(lost or 0)
    for key, sett in session.execute(settled):
        out[key]["settled"] = int(sett or 0)
    return out


# --- manual decisions -----------------------------------------------------------------------
def _line_key(session: Session, line_id: int) -> tuple[str, str, str]:
    line = session.get(StatementLine, line_id)
    if line is None:
        raise UserError(tr("这条账单行已不存在（可能撤销了导入）。"))
    return line.platform_key, line.order_no, line.line_key


def link(session: Session, order_item_id: int, line_id: int, note: str | None = None) -> None:
    """Link an order item to a statement line by hand (overrides the automatic rules)."""
    if session.get(OrderItem, order_item_id) is None:
        raise UserError(tr("这个订单已被删除。"))
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
        raise UserError(tr("请选择要标记的订单或账单行。"))
    p = o = k = None
    if line_id is not None and order_item_id is None:
        p, o, k = _line_key(session, line_id)
    session.add(ReconciliationDecision(kind=DecisionKind.RESOLVE.value, order_item_id=order_item_id,
                                       line_platform_key=p, line_order_no=o, line_key=k, note=note))


def link_candidates(session: Session, result: Reconciliation, order_item_id: int, limit: int = 100) -> list[Item]:
    """Unclaimed lines of the month a user may link an order item to by hand, likeliest first:
    same platform, nearest in amount, then in time (lines within a week of the order come first).
    A month can hold 100,000 unclaimed lines; only ``limit`` are offered."""
    row = session.execute(
        select(Order.platform_key, Order.ordered_at, func.coalesce(OrderItem.platform_amount_fen, OrderItem.amount_fen))
        .join(OrderItem, OrderItem.order_id == Order.id).where(OrderItem.id == order_item_id)
    ).first()
    unclaimed = result.unrecorded
    if row is None or not isinstance(unclaimed, LineItems):
        return []
    platform, when, amount = row
    if when is None or amount is None:
        return []
    ids = set(unclaimed.ids)
    ranked = []
    for line_id, paid, created in session.execute(
        select(StatementLine.id, StatementLine.paid_fen, StatementLine.created_at)
        .where(StatementLine.platform_key == platform)
        .where(StatementLine.created_at >= when - timedelta(days=40), StatementLine.created_at <= when + timedelta(days=40))
    ):
        if line_id in ids and created is not None:
            gap = abs(created - when)
            ranked.append((gap > timedelta(days=7), abs(paid - amount), gap, line_id))
    ranked.sort()
    chosen = [r[3] for r in ranked[:limit]]
    return LineItems(unclaimed.bind, chosen, unclaimed.decisions)[:]


def create_order_from_line(session: Session, line_id: int, customer_id: int | None = None) -> int:
    """Record a local order for an unrecorded statement line (the buyer used the reseller's link)."""
    line = session.get(StatementLine, line_id)
    if line is None:
        raise UserError(tr("这条账单行已不存在（可能撤销了导入）。"))
    if line.created_at is None:
        raise UserError(tr("这条账单行没有下单时间，无法生成订单。"))
    status = {LineStatus.INVALID: OrderStatus.REFUNDED, LineStatus.SETTLED: OrderStatus.COMPLETED,
              LineStatus.RECEIVED: OrderStatus.COMPLETED}.get(LineStatus(line.status), OrderStatus.PLACED).value
    order = Order(customer_id=customer_id, ordered_at=line.created_at, platform_key=line.platform_key,
                  platform_order_no=line.order_no, status=status, source="statement",
                  source_ref=f"{line.platform_key}:{line.order_no}:{line.line_key}")
    order.items = [OrderItem(title=line.product_title or "（平台订单）", platform_product_id=line.product_id,
                             quantity=line.quantity, amount_fen=line.paid_fen)]
    session.add(order)
    session.flush()
    link(session, order.items[0].id, line_id, note="由平台账单生成")
    return order.id


# --------------------------------------------------------------------------- operations
# One function per user action on 对账: each opens and closes its own session (the GUI runs them
# on the task runner, the CLI calls them directly).

@dataclass
class MonthView:
    """What the 对账 page shows for a month: the five categories, the income and its series."""

    result: Reconciliation
    income: dict[str, Any]
    series: list[Any]


def month_view(db: Any, month: str, platform: str | None = None) -> MonthView:
    """对账 → a month (and platform): categories, income, the income chart's series."""
    from microshop.services.income import income_series, monthly_income

    with db.session() as session:
        result = reconcile(session, month, platform)
        if len(result.unrecorded):
            _ = result.unrecorded[0]  # the first page of 平台无记录 is read here, on the worker, not when shown
        return MonthView(result, monthly_income(session, month, platform), income_series(session, month))


def month_json(db: Any, month: str, platform: str | None = None) -> dict[str, Any]:
    """The month as one dict (tests and small months)."""
    with db.session() as session:
        return reconcile(session, month, platform).as_json()


def write_month_json(db: Any, out: TextIO, month: str, platform: str | None = None) -> None:
    """``reconcile --month --json``: streamed to ``out``."""
    with db.session() as session:
        reconcile(session, month, platform).write_json(out)


def month_summary(db: Any, month: str, platform: str | None = None) -> dict[str, Any]:
    """``reconcile --month`` without ``--json``: the counts and totals."""
    with db.session() as session:
        return reconcile(session, month, platform).summary_json()


def candidates_for(db: Any, result: Reconciliation, order_item_id: int) -> list[Item]:
    """手动关联: the month's unclaimed statement lines an order item may be linked to."""
    with db.session() as session:
        return link_candidates(session, result, order_item_id)


def link_pair(db: Any, order_item_id: int, line_id: int, note: str | None = None) -> None:
    """手动关联 (a decision that survives re-imports)."""
    with db.session() as session:
        link(session, order_item_id, line_id, note)


def unlink_pair(db: Any, order_item_id: int, line_id: int) -> None:
    """取消关联."""
    with db.session() as session:
        unlink(session, order_item_id, line_id)


def mark_resolved(db: Any, *, note: str, order_item_id: int | None = None, line_id: int | None = None) -> None:
    """标记已处理, with the user's note."""
    with db.session() as session:
        resolve(session, note=note, order_item_id=order_item_id, line_id=line_id)


def order_from_line(db: Any, line_id: int) -> int:
    """补建订单: an order made from a statement line the book lacks → its id."""
    with db.session() as session:
        return create_order_from_line(session, line_id)


def export_month(db: Any, month: str, path: Any, platform: str | None = None) -> Any:
    """导出对账表 → the file written."""
    from microshop.services.reconcile_export import export_reconciliation

    with db.session() as session:
        return export_reconciliation(session, month, path, platform)
