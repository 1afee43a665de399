"""Real-world inputs as data: every ``tests/data/realworld/<kind>/NAME.txt`` has its ``NAME.json``.

Adding a case is adding two files. Share texts are checked key by key (a case names only the keys it
is about); 接龙 parses are compared whole, through the CLI as a user runs it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import func, select

from microshop.cli import main
from microshop.errors import UserError
from microshop.importers.jielong import parse_jielong
from microshop.importers.sharetext import parse_share_text
from microshop.services.jielong import import_jielong
from microshop.store.models import Order, OrderItem

REALWORLD = FIXTURES / "realworld"
SHARE_CASES = sorted((REALWORLD / "sharetext").glob("*.txt"))
JIELONG_CASES = sorted((REALWORLD / "jielong").glob("*.txt"))
SHARE_KEYS = {"title", "link", "price_fen", "original_price_fen", "coupon_fen", "platform", "item_id"}


def test_cases_are_there() -> None:
    assert len(SHARE_CASES) >= 13 and len(JIELONG_CASES) >= 8
    for case in SHARE_CASES + JIELONG_CASES:
        assert case.with_suffix(".json").is_file(), case


@pytest.mark.parametrize("case", SHARE_CASES, ids=lambda p: p.stem)
def test_share_text_cases_via_cli(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sharetext", "parse", str(case), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert set(got) == SHARE_KEYS  # every key always present
    expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("case", JIELONG_CASES, ids=lambda p: p.stem)
def test_jielong_cases_via_cli(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["jielong", "parse", str(case), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got == json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("【淘宝】https://m.tb.cn/h.x?tk=a 「苹果」", "苹果"),
        ("【抖音商城】https://v.douyin.com/x/ 长按复制此条消息，打开抖音搜索，查看商品详情！", ""),
        ("复制这条信息，打开【手机淘宝】￥Ab12Cd34Ef5￥", ""),
        ("https://u.jd.com/Ab3CdE9「维达抽纸」", "维达抽纸"),
    ],
)
def test_title_is_never_a_platform_or_boilerplate(text: str, title: str) -> None:
    assert parse_share_text(text).title == title


def test_rebate_and_coupon_figures_are_not_the_price() -> None:
    info = parse_share_text("某某纸巾 24包\n【返现】8元\n【优惠券】20元\n【佣金】3元\n【券后价】29.9元")
    assert (info.price_fen, info.coupon_fen, info.title) == (2990, 2000, "某某纸巾 24包")
    # the final price wins over the current one, wherever it stands
    assert parse_share_text("好物 A\n【到手价】19.9\n【在售价】59").price_fen == 1990
    assert parse_share_text("好物 A\n【在售价】59").price_fen == 5900


@given(st.text(max_size=300))
@example("【淘宝】「」")
@example("https://")
@example("【】【】「「」」￥￥")
@example("https://item.jd.com/%.html")
@example("http://[::1")
def test_share_text_never_crashes(text: str) -> None:
    info = parse_share_text(text)
    assert set(info.as_json()) == SHARE_KEYS
    if info.link:
        assert info.link in text.translate({cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}) or info.link in text
        assert info.link not in info.title
    assert info.price_fen is None or info.price_fen > 0


@given(st.lists(st.sampled_from(["#接龙", "芒果 39元", "A. 荔枝", "每份20元", "1. 张三 2", "2. Amy Lin A1",
                                 "例 张三 1份", "", "  1.番茄牛腩", "12.5号 午餐（25元）", "电话 13812345678",
                                 "１．张姐　２", "3. 李四 +1芒果",
                                 # the forms read since: portions, size-only products, cancels, 同上, room numbers
                                 "葡萄 59元/2斤", "草莓 39元/0斤", "橙子 0斤装 45元", "3斤一盒 68元", "5斤一箱 108元",
                                 "大果 ¥49.9/10斤", "中果 39.9/个", "A 肉包 2元/个", "4. 王姐 取消", "5. 王五 同上",
                                 "1. 小林 大1中1", "2. 张敏 138****1234 一份", "3. 601 张 馄饨2", "1. 丽丽 1（不要太熟的）",
                                 "2. 小王 4斤", "3. 刘 两盒一箱", "6. 孙八 盒2"]), max_size=12))
@example(["#接龙", "草莓 39元/0斤", "2. 小王 4斤"])  # a portion of nothing: once a division by zero
def test_jielong_building_blocks_never_crash(lines: list[str]) -> None:
    parsed = parse_jielong("\n".join(lines))
    for entry in parsed.entries:
        assert entry.items and all(0 <= p < len(parsed.products) and q > 0 for p, q in entry.items)
        assert "13812345678" not in (entry.note or "")
    assert parsed.total_qty == sum(q for e in parsed.entries for _p, q in e.items)
    seqs = [{e.seq for e in group} for group in (parsed.entries, parsed.unparsed, parsed.cancelled)]
    assert sum(map(len, seqs)) == len(set().union(*seqs))  # each entry in one place only
    assert all(not e.items for e in parsed.cancelled)


def test_menu_without_price_needs_prices_before_import(db) -> None:
    text = (REALWORLD / "jielong" / "letter_menu_no_price.txt").read_text(encoding="utf-8")
    with pytest.raises(UserError, match="鲜肉包、豆浆、茶叶蛋"):
        with db.session() as s:
            import_jielong(s, text)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 0
        result = import_jielong(s, text, prices={"鲜肉包": 250, "豆浆": 200, "茶叶蛋": 150})
    assert result["orders"] == 3
    with db.session() as s:
        amounts = sorted(s.scalars(select(OrderItem.amount_fen)))
    assert amounts == [150, 200, 200, 500]  # C×1, B×1 (小雨), B×1 (丽丽), A×2


def test_cli_import_with_prices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = REALWORLD / "jielong" / "letter_menu_no_price.txt"
    db = str(tmp_path / "j.db")
    assert main(["--db", db, "orders", "import-jielong", str(case)]) == 2
    assert "没有价格" in capsys.readouterr().err
    assert main(["--db", db, "orders", "import-jielong", str(case), "--price", "鲜肉包=2.5,豆浆=2,茶叶蛋=1.5",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["orders"] == 3
    assert main(["--db", db, "orders", "import-jielong", str(case), "--price", "鲜肉包=abc"]) == 2
    assert "写法不对" in capsys.readouterr().err
