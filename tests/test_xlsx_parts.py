"""Big xlsx sheets read as parts on worker threads give exactly the rows of a whole-sheet read.

The part reader cuts the sheet XML at ``</row>`` and has python-calamine parse each part in a
copy of the workbook package. These tests shrink the part and block sizes so that small sheets
are cut into many parts (with tags straddling block boundaries), and compare every row with
python-calamine reading the original file whole.
"""

from __future__ import annotations

import os
import re
import threading
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from microshop.errors import UserError
from microshop.importers import statements as statement_importers
from microshop.importers import xlsx_parts
from microshop.importers.table import iter_table, row_count_hint
from microshop.services.progress import Progress
from microshop.services.statements import import_statement, preview_statement
from microshop.store.models import StatementImport, StatementLine

EXAMPLES = settings(max_examples=int(os.environ.get("MICROSHOP_FUZZ_EXAMPLES", "60")) // 2, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
MAIN_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Parts of ~1.5 KB read in 300-byte blocks, two parser threads; returns a list that
    records the size of every part parsed."""
    monkeypatch.setattr(xlsx_parts, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(xlsx_parts, "PART_BYTES", 1500)
    monkeypatch.setattr(xlsx_parts, "BLOCK", 300)
    monkeypatch.setattr(xlsx_parts, "MIN_PARTS", 1)
    monkeypatch.setattr(xlsx_parts, "SHARED_OVERHEAD", 1e9)
    monkeypatch.setenv("MICROSHOP_READ_THREADS", "2")
    parsed: list[int] = []
    parse = xlsx_parts._parse

    def counting(pieces: list[bytes], *args: Any) -> Any:
        parsed.append(sum(map(len, pieces)))
        return parse(pieces, *args)

    monkeypatch.setattr(xlsx_parts, "_parse", counting)
    return parsed


def whole(path: Path, sheet: str | int = 0) -> list[list[Any]]:
    """python-calamine's own whole-sheet read, rows and columns from A1, trailing blanks dropped."""
    book = CalamineWorkbook.from_path(str(path))
    sheet_obj = book.get_sheet_by_index(sheet) if isinstance(sheet, int) else book.get_sheet_by_name(sheet)
    return [trim(r) for r in sheet_obj.to_python(skip_empty_area=False)]


def trim(row: list[Any]) -> list[Any]:
    row = list(row)
    while row and row[-1] == "":
        row.pop()
    return row


def split_rows(path: Path) -> list[list[Any]]:
    return [trim(r) for r in iter_table(path)]


def sheet_with(rows: list[list[Any]], path: Path, *, title: str = "订单明细", at: tuple[int, int] = (1, 1)) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value is not None:
                ws.cell(at[0] + i, at[1] + j, value)
    book.save(path)
    return path


def rewrite_sheet(src: Path, dst: Path, change) -> Path:
    """A copy of ``src`` with its worksheet XML passed through ``change``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = change(data)
            zout.writestr(info.filename, data)
    return dst


def with_shared_strings(src: Path, dst: Path) -> Path:
    """A copy of ``src`` whose inline strings are moved to a shared-strings table (as Excel writes)."""
    table: list[bytes] = []

    def share(match: re.Match[bytes]) -> bytes:
        table.append(match.group(2))
        return match.group(1) + b' t="s"><v>' + str(len(table) - 1).encode() + b"</v></c>"

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is>(<t[^>]*>.*?</t>)</is></c>', share, data)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSST" Target="sharedStrings.xml" Type='
                                    b'"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                                    b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            zout.writestr(info.filename, data)
        sst = b"".join(b"<si>" + t + b"</si>" for t in table)
        zout.writestr("xl/sharedStrings.xml", b'<?xml version="1.0" encoding="UTF-8"?><sst ' + MAIN_NS
                      + b' count="%d" uniqueCount="%d">' % (len(table), len(table)) + sst + b"</sst>")
    assert table, "the fixture should have had strings to share"
    return dst


def export_rows(n: int) -> list[list[Any]]:
    rows: list[list[Any]] = [["淘宝联盟 订单明细"], [], ["创建时间", "商品标题", "数量", "金额", "订单号", "备注"]]
    for i in range(n):
        rows.append([datetime(2026, 10, 1 + i % 28, 12, i % 60), f"商品<{i}>&“好”", i, i * 1.25, f"17{i:017d}",
                     None if i % 5 else "备注"])
        if i % 37 == 36:
            rows += [[], []]  # blank rows, some of them falling between two parts
    return rows


def test_a_big_sheet_is_read_in_parts_with_exactly_the_whole_reads_rows(tmp_path: Path, small_parts: list[int]) -> None:
    path = sheet_with(export_rows(300), tmp_path / "export.xlsx")
    rows = split_rows(path)
    assert len(small_parts) > 20  # really cut into many parts
    assert rows == whole(path)
    assert rows[2][:2] == ["创建时间", "商品标题"] and rows[3][1] == "商品<0>&“好”"
    assert isinstance(rows[3][0], datetime) and rows[3][0] == datetime(2026, 10, 1, 12, 0)


def test_a_sheet_starting_further_right_and_down_keeps_its_columns(tmp_path: Path, small_parts: list[int]) -> None:
    path = sheet_with(export_rows(120), tmp_path / "offset.xlsx", at=(4, 3))
    rows = split_rows(path)
    assert len(small_parts) > 5
    assert rows == whole(path)
    assert rows[3] == ["", "", "淘宝联盟 订单明细"]  # row 4, column C


def test_a_sheet_read_whole_also_starts_at_column_a(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MICROSHOP_READ_THREADS", "0")
    path = sheet_with(export_rows(40), tmp_path / "offset.xlsx", at=(4, 3))
    rows = split_rows(path)
    assert rows == whole(path) and rows[3] == ["", "", "淘宝联盟 订单明细"]


def test_shared_strings_rows_without_numbers_and_prefixed_tags(tmp_path: Path, small_parts: list[int]) -> None:
    base = sheet_with(export_rows(150), tmp_path / "base.xlsx")
    shared = with_shared_strings(base, tmp_path / "shared.xlsx")
    bare_rows = rewrite_sheet(base, tmp_path / "no_r.xlsx", lambda d: re.sub(rb'<row r="\d+"', b"<row", d))

    def prefixed(d: bytes) -> bytes:
        d = re.sub(rb"<(/?)([A-Za-z]+)([ >/])", rb"<\1x:\2\3", d)
        return d.replace(MAIN_NS, MAIN_NS.replace(b"xmlns=", b"xmlns:x="))

    prefix = rewrite_sheet(base, tmp_path / "prefix.xlsx", prefixed)
    for path in (shared, bare_rows, prefix):
        small_parts.clear()
        assert split_rows(path) == whole(path), path.name
        assert len(small_parts) > 5, path.name
    assert split_rows(shared) == whole(base)


def test_parts_grow_with_the_shared_strings_every_part_carries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = sheet_with(export_rows(300), tmp_path / "base.xlsx")
    shared = with_shared_strings(base, tmp_path / "shared.xlsx")
    monkeypatch.setattr(xlsx_parts, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(xlsx_parts, "PART_BYTES", 1000)
    monkeypatch.setattr(xlsx_parts, "MIN_PARTS", 1)
    monkeypatch.setattr(xlsx_parts, "SHARED_OVERHEAD", 8)
    with zipfile.ZipFile(base) as plain, zipfile.ZipFile(shared) as table:
        _, _, plain_part = xlsx_parts._plan(plain, "订单明细")
        member, members, shared_part = xlsx_parts._plan(table, "订单明细")
        sheet_size = table.getinfo(member).file_size
        assert plain_part == 1000  # styles and workbook alone are small
        assert "xl/sharedStrings.xml" in members
        copied = sum(map(len, members.values()))
        assert shared_part > 1000  # bigger parts, so the copies stay within SHARED_OVERHEAD of the sheet
        assert (sheet_size / shared_part) * copied <= sheet_size * 8 * 1.01
        monkeypatch.setattr(xlsx_parts, "SHARED_OVERHEAD", 0.001)
        assert xlsx_parts._plan(table, "订单明细") is None  # less than one part's worth: read whole


def test_the_first_sheet_with_data_is_found_among_several(tmp_path: Path, small_parts: list[int]) -> None:
    book = openpyxl.Workbook()
    book.active.title = "说明"
    data = book.create_sheet("订单 & 明细")
    for row in export_rows(80):
        data.append(row)
    book.save(tmp_path / "two.xlsx")
    rows = split_rows(tmp_path / "two.xlsx")
    assert rows == whole(tmp_path / "two.xlsx", "订单 & 明细")
    assert len(small_parts) > 5


def test_comments_or_cdata_fall_back_to_the_whole_read_without_losing_or_repeating_rows(
        tmp_path: Path, small_parts: list[int]) -> None:
    base = sheet_with(export_rows(200), tmp_path / "base.xlsx")

    def comment_late(d: bytes) -> bytes:  # after several parts were already handed out
        at = d.index(b'<row r="150"')
        return d[:at] + b"<!-- </row> -->" + d[at:]

    late = rewrite_sheet(base, tmp_path / "late.xlsx", comment_late)
    rows = split_rows(late)
    assert len(small_parts) > 3
    assert rows == whole(base)


def test_a_broken_part_is_refused_as_a_broken_file_and_the_import_leaves_nothing(
        db, tmp_path: Path, small_parts: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    header = ["创建时间", "商品标题", "商品ID", "付款金额", "淘宝订单编号", "淘宝子订单号", "订单状态", "付款预估收入"]
    rows = [header] + [["2026-10-05 12:00:00", f"商品{n}", f"P{n}", 59.9, f"880{n:08d}", f"990{n:08d}", "已付款", 5.99]
                       for n in range(200)]
    good = sheet_with(rows, tmp_path / "good.xlsx")
    broken = rewrite_sheet(good, tmp_path / "broken.xlsx",
                           lambda d: d.replace(b'<row r="180">', b'<row r="180"><c r="A180"><v>1</x></c>'))
    with pytest.raises(UserError, match="已损坏：工作表内容在第 1 行"):  # a sheet read whole is checked first
        list(iter_table(broken))
    from microshop.importers import table

    monkeypatch.setattr(table.safety, "WHOLE_SHEET_SCAN", 0)  # as a big sheet: the broken part itself is refused
    with pytest.raises(UserError, match="无法读取"):
        list(iter_table(broken))
    with pytest.raises(UserError, match="无法读取"):  # as the CLI and the GUI call it: the session rolls back
        with db.session() as s:
            import_statement(s, broken)
    with db.session() as s:
        assert s.scalars(select(StatementLine)).all() == [] and s.scalars(select(StatementImport)).all() == []
        result = import_statement(s, good)
        assert result["added"] == 200
        assert s.scalar(select(StatementLine.order_no).where(StatementLine.source_row == 201)) == "88000000199"


def test_the_import_is_the_same_read_whole_or_in_parts(db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       small_parts: list[int]) -> None:
    header = ["创建时间", "结算时间", "商品标题", "商品ID", "付款金额", "淘宝订单编号", "淘宝子订单号", "订单状态", "付款预估收入",
              "结算预估收入"]
    rows: list[list[Any]] = [["淘宝联盟 订单明细"], header]
    for n in range(400):
        rows.append([datetime(2026, 10, 1 + n % 30, 8, n % 60), "2026-10-28 10:00:00" if n % 3 == 0 else "--",
                     f"商品{n % 9}", f"P{n % 9}", 10 + n / 100, f"880{n:08d}", f"990{n:08d}",
                     "已结算" if n % 3 == 0 else ("已失效" if n % 7 == 0 else "已付款"), 1.5, 1.5 if n % 3 == 0 else 0])
        if n == 123:
            rows.append(["合计", "", "", "", 999])
    path = sheet_with(rows, tmp_path / "taobao.xlsx")

    def stored() -> list[tuple[Any, ...]]:
        with db.session() as s:
            return [tuple(r) for r in s.execute(select(
                StatementLine.source_row, StatementLine.order_no, StatementLine.status, StatementLine.paid_fen,
                StatementLine.estimated_fen, StatementLine.settled_fen, StatementLine.created_at,
                StatementLine.settled_at).order_by(StatementLine.source_row))]

    with db.session() as s:
        in_parts = import_statement(s, path)
    parts_rows = stored()
    assert len(small_parts) > 10 and len(parts_rows) == 400
    with db.session() as s:
        s.execute(StatementLine.__table__.delete())
        s.execute(StatementImport.__table__.delete())
    monkeypatch.setenv("MICROSHOP_READ_THREADS", "0")
    small_parts.clear()
    with db.session() as s:
        read_whole = import_statement(s, path)
    assert small_parts == []
    assert stored() == parts_rows
    assert {k: in_parts[k] for k in ("rows", "added", "skipped")} == {k: read_whole[k] for k in ("rows", "added", "skipped")}


def test_stopping_early_ends_the_parser_threads(tmp_path: Path, small_parts: list[int]) -> None:
    path = sheet_with(export_rows(300), tmp_path / "export.xlsx")
    rows = iter_table(path)
    first = [next(rows) for _ in range(20)]
    assert trim(first[2])[:2] == ["创建时间", "商品标题"]
    rows.close()  # what a cancelled import does
    for thread in [t for t in threading.enumerate() if t.name.startswith(("xlsx-part", "xlsx-cut"))]:
        thread.join(timeout=60)  # an event (the thread's end), not a poll; the bound only stops a hang
        assert not thread.is_alive(), "parser threads still running"
    assert len(small_parts) < 15  # it stopped reading ahead


def test_small_sheets_and_one_core_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sheet_with(export_rows(50), tmp_path / "small.xlsx")
    assert xlsx_parts.sheet_parts(path, "订单明细") is None  # far below SPLIT_MIN_BYTES
    monkeypatch.setattr(xlsx_parts, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(xlsx_parts, "PART_BYTES", 1000)
    monkeypatch.setattr(xlsx_parts, "MIN_PARTS", 1)
    monkeypatch.setattr(xlsx_parts, "SHARED_OVERHEAD", 1e9)
    monkeypatch.setenv("MICROSHOP_READ_THREADS", "0")
    assert xlsx_parts.sheet_parts(path, "订单明细") is None
    monkeypatch.setenv("MICROSHOP_READ_THREADS", "1")
    parts = xlsx_parts.sheet_parts(path, "订单明细")
    assert parts is not None and [trim(r) for r in parts] == whole(path)


cell_values = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["</row>", "<row r=\"1\">", "&amp;", "]]>", "<!--", "订单", " 前后空格 "]),
    st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.datetimes(datetime(1990, 1, 1), datetime(2040, 1, 1)).map(lambda d: d.replace(microsecond=0)),
    st.booleans(),
)


@EXAMPLES
@given(rows=st.lists(st.lists(cell_values, max_size=7), max_size=60),
       at=st.tuples(st.integers(1, 4), st.integers(1, 3)),
       part=st.integers(200, 3000), block=st.integers(20, 700))
def test_any_sheet_reads_the_same_in_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows, at, part, block) -> None:
    monkeypatch.setattr(xlsx_parts, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(xlsx_parts, "PART_BYTES", part)
    monkeypatch.setattr(xlsx_parts, "BLOCK", block)
    monkeypatch.setattr(xlsx_parts, "MIN_PARTS", 1)
    monkeypatch.setattr(xlsx_parts, "SHARED_OVERHEAD", 1e9)
    monkeypatch.setenv("MICROSHOP_READ_THREADS", "2")
    path = sheet_with(rows, tmp_path / "any.xlsx", at=at)
    expected = whole(path)
    while expected and not expected[-1]:
        expected.pop()
    got = split_rows(path) if any(trim(r) for r in expected) else []
    if not expected:
        return  # an empty sheet: the reader moves on to the (missing) next sheet
    assert got == expected


class Recorder(Progress):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, int, str]] = []

    def update(self, done: int, total: int = 0, message: str = "") -> None:
        self.seen.append((done, total, message))
        super().update(done, total, message)


def taobao_rows(n: int) -> list[list[Any]]:
    header = ["创建时间", "商品标题", "商品ID", "付款金额", "淘宝订单编号", "淘宝子订单号", "订单状态", "付款预估收入"]
    return [header] + [["2026-10-05 12:00:00", f"商品{k}", f"P{k}", 59.9, f"880{k:08d}", f"990{k:08d}", "已付款", 5.99]
                       for k in range(n)]


def test_import_and_preview_report_a_percentage(db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statement_importers.reader, "CHUNK_ROWS", 100)
    rows = taobao_rows(999)
    recorded = sheet_with(rows, tmp_path / "dimension.xlsx")  # openpyxl records the sheet's size
    streamed = openpyxl.Workbook(write_only=True)  # … a streaming writer does not
    sheet = streamed.create_sheet("订单明细")
    for row in rows:
        sheet.append(row)
    streamed.save(tmp_path / "streamed.xlsx")
    csv_path = tmp_path / "export.csv"
    csv_path.write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n", encoding="gbk")
    assert row_count_hint(recorded) == 1000 and row_count_hint(csv_path) == 1000
    assert 800 <= row_count_hint(tmp_path / "streamed.xlsx") <= 1200  # estimated from its first rows
    for path in (recorded, tmp_path / "streamed.xlsx", csv_path):
        progress = Recorder()
        with db.session() as s:
            preview_statement(s, path, progress=progress)
            assert progress.seen[0][:2] == (101, 1000 if path != tmp_path / "streamed.xlsx" else progress.seen[0][1])
            assert "正在读取第 101 行（共约" in progress.seen[0][2]
            progress = Recorder()
            import_statement(s, path, progress=progress)
            s.rollback()
        dones = [d for d, _, _ in progress.seen]
        assert dones == sorted(dones) and dones[-1] == 1000 and len(dones) == 10
        assert all(0 < d <= t for d, t, _ in progress.seen)  # a fraction the bar can show, never past 100 %
    assert row_count_hint(tmp_path / "missing.xlsx") is None


@pytest.mark.parametrize("shift", [0, 1, 150])
def test_a_comment_is_noticed_wherever_the_blocks_split_it(tmp_path: Path, small_parts: list[int], shift: int) -> None:
    """"<!" split across two blocks ("<" ending one, "!" starting the next) is seen as well."""
    base = sheet_with(export_rows(200), tmp_path / "base.xlsx")

    def comment_at_block_end(d: bytes) -> bytes:
        at = d.index(b'<row r="150"')
        pad = (xlsx_parts.BLOCK - 1 - at - shift) % xlsx_parts.BLOCK  # "<" as a block's last byte when shift is 0
        return d[:at] + b" " * pad + b"<!-- </row> -->" + d[at:]

    commented = rewrite_sheet(base, tmp_path / "commented.xlsx", comment_at_block_end)
    with zipfile.ZipFile(commented) as archive:
        member, _members, part_bytes = xlsx_parts._plan(archive, "订单明细")  # type: ignore[misc]
        with pytest.raises(xlsx_parts._Unsplittable):
            for _ in xlsx_parts._cut(archive, member, part_bytes):
                pass
    assert split_rows(commented) == whole(base)


@pytest.mark.parametrize("block", [13, 300, 4096])  # (a block must hold </sheetData>)
def test_a_big_sheets_safety_scan_is_made_on_the_parts_as_they_are_cut(
        tmp_path: Path, small_parts: list[int], monkeypatch: pytest.MonkeyPatch, block: int) -> None:
    """The bounding-box scan of a big sheet rides on the cut (the sheet is decompressed once): a far
    cell late in the sheet is refused before its part is parsed, wherever the blocks cut its
    reference; a clean sheet reads as before; a sheet that falls back to a whole read is scanned
    before it."""
    from microshop.importers import table

    monkeypatch.setattr(xlsx_parts, "BLOCK", block)
    monkeypatch.setattr(table.safety, "WHOLE_SHEET_SCAN", 0)  # every sheet counts as big
    whole_scans: list[str] = []
    scan = table.safety._check_large_sheet
    monkeypatch.setattr(table.safety, "_check_large_sheet",
                        lambda path, archive, info: (whole_scans.append(info.filename), scan(path, archive, info)))
    base = sheet_with(export_rows(200), tmp_path / "base.xlsx")
    assert split_rows(base) == whole(base)
    assert whole_scans == [] and len(small_parts) > 3  # read in parts, scanned on the way

    def far_cell(d: bytes) -> bytes:
        at = d.index(b'<row r="150"')
        at = d.index(b">", at) + 1
        return d[:at] + b'<c r="XFD150"><v>1</v></c>' + d[at:]

    far = rewrite_sheet(base, tmp_path / "far.xlsx", far_cell)
    small_parts.clear()
    with pytest.raises(UserError, match="范围异常"):
        list(iter_table(far))
    parsed_before_refusal = len(small_parts)
    assert 0 < parsed_before_refusal and whole_scans == []
    small_parts.clear()
    list(iter_table(base))
    assert parsed_before_refusal < len(small_parts)  # the parts from the far cell on were never parsed

    def comment_then_far_cell(d: bytes) -> bytes:  # the cut gives up early: the whole read is scanned first
        at = d.index(b'<row r="20"')
        return far_cell(d[:at] + b"<!-- x -->" + d[at:])

    fallback = rewrite_sheet(base, tmp_path / "fallback.xlsx", comment_then_far_cell)
    with pytest.raises(UserError, match="范围异常"):
        list(iter_table(fallback))
    assert whole_scans == ["xl/worksheets/sheet1.xml"]
