"""Fixed vocabularies with their Chinese labels (marked for translation: ``label`` and
``platform_name`` give them in the user's language)."""

from __future__ import annotations

from enum import StrEnum

from microshop.i18n import QT_TR_NOOP, localized, tr


class OrderStatus(StrEnum):
    """Where a customer's order stands (stored by key, shown by label)."""

    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    PLACED = "placed"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    AFTER_SALES = "after_sales"
    REFUNDED = "refunded"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return localized(ORDER_STATUS_LABELS[self])


ORDER_STATUS_LABELS = {
    OrderStatus.PENDING_PAYMENT: QT_TR_NOOP("待付款"),
    OrderStatus.PAID: QT_TR_NOOP("已付款"),
    OrderStatus.PLACED: QT_TR_NOOP("已下单"),
    OrderStatus.SHIPPED: QT_TR_NOOP("已发货"),
    OrderStatus.COMPLETED: QT_TR_NOOP("已完成"),
    OrderStatus.AFTER_SALES: QT_TR_NOOP("售后中"),
    OrderStatus.REFUNDED: QT_TR_NOOP("已退款"),
    OrderStatus.CANCELLED: QT_TR_NOOP("已取消"),
}

# Orders that hand nothing out and earn nothing: left out of totals, pickup lists and 进货.
INACTIVE_ORDER_STATUSES = (OrderStatus.REFUNDED.value, OrderStatus.CANCELLED.value)


class Fulfilment(StrEnum):
    """How the goods reach the customer."""

    PICKUP = "pickup"
    DELIVERY = "delivery"

    @property
    def label(self) -> str:
        return tr("自提") if self is Fulfilment.PICKUP else tr("配送")


class LineStatus(StrEnum):
    """Canonical status of a platform statement line (see reference/platforms.md)."""

    UNPAID = "unpaid"
    PAID = "paid"
    RECEIVED = "received"
    SETTLED = "settled"
    INVALID = "invalid"

    @property
    def label(self) -> str:
        return localized(LINE_STATUS_LABELS[self])


LINE_STATUS_LABELS = {
    LineStatus.UNPAID: QT_TR_NOOP("未付款"),
    LineStatus.PAID: QT_TR_NOOP("已付款"),
    LineStatus.RECEIVED: QT_TR_NOOP("已收货"),
    LineStatus.SETTLED: QT_TR_NOOP("已结算"),
    LineStatus.INVALID: QT_TR_NOOP("已失效"),
}


class ShareKind(StrEnum):
    """What a share record is."""

    POSTER = "poster"
    COPY_TEXT = "copy_text"

    @property
    def label(self) -> str:
        return tr("海报") if self is ShareKind.POSTER else tr("文案")


class DecisionKind(StrEnum):
    """A reconciliation decision the user made by hand."""

    LINK = "link"
    UNLINK = "unlink"
    IGNORE = "ignore"
    RESOLVE = "resolve"


# Built-in platforms: key → display name. Seeded by the first migration.
PLATFORMS: dict[str, str] = {
    "taobao": QT_TR_NOOP("淘宝联盟"),
    "jd": QT_TR_NOOP("京东联盟"),
    "pdd": QT_TR_NOOP("多多进宝"),
    "douyin": QT_TR_NOOP("抖音精选联盟"),
    "ktt": QT_TR_NOOP("快团团"),
    "yunji": QT_TR_NOOP("云集"),
    "other": QT_TR_NOOP("其他"),
}


def platform_name(key: str | None) -> str:
    """Display name of a platform key (the key itself when unknown)."""
    if not key:
        return ""
    return localized(PLATFORMS.get(key, key))
