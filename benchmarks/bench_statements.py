"""Benchmark: import + reconcile a generated 100,000-line 淘宝联盟 xlsx, against python-calamine
merely reading the same file in the same run (and pandas.read_excel, if pandas is installed).

    python benchmarks/bench_statements.py [--lines 100000] [--repeat 5]
    python benchmarks/bench_statements.py --memory --csv --lines 1000000   # the import's peak memory alone
    python benchmarks/bench_statements.py --cli       # as a user runs it: two commands vs calamine in a process
    python benchmarks/bench_statements.py --fence     # each speed measure switched off in turn: what it is worth

Measured here (2 cores, 2026-12-02): a 1,000,000-line CSV (164 MB, GB18030) imports in 19.6 s with a
peak RSS of 358 MB, 275 MB above the 83 MB of the loaded app: the file is decoded line by line and
its lines are written in batches. An xlsx of that size (1 GB unzipped) is refused with advice to
split it or export CSV: the spreadsheet reader would hold the whole sheet.

The bare read and the import + reconcile (into a fresh database holding the reseller's orders)
alternate ``--repeat`` times, so a machine whose speed drifts affects both alike; the ratio is
the median of each run against the read just before it. Also prints how much the process's peak
memory (max RSS) grew during the import, so a whole-file copy would show.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from microshop.services.reconcile import reconcile
from microshop.services.statements import import_statement
from microshop.store.database import Database
from microshop.store.models import Order, OrderItem

HEADER = ["创建时间", "付款时间", "结算时间", "商品标题", "掌柜旺旺", "店铺名称", "商品ID", "商品数量", "商品单价",
          "付款金额", "类目名称", "淘宝订单编号", "淘宝子订单号", "订单状态", "订单类型", "结算金额", "佣金比率",
          "佣金金额", "付款预估收入", "结算预估收入", "技术服务费", "推广位名称"]
STATUSES = ["已付款", "已收货", "已结算", "已失效"]


def generate(path: Path, n: int) -> list[tuple[str, str, int, datetime]]:
    rng = random.Random(7)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("订单明细")
    ws.append(HEADER)
    start = datetime(2026, 10, 1)
    sample = []
    for i in range(n):
        created = start + timedelta(minutes=rng.randrange(43000))
        price = rng.randrange(990, 19900) / 100
        status = rng.choice(STATUSES)
        order_no, sub = str(1_700_000_000_000_000_000 + i * 7), str(1_300_000_000_000_000_000 + i)
        est = round(price * 0.2, 2)
        ws.append([created.strftime("%Y-%m-%d %H:%M:%S"), "", "2026-10-28 10:00:00" if status == "已结算" else "--",
                   f"商品{i % 500}", "店小二", "旗舰店", f"P0tn{i % 500}", 1, price, price, "食品", order_no, sub,
                   status, "天猫", price if status == "已结算" else 0, "20.00 %", est, est,
                   est if status == "已结算" else 0, round(est * 0.1, 2), "群"])
        if i % 10 == 0:
            sample.append((order_no, f"商品{i % 500}", round(price * 100), created))
    wb.save(path)
    return sample


def bare_read(xlsx: Path) -> tuple[float, int]:
    t0 = time.perf_counter()
    rows = sum(1 for _ in CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).iter_rows())
    return time.perf_counter() - t0, rows


def seed(db: Database, sample: list[tuple[str, str, int, datetime]]) -> None:
    """The reseller's own orders: one for every tenth line, half without a platform order number."""
    with db.session() as s:
        for n, (order_no, title, amount, created) in enumerate(sample):
            order = Order(ordered_at=created.replace(tzinfo=timezone(timedelta(hours=8))), platform_key="taobao",
                          platform_order_no=order_no if n % 2 else None)
            order.items = [OrderItem(title=title, amount_fen=amount)]
            s.add(order)


