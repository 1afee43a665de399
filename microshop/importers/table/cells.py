"""The cell rules every importer shares: headers, ids, times, money, quantities, one cell at a time
(``cell_*``) and a whole column at a time (``column_*``, the fast paths, the same results)."""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from itertools import repeat
from operator import itemgetter
from typing import Any, cast

from microshop.domain.money import parse_yuan
from microshop.domain.timeutil import from_local
from microshop.errors import UserError
from microshop.i18n import tr

BLANKS = {"", "-", "--", "—", "null", "none", "nan"}  # a cell holding only this is empty


_UNIT = r"(?:元|人民币|rmb|cny|¥|%|‰|分|个|件|次|单位[:：]?[^()]{0,6}|百分比|千分比|万分比)"
_UNIT_GROUP = re.compile(r"\(\s*" + _UNIT + r"\s*\)", re.IGNORECASE)
_UNIT_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])(?:%|‰|/元|\(元|元\))$")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "[": "(", "]": ")", "【": "(", "】": ")", "〔": "(", "〕": ")",
                           "<": "(", ">": ")", "《": "(", "》": ")", "｛": "(", "｝": ")", "{": "(", "}": ")"})
_HEADER_CACHE: dict[str, str] = {}


def norm_header(value: Any) -> str:
    """A header as compared with aliases: full-width forms folded (NFKC), every bracket style as
    ``()``, units in brackets dropped (``订单金额（元）`` ``佣金比例(%)`` ``预估佣金收入[元]`` all read as
    their bare names), no spaces, tabs or invisible marks, lower case."""
    raw = value if isinstance(value, str) else str(value or "")
    found = _HEADER_CACHE.get(raw)
    if found is not None:
        return found
    text = unicodedata.normalize("NFKC", raw[:200]).translate(_BRACKETS)
    text = re.sub(r"[\s\u200b\ufeff]+", "", text).lower()
    text = _UNIT_GROUP.sub("", text)
    text = _UNIT_TAIL.sub("", text)
    if len(_HEADER_CACHE) < 10_000:
        _HEADER_CACHE[raw] = text
    return text


def find_header(rows: Sequence[Sequence[Any]], aliases: Mapping[str, Iterable[str]],
                required: Iterable[str], scan: int = 15) -> tuple[int, dict[str, int]]:
    """Find the header row among the first ``scan`` rows: (row index, field → column index).

    ``aliases`` maps a field name to the header spellings it accepts. The row with the most
    recognised headers wins; it must have every ``required`` field.
    """
    wanted = {field: {norm_header(a) for a in names} for field, names in aliases.items()}
    best: tuple[int, dict[str, int]] = (-1, {})
    for index, row in enumerate(rows[:scan]):
        found: dict[str, int] = {}
        for col, cell in enumerate(row):
            key = norm_header(cell)
            for field, names in wanted.items():
                if key in names and field not in found:
                    found[field] = col
        if len(found) > len(best[1]):
            best = (index, found)
    missing = [f for f in required if f not in best[1]]
    if best[0] < 0 or missing:
        labels = [next(iter(aliases[f]), f) for f in (missing or list(required))]  # the Chinese name, not the key
        raise UserError(tr("没有找到表头，或缺少必需的列：{missing}。请确认选的是正确的文件，且没有删改表头。",
                           missing="、".join(labels)))
    return best


def cell_text(value: Any) -> str:
    """A cell as stripped text ('' for blanks, tab guards removed)."""
    if value is None or value == "":
        return ""
    if type(value) is str:  # the common case, kept short: strip() also removes tab guards
        text = value.strip()
        if text.startswith("'"):
            text = text[1:].strip()
        return "" if len(text) <= 4 and text.lower() in BLANKS else text
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().strip("\t").strip().lstrip("'")
    return "" if text.lower() in BLANKS else text


def cell_id(value: Any, column: str) -> str:
    """An id (order number, product id) as text; refuses ids Excel already turned into numbers.

    A 16+ digit number stored as a float has lost its last digits; it can never be matched again,
    so the whole file is refused with advice to re-export.
    """
    if isinstance(value, float):
        if abs(value) >= 1e15 or not value.is_integer():
            raise UserError(
                tr(
                    "“{column}”列的编号已被 Excel 改成了数字（例如 {value:.6g}）"
                    "，后几位已经丢失，无法对上订单。请重新从平台导出原始文件，"
                    "不要用 Excel 打开后再保存；或把该列设为“文本”格式后重新粘贴。",
                    column=column, value=value)
            )
        value = int(value)
    text = cell_text(value)
    if re.fullmatch(r"\d(\.\d+)?[eE]\+\d+", text):
        raise UserError(
            tr("“{column}”列的编号是科学计数法（{text}），后几位已经丢失。请重新导出原始文件后再导入。", column=column, text=text)
        )
    return text


