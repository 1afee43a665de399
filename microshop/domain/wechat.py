"""What WeChat puts into text copied out of it."""

from __future__ import annotations

import re

# The desktop app copies stickers as their names in brackets: [微笑] [玫瑰] [抱拳] [红包] [OK] [Smile]
STICKER = re.compile(r"\[(?:[\u4e00-\u9fff]{1,4}|[A-Za-z][A-Za-z ]{1,11})\]")


def without_stickers(text: str) -> str:
    """The text with each sticker code as a space (a name or number beside it stays apart)."""
    return STICKER.sub(" ", text)