def import_and_reconcile(xlsx: Path, db_path: Path, sample: list[tuple[str, str, int, datetime]]) -> dict[str, Any]:
    """A fresh database with the reseller's orders, then the timed import and reconcile."""
    db = Database.open(db_path)
    seed(db, sample)
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    with db.session() as s:
        result = import_statement(s, xlsx)
    imported = time.perf_counter() - t0
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    t0 = time.perf_counter()
    with db.session() as s:
        counts = reconcile(s, "2026-10").counts()
    reconciled = time.perf_counter() - t0
    t0 = time.perf_counter()  # the commit leaves copying the log back to a background thread
    db.wait_for_checkpoint()
    checkpoint_wait = time.perf_counter() - t0
    db.close()
    return {"import": imported, "reconcile": reconciled, "total": imported + reconciled, "added": result["added"],
            "grown": grown, "counts": counts, "checkpoint_wait": checkpoint_wait}


def import_alone(xlsx: str, db_path: str) -> tuple[float, float, int]:
    """In a fresh process: peak RSS (MB) once the app's modules are loaded, and after importing."""
    import microshop.services.statements as statements  # noqa: F401  (loaded before the baseline)

    db = Database.open(Path(db_path))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with db.session() as s:
        added = int(import_statement(s, Path(xlsx))["added"])
    db.close()
    return base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, added


BARE_READ = ("import sys; from python_calamine import CalamineWorkbook; "
             "print(sum(1 for _ in CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).iter_rows()))")


ROOT = Path(__file__).resolve().parent.parent


def run(*argv: str, out: Path | None = None) -> float:
    """Seconds one process takes, from start to exit (its stdout to ``out``, or discarded)."""
    t0 = time.perf_counter()
    with open(out or os.devnull, "w", encoding="utf-8") as sink:
        subprocess.run([sys.executable, *argv], check=True, stdout=sink, cwd=ROOT)
    return time.perf_counter() - t0


def through_the_cli(xlsx: Path, tmp: Path, sample: list[tuple[str, str, int, datetime]], repeat: int) -> None:
    """``--cli``: as a user runs it, ``statements import`` then ``reconcile --month --json`` as two
    processes, against one process that reads the file with python-calamine; alternated, paired."""
    rows: list[tuple[float, float, float]] = []
    for n in range(repeat):
        bare = run("-c", BARE_READ, str(xlsx))
        db_path = tmp / f"cli{n}.sqlite3"
        db = Database.open(db_path)
        seed(db, sample)
        db.close()
        imported = run("-m", "microshop", "--db", str(db_path), "statements", "import", str(xlsx), "--json")
        out = tmp / f"reconcile{n}.json"
        reconciled = run("-m", "microshop", "--db", str(db_path), "reconcile", "--month", "2026-10", "--json", out=out)
        rows.append((bare, imported, reconciled))
    import json

    doc = json.loads(out.read_text(encoding="utf-8"))
    ratios = sorted((i + r) / b for b, i, r in rows)
    med = statistics.median
    print(f"calamine, one process   {med(r[0] for r in rows):7.2f} s  (median of {repeat})")
    print(f"statements import       {med(r[1] for r in rows):7.2f} s  (a process of its own)")
    print(f"reconcile --json        {med(r[2] for r in rows):7.2f} s  ({len(doc['items'])} items, "
          f"{out.stat().st_size / 1e6:.0f} MB of JSON: {doc['counts']})")
    print(f"ratio to the bare read  {med(ratios):7.2f}×  median of the {repeat} paired runs "
          f"({', '.join(f'{r:.2f}' for r in ratios)})  (aim ≤ 1.5×)")