MAX_QUANTITY = 1_000_000  # no line of a shop's order holds more; beyond it (10³⁰, 20 digits) a cell is not a count


def cell_int(value: Any) -> int | None:
    """A whole quantity; None for blanks; ValueError for anything else (or beyond ±MAX_QUANTITY)."""
    text = cell_text(value)
    if not text:
        return None
    if not re.fullmatch(r"-?\d{1,30}(\.0+)?", text):
        raise ValueError(text)
    number = int(text.split(".")[0])
    if abs(number) > MAX_QUANTITY:
        raise ValueError(text)
    return number


def cell_money(value: Any) -> int | None:
    """A yuan amount → fen (None for blanks); ValueError for text that is not money."""
    if isinstance(value, str):
        value = value.strip().strip("\t")
    return parse_yuan(value)


_TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d",
    "%Y/%m/%d", "%d/%m/%Y %H:%M:%S", "%Y%m%d%H%M%S", "%Y%m%d", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日",
)
_EXCEL_EPOCH = datetime(1899, 12, 30)


MIN_YEAR, MAX_YEAR = 1990, 2200  # no order or statement is dated outside; near 1 and 9999 datetime overflows


def cell_time(value: Any) -> datetime | None:
    """A China-local time in any of the forms platforms write → aware UTC (None for blanks).

    Text, real Excel dates, Excel serial numbers, epoch seconds or milliseconds. A time outside
    MIN_YEAR–MAX_YEAR, or a number no clock can hold, is ValueError (the row is left out).
    """
    try:
        found = _cell_time(value)
    except (OverflowError, OSError):
        raise ValueError(cell_text(value)) from None
    if found is not None and not MIN_YEAR <= found.year <= MAX_YEAR:
        raise ValueError(cell_text(value))
    return found


def _cell_time(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return from_local(value) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return from_local(datetime(value.year, value.month, value.day))
    if isinstance(value, str) and len(value) in (10, 16, 19) and value[4:5] == "-":
        try:  # the common "YYYY-MM-DD[ HH:MM[:SS]]" in C, before the slower general forms
            return from_local(datetime.fromisoformat(value))
        except ValueError:
            pass
    text = cell_text(value)
    if not text or text == "0":
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text) and len(text.split(".")[0]) not in (8, 14):
        if len(text.split(".")[0]) > 13:  # 20- or 24-digit "epochs": not a time
            raise ValueError(text)
        number = float(text)
        if number > 1e11:  # epoch milliseconds
            return datetime.fromtimestamp(number / 1000, tz=UTC)
        if number > 1e8:  # epoch seconds
            return datetime.fromtimestamp(number, tz=UTC)
        if 20000 < number < 80000:  # Excel serial day number
            return from_local(_EXCEL_EPOCH + timedelta(days=number))
        raise ValueError(text)
    text = text.replace("T", " ")
    for fmt in _TIME_FORMATS:
        try:
            return from_local(datetime.strptime(text, fmt))
        except ValueError:
            continue
    raise ValueError(text)


# --- whole columns at once ------------------------------------------------------------------
# A 100,000-line statement is over a million cells, so importers parse a column at a time: the
# common forms go through C-level map()s and comprehensions, and every other cell goes through
# the per-cell rule above, so the result is always exactly what that rule gives. Cells that are
# not what the column needs are returned as {index: cell}, so the caller can say which row was
# left out and why.

_UTC_OFFSET = timedelta(hours=8)  # Asia/Shanghai has had no DST since 1991
_NO_DST_SINCE = datetime(1992, 1, 1)
_FAST_TIME_LENGTHS = (10, 16, 19)  # "YYYY-MM-DD", "YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM:SS"
_FAST_LENGTH_SET = frozenset(_FAST_TIME_LENGTHS)


def _types(values: list[Any]) -> set[type]:
    return set(map(type, values))


def column_text(values: list[Any]) -> list[str | None]:
    """``cell_text`` of each value, blanks as None."""
    if _types(values) == {str}:
        stripped = list(map(str.strip, values))
        # A column repeats few distinct texts (statuses) or is mostly long ones (titles): only the
        # distinct texts that are short or start with a quote need the per-cell rule.
        odd = {t: cell_text(t) or None for t in set(stripped) if len(t) <= 4 or t[:1] == "'"}
        return list(map(odd.get, stripped, stripped)) if odd else cast("list[str | None]", stripped)
    return [cell_text(v) or None for v in values]


