"""Fixed vocabularies with their Chinese labels."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    """Where a customer's order stands (stored by key, shown by label)."""

    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    PLACED = "placed"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    AFTER_SALES = "after_sales"
    REFUNDED = "refunded"

    @property
    def label(self) -> str:
        return ORDER_STATUS_LABELS[self]


ORDER_STATUS_LABELS = {
    OrderStatus.PENDING_PAYMENT: "待付款",
    OrderStatus.PAID: "已付款",
    OrderStatus.PLACED: "已下单",
    OrderStatus.SHIPPED: "已发货",
    OrderStatus.COMPLETED: "已完成",
    OrderStatus.AFTER_SALES: "售后中",
    OrderStatus.REFUNDED: "已退款",
}


class Fulfilment(StrEnum):
    """How the goods reach the customer."""

    PICKUP = "pickup"
    DELIVERY = "delivery"

    @property
    def label(self) -> str:
        return "自提" if self is Fulfilment.PICKUP else "配送"


class LineStatus(StrEnum):
    """Canonical status of a platform statement line (see reference/platforms.md)."""

    UNPAID = "unpaid"
    PAID = "paid"
    RECEIVED = "received"
    SETTLED = "settled"
    INVALID = "invalid"

    @property
    def label(self) -> str:
        return LINE_STATUS_LABELS[self]


LINE_STATUS_LABELS = {
    LineStatus.UNPAID: "未付款",
    LineStatus.PAID: "已付款",
    LineStatus.RECEIVED: "已收货",
    LineStatus.SETTLED: "已结算",
    LineStatus.INVALID: "已失效",
}


class ShareKind(StrEnum):
    """What a share record is."""

    POSTER = "poster"
    COPY_TEXT = "copy_text"

    @property
    def label(self) -> str:
        return "海报" if self is ShareKind.POSTER else "文案"


class DecisionKind(StrEnum):
    """A reconciliation decision the user made by hand."""

    LINK = "link"
    UNLINK = "unlink"
    IGNORE = "ignore"
    RESOLVE = "resolve"


# Built-in platforms: key → display name. Seeded by the first migration.
PLATFORMS: dict[str, str] = {
    "taobao": "淘宝联盟",
    "jd": "京东联盟",
    "pdd": "多多进宝",
    "douyin": "抖音精选联盟",
    "ktt": "快团团",
    "yunji": "云集",
    "other": "其他",
}


def platform_name(key: str | None) -> str:
    """Display name of a platform key (the key itself when unknown)."""
    if not key:
        return ""
    return PLATFORMS.get(key, key)
