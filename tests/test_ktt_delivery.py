"""团长's day: 快团团 exports in (orders import-ktt), 派送单 and labels out (delivery), 进货 (restock)."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import FIXTURES, write_xlsx
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from microshop.cli import main
from microshop.domain.address import natural_key, parse_location
from microshop.domain.enums import OrderStatus
from microshop.errors import UserError
from microshop.importers.ktt import allocate, order_status, parse_ktt, parse_products
from microshop.services.delivery import Selection, delivery_sheet, export_delivery, restock
from microshop.services.ktt import import_ktt, preview_ktt
from microshop.store.models import Customer, Order, OrderItem

KTT = FIXTURES / "ktt"
V1 = KTT / "幸福里水果团_1118.xlsx"
V2 = KTT / "幸福里水果团_1120.xlsx"
ITEMS_CSV = KTT / "帮卖_按商品.csv"
DAYS = Selection(date(2026, 11, 18), date(2026, 11, 20))


def pdf_text(path: Path) -> list[str]:
    from pypdf import PdfReader

    # pypdf reads fpdf2's 2-byte ToUnicode map with a NUL before each character (poppler reads it
    # cleanly); NULs and spaces are dropped so the text compares as printed.
    return [re.sub(r"[\s\x00]+", "", page.extract_text()) for page in PdfReader(str(path)).pages]


def orders_by_no(session) -> dict[str, Order]:
    return {o.group_no: o for o in session.scalars(select(Order).where(Order.platform_key == "ktt"))}


# ---------------------------------------------------------------- reading the export

def test_products_cell_forms() -> None:
    assert [(i.title, i.spec, i.quantity) for i in parse_products("麒麟西瓜（1个约8斤）×1\n阳光玫瑰葡萄 2斤 x3")] == [
        ("麒麟西瓜", "1个约8斤", 1), ("阳光玫瑰葡萄", "2斤", 3)]
    assert [(i.title, i.spec, i.quantity) for i in parse_products("1. 鲜肉包 *10；2. 豆浆")] == [
        ("鲜肉包", None, 10), ("豆浆", None, 1)]
    assert [(i.title, i.quantity) for i in parse_products("鲜鸡蛋 30枚（2份）")] == [("鲜鸡蛋", 2)]


@pytest.mark.parametrize("cell, items", [
    ("【赣南脐橙】10斤装 x 2", [("赣南脐橙", "10斤装", 2)]),               # the name in brackets, its size after
    ("【特价】赣南脐橙 10斤装 x1", [("【特价】赣南脐橙", "10斤装", 1)]),    # a tag in brackets is not the name
    ("1.车厘子 JJ级 2斤装 x1 2.芒果 x2", [("车厘子", "JJ级 2斤装", 1), ("芒果", None, 2)]),  # a list on one line
    ("芒果 2.5斤 x1", [("芒果", "2.5斤", 1)]),                            # never cut at a decimal
    ("榴莲千层蛋糕 6寸 2份", [("榴莲千层蛋糕", "6寸", 2)]),                # a count in 份 after a space
    ("苹果 ×2 件", [("苹果", None, 2)]),                                   # ×2 with its unit
])
def test_products_cell_forms_seen_in_exports(cell: str, items: list[tuple[str, str | None, int]]) -> None:
    assert [(i.title, i.spec, i.quantity) for i in parse_products(cell)] == items


def test_status_words() -> None:
    assert order_status("已发货（部分退款）") is OrderStatus.SHIPPED
    assert order_status("交易关闭") is OrderStatus.CANCELLED
    assert order_status("交易成功") is OrderStatus.COMPLETED
    assert order_status("") is OrderStatus.PAID
    assert order_status("已冻结") is None


@given(st.integers(0, 10**9), st.lists(st.integers(0, 1000), min_size=1, max_size=8))
def test_allocate_sums_to_total(total: int, weights: list[int]) -> None:
    parts = allocate(total, weights)
    assert sum(parts) == total and len(parts) == len(weights) and min(parts) >= 0


def test_parse_one_row_per_order_export() -> None:
    export = parse_ktt(V1)
    assert export.group_name == "幸福里社区水果团"
    assert [o.group_no for o in export.orders] == [str(n) for n in range(1, 9)]
    second = export.orders[1]
    assert [(i.title, i.quantity) for i in second.items] == [("麒麟西瓜", 1), ("阳光玫瑰葡萄", 3)]
    assert sum(i.amount_fen or 0 for i in second.items) == 10170
    assert export.orders[2].status is OrderStatus.REFUNDED  # 退款金额 = 订单金额
    partial = export.orders[3]
    assert partial.status is OrderStatus.PAID and partial.refund_fen == 1000
    assert sum(i.amount_fen or 0 for i in partial.items) == 4780 - 1000
    assert export.orders[4].status is OrderStatus.CANCELLED
    first = export.orders[0]
    assert (first.community, first.building, first.unit, first.room) == ("幸福里小区", "10", "2", "1201")
    assert first.phone == "13800001111" and first.paid_at == datetime(2026, 11, 18, 1, 1, 12, tzinfo=UTC)


def test_parse_one_row_per_product_csv_with_merged_rows() -> None:
    export = parse_ktt(ITEMS_CSV)
    by_no = {o.group_no: o for o in export.orders}
    assert sorted(by_no) == ["101", "102", "103", "104", "105"]
    first = by_no["101"]
    assert [(i.title, i.spec, i.quantity, i.amount_fen) for i in first.items] == [
        ("云南蓝莓", "125g*4盒", 1, 3990), ("丹东草莓", "500g", 2, 5980)]
    assert first.address == "江苏省南京市鼓楼区翠苑一区7幢3单元401室"
    assert (first.building, first.unit, first.room) == ("7", "3", "401")
    assert first.tracking == "78812345678901"
    assert len(by_no["104"].items) == 2  # 跟团号 repeated on every product row
    assert by_no["103"].status is OrderStatus.CANCELLED and by_no["105"].status is OrderStatus.CANCELLED


def test_unknown_status_row_is_left_out_with_reason(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "k.xlsx", [
        ["跟团号", "下单人", "支付时间", "商品", "订单金额", "订单状态"],
        [1, "甲", "2026-11-18 10:00", "苹果 ×1", "10", "已支付"],
        [2, "乙", "2026-11-18 10:00", "苹果 ×1", "10", "已冻结"],
    ])
    export = parse_ktt(path)
    assert [o.group_no for o in export.orders] == ["1"]
    assert export.skipped[0].row == 3 and "已冻结" in export.skipped[0].reason


def test_an_order_with_an_unreadable_product_row_stays_out_whole(tmp_path: Path, db) -> None:
    """One row per product; a row shifted by hand (规格/数量/金额 but no 商品) is named, and its order is
    not imported with an item missing; the orders around it are."""
    path = tmp_path / "帮卖.csv"
    path.write_text("跟团号,下单人,支付时间,商品,规格,数量,商品金额,订单状态,自提点\n"
                    "1,王阿姨,2026-11-20 09:01,赣南脐橙,5斤装,2,59.80,已支付,3栋门口\n"
                    ",,,,阳光玫瑰,2斤,1,29.90,\n"
                    ",,,丹东草莓,500g,1,29.90,,\n"
                    "2,小李,2026-11-20 09:15,赣南脐橙,5斤装,1,29.90,已支付,3栋门口\n"
                    "3,老周,2026-11-20 09:30,丹东草莓,500g,1,29.90,已支付,3栋门口\n"
                    ",,,赣南脐橙,5斤装,1,29.90,,\n", encoding="utf-8")
    export = parse_ktt(path)
    assert [o.group_no for o in export.orders] == ["2", "3"]
    assert [len(o.items) for o in export.orders] == [1, 2]
    reasons = {s.row: s.reason for s in export.skipped}
    assert set(reasons) == {2, 3}
    assert "整单没有导入" in reasons[2] and "没有商品名" in reasons[3]
    with db.session() as s:
        assert import_ktt(s, path)["orders"] == 2
        assert s.scalar(select(func.count(Order.id)).where(Order.group_no == "1")) == 0


def test_not_a_ktt_file_is_refused_in_chinese() -> None:
    with pytest.raises(UserError, match="不像快团团导出的订单表"):
        parse_ktt(FIXTURES / "orders" / "orders_2026-10.xlsx")


def test_excel_mangled_order_number_refuses_the_file(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "k.xlsx", [
        ["跟团号", "订单号", "下单人", "支付时间", "商品", "订单金额"],
        [1, 2.0261119001011e15, "甲", "2026-11-18 10:00", "苹果 ×1", "10"],
    ])
    with pytest.raises(UserError, match="订单号"):
        parse_ktt(path)


# ---------------------------------------------------------------- into the book

def test_import_then_later_export_updates_and_never_duplicates(db) -> None:
    with db.session() as s:
        first = import_ktt(s, V1)
    assert first == {"orders": 8, "items": 10, "customers_created": 7, "updated": 0, "unchanged": 0, "skipped": []}
    with db.session() as s:
        book = orders_by_no(s)
        assert book["1"].customer.name == "王阿姨" and book["8"].customer_id == book["1"].customer_id  # same phone
        assert book["3"].status == "refunded" and book["5"].status == "cancelled"
        assert book["6"].pickup_point == "东门快递柜旁" and book["6"].fulfilment == "pickup"
        assert book["1"].fulfilment == "delivery" and book["1"].building == "10" and book["1"].room == "1201"
        assert book["2"].notes == "团长备注：老顾客"
        assert s.scalar(select(func.sum(OrderItem.amount_fen))) == sum(
            [5980, 10170, 5480, 4780 - 1000, 5000, 2990, 7980, 2500])
    with db.session() as s:
        preview = preview_ktt(s, V2)
        assert (preview.count("add"), preview.count("update"), preview.count("unchanged")) == (1, 6, 2)
        second = import_ktt(s, V2)
    assert (second["orders"], second["updated"], second["unchanged"], second["customers_created"]) == (1, 6, 2, 1)
    with db.session() as s:
        book = orders_by_no(s)
        assert s.scalar(select(func.count(Order.id))) == 9
        assert book["1"].status == "completed" and book["7"].status == "refunded"
        assert book["2"].status == "shipped" and book["2"].refund_fen == 500
        assert sum(i.amount_fen for i in book["2"].items) == 10170 - 500
        assert "部分退款 ¥5.00" in book["2"].notes
    with db.session() as s:
        again = import_ktt(s, V2)
    assert (again["orders"], again["updated"], again["unchanged"]) == (0, 0, 9)
    with db.session() as s:
        assert s.scalar(select(func.count(Order.id))) == 9
        assert s.scalar(select(func.count(Customer.id))) == 8


def test_customer_matched_by_phone_before_name(db) -> None:
    with db.session() as s:
        s.add(Customer(name="丽丽（10栋）", phone="13800001111"))
        s.add(Customer(name="李强"))
    with db.session() as s:
        result = import_ktt(s, V1)
        book = orders_by_no(s)
        assert book["1"].customer.name == "丽丽（10栋）"
        assert book["2"].customer.name == "李强"  # no phone on file: matched by 收货人
        assert result["customers_created"] == 5


def test_a_refused_file_leaves_the_book_unchanged(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bad.xlsx", [["跟团号", "下单人"], [1, "甲"]])
    with pytest.raises(UserError):
        with db.session() as s:
            import_ktt(s, path)
    with db.session() as s:
        assert s.scalar(select(func.count(Order.id))) == 0


# ---------------------------------------------------------------- 派送单, labels, 进货

@pytest.fixture
def ktt_db(db):
    with db.session() as s:
        import_ktt(s, V1)
        import_ktt(s, ITEMS_CSV)
    return db


def test_building_sheet_natural_order_and_masked_phones(ktt_db, tmp_path: Path) -> None:
    with ktt_db.session() as s:
        sheet = delivery_sheet(s, DAYS, "building")
    names = [g.name for g in sheet.groups]
    assert names[:2] == ["幸福里小区", "翠苑一区"]
    estate = sheet.groups[0].households
    assert [h.place for h in estate] == ["2栋1单元302", "2栋2单元1502", "10栋2单元1201", "10栋1101"]
    # refunded (#3) and cancelled (#5) are left out; #1 and #8 are one household
    assert estate[2].refs == ["#1", "#8"]
    assert estate[2].phone == "138****1111"
    flats = [h.place for h in sheet.groups[1].households]
    assert flats == ["7栋3单元401", "7栋3单元1001", "12栋1单元1102"]  # 7幢 before 12幢; 401 before 1001

    out = export_delivery(sheet, tmp_path / "派送单.pdf")
    pages = pdf_text(out)
    assert len(pages) == 1 and "第1/1页" in pages[0]  # 8 households fit one A4 page
    text = "".join(pages)
    assert text.index("2栋1单元302") < text.index("10栋2单元1201") < text.index("10栋1101")
    assert "138****1111" in text and "13800001111" not in text
    assert "张敏" not in text and "周洁" not in text  # refunded, cancelled
    assert "麒麟西瓜1个约8斤×1" in text


def test_pdf_embeds_the_bundled_font_with_every_glyph(ktt_db, tmp_path: Path) -> None:
    from pypdf import PdfReader

    with ktt_db.session() as s:
        out = export_delivery(delivery_sheet(s, DAYS, "pickup"), tmp_path / "d.pdf")
    reader = PdfReader(str(out))
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"]
            assert "/FontFile3" in descriptor or "/FontFile2" in descriptor  # embedded
            fonts.append(str(font["/BaseFont"]))
    assert any("NotoSansSC" in f or "Noto" in f for f in fonts)
    text = "".join(pdf_text(out))
    assert "\ufffd" not in text and "小李" not in text  # 小李🍓 is 收货人 李强 on the sheet
    assert "李强" in text and "送货上门" in text and "东门快递柜旁" in text


def test_labels_one_household_per_page_at_label_size(ktt_db, tmp_path: Path) -> None:
    from pypdf import PdfReader

    with ktt_db.session() as s:
        sheet = delivery_sheet(s, DAYS, "building")
    out = export_delivery(sheet, tmp_path / "labels.pdf", (60.0, 40.0))
    reader = PdfReader(str(out))
    assert len(reader.pages) == len(sheet.households) == 8
    box = reader.pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 60 and round(float(box.height) / 72 * 25.4) == 40
    texts = pdf_text(out)
    for page, household in zip(texts, sheet.households):
        assert household.name in page and household.place in page


def test_delivery_xlsx(ktt_db, tmp_path: Path) -> None:
    with ktt_db.session() as s:
        out = export_delivery(delivery_sheet(s, DAYS, "pickup", full_phones=True), tmp_path / "d.xlsx")
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    points = [r[0] for r in rows if r[0] and not str(r[0]).endswith("合计")]
    assert "东门快递柜旁" in points and "送货上门" in points
    assert any(r[3] == "13800001111" for r in rows)  # full numbers when asked
    assert not any(r[2] == "张敏" for r in rows)


def test_restock_totals_equal_the_items(ktt_db) -> None:
    with ktt_db.session() as s:
        summary = restock(s, DAYS)
        live = s.execute(
            select(OrderItem.title, OrderItem.spec, func.sum(OrderItem.quantity), func.sum(OrderItem.amount_fen))
            .join(Order).where(Order.status.not_in(["refunded", "cancelled"])).group_by(OrderItem.title, OrderItem.spec)
        ).all()
    expected = {(t, sp): (q, a) for t, sp, q, a in live}
    assert {(i["product"], i["spec"]): (i["qty"], i["amount_fen"]) for i in summary["items"]} == expected
    assert summary["total_qty"] == sum(q for q, _ in expected.values())
    assert summary["total_fen"] == sum(a for _, a in expected.values())
    grapes = next(i for i in summary["items"] if i["product"] == "阳光玫瑰葡萄")
    assert grapes["qty"] == 5  # #2 ×3 + #4 ×2


def test_cli_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    assert main(["--db", db, "orders", "import-ktt", str(V1), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["orders"] == 8
    assert main(["--db", db, "orders", "import-ktt", str(V1), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["orders"] == 0
    assert main(["--db", db, "restock", "--from", "2026-11-18", "--to", "2026-11-18", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert set(summary) == {"items", "total_qty", "total_fen"}
    assert set(summary["items"][0]) == {"product", "spec", "qty", "amount_fen"}
    assert summary["total_qty"] == sum(i["qty"] for i in summary["items"]) == 12
    out = tmp_path / "labels.pdf"
    assert main(["--db", db, "delivery", "--from", "2026-11-18", "--to", "2026-11-18", "--group-by", "building",
                 "--out", str(out), "--labels", "100x70"]) == 0
    assert len(pdf_text(out)) == 5
    full = tmp_path / "full.xlsx"
    assert main(["--db", db, "delivery", "--from", "2026-11-18", "--to", "2026-11-18", "--full-phones",
                 "--out", str(full)]) == 0
    assert main(["--db", db, "delivery", "--from", "2026-11-31", "--out", str(full)]) == 2
    assert "不是日期" in capsys.readouterr().err
    assert main(["--db", db, "delivery", "--from", "2026-10-01", "--out", str(full)]) == 2
    assert "没有要派送的订单" in capsys.readouterr().err


@pytest.mark.parametrize(("address", "parts"), [
    ("浙江省杭州市西湖区阳光花园3栋2单元502", ("阳光花园", "3", "2", "502")),
    ("幸福里小区10号楼1201", ("幸福里小区", "10", "", "1201")),
    ("翠苑一区 7幢 3单元 401室", ("翠苑一区", "7", "3", "401")),
    ("绿城桂花园5-2-301", ("绿城桂花园", "5", "2", "301")),
    ("上海市闵行区莲花路1280弄12号1102室", ("莲花路1280弄", "12", "", "1102")),
    ("阳光小区十二栋一单元301", ("阳光小区", "12", "1", "301")),
    ("华星时代广场A座1203", ("华星时代广场", "A", "", "1203")),
])
def test_location_from_address(address: str, parts: tuple[str, str, str, str]) -> None:
    found = parse_location(address)
    assert (found.community, found.building, found.unit, found.room) == parts


def test_natural_order() -> None:
    assert sorted(["10栋", "2栋", "1栋", "2栋1单元"], key=natural_key) == ["1栋", "2栋", "2栋1单元", "10栋"]


@given(st.text(max_size=300))
def test_location_never_raises(text: str) -> None:
    found = parse_location(text)
    assert len(found.community) <= 300


def test_characters_the_font_lacks_are_left_out_not_boxed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from microshop.services.delivery import DeliveryGroup, DeliverySheet, Household, Line

    household = Household("3栋502", "小美🌸", "138****0000", "", [Line("草莓🍓", None, 2, 100)])
    sheet = DeliverySheet("2026-11-18", "building", [DeliveryGroup("阳光花园", [household])])
    for out in (export_delivery(sheet, tmp_path / "a.pdf"), export_delivery(sheet, tmp_path / "l.pdf", (60.0, 40.0))):
        text = "".join(pdf_text(out))
        assert "小美" in text and "草莓×2" in text
        assert "🌸" not in text and "🍓" not in text
    assert not [r for r in caplog.records if "missing" in r.getMessage()]  # fpdf2 found no glyph missing


CELLS = st.one_of(st.none(), st.text(max_size=30), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                  st.sampled_from(["已支付", "已退款", "2026-11-18 10:00", "苹果 ×2\n梨 x1", "1e999", "-5", "×", "（2份）"]))


@given(st.lists(st.lists(CELLS, min_size=6, max_size=6), max_size=8))
def test_any_cells_under_a_ktt_header_parse_or_are_refused(rows: list[list[object]]) -> None:
    import csv
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "k.csv"  # CSV holds any text (xlsx refuses control characters)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([["跟团号", "下单人", "支付时间", "商品", "订单金额", "订单状态"], *rows])
        try:
            export = parse_ktt(path)
        except UserError:
            return
    for order in export.orders:
        assert order.items and all(i.quantity > 0 and (i.amount_fen or 0) >= 0 for i in order.items)
        assert sum(i.amount_fen or 0 for i in order.items) <= max(order.amount_fen or 0, 0) or order.amount_fen is None


def test_editing_a_ktt_order_keeps_its_specs_and_delivery_fields(db) -> None:
    from microshop.services import orders as osvc

    with db.session() as s:
        import_ktt(s, V1)
        order_id = orders_by_no(s)["2"].id
    with db.session() as s:
        data = osvc.load_order(s, order_id)
        data.notes = "改过的备注"
        data.items = [osvc.ItemInput(i.title, i.quantity, i.amount_fen) for i in data.items]  # as the dialog rebuilds them
        osvc.save_order(s, data, order_id)
    with db.session() as s:
        order = s.get(Order, order_id)
        assert [i.spec for i in order.items] == ["1个约8斤", "2斤"]
        assert (order.building, order.room, order.group_no) == ("2", "302", "2")


def test_status_filter(ktt_db, capsys: pytest.CaptureFixture[str]) -> None:
    with ktt_db.session() as s:
        pending = restock(s, Selection(date(2026, 11, 18), date(2026, 11, 20), statuses=("shipped",)))
    assert {(i["product"], i["qty"]) for i in pending["items"]} == {("云南蓝莓", 1), ("丹东草莓", 2)}  # #101 已发货 only
    assert main(["--db", str(ktt_db.path), "restock", "--from", "2026-11-18", "--status", "paid,lost", "--json"]) == 2
    assert "lost" in capsys.readouterr().err
