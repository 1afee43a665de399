"""Monthly income, withdrawals, clawbacks, export to xlsx, custom column mappings."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from microshop.errors import UserError
from microshop.services import reconcile as rc
from microshop.services.income import add_withdrawal, income_series, monthly_income
from microshop.services.reconcile_export import export_reconciliation
from microshop.services.statements import import_statement, save_mapping
from microshop.store.models import Order, StatementAdjustment

STATEMENTS = ["taobao_2026-10.xlsx", "jd_2026-10.xlsx", "pdd_2026-10.xlsx", "douyin_2026-10.csv"]




def test_income_includes_markup_arrivals_and_clawbacks(sample_db) -> None:
    with sample_db.session() as s:
        add_withdrawal(s, "pdd", 5000, datetime(2026, 10, 21, 10, 0))
        add_withdrawal(s, "pdd", 240, datetime(2026, 10, 31, 23, 30))  # Shanghai time: still October
        add_withdrawal(s, "taobao", 999, datetime(2026, 11, 1, 0, 30))  # November
        s.add(StatementAdjustment(platform_key="taobao", kind="refund", order_no="", sub_order_no="x",
                                  status="维权成功", clawback_fen=300,
                                  occurred_at=datetime(2026, 10, 25, tzinfo=UTC)))
    with sample_db.session() as s:
        income = monthly_income(s, "2026-10")
        orders = s.scalars(select(Order).where(Order.platform_key == "douyin")).all()
        douyin_markup = sum(i.amount_fen - i.effective_platform_amount_fen for o in orders
                            if o.status != "refunded" for i in o.items)
    assert income["pdd"].arrived == 5240 and income["pdd"].difference == 5240 - 5240
    assert income["taobao"].arrived == 0 and income["taobao"].clawed_back == 300
    assert income["taobao"].difference == 0 - (11667 - 300)
    assert income["douyin"].markup == douyin_markup > 0
    assert income["total"].estimated == 109803 and income["total"].arrived == 5240
    series = dict(income_series_of(sample_db))
    assert series["2026-10"].estimated == 109803 and series["2026-11"].arrived == 999


def income_series_of(db):
    with db.session() as s:
        return income_series(s, "2026-11", 3)


def test_withdrawal_validation(db) -> None:
    with db.session() as s, pytest.raises(UserError):
        add_withdrawal(s, "pdd", 0, datetime(2026, 10, 1))


def test_export_has_summary_and_category_sheets(sample_db, tmp_path: Path) -> None:
    with sample_db.session() as s:
        result = rc.reconcile(s, "2026-10")
        out = export_reconciliation(s, "2026-10", tmp_path / "对账")
    assert out.suffix == ".xlsx"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", "已匹配", "金额不符", "已失效", "平台无记录", "未记录的平台订单"]
    summary = wb["汇总"]
    total_row = next(r for r in summary.iter_rows(values_only=True) if r[0] == "合计")
    assert float(total_row[1]) == pytest.approx(1098.03) and float(total_row[2]) == pytest.approx(234.17)
    counts = result.counts()
    for sheet, category in zip(wb.sheetnames[1:], rc.CATEGORIES):
        assert wb[sheet].max_row - 1 == counts[category]


def test_export_neutralises_formula_like_text(sample_db, tmp_path: Path) -> None:
    with sample_db.session() as s:
        item = s.scalars(select(Order)).first().items[0]
        item.title = "=HYPERLINK(\"http://x\")"
    with sample_db.session() as s:
        out = export_reconciliation(s, "2026-10", tmp_path / "x.xlsx")
    wb = openpyxl.load_workbook(out)
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'=HYPERLINK(\"http://x\")" in values
    assert not any(v.startswith(("=", "+", "@")) for v in values)


def test_create_order_from_unrecorded_line(sample_db) -> None:
    with sample_db.session() as s:
        before = rc.reconcile(s, "2026-10").counts()
        line = next(i for i in rc.reconcile(s, "2026-10").items if i.category == "unrecorded")
        order_id = rc.create_order_from_line(s, line.line_id)
    with sample_db.session() as s:
        after = rc.reconcile(s, "2026-10")
        order = s.get(Order, order_id)
        assert order.platform_order_no == line.platform_order_no and order.items[0].amount_fen == line.line_paid_fen
    counts = after.counts()
    assert counts["unrecorded"] == before["unrecorded"] - 1
    assert sum(counts.values()) == sum(before.values())
    mine = next(i for i in after.items if i.order_id == order_id)
    assert mine.line_id == line.line_id and mine.category in ("matched", "invalid")


def test_custom_mapping_is_remembered(db, tmp_path: Path) -> None:
    header = ["跟团号", "下单人", "商品", "订单金额", "团长佣金", "订单状态", "支付时间"]
    wb = openpyxl.Workbook()
    wb.active.append(header)
    wb.active.append(["1001", "张姐", "荔枝 5斤", "59.90", "8.99", "已完成", "2026-10-05 10:00:00"])
    wb.active.append(["1002", "王阿姨", "荔枝 5斤", "59.90", "8.99", "已退款", "2026-10-06 10:00:00"])
    path = tmp_path / "ktt.xlsx"
    wb.save(path)
    with pytest.raises(UserError, match="无法识别"):
        with db.session() as s:
            import_statement(s, path)
    mapping = {"order_no": "跟团号", "title": "商品", "paid": "订单金额", "estimated": "团长佣金",
               "status": "订单状态", "created": "支付时间"}
    with db.session() as s:
        save_mapping(s, header, "ktt", mapping)
    with db.session() as s:
        result = import_statement(s, path)
    assert (result["platform"], result["added"]) == ("ktt", 2)
    from microshop.store.models import StatementLine

    with db.session() as s:
        lines = {ln.order_no: ln for ln in s.scalars(select(StatementLine))}
    assert (lines["1001"].status, lines["1001"].estimated_fen) == ("received", 899)
    assert lines["1002"].status == "invalid"
    with pytest.raises(UserError, match="下单时间"):
        with db.session() as s:
            save_mapping(s, header, "ktt", {k: v for k, v in mapping.items() if k != "created"})
