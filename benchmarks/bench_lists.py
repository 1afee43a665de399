"""Benchmark: the order list at 100,000 orders, against a bare SQL baseline in the same run.

    python benchmarks/bench_lists.py [--orders 100000]

Builds a throw-away database with N orders (one item each), then times what the 订单 page does
on every filter change — ``OrderList.ids`` (filtered, sorted by SQL) plus the first page of rows —
against the bare ``SELECT id FROM orders ORDER BY ordered_at`` through sqlite3. Prints the ratio.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from microshop.services.listing import ListQuery, OrderList
from microshop.store.database import Database


def build(path: Path, n: int) -> Database:
    db = Database.open(path)
    rng = random.Random(1)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customers (id, name, created_at, updated_at) VALUES "
            + ",".join(f"({i}, '客户{i}', '2025-01-01', '2025-01-01')" for i in range(1, 2001))
        )
        statuses = ["paid", "placed", "shipped", "completed", "refunded"]
        orders, items = [], []
        for i in range(1, n + 1):
            when = (start + timedelta(minutes=rng.randrange(600_000))).replace(tzinfo=None)
            orders.append((i, rng.randrange(1, 2001), when.isoformat(" "), "pdd", rng.choice(statuses)))
            items.append((i, i, f"商品{rng.randrange(500)}", rng.randint(1, 3), rng.randrange(1000, 20000)))
        raw = conn.connection.dbapi_connection
        raw.executemany(
            "INSERT INTO orders (id, customer_id, ordered_at, platform_key, status, fulfilment, source,"
            " created_at, updated_at) VALUES (?,?,?,?,?,'pickup','bench','2025-01-01','2025-01-01')",
            orders,
        )
        raw.executemany(
            "INSERT INTO order_items (id, order_id, title, quantity, amount_fen) VALUES (?,?,?,?,?)", items
        )
    return db


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = build(Path(tmp) / "bench.sqlite3", args.orders)
        src = OrderList()

        def app_list(query: ListQuery) -> None:
            with db.session() as s:
                ids = src.ids(s, query)
                src.rows(s, ids[:200])

        def baseline() -> None:
            with sqlite3.connect(db.path) as conn:
                conn.execute("SELECT id FROM orders ORDER BY ordered_at DESC").fetchall()

        base = best_of(baseline)
        for label, query in (
            ("全部订单（按时间）", ListQuery()),
            ("状态=已退款", ListQuery(filters={"status": "refunded"})),
            ("搜索商品", ListQuery(text="商品12")),
            ("按金额排序", ListQuery(sort_column=4)),
        ):
            t = best_of(lambda q=query: app_list(q))
            print(f"{label:12s} {t * 1000:8.1f} ms   baseline {base * 1000:6.1f} ms   ratio {t / base:5.2f}×")
        db.close()


if __name__ == "__main__":
    main()
