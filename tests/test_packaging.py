"""The package as shipped: the wheel and sdist hold everything, a wheel installed into a fresh venv
runs (window with the bundled font, every kind of CLI command), and the PyInstaller bundle built by
scripts/build_app.py passes the same smoke test (installer/smoke_test.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from microshop import __version__

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "installer"))
import smoke_test  # noqa: E402


def shipped_files() -> set[str]:
    """What the wheel must hold, as paths inside site-packages."""
    names = {str(p.relative_to(REPO)).replace(os.sep, "/") for p in (REPO / "microshop").rglob("*.py")}
    names |= {"microshop/resources/" + str(p.relative_to(REPO / "resources")).replace(os.sep, "/")
              for p in (REPO / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    names.add("microshop/store/migrations/script.py.mako")
    return {n for n in names if "__pycache__" not in n}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m build`` (sdist, then the wheel from the sdist), offline: no build isolation."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def test_every_package_under_microshop_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "microshop").rglob("*.py")
               if "__pycache__" not in p.parts}
    folders |= {"microshop.resources" + "".join("." + part for part in p.relative_to(REPO / "resources").parts)
                for p in (REPO / "resources").rglob("*") if p.is_dir() and p.name != "__pycache__"}
    assert folders - listed == set(), "add these to [tool.setuptools] packages"


def test_the_wheel_holds_code_fonts_translations_icons_and_migrations(dist: Path) -> None:
    wheel = next(dist.glob("*.whl"))
    assert wheel.name == f"microshop-{__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    assert shipped_files() - names == set()
    assert {"microshop/resources/fonts/NotoSansSC-Regular.otf", "microshop/resources/fonts/OFL.txt",
            "microshop/resources/icons/microshop.ico"} <= names
    assert not [n for n in names if n.startswith(("tests/", "resources/", "benchmarks/", "installer/"))]
    entry_points = zipfile.ZipFile(wheel).read(f"microshop-{__version__}.dist-info/entry_points.txt").decode()
    assert "microshop = microshop.cli:main" in entry_points
    assert "microshop-gui = microshop.ui.app:main" in entry_points


def test_the_sdist_can_rebuild_everything(dist: Path) -> None:
    sdist = next(dist.glob("*.tar.gz"))
    names = set(tarfile.open(sdist).getnames())
    root = f"microshop-{__version__}/"
    assert {root + "resources/fonts/NotoSansSC-Bold.otf", root + "pyproject.toml", root + "README.md",
            root + "microshop/store/migrations/script.py.mako"} <= names


@pytest.mark.slow
def test_the_wheel_installed_in_a_fresh_venv_runs_gui_and_cli(dist: Path, tmp_path: Path) -> None:
    """Installed from the wheel alone (not editable), run from a folder that is not the checkout:
    the window opens with the bundled font read from site-packages, and the commands work."""
    env_dir = tmp_path / "venv"
    # The dependencies (PySide6 …) come from this interpreter's site-packages: offline, and fast.
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    wheel = next(dist.glob("*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-index",
                    "--no-deps", str(wheel)], check=True)
    where = subprocess.run([str(python), "-c", "import json, microshop, microshop.paths as p; "
                            "print(json.dumps([microshop.__file__, str(p.font_path())]))"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    module, font = json.loads(where)
    site = env_dir.resolve()
    assert Path(module).resolve().is_relative_to(site) and Path(font).resolve().is_relative_to(site)
    assert Path(font).is_file()

    from microshop.cli import command_names

    for command in sorted(command_names()):  # every command's parser, from the installed copy
        done = subprocess.run([str(bin_dir / "microshop"), command, "--help"], capture_output=True, text=True,
                              cwd=tmp_path, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
        assert done.returncode == 0 and "用法：" in done.stdout, (command, done.stderr)
    seen = smoke_test.smoke([str(bin_dir / "microshop-gui")], [str(bin_dir / "microshop")])
    assert seen["window"]["bundled_font"] and seen["window"]["window_shown"]
    assert Path(seen["window"]["font_file"]).resolve().is_relative_to(site)
    assert seen["version"] == f"微店管家 {__version__}"
    assert seen["statement_import"]["added"] == 37


@pytest.mark.slow
def test_the_frozen_app_builds_and_passes_the_smoke_test(tmp_path: Path) -> None:
    """scripts/build_app.py: PyInstaller one-folder build, then the smoke test on the built binary
    (window offscreen, stats --json on a new book, a statement import, a poster)."""
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_app.py"), "--dist", str(tmp_path / "dist"),
                           "--work", str(tmp_path / "work"), "--no-zip"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    report = json.loads(done.stdout[done.stdout.index("{"):])
    window = report["smoke"]["window"]
    assert window["frozen"] and window["bundled_font"] and window["qt_chinese"]
    assert Path(window["font_file"]).is_relative_to(tmp_path / "dist" / "MicroShop")
    assert report["smoke"]["statement_import"]["added"] == 37
