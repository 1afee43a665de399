"""Parsing a pasted 接龙 (WeChat group sign-up list) into products and entries.

Handles: products in the header with prices (one or several, lettered ``A.`` or named), numbering
``1.`` ``1、`` ``1)`` and full-width digits, quantities ``2份`` ``x2`` ``×2`` ``*2`` ``+1`` ``两份``
or a bare number, several items on one line (``A1+B1``, ``芒果1份 耙耙柑2份``), notes, phone numbers
(normalised, kept private) and a list re-posted several times (the latest version of every entry
wins; nothing is counted twice). Lines it cannot understand are reported by sequence number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from microshop.domain.money import parse_yuan

NUMBERED = re.compile(r"^\s*(\d{1,4})\s*[.、)）:：．]\s*(.*)$")
LETTERED = re.compile(r"^\s*([A-Za-z])\s*[.、)）:：．]\s*(.+)$")
PRICE = re.compile(r"[¥￥]\s*(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s*元")
PHONE = re.compile(r"(?:电话|手机|tel|TEL|Tel|联系方式)?\s*[:：]?\s*(1[3-9]\d[\s-]?\d{4}[\s-]?\d{4})")
UNITS = "份个只箱盒袋斤件瓶包组套提罐桶"
CN_DIGITS = {"一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
QTY_UNIT = re.compile(rf"(\d+)\s*[{UNITS}]")
QTY_CN = re.compile(rf"([一二两俩三四五六七八九十]+)\s*[{UNITS}]")
QTY_TIMES = re.compile(r"[x×*Xｘ✖]\s*(\d+)")
QTY_PLUS = re.compile(r"\+\s*(\d+)")
QTY_BARE = re.compile(r"(?<![\d.])(\d{1,3})(?![\d.])")
CODE_ITEM = re.compile(r"(?<![A-Za-z])([A-Za-z])\s*[x×*Xｘ]?\s*(\d{1,3})(?!\d)")
FILLER = {"", "要", "来", "订", "买", "我要", "要个", "来个", "再来", "加", "一", "的"}
EXAMPLE_PREFIXES = ("例", "格式", "示例", "下单格式", "例如")


@dataclass
class Product:
    """A product from the list's header."""

    label: str
    price_fen: int | None
    code: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Entry:
    """One sign-up line."""

    seq: int
    customer: str
    items: list[tuple[int, int]]  # (product index, quantity)
    note: str | None = None
    phone: str | None = None
    raw: str = ""

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "seq": self.seq,
            "customer": self.customer,
            "items": [{"product": p, "qty": q} for p, q in self.items],
        }
        if self.note:
            out["note"] = self.note
        if self.phone:
            out["phone"] = self.phone
        return out


@dataclass
class JielongList:
    """The parsed list: products, the latest version of each entry, and what was not understood."""

    products: list[Product]
    entries: list[Entry]
    unparsed: list[Entry]

    @property
    def total_qty(self) -> int:
        return sum(q for e in self.entries for _p, q in e.items)

    @property
    def total_fen(self) -> int:
        return sum(q * (self.products[p].price_fen or 0) for e in self.entries for p, q in e.items)

    def as_json(self) -> dict[str, Any]:
        return {
            "products": [{"label": p.label, "price_fen": p.price_fen} for p in self.products],
            "entries": [e.as_json() for e in self.entries],
            "total_qty": self.total_qty,
            "total_fen": self.total_fen,
            "unparsed": [e.seq for e in self.unparsed],
        }


