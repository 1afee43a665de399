"""The hostile-file corpus (tests/data/hostile/, written by scripts/make_hostile.py) through every
import entry point of the CLI: only exit 0 or 2, never a signal or a traceback, the book unchanged
on every refusal, and the whole run within a bounded amount of memory."""

from __future__ import annotations

import itertools
import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

from microshop.cli import main

HOSTILE = FIXTURES / "hostile"
ENTRY_POINTS = (["statements", "import"], ["orders", "import"], ["orders", "import-ktt"], ["products", "import"], ["products", "import-text"],
                ["orders", "import-jielong"],
                ["jielong", "parse"], ["sharetext", "parse"])

DRIVER = r"""
import contextlib, io, json, sqlite3, sys
from pathlib import Path
from microshop.cli import main
db, files, entries = sys.argv[1], sys.argv[2:-1], json.loads(sys.argv[-1])

def counts():
    with sqlite3.connect(db) as c:
        return [c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("statement_lines", "statement_imports", "orders", "customers", "products", "jielong_imports")]

assert main(["--db", db, "stats"]) == 0
for f in files:
    for entry in entries:
        print("START", Path(f).name, *entry, flush=True)
        before = counts()
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            try:
                code = main(["--db", db, *entry, f, "--json"])
            except SystemExit as exc:
                code = exc.code
        after = counts()
        print(json.dumps({"file": Path(f).name, "entry": entry, "code": code, "err": err.getvalue()[-400:],
                          "unchanged": before == after}, ensure_ascii=False), flush=True)
"""


def test_corpus_is_there() -> None:
    assert len(list(HOSTILE.iterdir())) >= 20


def test_every_hostile_file_through_every_entry_point(tmp_path: Path) -> None:
    files = sorted(str(p) for p in HOSTILE.iterdir())
    db = tmp_path / "hostile.sqlite3"
    proc = subprocess.run([sys.executable, "-c", DRIVER, str(db), *files, json.dumps(ENTRY_POINTS)],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent,
                          env={"MICROSHOP_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin",
                               "HOME": str(tmp_path)})
    started = [line for line in proc.stdout.splitlines() if line.startswith("START")]
    assert proc.returncode == 0, f"died ({proc.returncode}) at {started[-1] if started else '?'}: {proc.stderr[-2000:]}"
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert len(results) == len(files) * len(ENTRY_POINTS)
    for r in results:
        where = f"{r['file']} via {' '.join(r['entry'])}: {r['err']}"
        assert r["code"] in (0, 2), where
        assert "Traceback" not in r["err"], where
        if r["code"] == 2:
            assert r["unchanged"], where  # a refused file leaves the book exactly as it was
            assert any("\u4e00" <= ch <= "\u9fff" for ch in r["err"]), where
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak_kb < 3 * 1024 * 1024, f"peak memory {peak_kb // 1024} MB"


@pytest.mark.parametrize(("name", "words"), [
    ("sheet_cell_at_XFD1048576.xlsx", "范围异常"),
    ("sheet_cell_row_999999999_in_row_2.xlsx", "范围异常"),
    ("sheet_cell_ref_13_digits.xlsx", "范围异常"),
    ("sheet_cell_ref_ten_letters.xlsx", "范围异常"),
    ("shared_strings_uniquecount_2147483647.xlsx", "共享字符串"),
    ("statement_three_million_columns.csv", "列"),
    ("sheet_malformed_xml.xlsx", "损坏"),
])
def test_refusals_name_the_real_cause(name: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "x.db"), "statements", "import", str(HOSTILE / name)]) == 2
    assert words in capsys.readouterr().err


