"""Money is integer fen (分). Parsing goes through ``Decimal``; float never touches it."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from microshop.i18n import tr

_STRIP = re.compile(r"[¥￥,，\s元]|RMB|CNY", re.IGNORECASE)


def parse_yuan(value: object) -> int | None:
    """Parse a yuan amount as written in a sheet or typed by a user into fen.

    Accepts ints, Decimals, floats from spreadsheet readers (via ``repr``, never arithmetic),
    and text such as ``"19.80"``, ``"¥1,234.50"``, ``"59.9元"``. Blank-like values give None.
    Raises ``ValueError`` for text that is not a number.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(tr("不是金额：{value!r}", value=value))
    if isinstance(value, int):
        return value * 100
    if isinstance(value, Decimal):
        return to_fen(value)
    if isinstance(value, float):
        # Spreadsheet cells arrive as binary floats; their shortest repr is what the user typed.
        text = repr(value)
        fast = _plain_fen(text)
        return fast if fast is not None else to_fen(Decimal(text))
    fast = _plain_fen(value.strip()) if isinstance(value, str) else None
    if fast is not None:
        return fast
    text = _STRIP.sub("", str(value))
    if text in ("", "-", "--", "—"):
        return None
    try:
        return to_fen(Decimal(text))
    except InvalidOperation:
        raise ValueError(tr("不是金额：{value!r}", value=value)) from None


def _plain_fen(text: str) -> int | None:
    """Exact fen of a plain decimal like ``-19.805`` by string arithmetic (half-up), or None when
    the text is anything else (then Decimal does the work). Never goes through float."""
    negative = text.startswith("-")
    body = text[1:] if negative else text
    whole, dot, frac = body.partition(".")
    if not (whole.isdigit() or (whole == "" and frac)) or (dot and not frac.isdigit()) or not body.isascii():
        return None
    if len(whole) > 12:  # not money (see MAX_YUAN): let to_fen say so
        return None
    digits = (frac + "000")[:3]
    fen = int(whole or "0") * 100 + int(digits[:2]) + (1 if digits[2] >= "5" else 0)
    return -fen if negative else fen


MAX_YUAN = Decimal(10) ** 12  # no shop's line or total comes near; beyond it a cell is not money
MAX_FEN = 10 ** 14


def to_fen(yuan: Decimal) -> int:
    """Round a yuan Decimal half-up to whole fen; ValueError for NaN, infinity or absurd sizes."""
    # adjusted() reads the exponent without arithmetic: abs() would apply the context and overflow
    # (decimal.Overflow) on text such as "1e999999999".
    if not yuan.is_finite() or (not yuan.is_zero() and yuan.adjusted() >= 12):
        raise ValueError(tr("不是金额：{yuan}", yuan=yuan))
    return int((yuan * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_fen(fen: int | None, *, symbol: bool = True) -> str:
    """``5990`` → ``"¥59.90"`` (``"—"`` for None)."""
    if fen is None:
        return "—"
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    text = f"{whole:,}.{cents:02d}"
    return f"{sign}¥{text}" if symbol else f"{sign}{text}"


def fen_to_decimal(fen: int) -> Decimal:
    """Fen as a yuan Decimal (for writing numeric cells)."""
    return Decimal(fen) / 100


def commission_fen(amount_fen: int, rate_bp: int) -> int:
    """The commission an amount earns at a rate in basis points (20.00 % = 2000), in fen, rounded
    half up: the one rule the app uses (a pick's 每单佣金, conversion, suggestions, the demo)."""
    return (amount_fen * rate_bp + 5000) // 10000
