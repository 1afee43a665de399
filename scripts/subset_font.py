"""Make the bundled CJK font: Noto Sans CJK SC (SIL OFL 1.1), subset for size.

Developer tool, not needed at run time. Input: the Noto Sans CJK collection (.ttc, e.g. from
Debian's fonts-noto-cjk). Output: resources/fonts/NotoSansSC-{Regular,Bold}.otf holding ASCII,
Latin-1, Greek, Cyrillic, kana, bopomofo, symbols and punctuation (everything GB2312 has, so
fontconfig and Qt list the font as covering zh-cn) and every CJK Unified Ideograph of the basic
block (U+4E00–U+9FFF), so any name or product title a user types renders.

    python scripts/subset_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc Regular
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

RANGES = [
    (0x20, 0x7E), (0xA0, 0xFF), (0x2B0, 0x2FF), (0x370, 0x3FF), (0x400, 0x4FF),
    (0x2000, 0x206F), (0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF), (0x2460, 0x24FF),
    (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0x3040, 0x30FF),
    (0x3100, 0x312F), (0x3200, 0x32FF), (0x3300, 0x33FF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]
SC_INDEX = 2  # 0 JP, 1 KR, 2 SC, 3 TC, 4 HK in the Noto Sans CJK collections


def main(source: str, weight: str) -> None:
    font = TTCollection(source).fonts[SC_INDEX]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    # Keep the OS/2 Unicode and code-page bits: Qt reads them to know the font covers Chinese.
    options.prune_unicode_ranges = False
    options.prune_codepage_ranges = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[cp for lo, hi in RANGES for cp in range(lo, hi + 1)])
    subsetter.subset(font)
    out = Path(__file__).resolve().parent.parent / "resources" / "fonts" / f"NotoSansSC-{weight}.otf"
    font.save(str(out))
    print(out, out.stat().st_size)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
