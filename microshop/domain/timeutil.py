"""Time convention: stored as UTC (aware in Python, naive-UTC in SQLite), shown in Asia/Shanghai."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from microshop.i18n import tr

try:
    SHANGHAI = ZoneInfo("Asia/Shanghai")
except Exception:  # pragma: no cover - systems without tzdata: China has no DST since 1991
    SHANGHAI = timezone(timedelta(hours=8), "CST")  # type: ignore[assignment]


def _system_clock() -> datetime:
    return datetime.now(UTC)


_clock: Callable[[], datetime] = _system_clock


def utcnow() -> datetime:
    """Now, aware, in UTC: the one place the app reads the clock (tests set it with ``fixed_clock``)."""
    return _clock()


@contextmanager
def fixed_clock(at: datetime) -> Iterator[None]:
    """Within the block, ``utcnow()`` is ``at`` (aware): no test depends on today's date."""
    global _clock
    if at.tzinfo is None:
        raise ValueError("fixed_clock needs an aware datetime")
    previous, _clock = _clock, (lambda: at.astimezone(UTC))
    try:
        yield
    finally:
        _clock = previous


def local(dt: datetime) -> datetime:
    """An aware datetime in Shanghai time; a naive one is taken as Shanghai local time."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=SHANGHAI)
    return dt.astimezone(SHANGHAI)


def from_local(dt: datetime) -> datetime:
    """A naive Shanghai wall-clock time (as platforms write them) to aware UTC."""
    return local(dt).astimezone(UTC)


_MINUTES = "%Y-%m-%d %H:%M"
_CST = timedelta(hours=8)
_NO_DST_SINCE = datetime(1992, 1, 1, tzinfo=UTC)  # China has kept UTC+8 all year since


def format_local(dt: datetime | None, fmt: str = _MINUTES) -> str:
    """Format for display in Asia/Shanghai ("" for None)."""
    if dt is None:
        return ""
    if fmt is _MINUTES and dt.tzinfo is not None and dt >= _NO_DST_SINCE:  # the common case, without zoneinfo
        return (dt.astimezone(UTC).replace(tzinfo=None) + _CST).isoformat(" ")[:16]
    return local(dt).strftime(fmt)


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """``"2026-10"`` → the month's [start, end) in UTC, month taken in Shanghai time."""
    try:
        year, mon = (int(part) for part in str(month).split("-"))
        if not 1990 <= year <= 2200:  # no statement or order is dated outside; datetime overflows near 1 and 9999
            raise ValueError(year)
        start = datetime(year, mon, 1, tzinfo=SHANGHAI)
    except (ValueError, TypeError):
        from microshop.errors import UserError

        raise UserError(tr("月份格式不对：{month!r}，请写成 YYYY-MM（1990 到 2200 年），例如 2026-10。", month=month)) from None
    end = datetime(year + (mon == 12), mon % 12 + 1, 1, tzinfo=SHANGHAI)
    return start.astimezone(UTC), end.astimezone(UTC)
