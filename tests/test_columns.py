"""Typed column declarations (microshop.importers.columns): each class owns its rule, one cell and a
whole column give the same values, and the importers declare their columns with them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from microshop.errors import UserError
from microshop.importers import columns as c

CELLS = st.one_of(
    st.none(), st.sampled_from(["", "-", "--", "null", " 12.50 ", "¥1,234.5", "3", "0", "20261018", "2026-10-18 14:30:00",
                                "abc", "7件", "45218.5"]),
    st.integers(-5, 10**6), st.floats(0, 10**5, allow_nan=False).map(lambda f: round(f, 2)),
)


def _naive_utc(value: object) -> object:
    """Times: a cell gives aware UTC, a whole column naive UTC (as the book stores it)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _by_cells(column: c.Column, values: list) -> tuple[list, set[int]]:
    out, bad = [], set()
    for n, v in enumerate(values):
        try:
            out.append(_naive_utc(column.cell(v)))
        except ValueError:
            out.append(None)
            bad.add(n)
    return out, bad


@settings(derandomize=True, max_examples=150)
@given(st.sampled_from([c.Text, c.Money, c.Int, c.Time, c.Date8]), st.lists(CELLS, max_size=12))
def test_a_whole_column_reads_as_its_cells_do(kind: type[c.Column], values: list) -> None:
    column = kind("f", ("列",))
    whole, errors = column.column(values)
    cells, bad = _by_cells(column, values)
    assert set(errors) == bad
    assert [v for n, v in enumerate(whole) if n not in bad] == [v for n, v in enumerate(cells) if n not in bad]


def test_each_type_owns_its_rule() -> None:
    assert c.Money("paid", ("付款金额",)).cell("¥1,234.50") == 123450
    assert c.Int("qty", ("数量",)).cell("3") == 3
    assert c.Text("t", ("标题",)).cell("  -- ") is None
    assert c.Time("at", ("时间",)).cell("2026-10-18 14:30") == datetime(2026, 10, 18, 6, 30, tzinfo=UTC)
    assert c.Date8("d", ("结算日期",)).cell("0") is None
    assert c.Date8("d", ("结算日期",)).cell("20261018") == datetime(2026, 10, 17, 16, 0, tzinfo=UTC)
    assert c.Id("no", ("平台订单号",)).cell("1700000000000000001") == "1700000000000000001"
    with pytest.raises(UserError, match="平台订单号"):  # an Excel-mangled number: the whole file is refused
        c.Id("no", ("平台订单号",)).cell("1.7E+18")


def test_the_importers_declare_typed_columns() -> None:
    from microshop.importers.orderbook import COLUMNS
    from microshop.importers.statements import IMPORTERS
    from microshop.services.picks import PICK_COLUMNS

    declared = [*COLUMNS, *PICK_COLUMNS, *(col for imp in IMPORTERS for col in imp.columns)]
    assert all(isinstance(col, c.Column) and type(col) is not c.Column for col in declared)
    assert c.header_aliases(COLUMNS)[1] == ("time", "customer", "title", "amount")
