"""The column-at-a-time statement path: exactly the per-cell rules, across chunk boundaries.

Importers parse whole columns with fast paths for the usual forms and hand every other cell to
the per-cell rules (``cell_money``, ``cell_time`` …). These tests hold the fast paths to those
rules on generated columns, and check the streamed import (5,000-row chunks) end to end.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import write_xlsx
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from microshop.errors import Cancelled, UserError
from microshop.importers import statements as imp
from microshop.importers.table import (
    cell_id,
    cell_int,
    cell_money,
    cell_text,
    cell_time,
    column_id,
    column_int,
    column_money,
    column_text,
    column_time,
)
from microshop.services import reconcile as rc
from microshop.services.progress import Progress
from microshop.services.statements import import_statement, undo_import
from microshop.store.models import Order, OrderItem, StatementLine, StatementLineHistory

EXAMPLES = settings(max_examples=int(os.environ.get("MICROSHOP_FUZZ_EXAMPLES", "150")), deadline=None)

# Cells as spreadsheet readers hand them over: mostly the usual forms, with every awkward one mixed in.
money_cells = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-10**6, 10**6).map(lambda n: n / 100),
    st.decimals(-10**6, 10**6, places=3).map(str),
    st.sampled_from(["", "--", "-", "—", None, "¥1,234.50", " 12.30\t", "59.9元", "abc", "nan", "1e5", "0.285",
                     "1_000", "null", "'12.5"]),
    st.text(max_size=6),
)
time_cells = st.one_of(
    st.datetimes(datetime(1980, 1, 1), datetime(2040, 1, 1)).map(lambda d: d.strftime("%Y-%m-%d %H:%M:%S")),
    st.datetimes(datetime(1980, 1, 1), datetime(2040, 1, 1)).map(lambda d: d.strftime("%Y-%m-%d %H:%M")),
    st.datetimes(datetime(1980, 1, 1), datetime(2040, 1, 1)).map(lambda d: d.strftime("%Y/%m/%d %H:%M:%S")),
    st.datetimes(datetime(1980, 1, 1), datetime(2040, 1, 1)),
    st.floats(20000, 80000),
    st.integers(10**9, 2 * 10**9).map(str),
    st.sampled_from(["", "--", None, "0", "2026-13-01 10:00:00", "2026-10-01 12:00+08", "2026-10-01T08:00:00",
                     "2026-10-01", "20261001", "2026年10月1日", "null", "  ", "1991-06-01 12:00:00"]),
    st.text(max_size=19),
)
id_cells = st.one_of(
    st.integers(0, 10**20).map(str),
    st.integers(0, 10**20).map(lambda n: f"\t{n}"),
    st.integers(0, 10**20).map(lambda n: f"'{n}"),
    st.integers(0, 10**12).map(float),
    st.sampled_from(["", "--", None, "1.7E+18", "null", "abcde", "  x  ", "'", "1+2+3+4"]),
    st.text(max_size=8),
)
text_cells = st.one_of(st.text(max_size=12), st.sampled_from(["", "--", "'", "'--", " NULL ", None, 3.0, 2.5]))
int_cells = st.one_of(st.integers(-5, 10**6).map(float), st.floats(), st.sampled_from(["", "--", None, "3", "2.0", "x"]),
                      st.text(max_size=4))


def per_cell(rule, values):
    """What the per-cell rule says for each value: (results, {index: cell} of the bad ones)."""
    out, bad = [], {}
    for i, v in enumerate(values):
        try:
            out.append(None if v is None or v == "" else rule(v))
        except ValueError:
            out.append(None)
            bad[i] = v
    return out, bad


def utc_naive(value):
    t = cell_time(value)
    return None if t is None else t.astimezone(UTC).replace(tzinfo=None)


@EXAMPLES
@given(st.lists(money_cells, max_size=40), st.booleans())
def test_money_column_is_exactly_cell_money(values, floats_only) -> None:
    if floats_only:  # the all-numbers fast path
        values = [v for v in values if isinstance(v, float)]
    assert column_money(values) == per_cell(cell_money, values)


@EXAMPLES
@given(st.lists(time_cells, max_size=40))
def test_time_column_is_exactly_cell_time(values) -> None:
    assert column_time(values) == per_cell(utc_naive, values)


@EXAMPLES
@given(st.lists(int_cells, max_size=40))
def test_int_column_is_exactly_cell_int(values) -> None:
    assert column_int(values) == per_cell(cell_int, values)


@EXAMPLES
@given(st.lists(text_cells, max_size=40))
def test_text_column_is_exactly_cell_text(values) -> None:
    assert column_text(values) == [cell_text(v) or None for v in values]


row_cells = st.one_of(
    st.sampled_from(["2026-10-01 10:00:00", "1700000000000000001", "  总计 ", "合计：", "'123456", "--", "", None,
                     float("nan"), 3.0, "null", "汇总", " 12345 ", "共计 3 单", "商品A", "—", "NONE"]),
    st.text(max_size=8),
)


@EXAMPLES
@given(st.lists(st.lists(row_cells, max_size=5), min_size=1, max_size=12),
       st.sampled_from(["", "1700000000000000001", "2026-10-01 10:00:00"]))
def test_data_rows_are_exactly_the_rows_the_per_row_rule_keeps(rows, lead) -> None:
    """The column-at-a-time check of blank/“--”/总计 rows keeps exactly what ``_is_data_row`` keeps."""
    if lead:
        rows = [[lead, *row] for row in rows]  # the usual case: every first cell a plain number or time
    numbers = list(range(2, len(rows) + 2))
    kept = [i for i, row in enumerate(rows) if imp._is_data_row(row)]
    assert imp._data_rows(rows, numbers) == ([rows[i] for i in kept], [numbers[i] for i in kept])


@EXAMPLES
@given(st.lists(id_cells, max_size=40))
def test_id_column_is_exactly_cell_id(values) -> None:
    try:
        expected = [cell_id(v, "订单号") or None for v in values]
    except UserError as exc:
        with pytest.raises(UserError) as caught:
            column_id(values, "订单号")
        assert "订单号" in caught.value.message and type(caught.value) is type(exc)
    else:
        assert column_id(values, "订单号") == expected


HEADER = ["创建时间", "结算时间", "商品标题", "商品ID", "商品数量", "付款金额", "淘宝订单编号", "淘宝子订单号",
          "订单状态", "付款预估收入", "结算预估收入"]


def taobao_row(n: int, status: str = "已付款", paid: float = 59.9) -> list[object]:
    return ["2026-10-05 12:00:00", "2026-10-20 10:00:00" if status == "已结算" else "--", f"商品{n % 7}", f"P{n % 7}",
            1, paid, f"880{n:08d}", f"990{n:08d}", status, 5.99, 5.99 if status == "已结算" else 0]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(imp.reader, "CHUNK_ROWS", 7)
    return 7


def test_chunked_import_keeps_row_numbers_totals_and_problems(db, tmp_path: Path, small_chunks: int) -> None:
    rows = [["淘宝联盟 订单明细 2026-10"], HEADER]
    rows += [taobao_row(n) for n in range(30)]
    rows[10][5] = "五十九块"  # an amount nobody can read: that row is left out, with its row number
    rows[20][6] = ""  # no order number
    rows.insert(25, ["合计", "", "", "", 30])
    rows.append(["总计：30 笔"])
    path = write_xlsx(tmp_path / "chunks.xlsx", rows)
    with db.session() as s:
        result = import_statement(s, path)
        assert (result["rows"], result["added"]) == (30, 28)
        assert result["skipped"] == [{"row": 11, "reason": "“付款金额”的值“五十九块”看不懂"},
                                     {"row": 21, "reason": "缺少淘宝订单编号"}]
        by_row = dict(s.execute(select(StatementLine.source_row, StatementLine.order_no)).all())
    assert by_row[3] == "88000000000" and by_row[33] == "88000000029"  # row 26 was the 合计 row
    assert len(by_row) == 28


def test_a_line_listed_twice_counts_once_and_the_later_row_wins(db, tmp_path: Path, small_chunks: int) -> None:
    rows = [HEADER] + [taobao_row(n) for n in range(20)]
    rows.append(taobao_row(2, "已失效"))  # in a later chunk than the first listing
    rows.append(taobao_row(19, "已收货"))  # twice within the last chunk
    path = write_xlsx(tmp_path / "twice.xlsx", rows)
    with db.session() as s:
        result = import_statement(s, path)
        assert (result["added"], result["updated"], result["unchanged"]) == (20, 0, 0)
        status = dict(s.execute(select(StatementLine.order_no, StatementLine.status)).all())
        assert status["88000000002"] == "invalid" and status["88000000019"] == "received"
        assert s.scalar(select(func.count()).select_from(StatementLine)) == 20


def test_reimport_across_chunks_updates_with_history_and_undo_restores(db, tmp_path: Path, small_chunks: int) -> None:
    first = write_xlsx(tmp_path / "first.xlsx", [HEADER] + [taobao_row(n) for n in range(20)])
    with db.session() as s:
        import_statement(s, first)
    rows = [HEADER] + [taobao_row(n, "已结算" if n % 3 == 0 else "已付款") for n in range(24)]
    rows.append(taobao_row(5, "已付款"))  # listed again later, back to what is stored: unchanged
    rows.append(taobao_row(4, "已失效"))  # first unchanged, then changed by a later row
    second = write_xlsx(tmp_path / "second.xlsx", rows)
    with db.session() as s:
        result = import_statement(s, second)
        changed = {n for n in range(20) if n % 3 == 0} | {4}
        assert (result["added"], result["updated"], result["unchanged"]) == (4, len(changed), 20 - len(changed))
        status = dict(s.execute(select(StatementLine.order_no, StatementLine.status)).all())
        assert status["88000000004"] == "invalid" and status["88000000005"] == "paid"
        assert status["88000000003"] == "settled"
        assert s.scalar(select(func.count()).select_from(StatementLineHistory)) == len(changed)
        undo_import(s, result["import_id"])
    with db.session() as s:
        assert set(s.scalars(select(StatementLine.status))) == {"paid"}
        assert s.scalar(select(func.count()).select_from(StatementLine)) == 20


def statement_line_indexes(db) -> set[str]:
    with db.engine.connect() as conn:
        return {r[1] for r in conn.exec_driver_sql("PRAGMA index_list(statement_lines)")}


class CancelAfter(Progress):
    def __init__(self, calls: int) -> None:
        super().__init__()
        self.calls = calls

    def update(self, done: int, total: int = 0, message: str = "") -> None:
        self.calls -= 1
        if self.calls < 0:
            self.cancel()
        super().update(done, total, message)


def test_first_import_builds_indexes_at_the_end_and_a_cancel_keeps_them(db, tmp_path: Path, small_chunks: int) -> None:
    wanted = statement_line_indexes(db)
    assert {"ix_statement_lines_month", "ix_statement_lines_settled_month"} <= wanted
    path = write_xlsx(tmp_path / "first.xlsx", [HEADER] + [taobao_row(n) for n in range(30)])
    with pytest.raises(Cancelled), db.session() as s:  # cancelled part-way through the first import
        import_statement(s, path, progress=CancelAfter(2))
    assert statement_line_indexes(db) == wanted
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(StatementLine)) == 0
        import_statement(s, path)
    assert statement_line_indexes(db) == wanted
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_unrecorded_lines_are_read_when_shown(db) -> None:
    when = datetime(2026, 10, 10, 4, tzinfo=UTC)
    with db.session() as s:
        for n in range(1203):
            s.add(StatementLine(platform_key="jd" if n % 2 else "pdd", order_no=f"L{n}", line_key="k", paid_fen=n,
                                estimated_fen=1, status="paid", created_at=when + timedelta(minutes=n)))
        order = Order(ordered_at=when, platform_key="pdd", platform_order_no="L0")
        order.items = [OrderItem(title="x", amount_fen=0)]
        s.add(order)
    with db.session() as s:
        result = rc.reconcile(s, "2026-10")
    lines = result.category("unrecorded")
    assert isinstance(lines, rc.LineItems) and len(lines) == 1202 == result.counts()["unrecorded"]
    assert lines[0].platform_order_no == "L1" and lines[-1].platform_order_no == "L1202"
    assert [i.platform_order_no for i in lines[499:502]] == ["L500", "L501", "L502"]  # across a page
    assert [i.line_paid_fen for i in lines] == list(range(1, 1203))  # oldest first
    assert result.category("matched")[0].platform_order_no == "L0"
    with db.session() as s:
        jd = rc.reconcile(s, "2026-10", "jd")
    assert len(jd.category("unrecorded")) == 601 and all(i.platform == "jd" for i in jd.category("unrecorded"))


def test_orders_without_numbers_match_among_many_lines(db) -> None:
    """The no-number rule over a big month: only the unambiguous candidate is claimed."""
    base = datetime(2026, 10, 1, 4, tzinfo=UTC)
    with db.session() as s:
        for n in range(3000):
            s.add(StatementLine(platform_key="pdd", order_no=f"P{n}", line_key=f"G{n % 50}", product_id=f"G{n % 50}",
                                paid_fen=1000 + n, estimated_fen=100, status="paid",
                                created_at=base + timedelta(hours=n // 10)))
        targets = {7: 1007, 1500: 2500, 2999: 3999}
        for n, amount in targets.items():
            order = Order(ordered_at=base + timedelta(hours=n // 10, minutes=30), platform_key="pdd")
            order.items = [OrderItem(title="拼多多商品", platform_product_id=f"G{n % 50}", amount_fen=amount)]
            s.add(order)
        far = Order(ordered_at=base + timedelta(days=20), platform_key="pdd")  # right product and amount, too late
        far.items = [OrderItem(title="x", platform_product_id="G7", amount_fen=1007)]
        s.add(far)
    with db.session() as s:
        result = rc.reconcile(s, "2026-10")
    matched = {i.line_paid_fen for i in result.category("matched")}
    assert matched == set(targets.values())
    assert result.counts()["missing_on_platform"] == 1
    assert result.counts()["unrecorded"] == 3000 - 3
    missing = result.category("missing_on_platform")[0]
    with db.session() as s:
        offered = rc.link_candidates(s, result, missing.order_item_id, limit=5)
    assert len(offered) == 5 and all(i.category == "unrecorded" for i in offered)
    assert 1007 not in [i.line_paid_fen for i in offered]  # claimed by the order that matched it
    assert {i.line_paid_fen for i in offered[:2]} == {1006, 1008}  # nearest amount first
    assert all(abs(i.line_paid_fen - 1007) >= 2 for i in offered[2:])


def test_read_rows_gives_each_row_or_its_problem_in_order() -> None:
    taobao, refund = imp.TaobaoImporter(), imp.TaobaoRefundImporter()
    rows = [taobao_row(1), taobao_row(2, "火星状态"), taobao_row(3, "已结算")]
    read = taobao.read_rows(rows, [2, 3, 4], taobao.identify(HEADER))
    assert [type(r).__name__ for r in read] == ["Line", "RowIssue", "Line"]
    assert read[1].row == 3 and read[2].settled_fen == 599 and read[2].settled_at is not None
    header = ["淘宝子订单编号", "维权状态", "维权退款金额", "应返商家金额"]
    claims = refund.read_rows([["990001", "维权成功", "59.9", "5.99"], ["", "维权成功", "1", "0"]], [2, 3],
                              refund.identify(header))
    assert isinstance(claims[0], imp.Adjustment) and claims[0].clawback_fen == 599
    assert isinstance(claims[1], imp.RowIssue) and claims[1].reason == "缺少淘宝子订单编号"
