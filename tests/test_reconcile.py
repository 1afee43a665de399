"""Reconciliation: the 2026-10 samples give exactly the expected result; rules and decisions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from conftest import FIXTURES
from sqlalchemy import update

from microshop.cli import main
from microshop.services import reconcile as rc
from microshop.services.statements import import_statement
from microshop.store.models import Order, OrderItem, StatementLine

EXPECTED = json.loads((FIXTURES / "expected" / "reconcile_2026-10.json").read_text(encoding="utf-8"))
STATEMENTS = ["taobao_2026-10.xlsx", "jd_2026-10.xlsx", "pdd_2026-10.xlsx", "douyin_2026-10.csv"]




def test_cli_gives_exactly_the_expected_counts_and_totals(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "r.db")
    assert main(["--db", db, "orders", "import", str(FIXTURES / "orders" / "orders_2026-10.xlsx")]) == 0
    for name in STATEMENTS:
        assert main(["--db", db, "statements", "import", str(FIXTURES / "statements" / name), "--json"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "reconcile", "--month", "2026-10", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["month"] == "2026-10"
    assert out["counts"] == EXPECTED["counts"]
    assert out["totals_fen"] == EXPECTED["totals_fen"]
    for key, figures in EXPECTED["platforms"].items():
        assert {k: out["platforms"][key][k] for k in figures} == figures
    assert len(out["items"]) == sum(EXPECTED["counts"].values())
    assert sum(1 for i in out["items"] if i["order_item_id"]) == EXPECTED["local_orders"]


def test_platform_filter(sample_db) -> None:
    with sample_db.session() as s:
        jd = rc.reconcile(s, "2026-10", "jd")
    assert set(jd.platforms) == {"jd"} and all(i.platform == "jd" for i in jd.items)
    assert jd.totals_fen["estimated"] == EXPECTED["platforms"]["jd"]["estimated"]


def test_categories_follow_the_rules(sample_db) -> None:
    with sample_db.session() as s:
        result = rc.reconcile(s, "2026-10")
        for item in result.items:
            line = s.get(StatementLine, item.line_id) if item.line_id else None
            if item.category == "unrecorded":
                assert item.order_item_id is None and line is not None
                continue
            order = s.get(Order, item.order_id)
            oi = s.get(OrderItem, item.order_item_id)
            if item.category == "missing_on_platform":
                assert line is None
                continue
            assert line.platform_key == order.platform_key
            if order.platform_order_no:
                assert line.order_no == order.platform_order_no
            else:  # matched by product, amount and time
                assert abs(line.created_at - order.ordered_at) <= timedelta(days=3)
            diff = abs(line.paid_fen - oi.effective_platform_amount_fen)
            if item.category == "invalid":
                assert line.status == "invalid"
            elif item.category == "amount_mismatch":
                assert diff > 1 and line.status != "invalid"
            else:
                assert diff <= 1 and line.status != "invalid"


def test_manual_link_unlink_resolve_survive_reimport(sample_db) -> None:
    with sample_db.session() as s:
        before = rc.reconcile(s, "2026-10")
    missing = next(i for i in before.items if i.category == "missing_on_platform")
    unrecorded = next(i for i in before.items if i.category == "unrecorded" and i.line_status != "invalid")
    matched = next(i for i in before.items if i.category == "matched")
    with sample_db.session() as s:
        rc.link(s, missing.order_item_id, unrecorded.line_id, note="客户用了另一个链接")
        rc.unlink(s, matched.order_item_id, matched.line_id)
        rc.resolve(s, order_item_id=matched.order_item_id, note="已和客户确认")
    for name in STATEMENTS:  # a re-import keeps ids and decisions
        with sample_db.session() as s:
            import_statement(s, FIXTURES / "statements" / name)
    with sample_db.session() as s:
        after = rc.reconcile(s, "2026-10")
    by_item = {i.order_item_id: i for i in after.items if i.order_item_id}
    linked = by_item[missing.order_item_id]
    assert linked.line_id == unrecorded.line_id and linked.manual
    assert by_item[matched.order_item_id].line_id != matched.line_id
    assert by_item[matched.order_item_id].resolved and by_item[matched.order_item_id].note == "已和客户确认"
    counts = after.counts()
    assert counts["unrecorded"] == before.counts()["unrecorded"]  # the unlinked line is unclaimed now
    assert sum(counts.values()) == sum(before.counts().values())


def test_ambiguous_candidates_wait_for_the_user(db) -> None:
    when = datetime(2026, 10, 10, 4, tzinfo=UTC)
    with db.session() as s:
        for _ in range(2):
            order = Order(ordered_at=when, platform_key="pdd")
            order.items = [OrderItem(title="四川耙耙柑 5斤", platform_product_id="559", amount_fen=5990)]
            s.add(order)
        for n in range(2):
            s.add(StatementLine(platform_key="pdd", order_no=f"261010-{n}", line_key="559", product_id="559",
                                paid_fen=5990, estimated_fen=599, status="paid", created_at=when + timedelta(hours=n)))
    with db.session() as s:
        result = rc.reconcile(s, "2026-10")
    assert result.counts()["matched"] == 0
    assert result.counts()["missing_on_platform"] == 2 and result.counts()["unrecorded"] == 2


def test_one_line_never_claims_two_orders(db) -> None:
    """Two orders without platform numbers fit the same single line: neither takes it on its own."""
    when = datetime(2026, 10, 10, 4, tzinfo=UTC)
    with db.session() as s:
        for hours in (0, 5):
            order = Order(ordered_at=when + timedelta(hours=hours), platform_key="pdd")
            order.items = [OrderItem(title="四川耙耙柑 5斤", platform_product_id="559", amount_fen=5990)]
            s.add(order)
        s.add(StatementLine(platform_key="pdd", order_no="261010-1", line_key="559", product_id="559",
                            paid_fen=5990, estimated_fen=599, status="paid", created_at=when + timedelta(hours=1)))
    with db.session() as s:
        result = rc.reconcile(s, "2026-10")
    paired = [o for o in result.orders if o.category != "missing_on_platform"]
    assert paired == [] and result.counts()["missing_on_platform"] == 2 and result.counts()["unrecorded"] == 1
    with db.session() as s:  # one of them removed: the other now matches the line, once
        s.delete(s.get(Order, 2))
    with db.session() as s:
        result = rc.reconcile(s, "2026-10")
    assert result.counts()["matched"] == 1 and result.counts()["unrecorded"] == 0


def test_the_month_view_reads_the_first_page_of_unclaimed_lines_on_the_worker(db) -> None:
    """What the 对账 page shows first of 平台无记录 is already read when the operation returns
    (so showing it runs no SQL on the GUI thread)."""
    from microshop.services import statements
    from microshop.services.reconcile import month_view

    statements.import_file(db, FIXTURES / "statements" / "jd_2026-10.xlsx")
    view = month_view(db, "2026-10")
    lines = view.result.unrecorded
    assert len(lines) > 0 and 0 in lines._pages


def test_streamed_json_is_the_same_document_as_the_whole_one(sample_db, monkeypatch) -> None:
    import io

    monkeypatch.setattr(rc.LineItems, "PAGE", 7)  # several pages and several chunks of the unrecorded lines
    with sample_db.session() as s:  # a line SQLite leaves to Python (marked resolved), one without a title
        unrecorded = rc.reconcile(s, "2026-10").unrecorded
        first, second, old = unrecorded[0].line_id, unrecorded[3].line_id, unrecorded[5].line_id
        rc.resolve(s, note="客户自己下的单", line_id=first)
    with sample_db.session() as s:
        s.execute(update(StatementLine).where(StatementLine.id == second).values(product_title=None))
        s.execute(update(StatementLine).where(StatementLine.id == old)  # shown by Python: before 1992
                  .values(created_at=datetime(1991, 7, 1, 2, 30, tzinfo=UTC)))  # China kept summer time then
    for month in ("1991-07",):
        out = io.StringIO()
        with sample_db.session() as s:
            rc.reconcile(s, month).write_json(out)
        assert json.loads(out.getvalue()) == rc.month_json(sample_db, month)
        assert [i["ordered_at"] for i in json.loads(out.getvalue())["items"]] == ["1991-07-01 11:30"]
    whole = rc.month_json(sample_db, "2026-10")
    out = io.StringIO()
    with sample_db.session() as s:
        result = rc.reconcile(s, "2026-10")
        result.write_json(out)
    streamed = json.loads(out.getvalue())
    assert streamed == whole
    assert len(streamed["items"]) == sum(EXPECTED["counts"].values()) - 1  # the one moved to 1991
    assert [i["line_id"] for i in streamed["items"]] == [i.line_id for i in result.items]
    assert list(streamed["items"][0]) == [f.name for f in rc.fields(rc.Item)]
    assert list(streamed["items"][-1]) == [f.name for f in rc.fields(rc.Item)]  # an unrecorded line, SQLite's JSON
    marked = next(i for i in streamed["items"] if i["line_id"] == first)
    assert marked["resolved"] is True and marked["note"] == "客户自己下的单"


def test_streamed_json_of_an_empty_month_is_valid(sample_db) -> None:
    import io

    out = io.StringIO()
    with sample_db.session() as s:
        rc.reconcile(s, "2025-01").write_json(out)
    doc = json.loads(out.getvalue())
    assert doc["items"] == [] and doc["month"] == "2025-01"


def test_cli_without_json_prints_the_counts_not_every_item(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "r.db")
    assert main(["--db", db, "orders", "import", str(FIXTURES / "orders" / "orders_2026-10.xlsx")]) == 0
    capsys.readouterr()
    assert main(["--db", db, "reconcile", "--month", "2026-10"]) == 0
    out = capsys.readouterr().out
    assert "counts: {'matched': " in out and "'missing_on_platform': " in out and "items" not in out
    assert "Category." not in out  # plain keys, not enum reprs


def test_unrecorded_lines_show_their_created_time_in_shanghai_time(db) -> None:
    """SQLite formats the shown time (UTC+8 since 1992); earlier ones go through zoneinfo (1990:
    China still kept summer time, UTC+9 in July)."""
    lines = {"1990-07": datetime(1990, 7, 10, 4, 30, tzinfo=UTC), "2026-10": datetime(2026, 10, 9, 23, 5, tzinfo=UTC)}
    with db.session() as s:
        for n, when in enumerate(lines.values()):
            s.add(StatementLine(platform_key="pdd", order_no=f"x-{n}", line_key="1", paid_fen=100, estimated_fen=10,
                                status="paid", created_at=when))
    shown = {}
    for month in lines:
        with db.session() as s:
            (item,) = rc.reconcile(s, month).unrecorded
            shown[month] = item.ordered_at
    assert shown == {"1990-07": "1990-07-10 13:30", "2026-10": "2026-10-10 07:05"}
