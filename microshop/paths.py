"""The one module that knows where MicroShop keeps its files.

Everything lives under the data folder: the user's data directory by default
(``platformdirs``), or ``MICROSHOP_DATA_DIR`` when set (tests always set it).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from microshop import APP_ID

ENV_DATA_DIR = "MICROSHOP_DATA_DIR"
DB_FILE_NAME = "microshop.sqlite3"
RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The folder holding the database, backups and stored images (created on demand)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(user_data_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The embedded default database file."""
    return data_dir() / DB_FILE_NAME


def backups_dir() -> Path:
    """Where automatic and pre-migration backups go."""
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def images_dir() -> Path:
    """Where product images copied into the library are kept."""
    path = data_dir() / "images"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resource(*parts: str) -> Path:
    """A file shipped under ``resources/``."""
    return RESOURCES_DIR.joinpath(*parts)


def font_path(bold: bool = False) -> Path:
    """The bundled OFL CJK font (Noto Sans SC subset)."""
    name = "NotoSansSC-Bold.otf" if bold else "NotoSansSC-Regular.otf"
    return resource("fonts", name)
