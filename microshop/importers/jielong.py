"""Parsing a pasted 接龙 (WeChat group sign-up list) into products and entries.

The text is tokenised, then decided, in three blocks:

* **Header**: the lines before the sign-ups. A header line may hold several products, each with its
  price in any usual form (``单价25元`` ``每箱39元`` ``25元/份`` ``¥25`` ``25r`` ``（30元）``), separated
  by ``/`` ``|`` ``；`` or spaces; a lettered menu (``A. 鲜肉包``) with or without prices; one shared
  price for the menu (``每份20元``); leading dates and weekdays (``12.3 周四``) and 【tags】 are not part
  of a label, nor are emoji, a ``今日特价：`` caption or when it is sold (``周六团购``). Lines without
  a price are the list's title and remarks.
* **Menu**: numbered lines straight under a priced header (``1.番茄牛腩``) are that header's dishes,
  not sign-ups.
* **Entries**: numbered lines after the example/format line (``例…`` ``格式…``), a blank line, or a
  line that reads as a sign-up. The customer is what stands before the first product or quantity
  word (names may hold spaces and emoji); products are named by label, letter, number (``1号``
  ``【1】`` of a numbered header), a short word of the label that no other product shares (``木耳``
  for ``东北黑木耳250g``), or an everyday word holding the name's last character (``芒果`` for
  ``小台芒``); quantities stand before or after (``木耳2`` ``+1木耳`` ``脐橙x2`` ``两箱``; a ``+2``
  goes with the product it touches); ``各一`` ``全要`` order every product. Under a one-product list
  a count may be glued to the name (``张姐1``). An unnumbered line under an entry is its note, or
  what is ordered when the entry's own line names nothing (``1. 张三`` / ``草莓2 蓝莓1``).
  A list pasted as one line is split at each sequence number. Full-width forms are read as ASCII.

A list re-posted several times keeps the latest version of every entry. Phone numbers are taken out
of the text into ``phone``. Entries that name nothing to order are returned in ``unparsed``.
The parse is bounded: very long lines and labels are cut before any work that grows with them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from microshop.domain.money import MAX_FEN, parse_yuan
from microshop.domain.privacy import mask_phone
from microshop.domain.units import CN_NUM, UNITS, small_cn_number
from microshop.domain.wechat import without_stickers
from microshop.i18n import tr

MAX_LINE = 400        # characters of one line that are read; the rest is kept in the note only
MAX_LABEL = 60        # characters of a product label
MAX_LINES = 20_000    # lines of one paste
MAX_QTY = 9_999

# what one portion is, after a "/" or "每" (个, 斤, 5斤, 500g, kg)
PORTION = r"(?:\d{1,4}(?:\.\d{1,2})?\s*)?(?:[" + UNITS + r"]|千克|公斤|克|kg|KG|Kg|g|ml|mL|L)(?![A-Za-z])"

# "1." "1、" "1)" "1：" — a sequence number; never the "12.5" of a date or a price
SEQ = re.compile(r"(\d{1,4})\s*(?:[.、)）:：]|\.(?!\d))(?!\d)")
NUMBERED = re.compile(r"^(\d{1,4})\s*(?:[、)）]|[.:：](?!\d))\s*(.*)$")  # "4、5号楼…" is entry 4
LETTERED = re.compile(r"^([A-Za-z])(?:\s*[.、)）:：]\s*|\s+(?=[\u4e00-\u9fff]))(.*)$")  # "A. 肉包", "A 肉包"
# "1号 玉米 15元": a numbered product (a sign-up then says "1号2份"); never "5号楼", "3号到货" has no price
# … or bracketed: "【1】水蜜桃 29.9元" … "张三 【1】2份"
HAO = r"(?:(?<![\d.])(?P<n>\d{1,2})\s*号(?![楼院门线店单栋幢])|[【\[(](?P<b>\d{1,2})[】\])])"
HAO_HEADER = re.compile(r"^" + HAO + r"\s*[.、)）:：]?\s*(?P<rest>\S.*)$")
HAO_CODE = re.compile(HAO)


def _hao(match: re.Match[str]) -> str:
    return f"{int(match.group('n') or match.group('b'))}号"


PRICE = re.compile(
    r"[(（\[【]?\s*"
    r"(?:(?P<label>单价|售价|价格|团购价|团价|特价|秒杀价|到手价?|只要|仅需|每[" + UNITS + r"])\s*[:：]?\s*)?"
    r"(?:(?:[¥￥]|RMB|rmb)\s*(?P<a>\d{1,9}(?:\.\d{1,2})?)(?![\d.])(?:\s*元)?"
    r"|(?<![\d.])(?P<b>\d{1,9}(?:\.\d{1,2})?)\s*(?:元|块钱|块(?![" + UNITS + r"])|[rR](?![A-Za-z]))"
    r"|(?<![\d./:-])(?P<c>\d{1,6}(?:\.\d{1,2})?)(?=\s*/\s*" + PORTION + r")"  # 29.9/个, 19.9/5斤: a price per portion
    r"|(?<![\d./:-])(?P<e>\d{1,6}(?:\.\d{1,2})?)(?=\s*[一每]\s*[" + UNITS + r"](?![\u4e00-\u9fff]))"  # 25一份, 68.8一斤
    r"|(?(label)(?<![\d.])(?P<d>\d{1,6}(?:\.\d{1,2})?)(?![\d.%]|\s*(?:[" + UNITS + r"]|[A-Za-z]))|(?!)))"  # 单价25, 价格：25
    r"(?:\s*(?:/|每|一)\s*" + PORTION + r")?"
    r"\s*[)）\]】]?"
)
PRICE_PREFIX = re.compile(r"(?:单价|售价|价格|团购价|团价|特价|秒杀价|到手价?|只要|仅需|每[" + UNITS + r"])\s*[:：]?\s*$")
PHONE = re.compile(r"(?:电话|手机号?|联系电话|联系方式|tel|Tel|TEL)?\s*[:：]?\s*(?<!\d)(1[3-9]\d(?:[\s-]?\d){8})(?!\d)")
# "138****1234": a phone number shown masked (a copy from 快团团 or a privacy habit) — never a quantity
MASKED_PHONE = re.compile(r"(?<![\d*])1[3-9]\d[*xX×•]{4}\d{4}(?!\d)")
# “3. 王五 同上”: the same as the entry above
SAME_AS_ABOVE = re.compile(r"(?:同上|同楼上|照上|(?:跟|和|与)(?:上面|楼上|上一条)(?:的)?一样)")
# a sign-up withdrawn: “4. 王姐 取消”, “王姐（不要了）”, “退出接龙”
CANCELLED = re.compile(r"(?:已经?|我)?(?:取消|不要了|不要啦|退出|撤销|退单|删掉|删除)")
DATE_TOKEN = re.compile(
    r"^(?:今天|明天|后天|今日|明日|\d{1,2}[.月/-]\d{1,2}[号日]?|\d{1,2}[号日])?"
    r"(?:(?:本|这|下)?周[一二三四五六日天末]|(?:本|这|下)?星期[一二三四五六日天]|礼拜[一二三四五六日天天])?$"
)
# "周六团购 丹东草莓", "今日特价 …", "12.5到货 …": when and how it is sold, not what
OCCASION = re.compile(
    r"^(?:今日|今天|明日|明天|本周|下周|周末|\d{1,2}[.月/-]\d{1,2}[号日]?|\d{1,2}[号日]|(?:周|星期|礼拜)[一二三四五六日天])"
    r"(?:团购|开团|到货|截单|预定|预订|拼团|特价|秒杀|福利|接龙|发货|自提)$"
)
LEADING_TAG = re.compile(r"^\s*(?:【[^】]{0,20}】|\[[^\]]{0,20}\]|#\S+)\s*")
EXAMPLE_PREFIXES = ("例", "格式", "示例", "下单格式", "接龙格式", "参考格式", "报名格式", "模板", "例如")
HEADER_MARK = re.compile(r"^#?\s*接[龙龍]\s*[:：]?\s*")
FILLER_WORDS = {"要", "来", "订", "买", "我要", "要个", "来个", "再来", "加", "的", "预定", "预订", "定", "拿", "共", "一共", "合计"}
TRAILING_FILLER = re.compile(r"\s*(?:我要|再来|预定|预订|要|来|订|买|加|拿)$")
QTY = re.compile(
    r"(?P<times>[x×*Xｘ✖]\s*(?P<tn>\d{1,4}))"
    r"|(?P<plus>\+\s*(?P<pn>\d{1,4}))"
    r"|(?P<unit>(?P<un>\d{1,4})\s*[" + UNITS + r"])"
    r"|(?P<cn>(?P<cnn>十[一二三四五六七八九]?|[一二两俩兩倆三四五六七八九]十?[一二三四五六七八九]?)\s*[" + UNITS + r"])"
    r"|(?P<bare>(?P<bn>\d{1,4}))"
)
CODE = re.compile(r"(?<![A-Za-z])([A-Za-z])(?![A-Za-z])")


@dataclass
class Product:
    """A product from the list's header."""

    label: str
    price_fen: int | None
    code: str | None = None
    aliases: list[str] = field(default_factory=list)
    menu: list[str] = field(default_factory=list)   # dishes listed under the header
    unit: str | None = None   # what one portion is sold as, when the price says (每箱39元, 39元/盒)
    head: str | None = None   # the last character of the name, when no other product's name has it (芒 of 小台芒)
    initial: str | None = None  # the first character, when the last cannot name it and no other name has it (大 of 大果)
    portion: float | None = None  # how much of ``unit`` one portion holds when more than one (59元/2斤, 10斤装)


