"""Benchmark: the 统计 page's figures with 100,000 orders and 100,000 statement lines, against the
same computation on an empty database, in the same run.

    python benchmarks/bench_stats.py [--orders 100000] [--lines 100000]

Prints, for what the page shows as it opens and for the detail tabs it fills in afterwards, both
times and the ratio. Aim: the page opens (first part) in under 0.5 s with the full database.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from microshop.services.report import month_details, month_summary
from microshop.services.stats import month_overview
from microshop.store.database import Database

MONTH = "2026-10"


def fill(db: Database, n_orders: int, n_lines: int) -> None:
    rng = random.Random(3)
    start = datetime(2025, 11, 1)
    stamp = "2025-11-01 00:00:00"
    with db.engine.begin() as conn:
        raw = conn.connection.dbapi_connection
        raw.executemany("INSERT INTO customers (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                        [(i, f"客户{i}", stamp, stamp) for i in range(1, 3001)])
        raw.executemany(
            "INSERT INTO products (id, title, platform_key, link, price_fen, commission_rate_bp, favourite, archived,"
            " created_at, updated_at) VALUES (?, ?, 'pdd', ?, ?, ?, 0, 0, ?, ?)",
            [(i, f"商品{i}", f"https://u.jd.com/{i}", rng.randrange(990, 19900), rng.randrange(500, 3000), stamp, stamp)
             for i in range(1, 1001)])
        orders, items, shares = [], [], []
        for i in range(1, n_orders + 1):
            when = (start + timedelta(minutes=rng.randrange(525_000))).isoformat(" ")
            orders.append((i, rng.randrange(1, 3001), when, rng.choice(["paid", "completed", "refunded", "placed"])))
            items.append((i, i, rng.randrange(1, 1001), f"商品{rng.randrange(1, 1001)}", rng.randint(1, 3), rng.randrange(990, 30000)))
        for i in range(1, 20001):
            shares.append((i, rng.randrange(1, 1001), (start + timedelta(minutes=rng.randrange(525_000))).isoformat(" ")))
        raw.executemany("INSERT INTO orders (id, customer_id, ordered_at, platform_key, status, fulfilment, source,"
                        " created_at, updated_at) VALUES (?, ?, ?, 'pdd', ?, 'pickup', 'bench', '2025-11-01', '2025-11-01')",
                        orders)
        raw.executemany("INSERT INTO order_items (id, order_id, product_id, title, quantity, amount_fen) VALUES (?,?,?,?,?,?)",
                        items)
        raw.executemany("INSERT INTO shares (id, product_id, kind, shared_at) VALUES (?, ?, 'poster', ?)", shares)
        lines = []
        for i in range(1, n_lines + 1):
            created = start + timedelta(minutes=rng.randrange(525_000))
            status = rng.choice(["paid", "received", "settled", "invalid"])
            settled = (created + timedelta(days=30)).isoformat(" ") if status == "settled" else None
            est = rng.randrange(50, 5000)
            lines.append((i, rng.choice(["taobao", "jd", "pdd", "douyin"]), f"NO{i}", f"K{i}", f"P{rng.randrange(1000)}",
                          f"商品{rng.randrange(1000)}", rng.randrange(990, 30000), est,
                          est if status == "settled" else None, status, created.isoformat(" "), settled))
        raw.executemany(
            "INSERT INTO statement_lines (id, platform_key, order_no, line_key, product_id, product_title, paid_fen,"
            " estimated_fen, settled_fen, status, created_at, settled_at, quantity) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1)",
            lines)


def timed(db: Database, part: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        with db.session() as s:
            if part == "open":
                month_summary(s, MONTH)
                month_overview(s, MONTH)
            else:
                month_details(s, MONTH)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        empty = Database.open(Path(tmp) / "empty.sqlite3")
        full = Database.open(Path(tmp) / "full.sqlite3")
        fill(full, args.orders, args.lines)
        for part, label in (("open", "page opens (cards, suggestions, charts)"), ("details", "detail tabs (computed after)")):
            base = timed(empty, part)
            t = timed(full, part)
            print(f"{label}: empty {base * 1000:6.1f} ms, {args.orders} orders + {args.lines} lines "
                  f"{t * 1000:7.1f} ms, ratio {t / base:.1f}×" + ("  (aim: under 500 ms)" if part == "open" else ""))


if __name__ == "__main__":
    main()
