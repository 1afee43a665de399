"""Smoke test of an installed or frozen MicroShop: the window, the command line, a statement import.

    python installer/smoke_test.py dist/MicroShop/MicroShop [--cli dist/MicroShop/microshop-cli.exe]

Used by scripts/build_app.py on the built bundle, by the release workflow on the Windows exe and by
tests/test_packaging.py on a wheel installed into a fresh venv. Every check runs the binary in its
own process with a new, empty data folder; the result is one JSON object on stdout; exit code 0
only when every check passed. Needs nothing but the standard library (so it runs beside a frozen
app whose Python is inside the bundle).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_STATEMENT = ROOT / "tests" / "data" / "statements" / "taobao_2026-10.xlsx"


class SmokeFailure(AssertionError):
    """A check of the built app did not hold."""


def run(command: list[str], data_dir: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MICROSHOP_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen",
               PYTHONIOENCODING="utf-8")
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=timeout, cwd=data_dir)
    if done.returncode != 0:
        raise SmokeFailure(f"{' '.join(command)} → exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def last_json(text: str) -> dict:
    lines = [line for line in text.splitlines() if line.startswith("{")]
    if not lines:
        raise SmokeFailure(f"no JSON in the output:\n{text}")
    return json.loads(lines[-1])


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def smoke(gui: list[str], cli: list[str], statement: Path = SAMPLE_STATEMENT) -> dict:
    """Run every check; return what was seen (raises SmokeFailure at the first that fails)."""
    seen: dict = {}
    with tempfile.TemporaryDirectory(prefix="microshop-smoke-") as tmp:
        data = Path(tmp)
        book = str(data / "smoke.sqlite3")

        started = time.perf_counter()
        shown = run([*gui, "--self-test"], data)  # exit 0 only when the checks below held
        seen["self_test_seconds"] = round(time.perf_counter() - started, 2)
        # A windowed Windows exe has no stdout: its console twin (microshop-cli.exe) prints the
        # same self-test (both run the one launcher).
        if "{" not in shown.stdout:
            shown = run([*cli, "--self-test"], data)
        window = last_json(shown.stdout)
        check(window["window_shown"], "the main window was not shown")
        check(window["bundled_font"], f"the UI font is not the bundled one: {window['font_family']}")
        check(window["qt_chinese"], "Qt's own dialogs are not in Chinese (qtbase_zh_CN missing)")
        seen["window"] = window

        version = run([*cli, "--version"], data).stdout.strip()
        check("微店管家" in version, f"--version printed {version!r}")
        seen["version"] = version

        empty = json.loads(run([*cli, "--db", book, "stats", "--json"], data).stdout)
        check(set(empty.values()) == {0}, f"a new book is not empty: {empty}")

        imported = json.loads(run([*cli, "--db", book, "statements", "import", str(statement), "--json"],
                                  data).stdout)
        check(imported["added"] > 0 and not imported["skipped"], f"statement import: {imported}")
        after = json.loads(run([*cli, "--db", book, "stats", "--json"], data).stdout)
        check(after["statement_lines"] == imported["added"], f"stats after the import: {after}")
        seen["statement_import"] = {"file": statement.name, "added": imported["added"]}

        run([*cli, "--db", book, "demo", "--json"], data)
        poster = data / "poster.jpg"
        run([*cli, "--db", book, "poster", "1", "--out", str(poster), "--json"], data)
        check(poster.is_file() and poster.stat().st_size > 10_000, "the poster was not written")
        seen["poster_bytes"] = poster.stat().st_size
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="the app: the frozen binary, or a command such as 'microshop-gui'")
    parser.add_argument("--cli", help="the command-line binary when it is another file (Windows: microshop-cli.exe)")
    parser.add_argument("--statement", type=Path, default=SAMPLE_STATEMENT)
    args = parser.parse_args(argv)
    try:
        seen = smoke([args.binary], [args.cli or args.binary], args.statement)
    except SmokeFailure as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    print(json.dumps({"ok": True, **seen}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
