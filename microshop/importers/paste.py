"""What a paste is: a platform share text (→ a new pick), a 接龙 (→ orders) or neither.

Pasted text is tokenised by the two readers that own those formats and decided on what they
found, not on a sample's wording: a 接龙 says 接龙 (or #接龙) or reads as two or more numbered
entries that order something; a share text carries a link or a 口令 code, or at least a title and
a price (a product card copied without its link). Both can look alike (a 接龙 header may quote a
price or even a link), so the 接龙 word wins, then a link or 口令, then entries, then a price. Qt-free: the GUI's Ctrl+V / 粘贴 and tests call it alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from microshop.importers.jielong import parse_jielong
from microshop.importers.sharetext import KOULING, URL, fold, parse_share_text

JIELONG_WORD = re.compile(r"[#＃]?\s*接\s*[龙龍]")


class PasteKind(StrEnum):
    SHARE = "share"
    JIELONG = "jielong"
    NOTHING = "nothing"


@dataclass(frozen=True)
class Paste:
    kind: PasteKind
    text: str


def classify(text: str) -> Paste:
    """Decide what ``text`` is (see the module's rules)."""
    text = (text or "").strip()
    if not text:
        return Paste(PasteKind.NOTHING, "")
    folded = fold(text)  # ：／￥ and full-width letters as the share-text patterns read them
    if JIELONG_WORD.search(text):
        return Paste(PasteKind.JIELONG, text)
    has_link = any("." in m.group(0).split("//", 1)[-1].split("/", 1)[0] for m in URL.finditer(folded))
    if has_link or KOULING.search(folded):
        return Paste(PasteKind.SHARE, text)
    parsed = parse_jielong(text)
    if sum(1 for entry in parsed.entries if entry.items) >= 2:
        return Paste(PasteKind.JIELONG, text)
    info = parse_share_text(text)
    if info.price_fen is not None and info.title:
        return Paste(PasteKind.SHARE, text)  # a product card copied without its link: a title and a price
    return Paste(PasteKind.NOTHING, text)
