"""Settings declared once (name, type, default) and stored as JSON in the ``settings`` table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from microshop.i18n import QT_TR_NOOP
from microshop.store.models import Setting

if TYPE_CHECKING:
    from microshop.store.database import Database


@dataclass(frozen=True)
class Option:
    """A declared setting."""

    key: str
    default: Any
    label: str


OPTIONS = {
    opt.key: opt
    for opt in (
        Option("shop_name", "", QT_TR_NOOP("店铺名称")),
        Option("invite_code", "", QT_TR_NOOP("邀请码")),
        Option("invite_param", "invite", QT_TR_NOOP("邀请码参数名（加在链接后）")),
        Option("watermark", "", QT_TR_NOOP("海报水印")),
        Option("demo_offered", False, QT_TR_NOOP("已询问过是否加载演示数据")),
        Option("privacy_mode", False, QT_TR_NOOP("隐私模式")),
    )
}


def get(session: Session, key: str) -> Any:
    """A setting's value, or its declared default."""
    row = session.get(Setting, key)
    return OPTIONS[key].default if row is None else json.loads(row.value_json)


def put(session: Session, key: str, value: Any) -> None:
    """Store a declared setting (flushed with the session)."""
    if key not in OPTIONS:
        raise KeyError(key)
    text = json.dumps(value, ensure_ascii=False)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value_json=text))
    else:
        row.value_json = text


# --------------------------------------------------------------------------- operations

def read(db: Database, keys: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """Some settings' values (their own session)."""
    with db.session() as session:
        return {key: get(session, key) for key in keys}


def write(db: Database, values: dict[str, Any]) -> None:
    """设置 → 保存: store several settings in one transaction."""
    unknown = [k for k in values if k not in OPTIONS]
    if unknown:
        raise KeyError(unknown[0])
    with db.session() as session:
        for key, value in values.items():
            put(session, key, value)


def take_once(db: Database, key: str) -> bool:
    """A yes/no flag read and set to True in one step → what it was (e.g. 已询问过演示数据)."""
    with db.session() as session:
        was = bool(get(session, key))
        put(session, key, True)
        return was
