"""接龙: the golden samples, the quantity/numbering forms, robustness, and import into orders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from microshop.cli import main
from microshop.errors import UserError
from microshop.importers.jielong import parse_jielong
from microshop.services.jielong import import_jielong
from microshop.store.models import Customer, Order, OrderItem, Product

SAMPLES = sorted((FIXTURES / "jielong").glob("*.txt"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_golden_samples_via_cli(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["jielong", "parse", str(sample), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got == json.loads(sample.with_suffix(".json").read_text(encoding="utf-8"))


def test_samples_exist() -> None:
    assert len(SAMPLES) >= 3


@pytest.mark.parametrize(
    ("line", "customer", "qty", "note"),
    [
        ("１．张三 ２份", "张三", 2, None), ("1) 李四 x3", "李四", 3, None), ("1、王五 *2", "王五", 2, None),
        ("1. 赵六 +1", "赵六", 1, None), ("1. 钱七 三份", "钱七", 3, None), ("1. 孙八 ×2", "孙八", 2, None),
        ("1. 周九2份", "周九", 2, None), ("1. 郑一 1 放门卫", "郑一", 1, "放门卫"), ("1. 冯二 两份", "冯二", 2, None),
        ("1. 陈三 十二份", "陈三", 12, None),
    ],
)
def test_quantity_and_numbering_forms(line: str, customer: str, qty: int, note: str | None) -> None:
    parsed = parse_jielong(f"#接龙\n阳光玫瑰 2斤 ￥39.9\n\n{line}\n")
    assert [(e.customer, e.items, e.note) for e in parsed.entries] == [(customer, [(0, qty)], note)]


def test_phone_is_normalised_and_removed_from_the_note() -> None:
    parsed = parse_jielong("接龙\n荔枝 ¥59.9\n1. 刘小西 1份 电话 138-1234-5678 晚上送\n")
    entry = parsed.entries[0]
    assert (entry.phone, entry.note) == ("13812345678", "晚上送")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
@example("1. 张三 2\n0.00")
@example("#接龙\n" + "芒" * 100_000 + " 39元\n1. 张三 芒芒2")
def test_never_crashes_on_random_text(text: str) -> None:
    parsed = parse_jielong(text)
    out = parsed.as_json()
    json.dumps(out, ensure_ascii=False)
    # every entry orders something real, and the totals are the entries' sums
    assert all(e["items"] and all(i["qty"] > 0 and 0 <= i["product"] < len(out["products"]) for i in e["items"])
               for e in out["entries"])
    assert out["total_qty"] == sum(i["qty"] for e in out["entries"] for i in e["items"])
    assert not set(out["unparsed"]) & {e["seq"] for e in out["entries"]}


def test_import_creates_orders_customers_and_maps_products(db) -> None:
    text = (FIXTURES / "jielong" / "single_product.txt").read_text(encoding="utf-8")
    with db.session() as s:
        s.add(Customer(name="张姐", pickup_point="3栋门口"))
        pick = Product(title="海南妃子笑荔枝 5斤装 新鲜现摘", platform_key="pdd", price_fen=5990)
        s.add(pick)
        s.flush()
        pick_id = pick.id
    with db.session() as s:
        result = import_jielong(s, text, {"海南妃子笑荔枝 5斤装": pick_id})
    assert result == {"orders": 6, "items": 6, "customers_created": 5, "skipped": []}
    with db.session() as s:
        zhang = s.scalars(select(Order).join(Customer).where(Customer.name == "张姐")).one()
        assert (zhang.items[0].product_id, zhang.items[0].quantity, zhang.items[0].amount_fen) == (pick_id, 2, 11980)
        assert zhang.pickup_point == "3栋门口" and zhang.platform_key == "pdd" and zhang.status == "pending_payment"
        liu = s.scalars(select(Customer).where(Customer.name == "刘小西")).one()
        assert liu.phone == "13812345678"
        xiaomei = s.scalars(select(Order).join(Customer).where(Customer.name == "小美")).one()
        assert xiaomei.notes == "要大果"
        assert s.scalar(select(func.sum(OrderItem.quantity))) == 10


def test_reposted_list_pasted_again_adds_only_new_entries(db) -> None:
    first = "#接龙\n农家土鸡蛋 30枚 45元\n\n1. 高叔 1\n2. 罗阿姨 2\n"
    with db.session() as s:
        assert import_jielong(s, first)["orders"] == 2
    later = (FIXTURES / "jielong" / "reposted.txt").read_text(encoding="utf-8")
    with db.session() as s:
        result = import_jielong(s, later)
    assert result["orders"] == 2 and {r["seq"] for r in result["skipped"]} == {1, 2}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 4
        assert s.scalar(select(func.sum(OrderItem.quantity))) == 9


def test_import_refuses_text_without_products(db) -> None:
    with pytest.raises(UserError, match="带价格的商品"):
        with db.session() as s:
            import_jielong(s, "1. 张三 2份\n2. 李四 1份")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 0


def test_cli_import_jielong_with_bad_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = FIXTURES / "jielong" / "multi_product.txt"
    db = str(tmp_path / "j.db")
    assert main(["--db", db, "orders", "import-jielong", str(sample), "--product-map", "芒果"]) == 2
    assert "写法不对" in capsys.readouterr().err
    assert main(["--db", db, "orders", "import-jielong", str(sample), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["orders"], out["items"], out["skipped"][0]["seq"]) == (6, 9, 7)


def test_entries_without_header_products_are_unparsed() -> None:
    parsed = parse_jielong("1. 张姐 2份\n0.00")
    assert parsed.products == [] and parsed.entries == [] and [e.seq for e in parsed.unparsed] == [1]
    assert parsed.as_json()["total_fen"] == 0


@pytest.mark.parametrize("line, qty, noted", [
    ("1. 何姐 要一箱芒果", 1, "写的是“一箱”，按 1 份记"),   # a box of a 5斤 portion: counted, and said
    ("1. 何姐 芒果2斤", 2, "写的是“2斤”，按 2 份记"),       # 2斤 of a 5斤 portion is not clear either
    ("1. 何姐 芒果2份", 2, None),                         # portions: nothing to say
    ("1. 何姐 芒果 x3", 3, None),
])
def test_quantities_in_a_unit_the_product_is_not_sold_by_stay_in_the_note(line: str, qty: int, noted: str | None) -> None:
    parsed = parse_jielong(f"#接龙\n台农芒果 5斤 39.9元\n{line}\n")
    (entry,) = parsed.entries
    assert entry.items == [(0, qty)] and entry.note == noted


@pytest.mark.parametrize("line, qty, noted", [
    ("1. 小王 4斤", 2, "写的是“4斤”，按 2 份记"),   # whole portions of 2斤: that many portions, and said
    ("1. 小王 2斤", 1, "写的是“2斤”，按 1 份记"),
    ("1. 小王 3斤", 3, "写的是“3斤”，按 3 份记"),   # not whole portions: counted as written, and said
    ("1. 小王 2份", 2, None),
])
def test_weights_of_a_portion_priced_per_some_jin(line: str, qty: int, noted: str | None) -> None:
    parsed = parse_jielong(f"#接龙\n阳光玫瑰葡萄 59元/2斤\n{line}\n")
    (entry,) = parsed.entries
    assert parsed.products[0].price_fen == 5900 and entry.items == [(0, qty)] and entry.note == noted


@pytest.mark.parametrize("text, entries", [
    ("#接龙\n草莓 39元\n\n1 张三 2\n", [(1, "张三", [(0, 2)])]),       # a first sign-up numbered with a space
    ("#接龙\n5 斤装 草莓 39元\n1. 张三 2\n", [(1, "张三", [(0, 2)])]),  # a lone “5 斤装” in the header stays the label's
    ("#接龙\n草莓 39元\n❶ 张三 2\n❷ 李四 1\n", [(1, "张三", [(0, 2)]), (2, "李四", [(0, 1)])]),
])
def test_sequence_numbers_written_without_a_mark(text: str, entries: list[tuple[int, str, list[tuple[int, int]]]]) -> None:
    parsed = parse_jielong(text)
    assert [(e.seq, e.customer, e.items) for e in parsed.entries] == entries
    assert parsed.products[0].label in ("草莓", "5 斤装 草莓")


def test_a_price_line_under_a_menu_prices_the_menu_not_the_remark_above_it() -> None:
    parsed = parse_jielong("#接龙\nA. 鲜肉包\nB. 菜包\n（现做现卖）\n每份2元\n\n1. 张三 A2 B1\n")
    assert [(p.label, p.price_fen) for p in parsed.products] == [("鲜肉包", 200), ("菜包", 200)]
    assert parsed.remarks[-1] == "(现做现卖)" and parsed.total_fen == 600


@pytest.mark.parametrize("header, price, unit", [
    ("手抓饼 单价25", 2500, None), ("手抓饼 价格：25", 2500, None), ("手抓饼 RMB25", 2500, None),
    ("手抓饼 25一份", 2500, "份"), ("榴莲 68.8一斤", 6880, "斤"), ("榴莲 每斤68.8", 6880, "斤"),
    ("榴莲 29.9/个", 2990, "个"),
    ("芒果 特价3斤 39元", 3900, "斤"),  # 3斤 after a price word is a size, never a price of 3
])
def test_prices_written_without_yuan(header: str, price: int, unit: str | None) -> None:
    parsed = parse_jielong(f"#接龙\n{header}\n1. 张三 2\n")
    assert [(p.price_fen, p.unit) for p in parsed.products] == [(price, unit)]
    assert parsed.entries[0].items == [(0, 2)]


def test_a_withdrawn_sign_up_is_a_name_and_the_word_alone() -> None:
    parsed = parse_jielong("#接龙\n草莓 39元\n蓝莓 25元\n\n1. 王姐 取消\n2. 王五 苹果两个 取消一个\n3. Amy Lin 不要了\n"
                           "4. 李四（已取消）\n5. 赵六 取消报名\n6. 钱七 草莓2 不要了\n")
    assert [(e.seq, e.customer) for e in parsed.cancelled] == [(1, "王姐"), (3, "Amy Lin"), (4, "李四"), (5, "赵六")]
    assert [e.seq for e in parsed.unparsed] == [2]  # asks for something unread: red, not “withdrawn”
    assert [(e.seq, e.items) for e in parsed.entries] == [(6, [(0, 2)])]  # with an order: an order, the words in the note


def test_a_quantity_in_the_unit_the_price_is_per_is_plain() -> None:
    parsed = parse_jielong("#接龙\n赣南脐橙10斤 每箱39元\n1. 周周 脐橙两箱\n2. 黄叔 脐橙1盒\n")
    assert [(e.items, e.note) for e in parsed.entries] == [([(0, 2)], None), ([(0, 1)], "写的是“1盒”，按 1 份记")]


@pytest.mark.parametrize("written, number", [
    ("一", 1), ("两", 2), ("俩", 2), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("两三", None), ("", None),
])
def test_small_numbers_written_in_chinese(written: str, number: int | None) -> None:
    from microshop.domain.units import small_cn_number

    assert small_cn_number(written) == number


@pytest.mark.parametrize(("text", "says"), [
    ("#接龙\n草莓 68元\n蓝莓 30元\n1. 王五 +1\n", "只写了数量，没写要哪个商品（这个接龙有 2 个商品）"),
    ("#接龙\n草莓 3斤装 68元\n1. 李四 帮我留点\n", "如“张三 草莓2”"),
    ("1. 张三 2\n2. 李四 1\n", "接龙里没有列出商品"),
])
def test_an_unread_sign_up_says_what_to_fix(text: str, says: str) -> None:
    parsed = parse_jielong(text)
    assert parsed.unparsed and says in parsed.why_unread(parsed.unparsed[0])


def test_a_first_sign_up_without_a_number_is_not_taken_for_a_dish() -> None:
    """Right under the product line, “1. 李四 帮我留点” is her sign-up (shown as not understood, with
    why), not a dish of the product; a dish is one name (“1.番茄牛腩”)."""
    parsed = parse_jielong("#接龙\n草莓 3斤装 68元\n1. 李四 帮我留点\n2. 张三 草莓2\n")
    assert parsed.products[0].menu == []
    assert [e.seq for e in parsed.unparsed] == [1] and [e.seq for e in parsed.entries] == [2]
    meals = parse_jielong("#接龙\n周五午餐（25元）\n1.番茄牛腩\n2.清炒时蔬\n例 小美 午餐1份\n\n1. 阿杰 午餐2份\n")
    assert meals.products[0].menu == ["番茄牛腩", "清炒时蔬"] and meals.entries[0].items == [(0, 2)]


@pytest.mark.parametrize(("line", "product"), [
    ("🍊沃柑 5斤 29.9", ("沃柑 5斤", 2990)),      # a size, then a bare figure: its price
    ("冰糖心苹果 10斤 59", ("冰糖心苹果 10斤", 5900)),
    ("麒麟西瓜 19.9", ("麒麟西瓜", 1990)),        # 角/分: a price
    ("周末水果团 3", None),                      # a bare whole number after a name: not a price
    ("报名截止 20.30", None),                    # a time
])
def test_a_bare_figure_at_a_header_lines_end(line: str, product: tuple[str, int] | None) -> None:
    parsed = parse_jielong(f"#接龙\n{line}\n蓝莓 30元\n1. 张三 蓝莓1\n")
    got = [(p.label, p.price_fen) for p in parsed.products if p.label != "蓝莓"]
    assert got == ([product] if product else [])


def test_a_list_written_in_traditional_characters_reposted_counts_once() -> None:
    """接龍 (as Hong Kong and Taiwan members write it) starts a (re)post like 接龙: the latest wins."""
    post = "#接龍\n雞蛋 30隻/盒 ¥39\n1. 陳太 兩盒\n"
    parsed = parse_jielong(post + post + "2. Mandy 3個\n")
    assert [(e.customer, e.items) for e in parsed.entries] == [("陳太", [(0, 2)]), ("Mandy", [(0, 3)])]
    assert len(parsed.products) == 1 and parsed.remarks == []