def _without(what: str) -> Any:
    """A context in which one speed measure is switched off (``--fence``)."""
    import contextlib
    import types

    from microshop.services import bulk
    from microshop.store import database

    @contextlib.contextmanager
    def switched() -> Any:
        saved_env = os.environ.get("MICROSHOP_READ_THREADS")
        saved_gc, saved_check = bulk.gc, database.Database._checkpoint_if_big
        saved_pages = database.AUTOCHECKPOINT_PAGES
        try:
            if what == "parts":  # the sheet read whole by calamine: no hand-cut parts, no parser threads
                os.environ["MICROSHOP_READ_THREADS"] = "0"
            elif what == "gc-pause":  # the cycle collector left running during import and reconcile
                bulk.gc = types.SimpleNamespace(disable=lambda: None, enable=gc.enable, isenabled=gc.isenabled)
            elif what == "checkpoint-thread":  # SQLite's own checkpoint at commit (its default, 1000 pages)
                database.Database._checkpoint_if_big = lambda self: None  # type: ignore[method-assign]
                database.AUTOCHECKPOINT_PAGES = 1000
            yield
        finally:
            if saved_env is None:
                os.environ.pop("MICROSHOP_READ_THREADS", None)
            else:
                os.environ["MICROSHOP_READ_THREADS"] = saved_env
            bulk.gc, database.Database._checkpoint_if_big = saved_gc, saved_check
            database.AUTOCHECKPOINT_PAGES = saved_pages

    return switched()


def fence(xlsx: Path, tmp: Path, sample: list[tuple[str, str, int, datetime]], repeat: int) -> None:
    """``--fence``: what each speed measure is worth — import + reconcile with everything on vs
    with one switched off, the variants alternating in each round (medians of ``repeat``)."""
    variants = ("all on", "parts", "gc-pause", "checkpoint-thread")
    totals: dict[str, list[float]] = {v: [] for v in variants}
    for n in range(repeat):
        for v in variants:
            with _without(v) if v != "all on" else _without(""):
                totals[v].append(import_and_reconcile(xlsx, tmp / f"fence{n}-{v}.sqlite3", sample)["total"])
    base = statistics.median(totals["all on"])
    print(f"import + reconcile, all measures on   {base:6.2f} s  (median of {repeat})")
    for v in variants[1:]:
        t = statistics.median(totals[v])
        print(f"  without {v:<28} {t:6.2f} s  {100 * (t / base - 1):+5.1f} %  (a measure stays only above +5 %)")


