"""粘贴 / Ctrl+V: every real share text and 接龙 in tests/data is recognised for what it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from microshop.importers.paste import PasteKind, classify

SHARES = sorted((FIXTURES / "realworld" / "sharetext").glob("*.txt"))
JIELONGS = sorted((FIXTURES / "realworld" / "jielong").glob("*.txt")) + sorted((FIXTURES / "jielong").glob("*.txt"))


@pytest.mark.parametrize("path", SHARES, ids=lambda p: p.stem)
def test_every_real_share_text_is_a_share(path: Path) -> None:
    assert classify(path.read_text(encoding="utf-8")).kind is PasteKind.SHARE


@pytest.mark.parametrize("path", JIELONGS, ids=lambda p: p.stem)
def test_every_real_jielong_is_a_jielong(path: Path) -> None:
    assert classify(path.read_text(encoding="utf-8")).kind is PasteKind.JIELONG


@pytest.mark.parametrize("text", ["", "   ", "好的，明天见", "收到👌", "12345", "下午三点到小区门口取"])
def test_ordinary_chat_is_neither(text: str) -> None:
    assert classify(text).kind is PasteKind.NOTHING


def test_numbered_orders_without_the_word_are_a_jielong_and_a_link_alone_is_a_share() -> None:
    assert classify("赣南脐橙 39元\n1. 陈阿姨 1\n2. 小王 2").kind is PasteKind.JIELONG
    assert classify("https://item.jd.com/100012043978.html").kind is PasteKind.SHARE
    # a 接龙 whose header quotes the product link is still a 接龙
    assert classify("#接龙 https://mobile.yangkeduo.com/goods.html?goods_id=1\n1. 张姐 2").kind is PasteKind.JIELONG


def test_a_traditional_jielong_word_makes_a_jielong() -> None:
    assert classify("#接龍 今日雞蛋 30隻 ¥39").kind == PasteKind.JIELONG