@dataclass
class Entry:
    """One sign-up line."""

    seq: int
    customer: str
    items: list[tuple[int, int]]  # (product index, quantity)
    note: str | None = None
    phone: str | None = None
    raw: str = ""
    continuation: list[str] = field(default_factory=list)
    cancelled: bool = False   # withdrawn (“王姐 取消”): shown, never ordered

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
    remarks: list[str] = field(default_factory=list)   # header lines that are title or remarks
    cancelled: list[Entry] = field(default_factory=list)  # entries withdrawn (“4. 王姐 取消”): no order

    @property
    def total_qty(self) -> int:
        return sum(q for e in self.entries for _p, q in e.items)

    @property
    def total_fen(self) -> int:
        return sum(q * (self.products[p].price_fen or 0) for e in self.entries for p, q in e.items)

    @property
    def unpriced(self) -> list[Product]:
        """Products the list gives no price for: the user fills them in before importing."""
        return [p for p in self.products if p.price_fen is None]

    def why_unread(self, entry: Entry) -> str:
        """Why a sign-up was not understood, as the preview says it (what to fix in the text)."""
        if not self.products:
            return tr("接龙里没有列出商品，不知道要的是什么；请在接龙开头写上商品和价格")
        body = entry.raw[len(entry.customer):] if entry.raw.startswith(entry.customer) else entry.raw
        if len(self.products) > 1 and re.search(r"\d|[" + CN_NUM + "]", body):
            return tr("只写了数量，没写要哪个商品（这个接龙有 {count} 个商品），请在左边补上商品名",
                      count=len(self.products))
        return tr("没看懂要什么，请在左边改好（如“张三 {product}2”）", product=(_core(self.products[0].label).split() or [""])[0])

    def as_json(self) -> dict[str, Any]:
        return {
            "products": [{"label": p.label, "price_fen": p.price_fen} for p in self.products],
            "entries": [e.as_json() for e in self.entries],
            "total_qty": self.total_qty,
            "total_fen": self.total_fen,
            "unparsed": [e.seq for e in self.unparsed],
        } | ({"cancelled": [e.seq for e in self.cancelled]} if self.cancelled else {})


def _circled(ch: str) -> int:
    code = ord(ch)
    for first, last in ((0x2460, 0x2473), (0x2776, 0x277F), (0x24F5, 0x24FE)):
        if first <= code <= last:
            return code - first + 1
    return 0


# "1 张三 2" / "2 李四 1": numbers followed by a space only, two or more in a row from where they start
SPACED = re.compile(r"^(\d{1,3})\s+(?=[^\d\s.、)）:：])")


