"""Opening the book (the database) for the GUI, which never imports the store itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from microshop import paths

if TYPE_CHECKING:
    from microshop.store.database import Database


def open_book(path: Path | None = None) -> Database:
    """The database at ``path`` (default: the one in the data folder), migrated and ready."""
    from microshop.store.database import Database

    return Database.open(Path(path) if path else paths.default_db_path())
