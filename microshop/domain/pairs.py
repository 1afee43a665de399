"""``"名字=值,名字=值"`` as users type it on the command line (full-width commas too)."""

from __future__ import annotations

from collections.abc import Iterator


def name_value_pairs(text: str | None) -> Iterator[tuple[str, str | None, str]]:
    """Each non-empty ``part`` as (part, name, value); name is None when the part has no ``=``.
    The last ``=`` splits, so a name may itself hold one."""
    for part in (text or "").replace("，", ",").split(","):
        if not part.strip():
            continue
        name, sep, value = part.rpartition("=")
        yield part, (name.strip() if sep else None), value.strip()
