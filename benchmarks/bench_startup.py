"""Benchmark: start-up, against bare baselines measured in the same run (paired, alternating runs;
medians, since the machines are shared and noisy).

    python benchmarks/bench_startup.py [--runs 5]

- GUI: ``main.py --self-test`` (the main window shown and painted once, fonts and translations
  loaded, a book already on disk) vs a bare PySide6 window with a table, shown and painted.
  Aim (issue #16): ≤ 2×.
- CLI: ``python -m microshop --db BOOK stats --json`` vs ``python -c "import sqlalchemy.orm"``.
  Aim: ≤ 1.5×.
Both run offscreen, in fresh processes, against the same existing (migrated) book.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem\n"
    "app = QApplication([])\n"
    "table = QTableWidget(20, 6)\n"
    "for r in range(20):\n"
    "    for c in range(6):\n"
    "        table.setItem(r, c, QTableWidgetItem(f'{r},{c}'))\n"
    "table.resize(1180, 760)\n"
    "table.show()\n"
    "table.grab()\n"
)


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - started


def paired(ours: list[str], baseline: list[str], env: dict[str, str], runs: int) -> dict[str, float]:
    timed(ours, env), timed(baseline, env)  # warm the disk cache for both
    pairs = [(timed(ours, env), timed(baseline, env)) for _ in range(runs)]
    return {
        "ours_s": round(statistics.median(p[0] for p in pairs), 3),
        "baseline_s": round(statistics.median(p[1] for p in pairs), 3),
        "ratio": round(statistics.median(p[0] / p[1] for p in pairs), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="microshop-bench-start-") as tmp:
        env = dict(os.environ, MICROSHOP_DATA_DIR=tmp, QT_QPA_PLATFORM="offscreen")
        book = str(Path(tmp) / "microshop.sqlite3")
        subprocess.run([sys.executable, "-m", "microshop", "--db", book, "demo"], check=True, env=env,
                       capture_output=True, cwd=ROOT)  # an existing, migrated book with data
        gui = paired([sys.executable, str(ROOT / "main.py"), "--db", book, "--self-test"],
                     [sys.executable, "-c", BARE_WINDOW], env, args.runs)
        cli = paired([sys.executable, "-m", "microshop", "--db", book, "stats", "--json"],
                     [sys.executable, "-c", "import sqlalchemy.orm"], env, args.runs)
    print(f"GUI window shown and painted: {gui['ours_s']:.2f} s vs bare PySide6 table window "
          f"{gui['baseline_s']:.2f} s → median ratio {gui['ratio']:.2f}× (aim ≤ 2×)")
    print(f"CLI stats --json: {cli['ours_s']:.2f} s vs import sqlalchemy.orm {cli['baseline_s']:.2f} s "
          f"→ median ratio {cli['ratio']:.2f}× (aim ≤ 1.5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