def test_rows_with_impossible_values_are_skipped_with_reasons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "statements", "import", str(HOSTILE / "statement_quantity_1e30.csv")]) == 2  # all rows bad
    assert "都没能读入" in capsys.readouterr().err
    for month in ("9999-12", "0001-01", "2026-13"):
        assert main(["--db", db, "report", "--month", month]) == 2
        assert main(["--db", db, "reconcile", "--month", month]) == 2
    assert "月份格式不对" in capsys.readouterr().err
    for price in ("1e999999999", "nan", "-1e999999999"):
        assert main(["--db", db, "products", "add", "--title", "荔枝", f"--price={price}", "--link", "https://u.jd.com/x"]) == 2
    assert main(["--db", db, "products", "add", "--title", "荔枝", "--price", "9.9", "--rate", "nan%"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_nul_bytes_never_reach_a_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    db = tmp_path / "x.db"
    assert main(["--db", str(db), "orders", "import-jielong", str(HOSTILE / "jielong_nul_bytes.txt"), "--json"]) == 0
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM customers")]
    assert names and all("\x00" not in n for n in names)


@pytest.mark.parametrize("name", ["utf32_statement.csv", "double_bom_statement.csv"])
def test_odd_encodings_are_read_not_misnamed(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "x.db"), "statements", "import", str(HOSTILE / name), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["platform"], result["added"]) == ("taobao", 1)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_files_the_app_creates_are_private(tmp_path: Path) -> None:
    import os
    import stat

    data = tmp_path / "MicroShop"
    data.mkdir(mode=0o755)
    data.chmod(0o755)  # as an older version left it
    env = dict(os.environ, MICROSHOP_DATA_DIR=str(data))
    image = FIXTURES / "images" / "mask_square.jpg"
    for args in (["demo"], ["products", "add", "--title", "荔枝", "--price", "9.9", "--link", "https://u.jd.com/x",
                            "--image", str(image)], ["backup", "--out", str(data / "backups" / "manual.sqlite3")]):
        subprocess.run([sys.executable, "-m", "microshop", *args], env=env, check=True, capture_output=True)
    folders = [data, data / "backups", data / "images"]
    files = [p for p in data.rglob("*") if p.is_file()]
    assert len(files) >= 3 and any(p.parent.name == "images" for p in files)
    for folder in folders:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) & 0o077 == 0, file


def test_moving_the_data_folder_keeps_every_picture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from microshop.services.posters import make_poster
    from microshop.services.products import ProductInput, add_image, poster_data, save_product
    from microshop.store.database import Database
    from microshop.store.models import ProductImage

    old = tmp_path / "old" / "MicroShop"
    monkeypatch.setenv("MICROSHOP_DATA_DIR", str(old))
    db = Database.open(old / "microshop.sqlite3")
    with db.session() as s:
        pid = save_product(s, ProductInput(title="荔枝", link="https://u.jd.com/x", price_fen=990))
        add_image(s, pid, FIXTURES / "images" / "mask_square.jpg")
    with db.session() as s:
        assert s.scalars(select_path()).one().startswith("images/")  # recorded relative to the data folder
    db.close()
    new = tmp_path / "new" / "MicroShop"
    shutil.move(str(old), str(new))
    monkeypatch.setenv("MICROSHOP_DATA_DIR", str(new))
    db = Database.open(new / "microshop.sqlite3")
    try:
        with db.session() as s:
            data = poster_data(s, pid)
            # a record an older version wrote with the absolute path of the old place is found too
            s.scalars(__import__("sqlalchemy").select(ProductImage)).one().path = str(old / "images" / Path(data.images[0]).name)
        with db.session() as s:
            again = poster_data(s, pid)
        assert Path(data.images[0]).parent == new / "images" and Path(again.images[0]) == Path(data.images[0])
        out = make_poster(data, "square", tmp_path / "p.jpg")
        assert out[0].stat().st_size > 0
    finally:
        db.close()


def select_path():
    from sqlalchemy import select

    from microshop.store.models import ProductImage

    return select(ProductImage.path)


def test_a_zero_length_stored_copy_is_written_again(tmp_path: Path) -> None:
    from microshop import paths
    from microshop.services.images import store_image

    source = FIXTURES / "images" / "mask_square.jpg"
    dest, _info, _digest = store_image(source)
    dest.write_bytes(b"")  # what a full disk left behind
    again, _info, _digest = store_image(source)
    assert again == dest and again.read_bytes() == source.read_bytes()
    assert [p.name for p in paths.images_dir().iterdir()] == [dest.name]  # no temp files left


