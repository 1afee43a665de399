"""The reconciliation rule as pure functions (microshop.domain.matching): no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from microshop.domain import matching as rule
from microshop.domain.matching import Action, Category, OrderLine

T0 = datetime(2026, 10, 10, 12, tzinfo=UTC)


@dataclass(frozen=True)
class Line:
    id: int
    key: tuple[str, str, str]
    product_id: str | None = None
    title: str = ""
    paid: int = 5990
    status: str = "paid"


def item(item_id: int = 1, *, number: str | None = None, amount: int = 5990, title: str = "洗衣凝珠 52颗",
         product: str | None = None, at: datetime = T0, platform: str = "pdd") -> OrderLine:
    return OrderLine(item_id, item_id, platform, number, None, title, product, at, amount, amount)


def line(line_id: int, *, number: str = "n", title: str = "洗衣凝珠52颗", product: str | None = None, paid: int = 5990,
         status: str = "paid", platform: str = "pdd") -> Line:
    return Line(line_id, (platform, number, str(line_id)), product, title, paid, status)


def test_pair_category_follows_status_then_amount_with_a_one_fen_tolerance() -> None:
    it = item(amount=5990)
    assert rule.pair_category(it, line(1, paid=5991)) is Category.MATCHED
    assert rule.pair_category(it, line(1, paid=5989)) is Category.MATCHED
    assert rule.pair_category(it, line(1, paid=5992)) is Category.AMOUNT_MISMATCH
    assert rule.pair_category(it, line(1, paid=5990, status="invalid")) is Category.INVALID


def test_by_number_takes_the_same_product_when_the_number_names_several_lines() -> None:
    lines = [line(1, product="A"), line(2, product="B")]
    assert rule.by_number(item(product="B"), lines, set()).id == 2
    assert rule.by_number(item(product="C"), lines, set()) is None  # several, none of its product
    assert rule.by_number(item(product="C"), lines[:1], set()).id == 1  # the only one: taken
    assert rule.by_number(item(product="B"), lines, {2}).id == 1  # B claimed: A is the one left
    assert rule.by_number(item(product="A"), lines, set(), frozenset({lines[0].key})).id == 2


def test_without_number_needs_amount_window_product_and_uniqueness() -> None:
    near = line(10)
    created = {10: T0 + timedelta(days=2), 11: T0 + timedelta(days=4), 12: T0}
    assert rule.without_number([item()], {1: [near]}, created, set()) == {1: near}
    assert rule.without_number([item()], {1: [line(11)]}, created, set()) == {}  # 4 days away
    assert rule.without_number([item()], {1: [line(12, paid=6000)]}, created, set()) == {}  # amount
    assert rule.without_number([item()], {1: [line(12, title="别的东西")]}, created, set()) == {}  # product
    assert rule.without_number([item()], {1: [line(12, platform="jd")]}, created, set()) == {}  # platform
    assert rule.without_number([item()], {1: [near]}, created, {10}) == {}  # claimed by a numbered order
    assert rule.without_number([item()], {1: [near]}, created, set(), {1: frozenset({near.key})}) == {}
    assert rule.without_number([item()], {1: [near, line(12)]}, created, set()) == {}  # two candidates
    twins = [item(1), item(2)]  # one line wanted by two orders: neither gets it
    assert rule.without_number(twins, {1: [near], 2: [near]}, created, set()) == {}


def test_the_category_decides_the_actions() -> None:
    assert rule.allowed("missing_on_platform", Action.LINK)
    assert not rule.allowed("matched", Action.LINK)
    assert rule.allowed("amount_mismatch", Action.UNLINK) and not rule.allowed("unrecorded", Action.UNLINK)
    assert rule.allowed("unrecorded", Action.CREATE_ORDER) and not rule.allowed("invalid", Action.CREATE_ORDER)
    assert all(rule.allowed(c, Action.RESOLVE) for c in Category)
    assert not rule.allowed(None, Action.RESOLVE)


@settings(derandomize=True, max_examples=200)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(5985, 5995), st.integers(-5, 5)), max_size=6),
       st.integers(1, 4))
def test_without_number_never_gives_one_line_to_two_orders(spec: list[tuple[int, int, int]], orders: int) -> None:
    items = [item(n, at=T0 + timedelta(days=n)) for n in range(1, orders + 1)]
    lines = [line(100 + n, paid=paid) for n, (_o, paid, _d) in enumerate(spec)]
    created = {100 + n: T0 + timedelta(days=days) for n, (_o, _p, days) in enumerate(spec)}
    chosen = rule.without_number(items, {it.item_id: lines for it in items}, created, set())
    assert len({ln.id for ln in chosen.values()}) == len(chosen)
    for item_id, ln in chosen.items():
        it = items[item_id - 1]
        assert abs(ln.paid - it.platform_amount_fen) <= 1 and abs(created[ln.id] - it.ordered_at) <= timedelta(days=3)


def test_one_commission_rule_rounds_half_up_everywhere() -> None:
    from microshop.domain.money import commission_fen
    from microshop.services import report
    from microshop.store.models import Product

    assert commission_fen(9990, 2000) == 1998
    assert commission_fen(25, 2000) == 5 and commission_fen(1, 5000) == 1 and commission_fen(1, 4999) == 0
    assert Product(price_fen=2990, commission_rate_bp=1750).commission_fen == commission_fen(2990, 1750) == 523
    assert commission_fen(1999, 2500) == 500  # 499.75: rounded, not truncated
    from pathlib import Path

    package = Path(report.__file__).resolve().parent.parent
    others = [p for p in package.rglob("*.py") if "// 10000" in p.read_text(encoding="utf-8") and p.name != "money.py"]
    assert others == []  # no second formula anywhere


def test_status_tables_hold_plain_canonical_strings() -> None:
    """Declared with LineStatus members; held as exact str (what the driver binds fastest), and a
    status that is not a LineStatus is refused when the table is made."""
    import pytest

    from microshop.domain.enums import LineStatus
    from microshop.importers import statements

    tables = [i.statuses for i in statements.Importer.__subclasses__() if i.statuses]
    assert len(tables) >= 4
    assert all(type(v) is str and v in set(LineStatus) for table in tables for v in table.values())
    assert all(type(v) is str for v in statements.STATUS_CHOICES.values())
    with pytest.raises(ValueError, match="'payed' is not a valid LineStatus"):
        statements.plain_statuses({"已付款": "payed"})