def _spaced_numbers(lines: list[str]) -> list[str]:
    """Lines numbered with a space alone, in a run of two or more consecutive numbers (or a lone
    ``1 张三 2`` without a price, below the header), get the usual mark (``1 张三 2`` → ``1. 张三 2``);
    a single other such line (``5 斤装 39元``) is left as it is."""
    out = list(lines)
    k = 0
    while k < len(lines):
        first = SPACED.match(lines[k])
        if first is None:
            k += 1
            continue
        run, expected, j = [k], int(first.group(1)) + 1, k + 1
        while j < len(lines):
            if not lines[j].strip():
                j += 1
                continue
            found = SPACED.match(lines[j])
            if found is None or int(found.group(1)) != expected:
                break
            run.append(j)
            expected += 1
            j += 1
        if len(run) >= 2 or (first.group(1) == "1" and PRICE.search(lines[k]) is None and k > 0):
            for r in run:
                out[r] = SPACED.sub(lambda m: m.group(1) + ". ", lines[r], count=1)
        k = max(j, k + 1)
    return out


KEYCAP = "([0-9#*])\ufe0f?\u20e3\ufe0f?"  # 1️⃣ (also as 1⃣ or 1⃣️)
KEYCAP_DIGIT = "[0-9]\ufe0f?\u20e3\ufe0f?"