def test_full_disk_while_adding_an_image_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from microshop import paths
    from microshop.errors import UserError
    from microshop.services import images

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    real_fsync = images.os.fsync
    monkeypatch.setattr(images.os, "fsync", full)
    with pytest.raises(UserError, match="磁盘空间已满"):
        images.store_image(FIXTURES / "images" / "mask_square.jpg")
    assert list(paths.images_dir().iterdir()) == []
    monkeypatch.setattr(images.os, "fsync", real_fsync)  # the disk has room again
    dest, _info, _digest = images.store_image(FIXTURES / "images" / "mask_square.jpg")
    assert dest.stat().st_size == (FIXTURES / "images" / "mask_square.jpg").stat().st_size


@pytest.mark.skipif(sys.platform == "win32" or __import__("os").geteuid() == 0,
                    reason="root ignores folder permissions; checked as a normal user")
def test_read_only_data_folder_says_so(tmp_path: Path) -> None:
    import os

    data = tmp_path / "ro"
    env = dict(os.environ, MICROSHOP_DATA_DIR=str(data))
    subprocess.run([sys.executable, "-m", "microshop", "demo"], env=env, check=True, capture_output=True)
    data.chmod(0o500)
    try:
        out = subprocess.run([sys.executable, "-m", "microshop", "stats"], env=env, capture_output=True, text=True)
    finally:
        data.chmod(0o700)
    assert out.returncode == 2 and "只读" in out.stderr


def test_disk_full_during_backup_is_said_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from microshop.errors import UserError
    from microshop.store import backup
    from microshop.store.database import Database

    db = Database.open(tmp_path / "b.sqlite3")
    db.close()

    class FullDisk:
        def __init__(self, real):
            self.real = real

        def backup(self, _target):
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name):
            return getattr(self.real, name)

    real_connect = sqlite3.connect
    monkeypatch.setattr(backup.sqlite3, "connect", lambda *a, **k: FullDisk(real_connect(*a, **k)))
    with pytest.raises(UserError, match="磁盘空间已满") as refused:
        backup.online_backup(tmp_path / "b.sqlite3", tmp_path / "out.sqlite3")
    assert "disk" not in refused.value.message
    assert not (tmp_path / "out.sqlite3").exists() and not (tmp_path / "out.sqlite3.part").exists()


def test_unable_to_open_in_a_read_only_folder_names_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from microshop.store import database

    exc = OperationalError("PRAGMA journal_mode", {}, sqlite3.OperationalError("unable to open database file"))
    monkeypatch.setattr(database.os, "access", lambda _p, _mode: False)
    message = database.translate_operational_error(exc, tmp_path / "microshop.sqlite3").message
    assert "只读" in message and str(tmp_path) in message and "unable to open" not in message
    monkeypatch.setattr(database.os, "access", lambda _p, _mode: True)
    assert "检查文件夹" in database.translate_operational_error(exc, tmp_path / "microshop.sqlite3").message


