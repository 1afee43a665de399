"""Statement layouts as the platforms and their API tools write them: units in headers, label
families, files without 商品ID, unknown status words (mapped once), files with nothing to import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write_xlsx
from sqlalchemy import func, select

from microshop.cli import main
from microshop.errors import UserError
from microshop.importers.statements import UnknownStatuses, parse_status_map
from microshop.importers.table import norm_header
from microshop.services.statements import import_statement, load_status_map, preview_statement
from microshop.store.models import StatementImport, StatementLine

PDD_UNITS = ["订单编号", " 商品ＩＤ ", "商品信息", "商品数", "商品价格（元）", "订单金额（元）", "佣金比例(%)",
             "预估佣金收入[元]", "创建时间", "结算时间", "订单状态描述"]


def pdd_row(n: int, status: str = "已成团") -> list[object]:
    return [f"261028-9632260318768{n:02d}", f"16478106{n:04d}", "手工红薯粉条 2斤", 1, "59.9", "59.90", "15.0",
            "8.98", "2026-10-28 22:38:00", None, status]


def count(db, model=StatementLine) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize(
    ("header", "bare"),
    [("订单金额（元）", "订单金额"), ("订单金额(元)", "订单金额"), ("佣金比例(%)", "佣金比例"), ("预估佣金收入[元]", "预估佣金收入"),
     ("  付款 金额 ", "付款金额"), ("商品ＩＤ", "商品id"), ("佣金比例%", "佣金比例"), ("付款金额【元】", "付款金额"),
     ("实际佣金(单位:元)", "实际佣金")],
)
def test_units_and_bracket_styles_are_ignored(header: str, bare: str) -> None:
    assert norm_header(header) == norm_header(bare) == bare.lower().replace(" ", "")


def test_brackets_that_are_not_units_stay() -> None:
    assert norm_header("商品ID（加密）") != norm_header("商品ID")


def test_pdd_with_units_in_every_header_imports(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "pdd.xlsx", [PDD_UNITS] + [pdd_row(n) for n in range(3)])
    with db.session() as s:
        result = import_statement(s, path)
    assert (result["platform"], result["added"], result["skipped"]) == ("pdd", 3, [])
    with db.session() as s:
        line = s.scalars(select(StatementLine).order_by(StatementLine.id)).first()
        assert (line.paid_fen, line.estimated_fen, line.status) == (5990, 898, "paid")


def test_pdd_waiting_group_is_paid(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "pdd.xlsx", [PDD_UNITS, pdd_row(1, "待成团"), pdd_row(2, "审核成功"), pdd_row(3, "已经结算")])
    with db.session() as s:
        import_statement(s, path)
        assert sorted(s.scalars(select(StatementLine.status))) == ["paid", "received", "settled"]


def test_douyin_with_order_numbers_headed_like_pdd_is_still_douyin(db, tmp_path: Path) -> None:
    header = ["订单编号", "商品ID", "商品名称", "商品数量", "支付金额", "预估佣金收入", "预估技术服务费", "订单状态", "下单时间"]
    rows = [header, ["6912345678901234567", "3600001", "蕉下冰袖", 1, "39.90", "7.98", "0.80", "已付款", "2026-10-04 09:00:00"]]
    with db.session() as s:
        result = import_statement(s, write_xlsx(tmp_path / "dy.xlsx", rows))
        assert (result["platform"], result["added"]) == ("douyin", 1)
        line = s.scalars(select(StatementLine)).one()
        assert (line.order_no, line.paid_fen, line.estimated_fen) == ("6912345678901234567", 3990, 718)
    with db.session() as s:  # and 多多进宝's own file, which says 订单编号 too, stays 多多进宝's
        assert import_statement(s, write_xlsx(tmp_path / "pdd.xlsx", [PDD_UNITS, pdd_row(1)]))["platform"] == "pdd"


def test_douyin_talent_columns_and_status_words(db, tmp_path: Path) -> None:
    header = ["订单ID", "商品ID", "商品名称", "商品数量", "支付金额(元)", "达人预估佣金收入(元)", "达人实际佣金收入(元)",
              "预估技术服务费(元)", "结算技术服务费(元)", "订单状态", "支付完成时间", "结算时间"]
    rows = [header,
            ["6457706711984766791", "198649390098", "燕麦片", 1, "19.80", "3.96", "", "0.40", "", "支付完成", "2026-10-29 10:24:00", ""],
            ["6457706711984766792", "198649390098", "燕麦片", 1, "19.80", "3.96", "", "0.40", "", "确认收货", "2026-10-29 10:25:00", ""],
            ["6457706711984766793", "198649390098", "燕麦片", 1, "19.80", "3.96", "3.96", "0.40", "0.40", "结算",
             "2026-10-29 10:26:00", "2026-11-10 00:00:00"]]
    path = write_xlsx(tmp_path / "dy.xlsx", rows)
    with db.session() as s:
        result = import_statement(s, path)
        assert (result["platform"], result["added"]) == ("douyin", 3)
        got = [(ln.status, ln.estimated_fen, ln.settled_fen) for ln in s.scalars(select(StatementLine).order_by(StatementLine.order_no))]
    assert got == [("paid", 356, None), ("received", 356, None), ("settled", 356, 356)]  # 技术服务费 deducted


def test_jd_main_order_column_and_no_product_id(db, tmp_path: Path) -> None:
    header = ["订单号", "主单号", "下单时间", "预估结算时间", "商品名称", "商品数量", "订单状态", "预估计佣金额（元）", "预估佣金（元）",
              "实际佣金（元）"]
    rows = [header,
            ["220258984447", "0", "2026-10-28 18:39:00", "0", "飞利浦电动牙刷", 1, "已付款", "199", "9.95", "0"],
            ["220258984447", "0", "2026-10-28 18:39:00", "0", "牙刷头 4支", 1, "已付款", "49", "2.45", "0"],
            ["220258984448", "220258984440", "2026-10-28 18:40:00", "0", "面膜 10片", 2, "已完成", "59.8", "2.99", "0"]]
    path = write_xlsx(tmp_path / "jd.xlsx", rows)
    with db.session() as s:
        assert import_statement(s, path)["added"] == 3
        parents = dict(s.execute(select(StatementLine.product_title, StatementLine.parent_order_no)).all())
    assert parents["面膜 10片"] == "220258984440"
    rows[1][6] = "已完成"
    again = write_xlsx(tmp_path / "jd2.xlsx", rows)
    with db.session() as s:
        result = import_statement(s, again)
    assert (result["added"], result["updated"], result["unchanged"]) == (0, 1, 2)  # keyed on order + name
    assert count(db) == 3


def test_unknown_status_refuses_the_file_naming_the_word(db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_xlsx(tmp_path / "pdd.xlsx", [PDD_UNITS, pdd_row(1), pdd_row(2, "拼团中"), pdd_row(3, "拼团中"), pdd_row(4, "已发出")])
    with db.session() as s:
        preview = preview_statement(s, path)
    assert preview["unknown_statuses"] == {"拼团中": 2, "已发出": 1}
    with pytest.raises(UnknownStatuses) as refused:
        with db.session() as s:
            import_statement(s, path)
    assert refused.value.words == {"拼团中": 2, "已发出": 1} and "拼团中" in refused.value.message
    assert count(db) == 0 and count(db, StatementImport) == 0  # nothing written, not even the import record


def test_cli_status_map_is_remembered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_xlsx(tmp_path / "pdd.xlsx", [PDD_UNITS, pdd_row(1), pdd_row(2, "拼团中"), pdd_row(3, "已发出")])
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "statements", "import", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert "拼团中" in err and "已发出" in err and "--status-map" in err
    assert main(["--db", db, "statements", "import", str(path), "--status-map", "拼团中=paid", "--json"]) == 2
    assert "已发出" in capsys.readouterr().err
    assert main(["--db", db, "statements", "import", str(path), "--status-map", "拼团中=paid,已发出=收货", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 3
    assert main(["--db", db, "statements", "import", str(path), "--json"]) == 0  # remembered: no flag needed
    assert json.loads(capsys.readouterr().out)["unchanged"] == 3
    assert main(["--db", db, "statements", "import", str(path), "--status-map", "已发出=maybe"]) == 2
    assert "写法不对" in capsys.readouterr().err


def test_status_map_text() -> None:
    assert parse_status_map("待成团=paid，已发货=付款, 退了=失效") == {"待成团": "paid", "已发货": "paid", "退了": "invalid"}
    for bad in ("待成团", "=paid", "待成团=later"):
        with pytest.raises(UserError, match="写法不对"):
            parse_status_map(bad)


def test_remembered_map_is_per_platform(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "pdd.xlsx", [PDD_UNITS, pdd_row(1, "拼团中")])
    with db.session() as s:
        import_statement(s, path, status_map={"拼团中": "paid"})
        assert load_status_map(s, "pdd") == {"拼团中": "paid"} and load_status_map(s, "jd") == {}


@pytest.mark.parametrize(
    "body",
    [
        [],                                                          # only a header
        [["总计", "", "", "", "", "59.9"], ["合计：3 笔"]],            # only total rows
        [[*pdd_row(1)[:0], "261028-1", "", "x", 1, "1", "abc", "1", "1", "2026-10-28", None, "已成团"]] * 3,  # all skipped
    ],
    ids=["header_only", "totals_only", "all_rows_skipped"],
)
def test_a_file_with_nothing_to_import_is_refused_not_crashed(tmp_path: Path, body: list[list[object]],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = write_xlsx(tmp_path / "empty.xlsx", [PDD_UNITS, *body])
    db = str(tmp_path / "e.db")
    assert main(["--db", db, "statements", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and ("没有订单行" in err or "都没能读入" in err)
    assert main(["--db", db, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["statement_lines"] == 0


def test_preview_dialog_asks_for_unknown_statuses(qtbot, db, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    from microshop.ui.statement_import import PreviewDialog

    path = write_xlsx(tmp_path / "pdd.xlsx", [PDD_UNITS, pdd_row(1), pdd_row(2, "拼团中"), pdd_row(3, "已发出")])
    with db.session() as s:
        preview = preview_statement(s, path)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = PreviewDialog(path, preview, None, parent)
    assert set(dialog.status_combos) == {"拼团中", "已发出"}
    assert not dialog.ok.isEnabled()  # nothing imported until every word has a meaning
    dialog.status_combos["拼团中"].setCurrentIndex(dialog.status_combos["拼团中"].findData("paid"))
    assert not dialog.ok.isEnabled()
    dialog.status_combos["已发出"].setCurrentIndex(dialog.status_combos["已发出"].findData("received"))
    assert dialog.ok.isEnabled() and dialog.status_map() == {"拼团中": "paid", "已发出": "received"}
    with db.session() as s:
        result = import_statement(s, path, status_map=dialog.status_map())
    assert result["added"] == 3
    with db.session() as s:
        assert preview_statement(s, path)["unknown_statuses"] == {}  # remembered


def test_a_formula_without_its_value_is_not_read_as_zero(db, tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(PDD_UNITS)
    ws.append(pdd_row(1))
    ws.append(pdd_row(2))
    ws["F3"] = "=E3*D3"  # openpyxl saves formulas without a cached value, as some tools do
    wb.save(tmp_path / "formula.xlsx")
    with db.session() as s:
        result = import_statement(s, tmp_path / "formula.xlsx")
    assert result["added"] == 1 and result["skipped"] == [{"row": 3, "reason": "缺少订单金额"}]
