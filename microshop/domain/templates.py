"""The poster templates: their keys (stored in 分享记录, used on the command line) and the Chinese
names people see everywhere else (lists, file names, the phone page)."""

from __future__ import annotations

from microshop.i18n import QT_TR_NOOP

TEMPLATES = {"portrait": QT_TR_NOOP("朋友圈竖版 1080×1920"), "square": QT_TR_NOOP("方形 1080×1080"),
             "grid9": QT_TR_NOOP("九宫格（商品图 + 二维码）"), "card": QT_TR_NOOP("价格卡片 1080×640")}
SHORT_NAMES = {"portrait": QT_TR_NOOP("朋友圈竖版"), "square": QT_TR_NOOP("方形"),
               "grid9": QT_TR_NOOP("九宫格"), "card": QT_TR_NOOP("价格卡片")}


def short_name(key: str | None) -> str:
    """The Chinese name of a template key (the key itself for one this version does not know)."""
    from microshop.i18n import localized

    return localized(SHORT_NAMES[key]) if key in SHORT_NAMES else (key or "")
