"""A big statement is read in a process of its own (the GUI stays responsive): same result as
in-process, progress relayed, a refusal comes back as the same refusal, 取消 leaves the book as it was."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import FIXTURES
from sqlalchemy import func, select

from microshop.errors import Cancelled, UserError
from microshop.services import statements
from microshop.services.progress import Progress
from microshop.store.models import StatementImport, StatementLine

HEADER = ["创建时间", "付款时间", "结算时间", "商品标题", "掌柜旺旺", "店铺名称", "商品ID", "商品数量", "商品单价",
          "付款金额", "类目名称", "淘宝订单编号", "淘宝子订单号", "订单状态", "订单类型", "结算金额", "佣金比率",
          "佣金金额", "付款预估收入", "结算预估收入", "技术服务费", "推广位名称"]


def taobao_csv(path: Path, n: int) -> Path:
    with open(path, "w", encoding="gb18030", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for i in range(n):
            out.writerow([f"2026-10-{1 + i % 28:02d} 10:{i % 60:02d}:00", "", "--", f"商品{i % 50}", "店小二", "旗舰店",
                          f"P{i % 50}", 1, 19.9, 19.9, "食品", str(1_700_000_000_000_000_000 + i * 7),
                          str(1_300_000_000_000_000_000 + i), "已付款", "天猫", 0, "20.00 %", 3.98, 3.98, 0, 0.4, "群"])
    return path


def lines_in(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(StatementLine)) or 0


def test_import_apart_gives_what_import_in_process_gives(db, tmp_path: Path) -> None:
    from microshop.store.database import Database

    source = FIXTURES / "statements" / "taobao_2026-10.xlsx"
    seen: list[tuple[int, int, str]] = []
    preview = statements.preview_file_apart(db, source, None, Progress(on_update=lambda *a: seen.append(a)))
    assert preview == statements.preview_file(db, source)
    apart = statements.import_file_apart(db, source)
    other = Database.open(tmp_path / "other.sqlite3")
    here = statements.import_file(other, source)
    assert {k: v for k, v in apart.items() if k != "import_id"} == {k: v for k, v in here.items() if k != "import_id"}
    assert lines_in(db) == lines_in(other) == apart["added"] > 0
    other.close()


def test_a_refusal_in_the_child_is_the_same_refusal(db, tmp_path: Path) -> None:
    broken = tmp_path / "账单.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UserError) as apart:
        statements.import_file_apart(db, broken)
    with pytest.raises(UserError) as here:
        statements.import_file(db, broken)
    assert apart.value.message == here.value.message
    assert lines_in(db) == 0


def test_cancel_stops_the_child_and_keeps_the_book(db, tmp_path: Path) -> None:
    big = taobao_csv(tmp_path / "taobao.csv", 40_000)
    statements.import_file_apart(db, FIXTURES / "statements" / "jd_2026-10.xlsx")
    before = lines_in(db)
    progress = Progress(on_update=lambda *_a: progress.cancel())  # 取消 as soon as it starts
    with pytest.raises(Cancelled):
        statements.import_file_apart(db, big, None, progress)
    assert lines_in(db) == before  # the child's transaction never committed
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(StatementImport)) == 1


def test_only_big_files_go_apart(tmp_path: Path) -> None:
    small = FIXTURES / "statements" / "jd_2026-10.xlsx"
    assert not statements.worth_a_process(small)
    assert statements.worth_a_process(taobao_csv(tmp_path / "big.csv", 20_000))
    assert not statements.worth_a_process(tmp_path / "missing.csv")
