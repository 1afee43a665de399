"""Masking of personal data for display and exports."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\D")


def normalise_phone(raw: str | None) -> str | None:
    """Digits only, with a +86/0086 prefix removed; None when empty."""
    if not raw:
        return None
    digits = _DIGITS.sub("", raw)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits or None


def mask_phone(phone: str | None) -> str:
    """``13812345678`` → ``138****5678``; shorter numbers keep only their last two digits."""
    if not phone:
        return ""
    if len(phone) >= 11:
        return f"{phone[:3]}****{phone[-4:]}"
    if len(phone) > 4:
        return "*" * (len(phone) - 2) + phone[-2:]
    return "*" * len(phone)


def mask_address(address: str | None) -> str:
    """Keep the area (first 6 characters), hide the rest: ``浙江省杭州市****``."""
    if not address:
        return ""
    text = address.strip()
    return text[:6] + "****" if len(text) > 6 else text[:2] + "****"
