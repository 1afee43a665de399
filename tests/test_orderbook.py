"""Order-book import: the sample sheet, bad rows, mangled ids, encodings, one transaction."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import FIXTURES, write_xlsx
from sqlalchemy import func, select

from microshop.cli import main
from microshop.errors import UserError
from microshop.services.orderbook import import_order_book
from microshop.store.models import Customer, Order, OrderItem

SAMPLE = FIXTURES / "orders" / "orders_2026-10.xlsx"
HEADER = ["下单时间", "客户", "商品", "商品ID", "数量", "金额", "平台", "平台金额", "平台订单号", "备注"]




def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared fixtures not present")
def test_sample_sheet_via_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "o.db")
    assert main(["--db", db, "orders", "import", str(SAMPLE), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "orders": 80, "items": 80, "customers_created": 18, "skipped": []
    }
    # Importing the same sheet again adds nothing and says why.
    assert main(["--db", db, "orders", "import", str(SAMPLE), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["orders"] == 0 and len(again["skipped"]) == 80


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared fixtures not present")
def test_sample_values_are_stored_exactly(db) -> None:
    with db.session() as s:
        import_order_book(s, SAMPLE)
    with db.session() as s:
        item = s.scalars(select(OrderItem).where(OrderItem.title == "云南高山蓝莓 4盒 大果")).first()
        order = item.order
        assert (item.quantity, item.amount_fen, item.platform_amount_fen) == (3, 7470, 5970)
        assert item.platform_product_id == "P0tn6B52pwb9q5-rs64mz08d407"
        assert order.platform_key == "taobao" and order.platform_order_no == "1798685434214184178"
        assert order.customer.name == "王阿姨" and order.notes == "群里接龙"
        assert order.ordered_at.strftime("%Y-%m-%d %H:%M") == "2026-10-17 20:22"  # 04:22 Shanghai
        same = s.scalars(select(OrderItem).where(OrderItem.title == "即食燕麦片 1kg")).first()
        assert same.platform_amount_fen == 1980 and same.amount_fen == 2180


def test_bad_rows_are_skipped_with_reasons(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "b.xlsx", [
        ["微店订单表 2026年10月"],
        HEADER,
        ["2026-10-01 10:00", "张姐", "荔枝", "", 2, "119.8", "多多进宝", "", "", ""],
        ["昨天", "李雪", "荔枝", "", 1, 59.9, "", "", "", ""],
        ["2026-10-02 10:00", "", "荔枝", "", 1, 59.9, "", "", "", ""],
        ["2026-10-02 11:00", "小美", "荔枝", "", "2.5", 59.9, "", "", "", ""],
        ["2026-10-02 12:00", "小美", "荔枝", "", 1, "59.9", "拼夕夕", "", "", ""],
        ["2026-10-03 09:00", "王阿姨", "橙子", "", "", "¥39.80", "jd", "35", "", "多要点"],
        ["合计", "", "", "", "", 379.2, "", "", "", ""],
    ])
    with db.session() as s:
        result = import_order_book(s, path)
    assert result["orders"] == 2 and result["customers_created"] == 2
    reasons = {r["row"]: r["reason"] for r in result["skipped"]}
    assert set(reasons) == {4, 5, 6, 7, 9}
    assert "下单时间" in reasons[4] and "客户" in reasons[5] and "数量" in reasons[6]
    assert "平台" in reasons[7]
    with db.session() as s:
        orange = s.scalars(select(OrderItem).where(OrderItem.title == "橙子")).one()
        assert (orange.quantity, orange.amount_fen, orange.platform_amount_fen) == (1, 3980, 3500)


def test_excel_mangled_order_number_refuses_the_whole_file(db, tmp_path: Path) -> None:
    with db.session() as s:
        s.add(Customer(name="原有客户"))
    path = write_xlsx(tmp_path / "m.xlsx", [
        HEADER,
        ["2026-10-01 10:00", "张姐", "荔枝", "", 1, 59.9, "淘宝联盟", "", "1798685434214184178", ""],
        ["2026-10-01 11:00", "李雪", "荔枝", "", 1, 59.9, "淘宝联盟", "", 1.79868543421418e18, ""],
    ])
    with pytest.raises(UserError, match=r"平台订单号.*Excel"):
        with db.session() as s:
            import_order_book(s, path)
    assert count(db, Order) == 0 and count(db, Customer) == 1


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-16"])
def test_csv_in_common_encodings(db, tmp_path: Path, encoding: str) -> None:
    text = ",".join(HEADER) + "\n2026-10-05 08:00,陈哥,东北五常大米 10斤,\t559022671655,2,91.8,多多进宝,,,\n"
    path = tmp_path / "orders.csv"
    path.write_bytes(text.encode(encoding))
    with db.session() as s:
        result = import_order_book(s, path)
    assert result["orders"] == 1
    with db.session() as s:
        item = s.scalars(select(OrderItem)).one()
        assert (item.title, item.platform_product_id, item.amount_fen) == ("东北五常大米 10斤", "559022671655", 9180)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("x.xlsx", b"", "空文件"),
        ("x.xlsx", b"PK\x03\x04broken zip", "损坏"),
        ("x.csv", "客户,金额\n张姐,1\n".encode(), "缺少必需的列"),
        ("x.csv", "\u4e0b\u5355\u65f6\u95f4,\u5ba2\u6237".encode("utf-16-le"), "不是文本表格"),
    ],
)
def test_unreadable_files_are_refused_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 name: str, content: bytes, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["--db", str(tmp_path / "o.db"), "orders", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_order_book_round_trips_through_export(db, tmp_path: Path) -> None:
    from microshop.services.order_export import export_order_book

    with db.session() as s:
        import_order_book(s, SAMPLE)
    with db.session() as s:
        out = export_order_book(s, tmp_path / "订单簿")
    other = tmp_path / "other.sqlite3"
    from microshop.store.database import Database

    second = Database.open(other)
    with second.session() as s:
        result = import_order_book(s, out)
    assert (result["orders"], result["customers_created"], result["skipped"]) == (80, 18, [])

    def snapshot(database):
        with database.session() as s:
            rows = s.execute(
                select(Order.ordered_at, Customer.name, OrderItem.title, OrderItem.platform_product_id,
                       OrderItem.quantity, OrderItem.amount_fen, OrderItem.platform_amount_fen, Order.platform_key,
                       Order.platform_order_no, Order.notes)
                .join(OrderItem, OrderItem.order_id == Order.id).join(Customer, Customer.id == Order.customer_id)
            ).all()
        return sorted(rows, key=repr)

    assert snapshot(db) == snapshot(second)
    second.close()


def test_pickup_list_groups_and_masks(db, tmp_path: Path) -> None:
    from microshop.services.order_export import export_pickup_list

    with db.session() as s:
        a = Customer(name="张姐", phone="13812345678", pickup_point="3栋门口")
        b = Customer(name="=cmd|' /C calc'!A0", phone="13900001111", pickup_point="南门")
        s.add_all([a, b])
        s.flush()
        for c, qty in ((a, 2), (b, 1), (a, 1)):
            order = Order(customer_id=c.id, ordered_at=datetime(2026, 10, 1, tzinfo=UTC),
                          pickup_point=c.pickup_point)
            order.items = [OrderItem(title="荔枝", quantity=qty, amount_fen=5990 * qty)]
            s.add(order)
    with db.session() as s:
        masked = export_pickup_list(s, tmp_path / "m.xlsx")
        full = export_pickup_list(s, tmp_path / "f.xlsx", full_phones=True)
    rows = list(openpyxl.load_workbook(masked).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("自提点", "客户", "手机")
    text = repr(rows)
    assert "13812345678" not in text and "138****5678" in text
    total = next(r for r in rows if r[0] == "3栋门口 合计")
    assert (total[1], total[4], float(total[5])) == ("2 单", 3, pytest.approx(179.70))
    assert any(r[1] == "'=cmd|' /C calc'!A0" for r in rows)  # neutralised, not a formula
    assert "13812345678" in repr(list(openpyxl.load_workbook(full).active.iter_rows(values_only=True)))


def test_a_hand_kept_book_without_years_takes_the_year_of_the_rows_around(db, tmp_path: Path) -> None:
    """日期/姓名/商品名称 headers and dates written "10月5日", "1/2 18:30": each in the year that puts it
    nearest its dated neighbours (across New Year too); with no year anywhere it is refused, with why."""
    from microshop.domain.timeutil import format_local

    path = tmp_path / "手记.csv"
    path.write_text("日期,姓名,商品名称,数量,金额,备注\n"
                    "10月5日,小陈,抽纸,3,\"1,089.00\",\n"
                    "2026/10/6,王姐,赣南脐橙 5斤,2,59.8,放门卫\n"
                    "12月30日 20:15,李哥,洗衣凝珠,1,¥19.90,\n"
                    "1/2 18:30,李哥,洗衣凝珠,1,19.9,\n"
                    "2月30日,小美,抽纸,1,36,\n", encoding="utf-8")
    with db.session() as s:
        result = import_order_book(s, path)
    assert result["orders"] == 4 and [r["row"] for r in result["skipped"]] == [6]
    assert "2月30日" in result["skipped"][0]["reason"]
    with db.session() as s:
        times = [format_local(o.ordered_at) for o in s.scalars(select(Order).order_by(Order.id))]
    assert times == ["2026-10-05 00:00", "2026-10-06 00:00", "2026-12-30 20:15", "2027-01-02 18:30"]
    alone = tmp_path / "no_year.csv"
    alone.write_text("日期,姓名,商品名称,金额\n10月5日,小陈,抽纸,36\n", encoding="utf-8")
    with db.session() as s:
        refused = import_order_book(s, alone)
    assert refused["orders"] == 0 and "“10月5日”没有年份" in refused["skipped"][0]["reason"]


def test_a_book_kept_with_other_words_for_its_columns(db, tmp_path: Path) -> None:
    """微信名 / 货品 / 购买数量 / 总价 — the words a reseller's own sheet uses are the template's columns."""
    path = write_xlsx(tmp_path / "我的账本.xlsx", [
        ["订单时间", "微信名", "货品", "购买数量", "总价", "备注"],
        ["2026-10-08 19:20", "🌸阿芳", "丹东草莓 500g", 2, "¥79.80", "放门卫"],
    ])
    with db.session() as s:
        assert import_order_book(s, path)["orders"] == 1
    with db.session() as s:
        item = s.scalars(select(OrderItem)).one()
        assert (item.title, item.quantity, item.amount_fen, item.order.customer.name) == ("丹东草莓 500g", 2, 7980, "🌸阿芳")


# ------------------------------------------------------------ a book kept by hand

HAND_KEPT = [
    ["2026年11月 团购记账"],
    [],
    ["日期", "客户", "商品", "数量", "单价", "金额", "备注"],
    ["11.3", "张姐", "赣南脐橙 10斤", "2份", "¥45", "90元", "放门口"],
    ["11.3", "", "砂糖橘", "1", "25", "25", ""],            # 客户 left blank: another item of 张姐's order
    ["11/5 18:30", "李哥", "冰糖心苹果", "1箱", "39.9", "39.9", ""],
    ["2026-11-06", "王阿姨", "丹东草莓", "x2", "68", "136", "微信已付"],
    ["11月7日", "小雨", "车厘子", "两份", "89", "", ""],     # no 金额: 单价 × 数量
    ["合计", "", "", "", "", "468.9", ""],
]


def test_a_hand_kept_book_reads_as_its_keeper_meant(db, tmp_path: Path) -> None:
    with db.session() as s:
        result = import_order_book(s, write_xlsx(tmp_path / "book.xlsx", HAND_KEPT))
    assert (result["orders"], result["items"]) == (4, 5)
    assert result["skipped"] == [{"row": 9, "reason": "合计行，已忽略"}]
    with db.session() as s:
        got = {(o.customer.name, o.ordered_at.strftime("%Y-%m-%d %H:%M")): sorted(
            (i.title, i.quantity, i.amount_fen) for i in o.items) for o in s.scalars(select(Order))}
    assert got == {  # Shanghai → UTC; the year from the one row that has it
        ("张姐", "2026-11-02 16:00"): [("砂糖橘", 1, 2500), ("赣南脐橙 10斤", 2, 9000)],
        ("李哥", "2026-11-05 10:30"): [("冰糖心苹果", 1, 3990)],
        ("王阿姨", "2026-11-05 16:00"): [("丹东草莓", 2, 13600)],
        ("小雨", "2026-11-06 16:00"): [("车厘子", 2, 17800)],
    }


def test_an_order_with_an_unreadable_item_row_stays_out_whole(db, tmp_path: Path) -> None:
    first = ["2026-11-03", *HAND_KEPT[3][1:]]
    rows = [HAND_KEPT[2], first, ["2026-11-03", "", "砂糖橘", "一些", "25", "", ""], ["", "", "蓝莓", "1", "", "30", ""],
            ["2026-11-05 18:30", *HAND_KEPT[5][1:]]]
    with db.session() as s:
        result = import_order_book(s, write_xlsx(tmp_path / "book.xlsx", rows))
    assert result["orders"] == 1  # 李哥's; none of 张姐's three rows
    reasons = {r["row"]: r["reason"] for r in result["skipped"]}
    assert set(reasons) == {2, 3, 4} and "整单未导入" in reasons[2] and "数量" in reasons[3]
    assert "那个订单没有导入" in reasons[4]
    with db.session() as s:
        assert set(s.scalars(select(OrderItem.title))) == {"冰糖心苹果"}


def test_a_row_without_a_customer_on_another_day_is_not_an_item_of_the_order_above(db, tmp_path: Path) -> None:
    rows = [HAND_KEPT[2], ["2026-11-03", *HAND_KEPT[3][1:]], ["2026-11-04", "", "砂糖橘", "1", "25", "25", ""]]
    with db.session() as s:
        result = import_order_book(s, write_xlsx(tmp_path / "book.xlsx", rows))
    assert result["orders"] == 1 and result["items"] == 1
    assert result["skipped"] == [{"row": 3, "reason": "缺少客户"}]


def test_a_book_with_unit_prices_and_no_amount_column(db, tmp_path: Path) -> None:
    rows = [["日期", "客户", "商品", "数量", "单价"], ["2026-11-03", "张姐", "荔枝", "3", "59.9"]]
    with db.session() as s:
        assert import_order_book(s, write_xlsx(tmp_path / "book.xlsx", rows))["orders"] == 1
    with db.session() as s:
        assert s.scalars(select(OrderItem.amount_fen)).one() == 17970


def test_a_ktt_export_is_not_taken_for_a_book_of_unit_prices(tmp_path: Path) -> None:
    from microshop.importers.orderbook import NotAnOrderBook, parse_order_book

    rows = [["跟团号", "下单人", "商品", "数量", "单价", "下单时间"], ["1", "张姐", "荔枝", "3", "59.9", "2026-11-03"]]
    with pytest.raises(NotAnOrderBook):
        parse_order_book(write_xlsx(tmp_path / "ktt.xlsx", rows))


def test_the_item_rows_of_an_order_row_that_was_refused_say_so(db, tmp_path: Path) -> None:
    rows = [HAND_KEPT[2], ["昨天", "张姐", "荔枝", "1", "59.9", "", ""], ["", "", "蓝莓", "1", "30", "", ""]]
    with db.session() as s:
        result = import_order_book(s, write_xlsx(tmp_path / "book.xlsx", rows))
    reasons = {r["row"]: r["reason"] for r in result["skipped"]}
    assert result["orders"] == 0 and "下单时间" in reasons[2] and "那个订单没有导入" in reasons[3]


def test_an_order_of_several_items_comes_back_as_one_order(db, tmp_path: Path) -> None:
    from microshop.services.order_export import export_order_book
    from microshop.services.orders import ItemInput, OrderInput, save_order
    from microshop.store.database import Database

    when = datetime(2026, 11, 3, 2, 0, tzinfo=UTC)
    with db.session() as s:
        save_order(s, OrderInput("张姐", when, [ItemInput("赣南脐橙", 2, 9000), ItemInput("砂糖橘", 1, 2500)]))
        save_order(s, OrderInput("张姐", when, [ItemInput("赣南脐橙", 1, 4500)]))  # her second order, same minute
    with db.session() as s:
        out = export_order_book(s, tmp_path / "订单簿")
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]][-1] == "单号" and sheet.cell(2, 2).value == sheet.cell(3, 2).value == "张姐"
    second = Database.open(tmp_path / "other.sqlite3")
    try:
        with second.session() as s:
            result = import_order_book(s, out)
        assert (result["orders"], result["items"]) == (2, 3)
        with second.session() as s:
            got = sorted(sorted((i.title, i.quantity, i.amount_fen) for i in o.items) for o in s.scalars(select(Order)))
        assert got == [[("砂糖橘", 1, 2500), ("赣南脐橙", 2, 9000)], [("赣南脐橙", 1, 4500)]]
    finally:
        second.close()


def test_rows_of_one_order_number_stay_out_together_when_one_cannot_be_read(db, tmp_path: Path) -> None:
    header = ["下单时间", "客户", "商品", "数量", "金额", "单号"]
    rows = [header,
            ["2026-11-03 10:00", "张姐", "赣南脐橙", 2, "90", "7"],
            ["2026-11-03 10:00", "张姐", "砂糖橘", "一些", "25", "7"],   # unreadable: the whole of order 7 stays out
            ["2026-11-03 10:00", "张姐", "蓝莓", 1, "30", "7"],
            ["2026-11-03 10:00", "张姐", "荔枝", 1, "59.9", "8"]]      # her next order
    with db.session() as s:
        result = import_order_book(s, write_xlsx(tmp_path / "book.xlsx", rows))
    assert (result["orders"], result["items"]) == (1, 1)
    assert {r["row"] for r in result["skipped"]} == {2, 3, 4}
    with db.session() as s:
        assert list(s.scalars(select(OrderItem.title))) == ["荔枝"]


def test_a_hand_kept_book_brings_its_status_phone_address_and_pickup_point(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """是否付款 (已付/未付/√), 状态, 电话, 地址, 自提点 are read; a word nobody can read refuses its
    row, saying what to write; a masked phone is kept in the note as written; a column the template
    has no place for is named, not dropped unsaid."""
    rows = [["日期", "微信昵称", "商品", "数量", "金额", "是否付款", "电话", "地址", "自提点", "微信号"],
            ["2026-11-03 10:00", "小美", "丹东草莓", 2, 136, "已付", "138 1234 5678", "", "3号楼快递柜", "mei01"],
            ["2026-11-03 11:00", "阿强", "奶油草莓", 1, 45, "未付", "", "", "", ""],
            ["2026-11-03 12:00", "老陈", "丹东草莓", 1, 68, "√", "139****0000", "幸福路 8 号 2 单元 301", "", ""],
            ["2026-11-03 13:00", "丽丽", "丹东草莓", 1, 68, "付了一半", "", "", "", ""],
            ["2026-11-03 14:00", "王姐", "奶油草莓", 1, 45, "已发货", "", "", "", ""]]
    book = write_xlsx(tmp_path / "手记账.xlsx", rows)
    db = str(tmp_path / "o.db")
    assert main(["--db", db, "orders", "import", str(book), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["orders"] == 4 and result["unused_columns"] == ["微信号"]
    assert [r["row"] for r in result["skipped"]] == [5] and "付了一半" in result["skipped"][0]["reason"] \
        and "已付/未付" in result["skipped"][0]["reason"]
    from microshop.store.database import Database

    opened = Database.open(Path(db))
    try:
        with opened.session() as s:
            got = {o.customer.name: (o.status, o.phone, o.address, o.pickup_point, o.fulfilment, o.notes)
                   for o in s.scalars(select(Order))}
            assert got == {
                "小美": ("paid", "13812345678", None, "3号楼快递柜", "pickup", None),
                "阿强": ("pending_payment", None, None, None, "pickup", None),
                "老陈": ("paid", None, "幸福路 8 号 2 单元 301", None, "delivery", "电话：139****0000"),
                "王姐": ("shipped", None, None, None, "pickup", None),
            }
            assert s.scalar(select(Customer.phone).where(Customer.name == "小美")) == "13812345678"
    finally:
        opened.close()


def test_status_pickup_point_and_address_come_back_through_the_export(db, tmp_path: Path) -> None:
    from microshop.domain.enums import OrderStatus
    from microshop.services.order_export import export_order_book
    from microshop.services.orders import ItemInput, OrderInput, save_order
    from microshop.store.database import Database

    when = datetime(2026, 11, 3, 2, 0, tzinfo=UTC)
    with db.session() as s:
        save_order(s, OrderInput("张姐", when, [ItemInput("赣南脐橙", 2, 9000)], status=OrderStatus.PENDING_PAYMENT.value,
                                 pickup_point="东门驿站"))
        save_order(s, OrderInput("李哥", when, [ItemInput("砂糖橘", 1, 2500)], status=OrderStatus.COMPLETED.value,
                                 fulfilment="delivery", address="幸福路 8 号"))
    with db.session() as s:
        out = export_order_book(s, tmp_path / "订单簿")
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]][10:13] == ["状态", "自提点", "地址"]
    second = Database.open(tmp_path / "other.sqlite3")
    try:
        with second.session() as s:
            assert import_order_book(s, out)["orders"] == 2
        with second.session() as s:
            got = {o.customer.name: (o.status, o.pickup_point, o.address, o.fulfilment) for o in s.scalars(select(Order))}
        assert got == {"张姐": ("pending_payment", "东门驿站", None, "pickup"),
                       "李哥": ("completed", None, "幸福路 8 号", "delivery")}
    finally:
        second.close()


def test_a_book_without_any_year_is_read_in_the_year_asked_for_across_new_year(tmp_path: Path,
                                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from microshop.importers.orderbook import parse_order_book

    book = tmp_path / "手记账.csv"
    book.write_text("日期,客户,商品,金额\n12月30日,小美,草莓,68\n12月31日 18:00,阿强,蓝莓,30\n1月2日,老陈,草莓,68\n",
                    encoding="utf-8")
    unread = parse_order_book(book)
    assert (unread.rows, unread.yearless) == ([], 3) and "--year" in unread.skipped[0].reason
    db = str(tmp_path / "o.db")
    assert main(["--db", db, "orders", "import", str(book), "--json", "--year", "2026"]) == 0
    assert json.loads(capsys.readouterr().out)["orders"] == 3
    from microshop.domain.timeutil import format_local
    from microshop.store.database import Database

    opened = Database.open(Path(db))
    try:
        with opened.session() as s:
            got = {o.customer.name: format_local(o.ordered_at, "%Y-%m-%d %H:%M") for o in s.scalars(select(Order))}
        assert got == {"小美": "2026-12-30 00:00", "阿强": "2026-12-31 18:00", "老陈": "2027-01-02 00:00"}
    finally:
        opened.close()
    with pytest.raises(SystemExit) as refused:  # argparse's own exit, with the reason in Chinese
        main(["--db", db, "orders", "import", str(book), "--year", "26"])
    assert refused.value.code == 2 and "四位数" in capsys.readouterr().err


def test_a_whole_year_without_years_rolls_into_the_next_at_new_year(tmp_path: Path) -> None:
    from microshop.domain.timeutil import format_local
    from microshop.importers.orderbook import parse_order_book

    days = ["1月5日", "4月1日", "7月1日", "10月1日", "12月30日", "1月2日"]
    book = tmp_path / "一年的账.csv"
    book.write_text("日期,客户,商品,金额\n" + "".join(f"{d},小美,草莓,68\n" for d in days), encoding="utf-8")
    rows = parse_order_book(book, 2026).rows
    assert [format_local(r.ordered_at, "%Y-%m-%d") for r in rows] == [
        "2026-01-05", "2026-04-01", "2026-07-01", "2026-10-01", "2026-12-30", "2027-01-02"]


def test_a_fukuan_column_is_the_money_paid_not_a_status(tmp_path: Path) -> None:
    """A hand-kept book's 付款 column holds what was paid (68, 30); 是否已付 says whether."""
    book = tmp_path / "手记账.csv"
    book.write_text("日期,客户,商品,付款,是否已付\n2026-11-03,小美,草莓,68,已付\n2026-11-03,阿强,蓝莓,30,未付\n",
                    encoding="utf-8")
    from microshop.importers.orderbook import parse_order_book

    parsed = parse_order_book(book)
    assert [(r.customer, r.amount_fen, r.status) for r in parsed.rows] == [
        ("小美", 6800, "paid"), ("阿强", 3000, "pending_payment")]
    assert parsed.skipped == [] and parsed.unused_columns == []
