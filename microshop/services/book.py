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


DEMO_FILE_NAME = "demo.sqlite3"


def demo_book_path() -> Path:
    """The demo's own book: beside the user's, never mixed into it."""
    return paths.data_dir() / DEMO_FILE_NAME


def is_demo_book(path: Path) -> bool:
    return Path(path).resolve() == demo_book_path().resolve()


def open_demo_book() -> Database:
    """文件 → 打开演示数据: the demo book, filled with the demo the first time (one transaction).
    The user's own book is not opened, let alone written."""
    from microshop.services.demo import load_demo
    from microshop.services.stats import counts

    db = open_book(demo_book_path())
    with db.session() as session:
        current = counts(session)
        if current["products"] == 0 and current["orders"] == 0:
            load_demo(session)
    return db


def create_book(path: Path) -> Database:
    """文件 → 新建数据库…: a new, empty book at ``path`` (refused if a file is already there)."""
    from microshop.errors import UserError
    from microshop.i18n import tr

    path = Path(path)
    if path.suffix.lower() not in (".sqlite3", ".sqlite", ".db"):
        path = path.with_suffix(".sqlite3")
    if path.exists() and path.stat().st_size > 0:
        raise UserError(tr("“{name}”已经存在。新建数据库请换一个名字；要打开它，请用“文件 → 打开数据库…”。",
                           name=path.name))
    return open_book(path)