def normalise(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width (NFKC); NUL and control characters out."""
    # circled numbers at a line's start (① 张三 2, ❶ 李四 1) are sequence numbers: NFKC would make them bare digits
    text = re.sub("(?m)^([ \t]*)([\u2460-\u2473\u2776-\u277f\u24f5-\u24fe])\\s*",
                  lambda m: m.group(1) + str(_circled(m.group(2))) + ". ", text)
    text = unicodedata.normalize("NFKC", text.replace("\u3000", " "))
    # keycap emoji: "1️⃣ 金阿姨" at a line's start is entry 1, "Lily 3️⃣" wants 3; but where the menu
    # is numbered by them ("1️⃣ 丹东草莓 68元"), "李姐 1️⃣x1 2️⃣两盒" names products 1 and 2
    menu = any(PRICE.search(m.group(1)) for m in re.finditer(f"(?m)^[ \\t]*(?:{KEYCAP_DIGIT})+(.*)$", text))
    text = re.sub(f"(?m)^([ \\t]*)((?:{KEYCAP_DIGIT})+)",
                  lambda m: m.group(1) + re.sub("[^0-9]", "", m.group(2)) + ". ", text)
    text = re.sub(KEYCAP, r"\1号" if menu else r"\1", text)
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" or ch in "\u200d" else " " for ch in text)


# ---------------------------------------------------------------------------------------- lines


def _lines(text: str) -> list[tuple[str, bool]]:
    """(line, indented) pairs; a line holding several sequence numbers is split at each of them."""
    out: list[tuple[str, bool]] = []
    raws = normalise(text).splitlines()[:MAX_LINES]
    stripped = _spaced_numbers([raw.strip() for raw in raws])
    for raw, line in zip(raws, stripped, strict=True):
        indented = raw[:1] in (" ", "\t") and bool(raw.strip())
        line = line[:MAX_LINE * 4]
        for part in _split_at_numbers(line):
            out.append((part, indented))
    return out


def _split_at_numbers(line: str) -> list[str]:
    """``… 1. 陈阿姨 1 2. 小王 2`` → the text before, then one part per number (1, 2, 3 … in order)."""
    marks = [m for m in SEQ.finditer(line) if m.start() == 0 or line[m.start() - 1] == " "]
    if len(marks) < 2 and not (marks and marks[0].start() > 0 and marks[0].group(1) == "1"):
        return [line]
    cuts: list[int] = []
    expected: int | None = None
    for mark in marks:
        number = int(mark.group(1))
        if mark.start() == 0:
            expected = number + 1
            continue
        if (expected is None and number == 1) or number == expected:
            cuts.append(mark.start())
            expected = number + 1
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line)]
    return [p for p in (line[a:b].strip() for a, b in pairwise(bounds)) if p]


# ---------------------------------------------------------------------------------------- header


# “🍊沃柑 5斤 29.9”, “冰糖心苹果 10斤 59”: a header line ending in a bare figure after a size, or in a
# figure with 角/分 after a name — its price (a count is never written like that in a header)
BARE_PRICE = re.compile(r"^(?P<name>.*?[\u4e00-\u9fff].*?(?P<size>\d+(?:\.\d+)?\s*(?:[" + UNITS + r"]|[gGkKmM][gGlL]?|ml|ML))?)"
                        r"\s+(?P<price>\d{1,5}(?:\.\d{1,2})?)\s*$")


NOT_A_PRICE_BEFORE = re.compile(r"截止|截单|截团|到货|发货|送货|配送|结束|开始|开团|时间|几点|今晚|明早|上午|下午|中午|晚上|早上|"
                                r"之前|以前|日期|号码|电话|编号|群")


def _bare_priced(line: str) -> str:
    """The line with its bare price marked as one (``沃柑 5斤 29.9元``), or as it was."""
    found = BARE_PRICE.match(line)
    if found is None or PRICE.search(line) is not None:
        return line
    if "." not in found.group("price") and not found.group("size"):
        return line
    if NOT_A_PRICE_BEFORE.search(found.group("name")):  # “截止 20.30”, “今晚 8.30 到货”: a time
        return line
    return f"{found.group('name')} {found.group('price')}元"


def _header_products(line: str) -> tuple[list[Product], int | None]:
    """The products of one header line, and a shared price the line states for unpriced ones."""
    line = _bare_priced(line)
    code = None
    lettered = LETTERED.match(line)
    if lettered:
        code, line = lettered.group(1).upper(), lettered.group(2)
    else:
        hao = HAO_HEADER.match(line)
        if hao and PRICE.search(hao.group("rest")):
            code, line = _hao(hao), hao.group("rest")
    products: list[Product] = []
    shared: int | None = None
    start = 0
    for price in PRICE.finditer(line):
        label = _clean_label(line[start:price.start()])
        value = _yuan(price.group("a") or price.group("b") or price.group("c") or price.group("d") or price.group("e"))
        start = price.end()
        if not label:
            if products or code:
                continue  # a second price for the same product (原价…), or the code's own price below
            shared = value
            continue
        sub = LETTERED.match(label)
        sub_code = code
        if sub:
            sub_code, label = sub.group(1).upper(), _clean_label(sub.group(2))
        sold_by = PRICE_UNIT.search(price.group(0))
        unit, portion = (sold_by.group(2), float(sold_by.group(1) or 1)) if sold_by else (None, 1.0)
        sizes = {(float(n), u) for n, u in PORTION_SIZE.findall(label) if u not in COUNT_UNITS}
        per = SOLD_AS.search(label)
        if sold_by is None and per is not None:  # “3斤一盒 68元”: sold by the 盒
            unit = per.group(1)
        elif sold_by is None and len(sizes) == 1:  # “赣南脐橙 10斤装 ￥45”: one portion is 10斤
            portion, unit = next(iter(sizes))
        products.append(Product(label, value, sub_code, unit=unit, portion=portion if portion > 0 and portion != 1 else None))
        code = None
    if lettered and not products:
        label = _clean_label(line)
        if label:
            products.append(Product(label, shared, code))
            shared = None
    return products, shared


def _symbol(ch: str) -> bool:
    """An emoji or other pictograph (🍊, ❤️, its variation selector, the joiner between emoji)."""
    return unicodedata.category(ch) in ("So", "Sk", "Mn", "Cf") or ch in "\u200d\ufe0f"


LABEL_PREFIX = re.compile(r"^[^\s:：]{1,6}[:：]\s*(?=\S)")  # "今日特价：鲜牛奶" "商品：…" — a caption, not the name
# "还有红提 25元/斤", "另外加一款：…": how a second product is announced, not part of its name
LABEL_LEAD = re.compile(r"^(?:还有|另有|另外(?:还有|加一款|再加)?|以及|再加|加一款|再来一款|新增|再上)\s*[:：,，]?\s*(?=\S{2})")


def _clean_label(text: str) -> str:
    text = text.strip(" ,，:：/|;；、-—~·")
    text = PRICE_PREFIX.sub("", text).strip(" ,，:：/|;；、-—~·(（")
    while True:
        tag = LEADING_TAG.match(text)
        if not tag or tag.end() >= len(text):
            break
        text = text[tag.end():]
    text = LABEL_LEAD.sub("", LABEL_PREFIX.sub("", text))
    start, end = 0, len(text)
    while start < end and (_symbol(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (_symbol(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    words = text[start:end].split()
    while len(words) > 1 and (DATE_TOKEN.match(words[0]) or OCCASION.match(words[0])):
        words.pop(0)
    text = " ".join(words).strip(" ,，:：/|;；、-—~·(（")
    return text[:MAX_LABEL]


def _yuan(value: str | None) -> int | None:
    if not value:
        return None
    try:
        fen = parse_yuan(value)
    except ValueError:
        return None
    return fen if fen is not None and 0 < fen <= MAX_FEN else None


def _is_example(line: str) -> bool:
    return line.startswith(EXAMPLE_PREFIXES)


# ---------------------------------------------------------------------------------------- parse


def parse_jielong(text: str) -> JielongList:
    """Parse a pasted 接龙 text (it may hold several reposts of the same list)."""
    products: list[Product] = []
    block: list[Product] = []
    remarks: list[str] = []
    latest: dict[int, Entry] = {}
    state = "header"           # header → entries
    after_header = False       # the previous line was a priced header line or one of its dishes
    blank_seen = False
    last: Entry | None = None
    named: str | None = None   # the header line just before, when it was a name with no price (its price may follow)
    for line, indented in _lines(text):
        if not line:
            after_header, named = False, None
            if block:
                blank_seen = True
            if state == "entries" and last is not None:
                last = None  # a line below a blank one is the list's footer (截止时间…), not this entry's
            continue
        if HEADER_MARK.match(line):
            # a (re)post starts: its header repeats the products, the latest header wins
            state, block, after_header, blank_seen, last = "header", [], False, False, None
            line = HEADER_MARK.sub("", line, count=1).strip()
            if not line:
                continue
        numbered = NUMBERED.match(line)
        if state == "header":
            if _is_example(line):
                state, after_header = "entries", False
                remarks.append(line)
                continue
            if numbered and PRICE.search(numbered.group(2)) is None:
                body = numbered.group(2).strip()
                if after_header and block and not blank_seen and (indented or not _reads_as_signup(body)):
                    block[-1].menu.append(body[:MAX_LABEL])
                    continue
                state = "entries"
            elif numbered is None or PRICE.search(line):
                found, shared = _header_products(numbered.group(2) if numbered else line)
                if numbered and found:
                    for p in found:
                        p.code = p.code or numbered.group(1)
                if not found and shared is not None and named is not None and remarks and remarks[-1] == named \
                        and all(p.price_fen is not None for p in block):
                    # “商品：麒麟西瓜” / “价格：29.9元/个”: the name on one line, its price on the next
                    found, _shared = _header_products(f"{named} {line}")
                    if found:
                        remarks.pop()
                        shared = None
                named = None
                if shared is not None:  # “每份20元” under a menu without prices: the price of each
                    for p in block:
                        if p.price_fen is None:
                            p.price_fen = shared
                if found:
                    block.extend(found)
                    _keep(products, block)
                    after_header = any(p.price_fen is not None for p in found)
                else:
                    if shared is None:
                        remarks.append(line[:MAX_LINE])
                        named = remarks[-1] if numbered is None else None
                    after_header = False
                continue
        # entries
        if numbered:
            seq, body = int(numbered.group(1)), numbered.group(2).strip()
            last = Entry(seq, "", [], raw=body[:MAX_LINE * 4])
            latest[seq] = last
        elif last is not None:
            last.continuation.append(line[:MAX_LINE])
        else:
            remarks.append(line[:MAX_LINE])
    _aliases(products)
    entries: list[Entry] = []
    unparsed: list[Entry] = []
    cancelled: list[Entry] = []
    above: Entry | None = None  # the entry just above, read or not (同上 of an unread one stays unread)
    for seq in sorted(latest):
        entry = _entry(latest[seq], products)
        same = SAME_AS_ABOVE.search(entry.raw) if not entry.items and above is not None and above.items else None
        if same is not None and above is not None:  # “3. 王五 同上”: what the entry just above asked for
            entry.customer = entry.raw[:same.start()].strip(" ,，")[:MAX_LABEL] or entry.customer
            entry.items = list(above.items)
            entry.note = "；".join(x for x in (entry.raw[same.end():].strip(" ,，。") or None,
                                               tr("同上（第 {seq} 条）", seq=above.seq)) if x)
        if not entry.items and _withdrawn(entry.raw):
            entry.customer = CANCELLED.split(entry.raw, 1)[0].strip(" ,，(（[【~") or entry.customer
            entry.cancelled = True
            cancelled.append(entry)  # “4. 王姐 取消”: she withdrew (in a repost: her earlier line is void)
        else:
            (entries if entry.items else unparsed).append(entry)
        above = entry
    return JielongList(products, entries, unparsed, remarks, cancelled)


def _withdrawn(raw: str) -> bool:
    """“王姐 取消”, “王姐（已取消）”, “Amy Lin 不要了”: a name and the word alone — never “苹果两个 取消一个”."""
    found = CANCELLED.search(raw)
    if found is None:
        return False
    before = raw[:found.start()].strip(" ,，(（[【~")
    after = raw[found.end():].strip(" ,，.。!！~)）]】")
    asked = re.search(r"\d|[" + CN_NUM + r"]\s*[" + UNITS + r"]", before)
    return asked is None and len(before.split()) <= 3 and after in ("", "了", "啦", "哈", "报名", "接龙", "这单", "订单")


def _keep(products: list[Product], block: list[Product]) -> None:
    for i, product in enumerate(block):
        if i < len(products):
            products[i] = product
        else:
            products.append(product)


def _reads_as_signup(body: str) -> bool:
    """A numbered line of two words or more, or a single word ending in a count, reads as a sign-up
    (``1. 秀英 粉条2``, ``1. 李四 帮我留点``, ``1.张姐1``); a dish is a name alone (``1.番茄牛腩``)."""
    words = body.split(None, 1)
    if len(words) < 2:  # "张姐1", "Tom+2": a name with its count glued on
        return bool(re.search(r"[^\d\s.+]\+?\d{1,3}$", body))
    # "李四 帮我留点": a name and what she says (a dish is one name: 番茄牛腩, not two words)
    return True


# ---------------------------------------------------------------------------------------- aliases


def _core(label: str) -> str:
    """A label without its sizes, numbers and portion words (一盒, /袋): the part a buyer names the product by."""
    label = SOLD_AS.sub(" ", label)
    return re.sub(r"\d+(?:\.\d+)?\s*(?:[a-zA-Z]+|[" + UNITS + r"枚装克g]+)?", " ", label)


def _any_short_name(products: list[Product]) -> bool:
    return any(p.head or p.initial for p in products)


def _units_name_products(products: list[Product]) -> dict[str, int]:
    """“3斤一盒 68元 / 5斤一箱 108元”: when every product is sold by a unit of its own, the unit
    names the product (“1盒”, “一箱”, “盒2”): unit → product index."""
    units = [p.unit for p in products]
    if any(alias != p.label for p in products for alias in p.aliases) or _any_short_name(products):
        return {}  # the names tell the products apart: a unit is only a unit
    if len(products) < 2 or None in units or len(set(units)) < len(units) or COUNT_UNITS & set(units):
        return {}
    return {unit: i for i, unit in enumerate(units) if unit}


def _aliases(products: list[Product]) -> None:
    """Words of 2+ characters of a label that no other product's label holds (longest first)."""
    cores = [_core(p.label)[:MAX_LABEL] for p in products]
    for i, p in enumerate(products):
        names: set[str] = {p.label}
        for word in re.findall(r"[\u4e00-\u9fffA-Za-z]{2,}", cores[i]):
            for a in range(len(word) - 1):
                for b in range(a + 2, min(len(word), a + 12) + 1):
                    names.add(word[a:b])
        others = [c for j, c in enumerate(cores) if j != i]
        own = [n for n in names if not any(n in other for other in others)]
        p.aliases = sorted(own, key=len, reverse=True)
        name = re.match(r"[^\u4e00-\u9fff]*([\u4e00-\u9fff]+)", cores[i])  # 哈密瓜 of “新疆哈密瓜 1个 约4斤”
        head = name.group(1)[-1] if name else None
        p.head = head if head and head not in NOT_A_HEAD and not any(head in other for other in others) else None
        first = name.group(1)[0] if name and p.head is None else None
        p.initial = first if first and first not in NOT_A_HEAD and first not in CN_NUM \
            and not any(first in other for other in others) else None


# ---------------------------------------------------------------------------------------- entries


@dataclass
class _Token:
    start: int
    end: int
    kind: str          # "product" or "qty"
    value: int
    after_style: bool = True   # a quantity that may follow a product (2, x2, 2份); "+1" reads before
    unit: str | None = None    # the unit written with a quantity (箱 of 一箱)


GLUED_COUNT = re.compile(r"(\S*[\u4e00-\u9fffA-Za-z](?<![栋楼号室幢座层区]))([1-9])")  # 张姐1; never 3栋5, nor 小王88
# "各一" "各2份" "每样一份" "都要" "全要": one (or n) of every product
EACH = re.compile(r"(?:各|每样|每種|每种)\s*(\d{1,3}|[" + CN_NUM + r"])\s*[" + UNITS + r"]?|(?:全要|都要|全都要)")


def _each(body: str, products: list[Product]) -> tuple[str, list[tuple[int, int]]] | None:
    """An entry asking for every product: (customer, items), or None."""
    match = EACH.search(body)
    if match is None or not products:  # under one product, “各一” is one of it
        return None
    number = match.group(1)
    qty = (int(number) if number.isdigit() else small_cn_number(number)) if number else 1
    if not qty or qty > MAX_QTY:
        return None
    customer = TRAILING_FILLER.sub("", body[:match.start()].strip()).strip()
    return customer, [(i, qty) for i in range(len(products))]


def _entry(entry: Entry, products: list[Product]) -> Entry:
    done = _entry_line(entry, products)
    if done.items or not done.continuation:
        return done
    # "1. 张三" with what she wants on the next line ("草莓2 蓝莓1"): read the lines as one
    joined = Entry(entry.seq, "", [], raw=" ".join([entry.raw, *entry.continuation])[:MAX_LINE * 4])
    again = _entry_line(joined, products)
    return again if again.items else done


def _entry_line(entry: Entry, products: list[Product]) -> Entry:
    body = re.sub(r"\s+", " ", without_stickers(entry.raw[:MAX_LINE])).strip()
    entry.continuation = [c for c in (without_stickers(extra).strip() for extra in entry.continuation) if c]
    body, entry.phone = _take_phone(body, entry.phone)
    notes = MASKED_PHONE.findall(body)
    body = re.sub(r"\s+", " ", MASKED_PHONE.sub(" ", body)).strip()
    for extra in entry.continuation:
        extra, entry.phone = _take_phone(extra, entry.phone)
        if extra.strip():
            notes.append(extra.strip())
    if not products:
        entry.customer = body.split(None, 1)[0] if body.split() else ""
        return entry  # nothing in the header to order: unparsed
    body = re.sub(r"(?:数量|份数|个数|件数)\s*[:：=]\s*(?=\d|[" + CN_NUM + "])", " ", body)  # “数量：2”
    tokens = _tokens(body, products)
    lead = re.match(r"\d+", body)
    if len(tokens) > 1 and tokens[0].start == 0 and tokens[0].kind == "qty" and lead is not None \
            and (len(lead.group(0)) >= 3 or (lead.end() == tokens[0].end and body[tokens[0].end:tokens[1].start].strip())):
        tokens = tokens[1:]  # “1203 小陈 汤圆3”, “601 张 …”: a room number before the name, not a quantity
    every = _each(body, products) if not any(t.kind == "product" for t in tokens) else None
    if every is not None and every[0]:
        entry.customer, entry.items = every[0][:MAX_LABEL], every[1]
        entry.note = " ".join(notes) or None
        return entry
    glued = GLUED_COUNT.fullmatch(body) if not tokens and len(products) == 1 else None
    if glued is not None:  # "张姐1" under a one-product list: the name and its count, written together
        entry.customer, entry.items = glued.group(1)[:MAX_LABEL], [(0, int(glued.group(2)))]
        entry.note = " ".join(notes) or None
        return entry
    first = tokens[0].start if tokens else len(body)
    customer = body[:first].strip()
    if not customer:  # the name itself holds a product word (脐橙妈 脐橙2): the first word is the name
        words = body.split(None, 1)
        if len(words) < 2:
            entry.customer = body
            return entry
        customer, body = words
        tokens, first = _tokens(body, products), 0
    customer = TRAILING_FILLER.sub("", customer).strip() or customer
    customer = customer.lstrip("@＠ ") or customer  # "@小美": the group mention, not the name
    aside = re.fullmatch(r"(.+?)\s*[(（]([^()（）]{1,20})[)）]", customer)
    said = ""
    if aside:  # "小美的外婆 (帮下单)": the name, and what is said of it first in the note
        customer, said = aside.group(1), aside.group(2).strip()
    entry.customer = customer[:MAX_LABEL]
    halves = []
    for token in tokens:  # “两斤半”: a count cannot hold the half; counted whole, and said
        after = body[token.end:token.end + 2]
        if token.kind == "qty" and after[:1] == "半" and not "\u4e00" <= after[1:2] <= "\u9fff":
            halves.append(tr("写的是“{written}”，按 {qty} 记，请核对", written=body[token.start:token.end + 1].strip(),
                             qty=token.value))
            body = body[:token.end] + " " + body[token.end + 1:]
    portions = _in_portions(tokens, body, products)
    entry.items, leftover = _pair(tokens, body, first, len(products))
    each = EACH.search(body, max((t.end for t in tokens if t.kind == "product"), default=len(body)))
    if each is not None and each.group(1) and all(t.kind == "product" or each.start() <= t.start < each.end()
                                                  for t in tokens):
        qty = int(each.group(1)) if each.group(1).isdigit() else small_cn_number(each.group(1))  # 沃柑芒果各2
        if qty and qty <= MAX_QTY:
            entry.items = [(index, qty) for index, _q in entry.items]
            leftover = (leftover.replace(each.group(0), " ", 1)).strip()
    unsure = halves + portions + _unsure_quantities(tokens, body, products)
    note = " ".join(x for x in (said, leftover, *notes) if x)
    if unsure:
        note = "；".join(x for x in (note.strip(" ,，.。;；+、-"), *unsure) if x)
    note = re.sub(r"\s+", " ", note).strip(" ,，.。;；+、-")
    note = re.sub(r"^(?:备注|留言|要求)\s*[:：]\s*", "", note)  # "备注：不要太熟的" says 不要太熟的
    if (whole := re.fullmatch(r"[(（\[【]([^()（）\[\]【】]+)[)）\]】]", note)) is not None:
        note = whole.group(1).strip()  # “2袋（周六拿）”: the note is 周六拿
    entry.note = None if not note or note in FILLER_WORDS else note
    return entry


COUNT_UNITS = set("份个件单组套個組")
NOT_A_HEAD = set(UNITS) | set("装枚克果味款号")  # 5斤装, 水果 …: never what names one product
PRICE_UNIT = re.compile(r"(?:/|每|一)\s*(?:(\d{1,4}(?:\.\d{1,2})?)\s*)?([" + UNITS + r"])")
SOLD_AS = re.compile(r"(?<![\d.])(?:一|每|/)\s*([" + UNITS + r"])(?:装)?(?![\u4e00-\u9fff])")  # 一盒, 每袋, /箱 in a label
PORTION_SIZE = re.compile(r"(?<![\d.])(\d{1,4}(?:\.\d{1,2})?)\s*([" + UNITS + r"])")


def _near_product(tokens: list[_Token], k: int, products: list[Product]) -> Product | None:
    """The product a quantity token is written with: the one it touches, else a list's only one."""
    near = [t for t in tokens[max(0, k - 1):k + 2] if t.kind == "product"]
    if near:
        return products[near[0].value]
    return products[0] if len(products) == 1 and not any(t.kind == "product" for t in tokens) else None


def _in_portions(tokens: list[_Token], body: str, products: list[Product]) -> list[str]:
    """“4斤” of a product sold by 2斤 (59元/2斤, 10斤装) is 2 portions: a quantity that is whole
    portions becomes that many, and the words as written go to the note."""
    out = []
    for k, token in enumerate(tokens):
        if token.kind != "qty" or token.unit is None or token.unit in COUNT_UNITS:
            continue
        product = _near_product(tokens, k, products)
        if product is None or product.portion is None or token.unit != product.unit:
            continue
        portions = round(token.value / product.portion)
        if portions < 1 or abs(portions * product.portion - token.value) > 1e-6:
            continue  # 2斤 of a 5斤 portion: not whole portions, counted as written and said (below)
        out.append(tr("写的是“{written}”，按 {qty} 份记", written=body[token.start:token.end].strip(), qty=portions))
        token.value, token.unit = portions, None
    return out


def _unsure_quantities(tokens: list[_Token], body: str, products: list[Product]) -> list[str]:
    """Quantities written in a unit the product is not sold by (一箱 of a 5斤 portion, 2斤 of it)
    are counted as that many portions, and the words as written are kept in the note, so the
    reseller sees what was asked for."""
    out = []
    for k, token in enumerate(tokens):
        if token.kind != "qty" or token.unit is None or token.unit in COUNT_UNITS:
            continue
        product = _near_product(tokens, k, products)
        if product is None:
            continue
        label = product.label
        if token.unit == product.unit and product.portion is None:
            continue  # priced per 箱 and asked for in 箱: that many portions
        if re.search(r"(?:^|[^\d.])(?:1|一)\s*" + re.escape(token.unit) + r"|[/每]\s*" + re.escape(token.unit), label) \
                or (token.unit in label and not re.search(r"\d\s*" + re.escape(token.unit), label)):
            continue  # sold by that unit: 2箱 of “整箱装 1箱” is two portions, nothing to say
        out.append(tr("写的是“{written}”，按 {qty} 份记", written=body[token.start:token.end].strip(), qty=token.value))
    return out


def _take_phone(text: str, phone: str | None) -> tuple[str, str | None]:
    """The first phone number goes to ``phone``; any further one stays in the text, masked."""
    out, start = [], 0
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        out.append(text[start:match.start()])
        if phone is None or phone == digits:
            phone = digits
            out.append(" ")
        else:
            out.append(text[match.start():match.start(1)] + mask_phone(digits))
        start = match.end()
    out.append(text[start:])
    left = re.sub(r"[(（\[【]\s*[)）\]】]", " ", "".join(out))  # "陈先生（138…）": no "( )" left behind
    return re.sub(r"\s+", " ", left).strip(), phone


def _tokens(body: str, products: list[Product]) -> list[_Token]:
    """Product references and quantities in the order they are written."""
    taken = [False] * len(body)
    tokens: list[_Token] = []
    codes = {p.code: i for i, p in enumerate(products) if p.code and p.code.isalpha()}
    # “1号2串”: the product numbered 1 — by “1号 玉米 15元” or by a numbered menu (“1. 阳光玫瑰 ¥39/串”)
    numbered = {(p.code if p.code.endswith("号") else p.code + "号"): i for i, p in enumerate(products)
                if p.code and (p.code.endswith("号") or p.code.isdigit())}
    for match in HAO_CODE.finditer(body) if numbered else ():
        code_index = numbered.get(_hao(match))
        if code_index is not None:
            tokens.append(_Token(match.start(), match.end(), "product", code_index))
            for k in range(match.start(), match.end()):
                taken[k] = True
    named = [False] * len(body)  # every character some product's name or last character could claim
    for product in products:
        for word in (*product.aliases, *((product.head,) if product.head else ())):
            start = body.find(word)
            while start >= 0:
                named[start:start + len(word)] = [True] * len(word)
                start = body.find(word, start + 1)

    def word_end(end: int) -> int:
        """Where the written word goes on past the name (芒果 of 芒, 肉粽子 of 肉粽): up to a number,
        a unit, another product's name or a non-Chinese character."""
        while end < len(body) and not taken[end] and not named[end] and "\u4e00" <= body[end] <= "\u9fff" \
                and body[end] not in CN_NUM and body[end] not in UNITS and body[end] not in "各每共要和跟与":
            end += 1
        return end

    for index, product in enumerate(products):
        for alias in product.aliases:
            start = body.find(alias)
            while start >= 0:
                end = start + len(alias)
                if not any(taken[start:end]):
                    end = word_end(end)
                    tokens.append(_Token(start, end, "product", index))
                    for k in range(start, end):
                        taken[k] = True
                start = body.find(alias, end)
    if codes:
        for match in CODE.finditer(body):
            code_index = codes.get(match.group(1).upper())
            if code_index is not None and not taken[match.start()]:
                tokens.append(_Token(match.start(), match.end(), "product", code_index))
                taken[match.start()] = True
    for index, product in enumerate(products):
        start = body.find(product.head) if product.head else -1
        while product.head and start >= 0:
            if not taken[start]:  # 芒果2 of 小台芒: the word around the name's last character
                begin, end = start, word_end(start + 1)
                while begin > 0 and not taken[begin - 1] and body[begin - 1] in product.label:
                    begin -= 1
                tokens.append(_Token(begin, end, "product", index))
                for k in range(begin, end):
                    taken[k] = True
            start = body.find(product.head, start + 1)
    for index, product in enumerate(products):
        # “大1中1” of 大果/中果: the first character alone, only right before its count
        start = body.find(product.initial) if product.initial else -1
        while product.initial and start >= 0:
            alone = start == 0 or taken[start - 1] or not "\u4e00" <= body[start - 1] <= "\u9fff"
            if not taken[start] and alone and re.match(r"\s*[x×*]?\s*\d", body[start + 1:]):
                tokens.append(_Token(start, start + 1, "product", index))
                taken[start] = True
            start = body.find(product.initial, start + 1)
    by_unit = _units_name_products(products)
    for k, ch in enumerate(body):
        if ch in by_unit and not taken[k]:  # “两盒一箱” of 3斤一盒 / 5斤一箱
            tokens.append(_Token(k, k + 1, "product", by_unit[ch]))
            taken[k] = True
    for match in QTY.finditer(body):
        if any(taken[match.start():match.end()]):
            if match.group("cnn") is not None and not any(taken[match.start("cnn"):match.end("cnn")]):
                value = small_cn_number(match.group("cnn"))  # “两盒”: 两, of the product the unit names
                if value:
                    tokens.append(_Token(match.start("cnn"), match.end("cnn"), "qty", value))
                    taken[match.start("cnn"):match.end("cnn")] = [True] * len(match.group("cnn"))
                continue
            if match.group("un") is None:
                continue
            # "1 提拉米苏": the unit the number seemed to have is the start of a product name
            match = QTY.fullmatch(body, match.start(), match.start() + len(match.group("un")))  # type: ignore[assignment]
            if match is None or any(taken[match.start():match.end()]):
                continue
        if match.group("bare") is not None and not _bare_ok(body, match, taken):
            continue
        value = _qty_value(match)
        if value is None:
            continue
        unit = match.group(0).strip()[-1] if match.group("unit") or match.group("cn") else None
        tokens.append(_Token(match.start(), match.end(), "qty", value, after_style=match.group("plus") is None,
                             unit=unit))
        for k in range(match.start(), match.end()):
            taken[k] = True
    tokens.sort(key=lambda t: t.start)
    for k, token in enumerate(tokens):
        if token.after_style:
            continue
        # "+2": with the product it touches, the one before first (草莓+2, +2草莓, 草莓+2蓝莓); with
        # spaces around, the product before it (蓝莓 +1); at the start, the product after it (+1 草莓)
        prev = tokens[k - 1] if k > 0 and tokens[k - 1].kind == "product" else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].kind == "product" else None
        if prev is not None and prev.end == token.start:
            token.after_style = True
        elif nxt is not None and nxt.start == token.end:
            continue
        elif prev is not None and not body[prev.end:token.start].strip():
            token.after_style = True
    return tokens


