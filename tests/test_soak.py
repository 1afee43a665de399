"""A short run of the soak benchmark: random operations, then every invariant checked."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from soak import run_soak


def test_short_soak_keeps_every_invariant(tmp_path: Path, monkeypatch) -> None:
    done = run_soak(tmp_path, ops=600, seed=7)
    assert done["add"] > 100 and done["import"] > 20 and done["undo"] > 5 and done["restore"] >= 1
