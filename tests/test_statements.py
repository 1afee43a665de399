"""Statement import: sample files, every physical quirk of the reference, upsert, undo, refusal."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import FIXTURES, write_xlsx
from sqlalchemy import func, select

from microshop.cli import main
from microshop.errors import UserError
from microshop.importers.statements import parse_statement
from microshop.services.statements import import_statement, undo_import
from microshop.store.models import StatementImport, StatementLine, StatementLineHistory

STATEMENTS = FIXTURES / "statements"
TB_HEADER = ["创建时间", "付款时间", "结算时间", "商品标题", "掌柜旺旺", "店铺名称", "商品ID", "商品数量",
             "商品单价", "付款金额", "类目名称", "淘宝订单编号", "淘宝子订单号", "订单状态", "订单类型",
             "结算金额", "佣金比率", "佣金金额", "付款预估收入", "结算预估收入", "技术服务费", "推广位名称"]


def tb_row(sub: str, status: str = "已付款", est: object = "17.07", settled: object = "0",
           settled_at: object = "--", created: object = "2026-10-30 13:22:00", order: str = "1768131813739844009") -> list[object]:
    return [created, created, settled_at, "宁夏中宁枸杞 500g 特级", "店小二", "旗舰店", "P0tn7VHAm-4i6", 1,
            "59.9", "56.90", "食品", order, sub, status, "天猫", "0", "30.00 %", "0", est, settled, "1.90", "群"]




def write_csv(path: Path, rows: list[list[object]], encoding: str) -> Path:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def lines(db) -> list[StatementLine]:
    with db.session() as s:
        return list(s.scalars(select(StatementLine).order_by(StatementLine.id)))


@pytest.mark.parametrize(
    ("name", "platform", "rows"),
    [("taobao_2026-10.xlsx", "taobao", 37), ("jd_2026-10.xlsx", "jd", 24),
     ("pdd_2026-10.xlsx", "pdd", 16), ("douyin_2026-10.csv", "douyin", 26)],
)
def test_samples_are_detected_and_imported(db, name: str, platform: str, rows: int) -> None:
    with db.session() as s:
        result = import_statement(s, STATEMENTS / name)
    assert (result["platform"], result["rows"], result["added"], result["skipped"]) == (platform, rows, rows, [])
    with db.session() as s:
        again = import_statement(s, STATEMENTS / name)
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, rows)
    assert len(lines(db)) == rows


def test_platform_rules_give_net_commission(db) -> None:
    with db.session() as s:
        for name in ("douyin_2026-10.csv", "jd_2026-10.xlsx", "taobao_2026-10.xlsx", "pdd_2026-10.xlsx"):
            import_statement(s, STATEMENTS / name)
    by_no = {(ln.platform_key, ln.order_no): ln for ln in lines(db)}
    oat = by_no[("douyin", "6701080143280904135")]  # 1.98 − 0.20 fee, settled 1.98 − 0.20
    assert (oat.estimated_fen, oat.settled_fen, oat.status) == (178, 178, "settled")
    assert oat.settled_at == datetime(2026, 10, 20, 1, 2, tzinfo=UTC)
    jd = by_no[("jd", "294329408004")]  # settled on 预估结算时间 20261018
    assert (jd.paid_fen, jd.estimated_fen, jd.settled_fen, jd.settled_at.date().isoformat()) == (1980, 396, 396, "2026-10-17")
    assert by_no[("jd", "280985438029")].status == "invalid"
    assert by_no[("pdd", "261018-786083819688054")].status == "invalid"  # 未支付，已取消
    assert by_no[("pdd", "261018-190487805818045")].status == "received"  # 审核通过
    tb = by_no[("taobao", "1768131813739844009")]
    assert (tb.estimated_fen, tb.line_key, tb.settled_fen) == (1707, "1626283885629727152", None)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_encodings_title_and_total_rows(db, tmp_path: Path, encoding: str) -> None:
    rows = [["名称：淘宝联盟推广订单明细 2026-10"], [], TB_HEADER,
            tb_row("1626283885629727152\t"), tb_row("\t1626283885629727153", est="￥1,234.50"),
            ["总计", "", "", "", "", "", "", 2]]
    path = write_csv(tmp_path / "tb.csv", rows, encoding)
    with db.session() as s:
        result = import_statement(s, path)
    assert (result["platform"], result["rows"], result["added"]) == ("taobao", 2, 2)
    stored = lines(db)
    assert [ln.line_key for ln in stored] == ["1626283885629727152", "1626283885629727153"]
    assert stored[1].estimated_fen == 123450


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("2026-10-30 13:22:00", "2026-10-30 05:22"), (46325.5, "2026-10-30 04:00"),
     (1793337720, "2026-10-30 05:22"), (1793337720000, "2026-10-30 05:22"),
     ("30/10/2026 13:22:00", "2026-10-30 05:22"), (datetime(2026, 10, 30, 13, 22), "2026-10-30 05:22")],
)
def test_time_forms(db, tmp_path: Path, cell: object, expected: str) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [TB_HEADER, tb_row("1", created=cell)])
    with db.session() as s:
        import_statement(s, path)
    assert lines(db)[0].created_at.strftime("%Y-%m-%d %H:%M") == expected


def test_excel_mangled_ids_refuse_the_whole_file(db, tmp_path: Path) -> None:
    with db.session() as s:
        import_statement(s, STATEMENTS / "pdd_2026-10.xlsx")
    before = len(lines(db))
    path = write_xlsx(tmp_path / "m.xlsx", [TB_HEADER, tb_row("1626283885629727152"), tb_row("x")])
    wb = openpyxl.load_workbook(path)
    wb.active.cell(row=3, column=13).value = 1.16875769783065e18
    wb.save(path)
    with pytest.raises(UserError, match=r"淘宝子订单号.*重新"):
        with db.session() as s:
            import_statement(s, path)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(StatementImport)) == 1
    assert len(lines(db)) == before


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"", "空文件"), (b"PK\x03\x04 truncated", "损坏"), ("订单号,金额\n1,2\n".encode(), "无法识别"),
     ("\ufeff".encode() + ",".join(TB_HEADER).encode(), "没有订单行"),
     (b"\xff\xfe\xfa" + bytes(range(0x80, 0xff)) * 3, "编码无法识别")],  # a UTF-16 BOM, then not UTF-16
    ids=["empty", "truncated-zip", "unknown-header", "header-only", "bad-utf16"],
)
def test_refused_files_exit_2_and_change_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  content: bytes, says: str) -> None:
    path = tmp_path / ("s.xlsx" if content.startswith(b"PK") or not content else "s.csv")
    path.write_bytes(content)
    db = str(tmp_path / "r.db")
    assert main(["--db", db, "statements", "import", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert main(["--db", db, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["statement_imports"] == 0


def test_wrong_platform_override_names_the_missing_columns(db) -> None:
    with pytest.raises(UserError, match="不像京东联盟"):
        parse_statement(STATEMENTS / "pdd_2026-10.xlsx", "jd")
    assert parse_statement(STATEMENTS / "pdd_2026-10.xlsx", "pdd").importer.key == "pdd"


def test_newer_status_updates_keeps_history_and_undo_restores(db, tmp_path: Path) -> None:
    first = write_xlsx(tmp_path / "sep.xlsx", [TB_HEADER, tb_row("11"), tb_row("12")])
    later = write_xlsx(tmp_path / "oct.xlsx", [
        TB_HEADER, tb_row("11", "已结算", settled="17.07", settled_at="2026-11-20 10:00:00"), tb_row("12"), tb_row("13"),
    ])
    with db.session() as s:
        a = import_statement(s, first)
    with db.session() as s:
        b = import_statement(s, later)
    assert (b["added"], b["updated"], b["unchanged"]) == (1, 1, 1)
    stored = {ln.line_key: ln for ln in lines(db)}
    assert len(stored) == 3 and stored["11"].status == "settled" and stored["11"].settled_fen == 1707
    with db.session() as s:
        history = s.scalars(select(StatementLineHistory)).all()
        assert [(h.status, json.loads(h.before_json)["status"]) for h in history] == [("settled", "paid")]
    with pytest.raises(UserError, match="之后的导入"):
        with db.session() as s:
            undo_import(s, a["import_id"])
    with db.session() as s:
        assert undo_import(s, b["import_id"]) == {"removed": 1, "restored": 1}
    stored = {ln.line_key: ln for ln in lines(db)}
    assert set(stored) == {"11", "12"}
    assert (stored["11"].status, stored["11"].settled_fen, stored["11"].settled_at) == ("paid", None, None)
    with db.session() as s:
        undo_import(s, a["import_id"])
    assert lines(db) == []


def test_taobao_refund_export_is_recorded(db, tmp_path: Path) -> None:
    from microshop.store.models import StatementAdjustment

    path = write_xlsx(tmp_path / "wq.xlsx", [
        ["淘宝子订单编号", "维权状态", "结算金额", "维权退款金额", "应返商家金额", "订单结算时间"],
        ["\t1626283885629727152", "维权成功", "56.90", "56.90", "17.07", "2026-10-20 10:00:00"],
    ])
    with db.session() as s:
        result = import_statement(s, path)
    assert (result["platform"], result["added"]) == ("taobao", 1)
    with db.session() as s:
        adj = s.scalars(select(StatementAdjustment)).one()
    assert (adj.sub_order_no, adj.status, adj.clawback_fen) == ("1626283885629727152", "维权成功", 1707)


def test_legacy_taokedetail_layout(db, tmp_path: Path) -> None:
    header = ["创建时间", "点击时间", "商品信息", "商品ID", "掌柜旺旺", "所属店铺", "商品数", "商品单价", "订单状态",
              "订单类型", "收入比率", "分成比率", "付款金额", "效果预估", "结算金额", "预估收入", "结算时间", "佣金比率",
              "佣金金额", "补贴比率", "补贴金额", "补贴类型", "成交平台", "第三方服务来源", "订单编号", "类目名称",
              "来源媒体ID", "来源媒体名称", "广告位ID", "广告位名称"]
    row = ["2026-10-03 10:00:00", "", "枸杞 500g", "5690001", "店", "店", 2, "29.90", "订单结算", "天猫", "20.00 %",
           "100.00 %", "59.80", "11.96", "59.80", "11.50", "2026-10-20 09:00:00", "20.00 %", "11.96", "", "", "",
           "PC", "--", "1768131813739844009", "食品", "", "", "", ""]
    path = write_xlsx(tmp_path / "TaokeDetail-2026-10-31.xlsx", [header, row, [*row[:8], "订单失效", *row[9:24], "1768131813739844010", *row[25:]]])
    with db.session() as s:
        result = import_statement(s, path)
    assert (result["platform"], result["added"]) == ("taobao", 2)
    settled, lost = lines(db)
    assert (settled.line_key, settled.estimated_fen, settled.settled_fen, settled.status) == ("5690001", 1196, 1150, "settled")
    assert lost.status == "invalid" and lost.settled_fen is None


def test_password_protected_workbook_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)
    with pytest.raises(UserError, match="密码"):
        parse_statement(path)


LEGACY_HEADER = ["创建时间", "点击时间", "商品信息", "商品ID", "掌柜旺旺", "所属店铺", "商品数", "商品单价", "订单状态",
                 "订单类型", "收入比率", "分成比率", "付款金额", "效果预估", "结算金额", "预估收入", "结算时间", "佣金比率",
                 "佣金金额", "补贴比率", "补贴金额", "补贴类型", "成交平台", "第三方服务来源", "订单编号", "类目名称",
                 "来源媒体ID", "来源媒体名称", "广告位ID", "广告位名称"]


def write_xls(path: Path, rows: list[list[object]]) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Page1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(path))
    return path


def legacy_row(order_no: object, status: str = "订单结算") -> list[object]:
    return ["2026-10-03 10:00:00", "2026-10-03 09:58:00", "宁夏中宁枸杞 500g", "5690001", "店", "店", 2, 29.9,
            status, "天猫", "20.00 %", "100.00 %", 59.8, 11.96, 59.8, 11.5, "2026-10-20 09:00:00", "20.00 %",
            11.96, "", "", "", "PC", "--", order_no, "食品", "", "", "", ""]


def test_real_legacy_xls_file(db, tmp_path: Path) -> None:
    path = write_xls(tmp_path / "TaokeDetail-2026-10-31.xls",
                     [LEGACY_HEADER, legacy_row("1768131813739844009"), legacy_row("1768131813739844010", "订单失效")])
    assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # a real BIFF/OLE file, not xlsx
    with db.session() as s:
        result = import_statement(s, path)
    assert (result["platform"], result["added"], result["skipped"]) == ("taobao", 2, [])
    settled, lost = lines(db)
    assert (settled.order_no, settled.estimated_fen, settled.settled_fen) == ("1768131813739844009", 1196, 1150)
    assert lost.status == "invalid"


def test_legacy_xls_with_numeric_order_numbers_is_refused(db, tmp_path: Path) -> None:
    path = write_xls(tmp_path / "TaokeDetail.xls", [LEGACY_HEADER, legacy_row(1.768131813739844e18)])
    with pytest.raises(UserError, match=r"订单编号.*重新"):
        with db.session() as s:
            import_statement(s, path)
    assert lines(db) == []


def test_gaps_are_stored_as_null_whether_a_column_is_empty_sparse_or_full(db, tmp_path: Path) -> None:
    """The fast insert leaves out empty columns and sends '' for the gaps of sparse ones: what is
    stored must be exactly NULL where the file has nothing, and the value where it has one."""
    rows = [TB_HEADER]
    for n in range(40):
        settled = n % 4 == 0  # a quarter settled: 结算时间/结算预估收入 sparse
        rows.append(tb_row(str(1000 + n), status="已结算" if settled else "已付款", settled="3.21" if settled else "0",
                           settled_at="2026-10-31 08:00:00" if settled else "--", order=str(9000 + n)))
    path = write_xlsx(tmp_path / "TaobaoDetail.xlsx", rows)
    with db.session() as s:
        assert import_statement(s, path)["added"] == 40
    with db.session() as s:
        raw = s.connection().connection.dbapi_connection
        stored = raw.execute("SELECT line_key, parent_order_no, settled_fen, settled_at, typeof(settled_fen) "
                             "FROM statement_lines ORDER BY line_key").fetchall()
        blanks = raw.execute("SELECT count(*) FROM statement_lines WHERE '' IN (parent_order_no, sub_order_no, "
                             "product_id, product_title, raw_status, settled_at, created_at)").fetchone()[0]
    assert blanks == 0
    for line_key, parent, settled_fen, settled_at, kind in stored:
        n = int(line_key) - 1000
        assert parent is None
        if n % 4 == 0:
            assert (settled_fen, kind, settled_at) == (321, "integer", "2026-10-31 00:00:00.000000")
        else:
            assert (settled_fen, settled_at) == (None, None)
    assert [ln.settled_at for ln in lines(db)][:2] == [datetime(2026, 10, 31, tzinfo=UTC), None]