def _bare_ok(body: str, match: re.Match[str], taken: list[bool] | None = None) -> bool:
    """A bare number is a quantity when it stands alone or touches a product name."""
    before = body[match.start() - 1] if match.start() > 0 else " "
    after = body[match.end()] if match.end() < len(body) else " "
    if before in ".:/-" or after in ".:/-%":
        return False
    if after in "(（[【" and match.end() + 1 < len(body):  # “丽丽 1（不要太熟的）”: a count, then an aside
        after = " "
    touches_before = taken is not None and match.start() > 0 and taken[match.start() - 1]
    if not (before.isspace() or before in "+,，、" or touches_before):
        return False
    return after.isspace() or after in ",，、+;；" or (taken is not None and match.end() < len(body) and taken[match.end()])


def _qty_value(match: re.Match[str]) -> int | None:
    for group in ("tn", "pn", "un", "bn"):
        if match.group(group) is not None:
            value = int(match.group(group))
            return value if 0 < value <= MAX_QTY else None
    return small_cn_number(match.group("cnn"))




def _pair(tokens: list[_Token], body: str, first: int, n_products: int) -> tuple[list[tuple[int, int]], str]:
    """Products with the quantity written just before or after them; a lone quantity for a lone product."""
    items: list[tuple[int, int]] = []
    used: set[int] = set()     # quantity tokens taken
    counted: set[int] = set()  # product tokens that took one
    spans: list[tuple[int, int]] = []

    def gap(a: int, b: int) -> bool:
        return not body[a:b].strip(" x×*")

    for k, token in enumerate(tokens):
        if token.kind != "product":
            continue
        qty = None
        prev = tokens[k - 1] if k > 0 else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if prev is not None and prev.kind == "qty" and (k - 1) not in used and gap(prev.end, token.start) \
                and not (prev.after_style and k >= 2 and tokens[k - 2].kind == "product" and (k - 2) not in counted):
            qty = prev.value
            used.add(k - 1)
            spans.append((prev.start, prev.end))
        elif nxt is not None and nxt.kind == "qty" and gap(token.end, nxt.start) and nxt.after_style:
            qty = nxt.value
            used.add(k + 1)
            spans.append((nxt.start, nxt.end))
        if qty is not None:
            counted.add(k)
        items.append((token.value, qty or 1))
        spans.append((token.start, token.end))
    lone = [k for k, t in enumerate(tokens) if t.kind == "qty" and k not in used]
    if not items and n_products == 1 and lone:
        k = lone[0]
        qty = tokens[k].value
        spans.append((tokens[k].start, tokens[k].end))
        for j in lone[1:]:  # “1份+1份（给奶奶）”, “1箱+1箱给我妈”: added up
            if j != k + 1 or body[tokens[k].end:tokens[j].start].strip() or not body[tokens[j].start:].lstrip().startswith("+"):
                break
            qty, k = qty + tokens[j].value, j
            after = body[tokens[j].end:tokens[j].end + 1]
            end = tokens[j].end + (bool(after) and after in UNITS)  # the 份 of “+1份”
            spans.append((tokens[j].start, end))
        items.append((0, min(MAX_QTY, qty)))
    elif items and lone:
        pass  # numbers that belong to no product stay in the note
    merged: dict[int, int] = {}
    for index, qty in items:
        merged[index] = min(MAX_QTY, merged.get(index, 0) + qty)
    leftover = list(body[first:])
    for a, b in spans:
        for k in range(max(a, first), b):
            leftover[k - first] = " "
    return list(merged.items()), "".join(leftover)
