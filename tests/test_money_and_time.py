"""Money parsing/formatting in fen and the time convention."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microshop.domain.money import format_fen, parse_yuan
from microshop.domain.privacy import mask_phone, normalise_phone
from microshop.domain.timeutil import format_local, from_local, month_bounds
from microshop.errors import UserError


@pytest.mark.parametrize(
    ("raw", "fen"),
    [
        ("19.80", 1980), ("¥1,234.50", 123450), ("59.9元", 5990), (59.9, 5990), (0.1 + 0.2, 30),
        (12, 1200), (Decimal("0.005"), 1), ("￥ 3", 300), ("--", None), ("", None), (None, None),
        ("-1.5", -150),
    ],
)
def test_parse_yuan(raw: object, fen: int | None) -> None:
    assert parse_yuan(raw) == fen


def test_parse_yuan_refuses_text() -> None:
    with pytest.raises(ValueError):
        parse_yuan("十九块")


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_format_then_parse_round_trips(fen: int) -> None:
    assert parse_yuan(format_fen(fen)) == fen


def test_format_fen() -> None:
    assert format_fen(123450) == "¥1,234.50"
    assert format_fen(-5) == "-¥0.05"
    assert format_fen(5990, symbol=False) == "59.90"
    assert format_fen(None) == "—"


def test_shanghai_convention() -> None:
    utc = from_local(datetime(2026, 10, 1, 0, 30))
    assert utc == datetime(2026, 9, 30, 16, 30, tzinfo=UTC)
    assert format_local(utc) == "2026-10-01 00:30"
    start, end = month_bounds("2026-12")
    assert start == datetime(2026, 11, 30, 16, tzinfo=UTC)
    assert end == datetime(2026, 12, 31, 16, tzinfo=UTC)
    with pytest.raises(UserError):
        month_bounds("2026/13")


def test_phone_privacy() -> None:
    assert normalise_phone("+86 138-1234-5678") == "13812345678"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone(None) == ""