@pytest.mark.parametrize("chunk", [7, 4 * 1024 * 1024])
def test_sheets_too_big_to_hold_whole_are_scanned_in_chunks(chunk: int, monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    """A sheet above WHOLE_SHEET_SCAN is streamed: the far cell is still found, even when every
    reference is cut by a chunk edge (7-byte chunks), and a real statement still reads."""
    from microshop.errors import UserError
    from microshop.importers import table
    from microshop.importers.statements import parse_statement

    monkeypatch.setattr(table.safety, "WHOLE_SHEET_SCAN", 0)
    monkeypatch.setattr(table.safety, "SCAN_CHUNK", chunk)
    with pytest.raises(UserError, match="范围异常"):
        table.read_table(HOSTILE / "sheet_cell_at_XFD1048576.xlsx")
    wide = tmp_path / "wide.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    book.active.cell(row=70_000, column=1000, value="x")  # 70 M cells in the box: refused
    book.active.cell(row=1, column=1, value="订单号")
    book.save(wide)
    with pytest.raises(UserError, match="范围异常"):
        table.read_table(wide)
    parsed = parse_statement(FIXTURES / "statements" / "jd_2026-10.xlsx")
    assert len(parsed.lines) == 24


def test_an_honest_but_huge_xlsx_is_told_to_split_or_use_csv(monkeypatch: pytest.MonkeyPatch) -> None:
    from microshop.errors import UserError
    from microshop.importers import table

    monkeypatch.setattr(table.safety, "MAX_UNZIPPED_BYTES", 1000)  # the real limit is 400 MB unzipped
    with pytest.raises(UserError, match="按月或按周分开导出，或导出为 CSV") as refused:
        table.read_table(FIXTURES / "statements" / "jd_2026-10.xlsx")
    assert "恶意" not in refused.value.message


@pytest.mark.parametrize("piece", [3, 5, 200, 1000])
def test_a_far_reference_is_seen_wherever_the_pieces_cut_it(piece: int) -> None:
    """``SheetBox`` (the big-sheet scan fed piece by piece as the reader cuts the XML): the column
    of a reference cut by any piece edge, into two pieces or several, still counts."""
    from microshop.errors import UserError
    from microshop.importers.table.safety import SheetBox

    cells = b'<c r="A1"><v>1</v></c>' * 40
    xml = b'<row r="1">' + cells + b'<c r="XFD1"><v>1</v></c>' + cells + b"</row>"  # long pieces either side
    at = xml.index(b'r="XFD1"')
    for shift in range(-12, 12):  # the piece edges moved across the reference
        box = SheetBox(Path("far.xlsx"))
        start = (at + shift) % piece
        cuts = [0, *range(start or piece, len(xml), piece), len(xml)]
        with pytest.raises(UserError, match="范围异常"):
            for a, b in itertools.pairwise(cuts):
                box.feed(xml[a:b])
    box = SheetBox(Path("near.xlsx"))
    for a in range(0, len(xml), piece):
        box.feed(xml[a:a + piece].replace(b"XFD", b"V"))
    assert box.cols == 26 and box.rows_high == 1


@pytest.mark.parametrize("name", ["sheet_cell_at_XFD1048576.xlsx", "sheet_cell_row_999999999_in_row_2.xlsx",
                                  "sheet_cell_ref_13_digits.xlsx", "sheet_cell_ref_ten_letters.xlsx"])
def test_far_cells_are_refused_in_big_sheets_too(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same files as big sheets (scanned in pieces, not whole): a cell whose own reference is
    far away is refused though its row says 2 (the reader would abort the process)."""
    from microshop.errors import UserError
    from microshop.importers import table

    monkeypatch.setattr(table.safety, "WHOLE_SHEET_SCAN", 0)
    monkeypatch.setattr(table.safety, "SCAN_CHUNK", 16)
    with pytest.raises(UserError, match="范围异常"):
        table.read_table(HOSTILE / name)


def test_a_cell_below_its_row_is_counted_with_as_many_digits_as_the_last_row() -> None:
    """``SheetBox`` looks only at cell references that could lie below the last ``<row r=>``: one
    with the same number of digits but a higher first digit counts too."""
    from microshop.errors import UserError
    from microshop.importers.table.safety import SheetBox

    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n) for n in range(9_990, 10_001))
    wide = b'<row r="2"><c r="FAN2"><v>1</v></c></row>'  # the 4096th column: allowed on its own
    box = SheetBox(Path("ok.xlsx"))
    box.feed(wide + rows)  # 10,000 rows × 4,096 columns: under the limit
    assert (box.rows_high, box.cols) == (10_000, 4096)
    with pytest.raises(UserError, match="第 20000 行"):
        SheetBox(Path("far.xlsx")).feed(wide + rows + b'<row r="3"><c r="A20000"><v>1</v></c></row>')
