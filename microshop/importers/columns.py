"""Typed column declarations, the one way every importer says what it reads (beangulp's
``csvbase`` is the model): a column names its canonical field, the header words it goes by and
whether a file must have it, and its class owns its parse rule — one cell at a time (``cell``) and a
whole column at a time (``column``, the fast path statements use; the same results).

Used by the platform statements, the custom column mapping, the 订单簿 and the pick list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from microshop.domain.units import CN_NUM, UNITS, small_cn_number
from microshop.importers.table.cells import (
    cell_id,
    cell_int,
    cell_money,
    cell_text,
    cell_time,
    column_id,
    column_int,
    column_money,
    column_text,
    column_time,
)


@dataclass(frozen=True)
class Column:
    """A declared column: canonical field, header aliases (the first is its name in messages),
    required or not. Subclasses own the parse rule."""

    field: str
    aliases: tuple[str, ...]
    required: bool = True

    @property
    def name(self) -> str:
        return self.aliases[0]

    def cell(self, value: Any) -> Any:
        """One cell → its value (None when blank); ``ValueError`` when it cannot be read."""
        return cell_text(value) or None

    def column(self, values: list[Any]) -> tuple[list[Any], dict[int, Any]]:
        """A whole column → values, and the cells that could not be read (index → raw cell)."""
        return column_text(values), {}


class Text(Column):
    """Free text, trimmed; blank words (``-``, ``--``, ``null`` …) are empty."""


class Id(Column):
    """An order number or product id: kept exactly as written; an Excel-mangled one (1.7E+18,
    digits lost) raises ``UserError`` for the whole file — a rounded id is never stored."""


    def cell(self, value: Any) -> str | None:
        return cell_id(value, self.name) or None

    def column(self, values: list[Any]) -> tuple[list[Any], dict[int, Any]]:
        return column_id(values, self.name), {}


class Money(Column):
    """An amount in yuan (with or without ¥, 元, thousands separators) → integer fen."""


    def cell(self, value: Any) -> int | None:
        return cell_money(value)

    def column(self, values: list[Any]) -> tuple[list[Any], dict[int, Any]]:
        return column_money(values)


class Int(Column):
    """A whole number (a quantity)."""


    def cell(self, value: Any) -> int | None:
        return cell_int(value)

    def column(self, values: list[Any]) -> tuple[list[Any], dict[int, Any]]:
        return column_int(values)


class Count(Int):
    """A count as a person writes it in a hand-kept book: ``2``, ``2份``, ``1箱``, ``x2``, ``×2``, ``3 件``."""

    WRITTEN = re.compile(r"^\s*[x×*X✕]?\s*(\d{1,6}|[" + CN_NUM + r"]{1,3})\s*(?:[" + UNITS + r"]|pcs)?\s*$")

    def cell(self, value: Any) -> int | None:
        try:
            return cell_int(value)
        except ValueError:
            found = self.WRITTEN.match(cell_text(value))
            if found is None:
                raise
            number = found.group(1)
            count = int(number) if number.isdigit() else small_cn_number(number)
            if not count:
                raise
            return count

    def column(self, values: list[Any]) -> tuple[list[Any], dict[int, Any]]:
        out, bad = [], {}
        for k, value in enumerate(values):
            try:
                out.append(self.cell(value))
            except ValueError:
                out.append(None)
                bad[k] = value
        return out, bad


class Time(Column):
    """A date or time as the platforms write it (text, Excel serial, datetime), Shanghai time →
    UTC: aware from ``cell``, naive from ``column`` (as the book stores it, for the bulk writer)."""


    def cell(self, value: Any) -> datetime | None:
        return cell_time(value)

    def column(self, values: list[Any]) -> tuple[list[Any], dict[int, Any]]:
        return column_time(values)


class Date8(Time):
    """A yyyyMMdd date where 0 means "not yet" (抖音's settle date)."""


    def cell(self, value: Any) -> datetime | None:
        return None if cell_text(value) in ("", "0") else cell_time(cell_text(value))

    def column(self, values: list[Any]) -> tuple[list[Any], dict[int, Any]]:
        return column_time([None if cell_text(v) in ("", "0") else cell_text(v) for v in values])


def header_aliases(columns: Iterable[Column]) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """What ``table.find_header`` looks for: field → aliases, and the required fields."""
    columns = tuple(columns)
    return {c.field: c.aliases for c in columns}, tuple(c.field for c in columns if c.required)


def by_field(columns: Sequence[Column]) -> dict[str, Column]:
    return {c.field: c for c in columns}
