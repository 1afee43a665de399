"""Test set-up: headless Qt, an isolated data folder per test, shared fixtures."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from datetime import UTC

import pytest
from hypothesis import HealthCheck, settings

# Property tests: derandomised by default (CI and a plain run give the same examples every time);
# ``pytest --hypothesis-profile=explore`` searches wider and at random, for a local hunt.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", max_examples=2000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent
# The project owns its test data: everything the tests read is in tests/data (scripts/refresh_test_data.sh
# refreshes that copy from the team's samples); a bare clone passes.
FIXTURES = REPO / "tests" / "data"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder: no test ever touches real user data."""
    data = tmp_path / "data"
    monkeypatch.setenv("MICROSHOP_DATA_DIR", str(data))
    return data


# The app's clock in every test: a fixed moment (Shanghai 2026-11-20 12:00), never today's date.
TEST_NOW = (2026, 11, 20, 4, 0)


@pytest.fixture(autouse=True)
def fixed_now():
    """``utcnow()`` is TEST_NOW for the whole test, so month lists and “recent” views never drift."""
    from datetime import datetime

    from microshop.domain.timeutil import fixed_clock

    at = datetime(*TEST_NOW, tzinfo=UTC)
    with fixed_clock(at):
        yield at


@pytest.fixture
def db(tmp_path: Path):
    """A fresh, migrated database."""
    from microshop.store.database import Database

    database = Database.open(tmp_path / "test.sqlite3")
    yield database
    database.close()


@pytest.fixture
def demo_db(db):
    """A database holding the demo data (fixed 'today' so figures are stable)."""
    from datetime import datetime

    from microshop.services.demo import load_demo

    with db.session() as session:
        load_demo(session, today=datetime(2026, 11, 20, 4, 0, tzinfo=UTC))
    return db


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need a QApplication (qtbot/qapp/qtmodeltester) are marked ``gui``."""
    for item in items:
        if {"qtbot", "qapp", "qtmodeltester"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return [sys.argv[0]]


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtWidgets import QApplication

    return QApplication


SAMPLE_STATEMENTS = ("taobao_2026-10.xlsx", "jd_2026-10.xlsx", "pdd_2026-10.xlsx", "douyin_2026-10.csv")


@pytest.fixture
def sample_db(db):
    """The 2026-10 samples: the order sheet, then the four platform statements."""
    from microshop.services.orderbook import import_order_book
    from microshop.services.statements import import_statement

    with db.session() as session:
        import_order_book(session, FIXTURES / "orders" / "orders_2026-10.xlsx")
    for name in SAMPLE_STATEMENTS:
        with db.session() as session:
            import_statement(session, FIXTURES / "statements" / name)
    return db


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """A one-sheet xlsx with these rows (openpyxl)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def settle(qtbot, *widgets, timeout: int = 15000) -> None:
    """Wait until every task runner under ``widgets`` is idle: the jobs the GUI started (list
    queries, saves, lookups) and the ones their results started have all landed."""
    from microshop.ui.worker import TaskRunner

    def runners():
        for widget in widgets:
            found = [widget] if isinstance(widget, TaskRunner) else []
            found += widget.findChildren(TaskRunner)
            top = widget.window() if hasattr(widget, "window") else None
            if top is not None and top is not widget:
                found += top.findChildren(TaskRunner)
            if hasattr(widget, "runner"):
                found.append(widget.runner)
            yield from found

    qtbot.waitUntil(lambda: all(r.idle() for r in runners()), timeout=timeout)


def iphone_photo(path: Path) -> Path:
    """An HEIC as an iPhone saves it: stored landscape with its orientation (turn right), a white
    marker top left of the stored pixels, so top right once upright."""
    from PIL import Image
    from pillow_heif import register_heif_opener

    register_heif_opener()
    stored = Image.new("RGB", (800, 600), (200, 80, 40))
    stored.paste((255, 255, 255), (0, 0, 120, 120))
    exif = Image.Exif()
    exif[0x0112] = 6
    stored.save(path, format="HEIF", exif=exif.tobytes(), quality=90)
    return path
