"""Build the double-click app with PyInstaller, smoke-test the built binary, pack a portable zip.

    python scripts/build_app.py            # build dist/MicroShop/, smoke test, zip
    python scripts/build_app.py --compare  # also: size and start-up time against the non-frozen app

The same on Linux, Windows and macOS (run it on each: PyInstaller does not cross-compile). The
spec is installer/microshop.spec; the smoke test is installer/smoke_test.py. On Windows the
installer is built afterwards from installer/windows/microshop.iss (Inno Setup), see README.
Prints one JSON object: the bundle's folder, size, the zip, the smoke test's result and, with
--compare, the medians of paired start-up runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "installer")]

import smoke_test  # noqa: E402  (installer/smoke_test.py)

from microshop import __version__  # noqa: E402


def bundle_binaries(dist: Path) -> tuple[Path, Path]:
    """The window binary and the command-line binary of a built bundle."""
    folder = dist / "MicroShop"
    if sys.platform == "win32":
        return folder / "MicroShop.exe", folder / "microshop-cli.exe"
    return folder / "MicroShop", folder / "MicroShop"


def build(dist: Path, work: Path) -> None:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(dist), "--workpath", str(work),
                    str(ROOT / "installer" / "microshop.spec")], check=True)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def portable_zip(dist: Path) -> Path:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    name = f"MicroShop-{__version__}-{system}-{platform.machine().lower()}-portable"
    return Path(shutil.make_archive(str(dist / name), "zip", root_dir=dist, base_dir="MicroShop"))


def time_self_test(command: list[str]) -> float:
    with tempfile.TemporaryDirectory(prefix="microshop-start-") as tmp:
        env = dict(os.environ, MICROSHOP_DATA_DIR=tmp, QT_QPA_PLATFORM="offscreen")
        started = time.perf_counter()
        subprocess.run([*command, "--self-test"], check=True, capture_output=True, env=env, cwd=tmp)
        return time.perf_counter() - started


def compare_start_up(frozen: Path, runs: int) -> dict:
    """Paired runs, alternating, so a busy moment on a shared machine hits both alike."""
    source = [sys.executable, str(ROOT / "main.py")]
    time_self_test([str(frozen)]), time_self_test(source)  # warm the disk cache for both
    pairs = [(time_self_test([str(frozen)]), time_self_test(source)) for _ in range(runs)]
    frozen_median = statistics.median(p[0] for p in pairs)
    source_median = statistics.median(p[1] for p in pairs)
    return {"runs": runs, "frozen_seconds": round(frozen_median, 2),
            "python_seconds": round(source_median, 2),
            "ratio": round(statistics.median(p[0] / p[1] for p in pairs), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="构建可双击运行的微店管家（PyInstaller 单文件夹）并做冒烟测试")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="输出文件夹（默认 dist/）")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller 的工作文件夹")
    parser.add_argument("--skip-build", action="store_true", help="不重新构建，只测试已有的 dist/MicroShop")
    parser.add_argument("--no-zip", action="store_true", help="不打便携版 zip")
    parser.add_argument("--compare", action="store_true", help="比较体积和启动时间（与不打包的 python main.py）")
    parser.add_argument("--runs", type=int, default=5, help="--compare 的成对运行次数（取中位数）")
    args = parser.parse_args(argv)

    if not args.skip_build:
        build(args.dist, args.work)
    gui, cli = bundle_binaries(args.dist)
    report: dict = {"bundle": str(gui.parent), "size_mb": round(folder_size(gui.parent) / 2**20, 1)}
    try:
        report["smoke"] = smoke_test.smoke([str(gui)], [str(cli)])
    except smoke_test.SmokeFailure as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    if not args.no_zip:
        report["portable_zip"] = str(portable_zip(args.dist))
    if args.compare:
        report["start_up"] = compare_start_up(gui, args.runs)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