def column_id(values: list[Any], column: str) -> list[str | None]:
    """``cell_id`` of each value, blanks as None; a mangled id raises UserError (the file is refused)."""
    if _types(values) == {str}:
        texts = list(map(str.strip, values))
        if min(map(len, texts), default=5) > 4:
            joined = "\n".join(texts)
            if "+" not in joined and "\n'" not in joined and not joined.startswith("'"):
                return cast("list[str | None]", texts)  # plain ids: no blanks, no tab or quote guards, no 1.2E+18
    return [cell_id(v, column) or None for v in values]


def _fen_of_floats(numbers: list[float]) -> list[int] | None:
    """Fen of yuan floats when every one holds whole fen (what platforms write), else None."""
    scaled = list(map(float.__mul__, numbers, repeat(100.0, len(numbers))))
    try:
        fen = list(map(round, scaled))
    except (OverflowError, ValueError):  # inf or NaN: the exact rule decides
        return None
    if fen and (max(fen) >= 10**11 or min(fen) <= -(10**11)):  # huge: so does it
        return None
    if fen and max(map(abs, map(operator.sub, scaled, fen))) >= 1e-6:  # not whole fen
        return None
    return fen


_BLANK_CELLS = frozenset({None, "", "-", "--", "—"})  # blank for every column type


def _slow_column(values: list[Any], rule: Callable[[Any], Any],
                 only: Iterable[int] | None = None, out: list[Any] | None = None) -> tuple[list[Any], dict[int, Any]]:
    """``rule`` per cell (for ``only`` these indices, into ``out``); ValueError marks a bad cell."""
    out = [None] * len(values) if out is None else out
    bad: dict[int, Any] = {}
    blank = _BLANK_CELLS
    for i in range(len(values)) if only is None else only:
        v = values[i]
        if (v.__class__ is str and v in blank) or v is None:
            out[i] = None
            continue
        try:
            out[i] = rule(v)
        except ValueError:
            out[i] = None
            bad[i] = v
    return out, bad


def column_money(values: list[Any]) -> tuple[list[int | None], dict[int, Any]]:
    """``cell_money`` of each value (fen), and the cells that are not money."""
    types = _types(values)
    if types == {float}:
        fen = _fen_of_floats(values)
        if fen is not None:
            return fen, {}  # type: ignore[return-value]
    elif types == {str}:
        try:
            fen = _fen_of_floats(list(map(float, values)))
        except ValueError:  # "¥1,234.50", "--", …
            fen = None
        if fen is not None:
            return fen, {}  # type: ignore[return-value]
    elif float in types:  # numbers with a few blanks or texts among them
        others = [i for i, v in enumerate(values) if v.__class__ is not float]
        floats = list(values)
        for i in others:
            floats[i] = 0.0
        fen = _fen_of_floats(floats)
        if fen is not None:
            return _slow_column(values, _money_or_blank, others, fen)
    return _slow_column(values, _money_or_blank)


def _money_or_blank(v: Any) -> int | None:
    return None if v is None or v == "" else cell_money(v)


def column_int(values: list[Any]) -> tuple[list[int | None], dict[int, Any]]:
    """``cell_int`` of each value, and the cells that are not whole numbers."""
    if _types(values) == {float} and all(map(float.is_integer, values)) and all(map(float(MAX_QUANTITY).__ge__, map(abs, values))):
        return list(map(int, values)), {}
    return _slow_column(values, cell_int)


def column_time(values: list[Any]) -> tuple[list[datetime | None], dict[int, Any]]:
    """``cell_time`` of each value as naive UTC (None for blanks), and the cells that are not times."""
    if str in _types(values):
        # The usual text forms go through datetime.fromisoformat in one map(); blanks and other
        # forms keep a placeholder there and are read one by one afterwards.
        if (_types(values) == {str} and set(map(len, values)) <= _FAST_LENGTH_SET
                and set(map(itemgetter(4), values)) == {"-"}):
            others: list[int] = []  # the usual column: every cell one of the forms below
        else:
            others = [i for i, v in enumerate(values) if v.__class__ is not str or len(v) not in _FAST_TIME_LENGTHS
                      or v[4:5] != "-"]
        texts = list(values)
        for i in others:
            texts[i] = "2000-01-01"
        try:
            local_times = list(map(datetime.fromisoformat, texts))
            if min(local_times) >= _NO_DST_SINCE and max(local_times).year <= MAX_YEAR:  # TypeError: an offset
                utc = list(map(datetime.__sub__, local_times, repeat(_UTC_OFFSET, len(local_times))))
                return _slow_column(values, _utc_naive, others, utc)
        except (ValueError, TypeError):
            pass
    return _slow_column(values, _utc_naive)


def _utc_naive(v: Any) -> datetime | None:
    t = cell_time(v)
    return None if t is None else t.astimezone(UTC).replace(tzinfo=None)