def normalise(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width (NFKC), keeping × and ￥ meaning."""
    return unicodedata.normalize("NFKC", text.replace("\u3000", " "))


def parse_jielong(text: str) -> JielongList:
    """Parse a pasted 接龙 text (it may hold several reposts of the same list)."""
    products: list[Product] = []
    latest: dict[int, Entry] = {}
    in_entries = False
    block_products: list[Product] = []
    for raw_line in text.splitlines():
        line = normalise(raw_line).strip()
        if not line:
            continue
        if line.lstrip("#").startswith("接龙"):
            in_entries = False  # a repost starts: its header repeats the products
            block_products = []
            continue
        numbered = NUMBERED.match(line)
        if not in_entries and (not numbered or PRICE.search(line)):
            product = _product(line)
            if product is not None:
                block_products.append(product)
                _keep(products, block_products)  # the latest header wins
            continue
        if numbered:
            in_entries = True
            seq, body = int(numbered.group(1)), numbered.group(2).strip()
            latest[seq] = Entry(seq, "", [], raw=body)
    _aliases(products)
    entries, unparsed = [], []
    for seq in sorted(latest):
        entry = _entry(latest[seq], products)
        (entries if entry.items else unparsed).append(entry)
    return JielongList(products, entries, unparsed)


def _keep(products: list[Product], block: list[Product]) -> None:
    for i, product in enumerate(block):
        if i < len(products):
            products[i] = product
        else:
            products.append(product)


def _product(line: str) -> Product | None:
    if line.startswith(EXAMPLE_PREFIXES):
        return None
    price = PRICE.search(line)
    if price is None:
        return None
    code = None
    lettered = LETTERED.match(line)
    body = line
    if lettered:
        code, body = lettered.group(1).upper(), lettered.group(2)
        price = PRICE.search(body)
        if price is None:
            return None
    else:
        numbered = NUMBERED.match(line)
        if numbered:
            code, body = numbered.group(1), numbered.group(2)
            price = PRICE.search(body)
            if price is None:
                return None
    label = body[: price.start()].strip(" ,，:：/-—~")
    if not label:
        return None
    return Product(label, parse_yuan(price.group(1) or price.group(2)), code)


def _aliases(products: list[Product]) -> None:
    """Short names a buyer may write: the label's first word and its tails of 2+ characters."""
    candidates: list[set[str]] = []
    for p in products:
        head = p.label.split()[0] if p.label.split() else p.label
        names = {p.label, head} | {head[i:] for i in range(len(head) - 1)}
        candidates.append({n for n in names if len(n) >= 2})
    for i, p in enumerate(products):
        others = set().union(*(c for j, c in enumerate(candidates) if j != i)) if len(products) > 1 else set()
        p.aliases = sorted(candidates[i] - others, key=len, reverse=True)


def _entry(entry: Entry, products: list[Product]) -> Entry:
    body = entry.raw
    phone_match = PHONE.search(body)
    if phone_match:
        entry.phone = re.sub(r"\D", "", phone_match.group(1))
        body = (body[: phone_match.start()] + " " + body[phone_match.end():]).strip()
    customer, rest = _split_customer(body, products)
    entry.customer = customer
    if not customer or not products:
        return entry  # without a priced product in the header there is nothing to order: unparsed
    if len(products) <= 1:
        entry.items, leftover = _single(rest)
    else:
        entry.items, leftover = _multi(rest, products)
    note = leftover.strip(" ,，.。;；+、-")
    entry.note = None if note in FILLER else note
    return entry


def _split_customer(body: str, products: list[Product]) -> tuple[str, str]:
    parts = body.split(None, 1)
    if not parts:
        return "", ""
    if len(parts) == 2:
        return parts[0], parts[1]
    glued = re.match(rf"^(.+?)\s*((?:[x×*+]?\d+|[一二两俩三四五六七八九十]+)[{UNITS}]?|[A-Za-z]\d+.*)$", parts[0])
    if glued and len(glued.group(1)) >= 1:
        return glued.group(1), glued.group(2)
    return parts[0], ""


def _single(rest: str) -> tuple[list[tuple[int, int]], str]:
    for pattern in (QTY_UNIT, QTY_TIMES, QTY_PLUS, QTY_CN):
        match = pattern.search(rest)
        if match:
            return [(0, _number(match.group(1)))], rest[: match.start()] + rest[match.end():]
    bare = QTY_BARE.search(rest)
    if bare and not rest[: bare.start()].strip():
        return [(0, int(bare.group(1)))], rest[bare.end():]
    return [], rest


def _multi(rest: str, products: list[Product]) -> tuple[list[tuple[int, int]], str]:
    codes = {p.code: i for i, p in enumerate(products) if p.code}
    items: list[tuple[int, int]] = []
    leftover = rest
    for match in CODE_ITEM.finditer(rest):
        index = codes.get(match.group(1).upper())
        if index is not None:
            items.append((index, int(match.group(2))))
            leftover = leftover.replace(match.group(0), " ", 1)
    if items:
        return _merge(items), leftover
    for index, product in enumerate(products):
        for alias in product.aliases:
            position = leftover.find(alias)
            if position < 0:
                continue
            after = leftover[position + len(alias):]
            before = leftover[:position]
            qty, consumed_after, consumed_before = _qty_near(after, before)
            items.append((index, qty))
            leftover = before[: len(before) - consumed_before] + " " + after[consumed_after:]
            break
    return _merge(items), leftover


def _qty_near(after: str, before: str) -> tuple[int, int, int]:
    """Quantity written just after a product name (``芒果2份``) or just before it (``一箱芒果``)."""
    match = re.match(rf"\s*(?:[x×*Xｘ]\s*)?(\d{{1,3}})\s*[{UNITS}]?", after)
    if match:
        return int(match.group(1)), match.end(), 0
    match = re.search(rf"(\d{{1,3}}|[一二两俩三四五六七八九十]+)\s*[{UNITS}]\s*$", before)
    if match:
        return _number(match.group(1)), 0, len(before) - match.start()
    return 1, 0, 0


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return CN_DIGITS.get(tens, 1) * 10 + CN_DIGITS.get(ones, 0)
    return CN_DIGITS.get(text, 1)


def _merge(items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: dict[int, int] = {}
    for index, qty in items:
        merged[index] = merged.get(index, 0) + qty
    return list(merged.items())