def generate_csv(path: Path, n: int) -> None:
    """The same lines as ``generate``, as the CSV 淘宝联盟 also offers (GB18030, as it downloads)."""
    import csv

    xlsx = path.with_suffix(".xlsx")
    generate(xlsx, min(n, 1))  # nothing to reuse; keeps the columns in one place
    rng = random.Random(7)
    start = datetime(2026, 10, 1)
    with open(path, "w", encoding="gb18030", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for i in range(n):
            created = start + timedelta(minutes=rng.randrange(43000))
            price = rng.randrange(990, 19900) / 100
            status = rng.choice(STATUSES)
            est = round(price * 0.2, 2)
            out.writerow([created.strftime("%Y-%m-%d %H:%M:%S"), "", "2026-10-28 10:00:00" if status == "已结算" else "--",
                          f"商品{i % 500}", "店小二", "旗舰店", f"P0tn{i % 500}", 1, price, price, "食品",
                          str(1_700_000_000_000_000_000 + i * 7), str(1_300_000_000_000_000_000 + i), status, "天猫",
                          price if status == "已结算" else 0, "20.00 %", est, est, est if status == "已结算" else 0,
                          round(est * 0.1, 2), "群"])
    xlsx.unlink()


def memory_only(lines: int, as_csv: bool) -> None:
    """``--memory``: the import alone, in a fresh process, its peak memory (no bare read before it)."""
    import multiprocessing

    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / ("TaobaoDetail.csv" if as_csv else "TaobaoDetail.xlsx")
        t0 = time.perf_counter()
        with ProcessPoolExecutor(1) as child:
            child.submit(generate_csv if as_csv else generate, xlsx, lines).result()
        print(f"generated {lines} lines in {time.perf_counter() - t0:.1f} s ({xlsx.stat().st_size / 1e6:.1f} MB)")
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as child:
            t0 = time.perf_counter()
            base, peak, added = child.submit(import_alone, str(xlsx), str(Path(tmp) / "m.sqlite3")).result()
        print(f"import alone            {time.perf_counter() - t0:7.2f} s  ({added} added) peak RSS {peak:.0f} MB, "
              f"{peak - base:.0f} MB above the {base:.0f} MB of the loaded app")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="alternating runs of each (the machine's speed drifts)")
    parser.add_argument("--memory", action="store_true", help="only the import's peak memory, in a fresh process")
    parser.add_argument("--csv", action="store_true", help="with --memory: the statement as CSV instead of xlsx")
    parser.add_argument("--fence", action="store_true",
                        help="what each speed measure is worth: with each one switched off in turn")
    parser.add_argument("--cli", action="store_true",
                        help="through the command line: statements import, then reconcile --month --json")
    args = parser.parse_args()
    if args.memory:
        memory_only(args.lines, args.csv)
        return
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / "TaobaoDetail.xlsx"
        t0 = time.perf_counter()
        with ProcessPoolExecutor(1) as child:  # so that openpyxl's memory does not hide the import's peak
            sample = child.submit(generate, xlsx, args.lines).result()
        print(f"generated {args.lines} lines in {time.perf_counter() - t0:.1f} s ({xlsx.stat().st_size / 1e6:.1f} MB)")
        if args.fence:
            fence(xlsx, Path(tmp), sample, args.repeat)
            return
        if args.cli:
            through_the_cli(xlsx, Path(tmp), sample, args.repeat)
            return

        # Alternate the two so that a machine that slows down or speeds up affects both alike.
        bares, runs = [], []
        for n in range(args.repeat):
            seconds, rows = bare_read(xlsx)
            bares.append(seconds)
            runs.append(import_and_reconcile(xlsx, Path(tmp) / f"bench{n}.sqlite3", sample))
        bare = min(bares)
        best = min(runs, key=lambda r: r["total"])
        print(f"calamine bare read      {bare:7.2f} s  ({rows} rows; best of {args.repeat}: "
              f"{', '.join(f'{b:.2f}' for b in bares)})")
        print(f"import                  {best['import']:7.2f} s  ({best['added']} added; the process's peak memory "
              f"grew {max(r['grown'] for r in runs):.0f} MB beyond the bare read's)")
        print(f"reconcile 2026-10       {best['reconcile']:7.2f} s  ({sum(best['counts'].values())} items: {best['counts']})")
        print(f"                          the import's WAL checkpoint ran on a background thread meanwhile; still "
              f"running after the reconcile for at most {max(r['checkpoint_wait'] for r in runs):.2f} s")
        totals = ", ".join(f"{r['total']:.2f}" for r in runs)
        print(f"import + reconcile      {best['total']:7.2f} s  (best of {args.repeat}: {totals})")
        ratios = sorted(r["total"] / b for b, r in zip(bares, runs))  # each run against the read just before it
        print(f"ratio to the bare read  {statistics.median(ratios):7.2f}×  median of the {args.repeat} paired runs "
              f"({', '.join(f'{r:.2f}' for r in ratios)}); best against best {best['total'] / bare:.2f}×  (aim ≤ 1.5×)")
        print(f"                         {os.cpu_count()} cores; big sheets are parsed on worker threads while the "
              "import runs (MICROSHOP_READ_THREADS=0 reads them whole)")
        try:
            import pandas as pd
        except ImportError:
            print("pandas not installed: skipped pandas.read_excel")
        else:
            t0 = time.perf_counter()
            pd.read_excel(xlsx)
            pandas_time = time.perf_counter() - t0
            print(f"pandas.read_excel       {pandas_time:7.2f} s  ratio import+reconcile / pandas: "
                  f"{best['total'] / pandas_time:.2f}×")


if __name__ == "__main__":
    main()
