"""The cycle collector is paused for bulk work (imports, reconciliation) and comes back after."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from conftest import FIXTURES

from microshop.errors import UserError
from microshop.services.bulk import gc_paused
from microshop.services.progress import Progress
from microshop.services.reconcile import reconcile
from microshop.services.statements import import_statement, preview_statement


@pytest.fixture(autouse=True)
def collector_on() -> None:
    gc.enable()
    yield
    gc.enable()


def test_nested_and_concurrent_pauses_end_with_the_last_one() -> None:
    inside = threading.Event()
    release = threading.Event()
    seen: list[bool] = []

    def other_job() -> None:
        with gc_paused():
            inside.set()
            release.wait(10)

    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
        worker = threading.Thread(target=other_job)
        worker.start()
        assert inside.wait(10)
    seen.append(gc.isenabled())  # another thread's job is still running
    release.set()
    worker.join(10)
    seen.append(gc.isenabled())
    assert seen == [False, True]


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_preview_import_and_reconcile_run_without_the_collector_and_restore_it(db) -> None:
    statement = FIXTURES / "statements" / "taobao_2026-10.xlsx"
    during: list[bool] = []
    progress = Progress(lambda done, total, message: during.append(gc.isenabled()))
    with db.session() as s:
        assert preview_statement(s, statement, progress=progress)["added"] > 0
    assert during and not any(during)
    assert gc.isenabled()
    during.clear()
    with db.session() as s:
        result = import_statement(s, statement, progress=progress)
    assert result["added"] > 0
    assert during and not any(during)
    assert gc.isenabled()
    with db.session() as s:
        assert sum(reconcile(s, "2026-10").counts().values()) > 0
    assert gc.isenabled()


def test_a_refused_file_still_restores_the_collector(db, tmp_path: Path) -> None:
    broken = tmp_path / "TaobaoDetail.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UserError):
        with db.session() as s:
            import_statement(s, broken)
    assert gc.isenabled()
