"""How people count what they buy in writing: the unit words after a number (2份, 一箱, 3斤) and the
Chinese numerals for small counts (两份, 俩). One list, read by the 接龙 reader and the order book."""

from __future__ import annotations

# the words a count is written with (份, 箱, 斤 …), each one character; also as Hong Kong and Taiwan
# write them (個 隻 條 …), since a group's list is pasted as its members type it
UNITS = "份个只箱盒袋斤件瓶包组套提罐桶杯碗串块张条根颗把支扎听板对双盆棵捆卷" "個隻條顆張雙組對塊捲紮聽"
CN_NUM = "一二两俩三四五六七八九十兩倆"
CN_DIGITS = {"一": 1, "二": 2, "两": 2, "俩": 2, "兩": 2, "倆": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}


def small_cn_number(text: str) -> int | None:
    """一 … 九, 两/俩 and 十 … 九十九 written in Chinese → the number (None for anything else)."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return CN_DIGITS.get(tens, 1) * 10 + CN_DIGITS.get(ones, 0)
    return CN_DIGITS.get(text)
