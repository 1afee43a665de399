"""Benchmark: start-up, against bare baselines measured in the same run (paired, alternating runs;
medians, since the machines are shared and noisy).

    python benchmarks/bench_startup.py [--runs 5]

- GUI, first paint: ``main.py --self-test`` until it prints its first line (the main window shown
  and painted once — fonts, translations, menus, the section list, "正在打开数据库…" — before the
  book is opened) vs a bare PySide6 window with a table until it prints the same line after its
  paint. Aim (issue #16): ≤ 2×.
- GUI, book shown: the same run until the process ends (the book opened on the worker, 选品库 built
  with its rows, painted again and checked) vs the bare window's whole run. Printed for honesty;
  the aim is the first paint.
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
    "print('{\"first_paint\": true}', flush=True)\n"
)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds until the first line on stdout, seconds until the process ended)."""
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT) as child:
        assert child.stdout is not None
        child.stdout.readline()
        first = time.perf_counter() - started
        child.stdout.read()
        if child.wait() != 0:
            raise SystemExit(f"{command} failed with {child.returncode}")
    return first, time.perf_counter() - started


def paired(ours: list[str], baseline: list[str], env: dict[str, str], runs: int,
           which: int = 1) -> dict[str, float]:
    """Medians of ``runs`` alternating runs; ``which`` 0 = until the first line, 1 = until the end."""
    timed(ours, env), timed(baseline, env)  # warm the disk cache for both
    pairs = [(timed(ours, env), timed(baseline, env)) for _ in range(runs)]
    return {
        "ours_s": round(statistics.median(p[0][which] for p in pairs), 3),
        "baseline_s": round(statistics.median(p[1][which] for p in pairs), 3),
        "ratio": round(statistics.median(p[0][which] / p[1][which] for p in pairs), 2),
        "ours_end_s": round(statistics.median(p[0][1] for p in pairs), 3),
        "baseline_end_s": round(statistics.median(p[1][1] for p in pairs), 3),
        "end_ratio": round(statistics.median(p[0][1] / p[1][1] for p in pairs), 2),
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
                     [sys.executable, "-c", BARE_WINDOW], env, args.runs, which=0)
        cli = paired([sys.executable, "-m", "microshop", "--db", book, "stats", "--json"],
                     [sys.executable, "-c", "import sqlalchemy.orm"], env, args.runs)
    print(f"GUI window shown and painted (first paint): {gui['ours_s']:.2f} s vs bare PySide6 table window "
          f"{gui['baseline_s']:.2f} s → median ratio {gui['ratio']:.2f}× (aim ≤ 2×)")
    print(f"GUI book opened and 选品库 shown (process end): {gui['ours_end_s']:.2f} s vs bare window "
          f"{gui['baseline_end_s']:.2f} s → median ratio {gui['end_ratio']:.2f}× (no aim; for honesty)")
    print(f"CLI stats --json: {cli['ours_s']:.2f} s vs import sqlalchemy.orm {cli['baseline_s']:.2f} s "
          f"→ median ratio {cli['ratio']:.2f}× (aim ≤ 1.5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
