"""Backup operations shared by the GUI and the CLI (one flow each, written once).

``restore_file`` is the whole 从备份恢复 policy: the file is checked to be a complete MicroShop
database from this or an older version, the current book is copied aside, the backup is written
in through SQLite's backup API, and an older schema is brought up to date.
"""

from __future__ import annotations

from pathlib import Path

from microshop.errors import UserError
from microshop.i18n import tr
from microshop.store.backup import (  # noqa: F401  (re-exported for the GUI, which never imports the store)
    BackupInfo,
    auto_backup,
    interrupted_operations,
    list_backups,
    online_backup,
)


def restore_file(source: Path, target: Path) -> Path | None:
    """Restore ``source`` over the database at ``target``; returns the copy of what was there."""
    from microshop.store.backup import restore, verify_microshop_file
    from microshop.store.database import Database, is_known_revision

    source = Path(source)
    revision = verify_microshop_file(source)
    if not is_known_revision(revision):
        raise UserError(tr("“{name}”来自更新版本的微店管家（结构版本 {revision}），请先升级本软件。",
                           name=source.name, revision=revision))
    safety = restore(source, target)
    Database.open(target).close()  # bring an older backup's schema up to date
    return safety
