"""Where in a housing estate a delivery goes: 小区 → 楼号 → 单元 → 房号, read from an address.

A 团长 hands goods out building by building, so the 派送单 sorts households in natural order
(2栋 before 10栋, 302 before 1201). Addresses are written every way people write them:
``阳光花园3栋2单元502``, ``幸福里10号楼1201``, ``翠苑一区 7幢 3单元 401室``, ``绿城5-2-301``,
``华星广场A座1203``. Pure functions: no storage, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_number(text: str) -> str:
    """``十二`` → ``12``, ``三`` → ``3``; other text unchanged."""
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return text
    if "十" not in text:
        return "".join(str(_CN_DIGITS[ch]) for ch in text)
    tens, _, ones = text.partition("十")
    return str((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0))


_NUM = r"[0-9]+|[一二三四五六七八九十两]{1,3}"
_BUILDING = re.compile(rf"(?P<b>{_NUM}|[A-Za-z][0-9]*)\s*(?:号楼|栋|幢|座|号?楼(?![层下上道梯]))")
_UNIT = re.compile(rf"(?P<u>{_NUM})\s*单元")
_ROOM = re.compile(r"(?P<r>[0-9]{2,5}|[A-Za-z]?[0-9]{2,5})\s*(?:室|房|号房|号)?")
_LANE = re.compile(r"(?P<lane>[0-9]+\s*弄)\s*(?P<b>[0-9]+)\s*号(?![楼院])")  # 上海: 1280弄3号501
_DASHED = re.compile(r"(?<![0-9])(?P<b>[0-9]{1,3})\s*[-－—_]\s*(?:(?P<u>[0-9]{1,2})\s*[-－—_]\s*)?(?P<r>[0-9]{3,5})(?![0-9])")
_ADMIN = (
    re.compile(r"^.{2,8}?(?:省|自治区|特别行政区)"),
    re.compile(r"^.{2,8}?(?:市|自治州|地区|盟)"),
    re.compile(r"^.{1,8}?(?:区|县|旗)(?!\d)"),
    re.compile(r"^.{1,10}?(?:街道|镇|乡)"),
    re.compile(r"^.{1,12}?(?:路|街|大道|巷|弄)\s*[0-9]+\s*号(?![楼院])"),
)


@dataclass(frozen=True)
class Location:
    """An address split for sorting; every part may be empty."""

    community: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""

    @property
    def label(self) -> str:
        """``3栋2单元502`` (parts that are known), for the slip."""
        parts = []
        if self.building:
            parts.append(f"{self.building}座" if self.building[0].isascii() and self.building[0].isalpha()
                         else f"{self.building}栋")
        if self.unit:
            parts.append(f"{self.unit}单元")
        if self.room:
            parts.append(self.room)
        return "".join(parts)


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()


def _community(prefix: str) -> str:
    """The estate's name: what stands before the building, without province/city/district/road."""
    text = prefix.strip(" ,，、-")
    for pattern in _ADMIN:
        rest = pattern.sub("", text, count=1).strip(" ,，、")
        if rest and len(rest) >= 2:
            text = rest
    return text.strip(" ,，、-")


def number_text(value: str | None) -> str:
    """A 楼号/房号 cell as its bare number: ``10号楼`` ``10栋`` ``十`` → ``10``; ``A座`` → ``A``."""
    text = _clean(value)
    if not text:
        return ""
    text = re.sub(r"(号楼|栋|幢|座|号|楼|单元|室|房)$", "", text).strip()
    return _cn_number(text)


def parse_location(address: str | None) -> Location:
    """Split a free-text address into estate, building, unit and room (best effort, never raises)."""
    text = _clean(address)[:300]
    if not text:
        return Location()
    found = _BUILDING.search(text) or _LANE.search(text)
    if found:
        building = _cn_number(found.group("b"))
        prefix = text[:found.end("lane")] if "lane" in found.re.groupindex else text[:found.start()]
        rest = text[found.end():]
        unit = ""
        unit_match = _UNIT.match(rest.lstrip(" -,，"))
        if unit_match:
            unit = _cn_number(unit_match.group("u"))
            rest = rest.lstrip(" -,，")[unit_match.end():]
        room_match = _ROOM.match(rest.lstrip(" -,，"))
        room = room_match.group("r") if room_match else ""
        return Location(_community(prefix), building, unit, room)
    groups = list(_DASHED.finditer(text))
    dashed = groups[-1] if groups else None  # the last dashed group is the flat (a road number may come first)
    if dashed:
        return Location(_community(text[:dashed.start()]), dashed.group("b"), dashed.group("u") or "", dashed.group("r"))
    return Location(_community(text))


_NATURAL = re.compile(r"([0-9]+)")


def natural_key(text: str | None) -> tuple[tuple[int, object], ...]:
    """Sort key in natural order: ``2栋`` < ``10栋``, ``302`` < ``1201``; blanks sort last."""
    value = _clean(text)
    if not value:
        return ((2, ""),)
    out: list[tuple[int, object]] = []
    for part in _NATURAL.split(value):
        if not part:
            continue
        out.append((0, int(part)) if part.isdigit() else (1, part))
    return tuple(out)
