"""The one module that knows where MicroShop keeps its files.

Everything lives under the data folder: the user's data directory by default
(``platformdirs``), or ``MICROSHOP_DATA_DIR`` when set (tests always set it).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from importlib import resources
from pathlib import Path

from platformdirs import user_data_dir

from microshop import APP_ID

ENV_DATA_DIR = "MICROSHOP_DATA_DIR"
DB_FILE_NAME = "microshop.sqlite3"


def make_files_private() -> None:
    """Files and folders this process creates are the user's alone (0700 folders, 0600 files on
    POSIX): customers' phones and addresses live in them. On Windows the data folder is in the
    user's own profile, which other accounts cannot read."""
    if os.name == "posix":
        os.umask(0o077)


def _private_folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        try:
            if path.stat().st_mode & 0o077:
                path.chmod(0o700)  # a folder made by an older version (0755): readable by every account
        except OSError:
            pass  # not ours to change (a shared or read-only place): leave it
    return path


def data_dir() -> Path:
    """The folder holding the database, backups and stored images (created on demand, private)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(user_data_dir(APP_ID, appauthor=False))
    return _private_folder(path)


def default_db_path() -> Path:
    """The embedded default database file."""
    return data_dir() / DB_FILE_NAME


def backups_dir() -> Path:
    """Where automatic and pre-migration backups go."""
    return _private_folder(data_dir() / "backups")


def images_dir() -> Path:
    """Where product images copied into the library are kept."""
    return _private_folder(data_dir() / "images")


@cache
def resources_dir() -> Path:
    """The folder of the shipped data: the package ``microshop.resources`` (the checkout's
    ``resources/`` folder in a development install, site-packages in an installed wheel, the
    bundle's own folder in the frozen app). Its files are plain files on disk in all three, so
    Qt, Pillow and fpdf2 can open them by path."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "microshop" / "resources"
    return Path(str(resources.files("microshop.resources")))


def resource(*parts: str) -> Path:
    """A file shipped in ``microshop.resources`` (fonts, translations, icons)."""
    return resources_dir().joinpath(*parts)


def font_path(bold: bool = False) -> Path:
    """The bundled OFL CJK font (Noto Sans SC subset)."""
    name = "NotoSansSC-Bold.otf" if bold else "NotoSansSC-Regular.otf"
    return resource("fonts", name)
