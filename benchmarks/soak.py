"""Soak: thousands of random operations against the store, then the invariants checked.

    python benchmarks/soak.py [--ops 10000] [--seed 1]

Operations: add / edit / delete orders, statement imports (overlapping, with newer statuses),
undo of the latest import, backup, restore of an earlier backup. A shadow model in plain Python
follows what the database should hold; at the end (and after every restore) the database must
agree with it, pass PRAGMA integrity_check and foreign_key_check, and have no orphans.
Prints the time taken and the operation counts.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from microshop.domain.enums import OrderStatus
from microshop.services import orders as osvc
from microshop.services.statements import import_statement, undo_import
from microshop.store import backup
from microshop.store.database import Database

HEADER = ("创建时间,付款时间,结算时间,商品标题,掌柜旺旺,店铺名称,商品ID,商品数量,商品单价,付款金额,类目名称,"
          "淘宝订单编号,淘宝子订单号,订单状态,订单类型,结算金额,佣金比率,佣金金额,付款预估收入,结算预估收入,技术服务费,推广位名称")
STATUSES = ["已付款", "已收货", "已结算", "已失效"]


class Shadow:
    """What the database should hold."""

    def __init__(self) -> None:
        self.orders: dict[int, int] = {}  # order id → amount fen
        self.lines: dict[str, str] = {}  # sub-order no → raw status
        self.imports: list[tuple[int, dict[str, str | None]]] = []  # (import id, previous status per line)

    def copy(self) -> Shadow:
        other = Shadow()
        other.orders, other.lines = dict(self.orders), dict(self.lines)
        other.imports = [(i, dict(before)) for i, before in self.imports]
        return other


def write_statement(path: Path, rng: random.Random, lines: dict[str, str]) -> dict[str, str]:
    chosen: dict[str, str] = {}
    for _ in range(rng.randint(3, 25)):
        sub = str(rng.randrange(300))  # a small key space: later imports overlap earlier ones
        chosen[f"13{int(sub):017d}"] = rng.choice(STATUSES)
    rows = [HEADER]
    for sub, status in chosen.items():
        settled = "2026-10-20 10:00:00" if status == "已结算" else "--"
        rows.append(f"2026-10-05 10:00:00,,{settled},商品,店,店,P1,1,29.90,29.90,食品,17{sub[2:]},{sub},{status},天猫,"
                    f"0,20.00 %,0,5.98,{'5.98' if status == '已结算' else '0'},0.60,群")
    path.write_text("\n".join(rows), encoding="utf-8")
    return chosen


def check(db: Database, shadow: Shadow) -> None:
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM order_items WHERE order_id NOT IN (SELECT id FROM orders)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM statement_line_history WHERE line_id NOT IN (SELECT id FROM statement_lines)").fetchone()[0] == 0
        totals = dict(conn.execute("SELECT o.id, sum(i.amount_fen) FROM orders o JOIN order_items i ON i.order_id = o.id GROUP BY o.id").fetchall())
        lines = dict(conn.execute("SELECT sub_order_no, raw_status FROM statement_lines").fetchall())
    assert totals == shadow.orders, "orders and their totals differ from what was written"
    assert lines == shadow.lines, "statement lines differ from what the imports and undos imply"


def run_soak(folder: Path, ops: int, seed: int = 1) -> Counter:
    os.environ["MICROSHOP_DATA_DIR"] = str(folder / "data")
    rng = random.Random(seed)
    db = Database.open(folder / "soak.sqlite3")
    shadow = Shadow()
    saved: list[tuple[Path, Shadow]] = []
    done: Counter = Counter()
    base = datetime(2026, 10, 1, tzinfo=UTC)
    for n in range(ops):
        op = rng.choices(["add", "edit", "delete", "import", "undo", "backup", "restore"],
                         weights=[40, 25, 12, 10, 5, 4, 2])[0]
        if op == "add":
            amount = rng.randrange(100, 50_000)
            data = osvc.OrderInput(f"客户{rng.randrange(50)}", base + timedelta(minutes=rng.randrange(40_000)),
                                   [osvc.ItemInput("商品", rng.randint(1, 3), amount)])
            with db.session() as s:
                shadow.orders[osvc.save_order(s, data)] = amount
        elif op == "edit" and shadow.orders:
            order_id = rng.choice(list(shadow.orders))
            with db.session() as s:
                data = osvc.load_order(s, order_id)
                data.items[0].amount_fen = rng.randrange(100, 50_000)
                data.status = rng.choice(list(OrderStatus)).value
                osvc.save_order(s, data, order_id)
            shadow.orders[order_id] = data.items[0].amount_fen
        elif op == "delete" and shadow.orders:
            order_id = rng.choice(list(shadow.orders))
            with db.session() as s:
                osvc.delete_orders(s, [order_id])
            del shadow.orders[order_id]
        elif op == "import":
            chosen = write_statement(folder / "s.csv", rng, shadow.lines)
            with db.session() as s:
                result = import_statement(s, folder / "s.csv")
            before = {sub: shadow.lines.get(sub) for sub in chosen}
            shadow.imports.append((result["import_id"], before))
            shadow.lines.update(chosen)
        elif op == "undo" and shadow.imports:
            import_id, before = shadow.imports.pop()
            with db.session() as s:
                undo_import(s, import_id)
            for sub, status in before.items():
                if status is None:
                    shadow.lines.pop(sub, None)
                else:
                    shadow.lines[sub] = status
        elif op == "backup":
            dest = folder / "backups" / f"b{n}.sqlite3"
            backup.online_backup(db.path, dest)
            saved.append((dest, shadow.copy()))
        elif op == "restore" and saved:
            source, snapshot = rng.choice(saved)
            db.close()
            backup.restore(source, db.path)
            db = Database.open(db.path)
            shadow = snapshot.copy()
            check(db, shadow)
        else:
            continue
        done[op] += 1
    check(db, shadow)
    db.close()
    return done


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        done = run_soak(Path(tmp), args.ops, args.seed)
        elapsed = time.perf_counter() - t0
    print(f"{sum(done.values())} operations in {elapsed:.1f} s: " + ", ".join(f"{k} {v}" for k, v in sorted(done.items())))
    print("invariants hold: integrity_check ok, no orphans, orders and statement lines match the shadow model")


if __name__ == "__main__":
    main()
