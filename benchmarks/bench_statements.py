"""Benchmark: import + reconcile a generated 100,000-line 淘宝联盟 xlsx, against python-calamine
merely reading the same file in the same run (and pandas.read_excel, if pandas is installed).

    python benchmarks/bench_statements.py [--lines 100000]

Prints each time and the ratio to the bare read, plus how much the process's peak memory (max
RSS) grew during the import beyond what the bare read needed, so a whole-file copy would show.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import resource
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from microshop.services.reconcile import reconcile  # noqa: E402
from microshop.services.statements import import_statement  # noqa: E402
from microshop.store.database import Database  # noqa: E402
from microshop.store.models import Order, OrderItem  # noqa: E402

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
            sample.append((order_no, f"商品{i % 500}", int(round(price * 100)), created))
    wb.save(path)
    return sample


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / "TaobaoDetail.xlsx"
        t0 = time.perf_counter()
        sample = generate(xlsx, args.lines)
        print(f"generated {args.lines} lines in {time.perf_counter() - t0:.1f} s ({xlsx.stat().st_size / 1e6:.1f} MB)")

        t0 = time.perf_counter()
        rows = sum(1 for _ in CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).iter_rows())
        bare = time.perf_counter() - t0
        print(f"calamine bare read      {bare:7.2f} s  ({rows} rows)")

        db = Database.open(Path(tmp) / "bench.sqlite3")
        with db.session() as s:  # the reseller's own orders: one for every tenth line, half without a
            for n, (order_no, title, amount, created) in enumerate(sample):  # platform order number
                order = Order(ordered_at=created.replace(tzinfo=timezone(timedelta(hours=8))), platform_key="taobao",
                              platform_order_no=order_no if n % 2 else None)
                order.items = [OrderItem(title=title, amount_fen=amount)]
                s.add(order)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        with db.session() as s:
            result = import_statement(s, xlsx)
        imported = time.perf_counter() - t0
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
        t0 = time.perf_counter()
        with db.session() as s:
            rec = reconcile(s, "2026-10")
        reconciled = time.perf_counter() - t0
        total = imported + reconciled
        print(f"import                  {imported:7.2f} s  ({result['added']} added, peak memory grew {grown:.0f} MB)")
        print(f"reconcile 2026-10       {reconciled:7.2f} s  ({sum(rec.counts().values())} items: {rec.counts()})")
        print(f"import + reconcile      {total:7.2f} s  ratio to bare read: {total / bare:.2f}×  (aim ≤ 1.5×)")
        try:
            import pandas as pd
        except ImportError:
            print("pandas not installed: skipped pandas.read_excel")
        else:
            t0 = time.perf_counter()
            pd.read_excel(xlsx)
            pandas_time = time.perf_counter() - t0
            print(f"pandas.read_excel       {pandas_time:7.2f} s  ratio import+reconcile / pandas: {total / pandas_time:.2f}×")
        db.close()


if __name__ == "__main__":
    main()
