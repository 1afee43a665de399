"""Fixed vocabularies with their Chinese labels (marked for translation: ``label`` and
``platform_name`` give them in the user's language)."""

from __future__ import annotations

from dataclasses import dataclass
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

# How a hand-kept order book writes where an order stands (a 状态 / 是否付款 column), besides the labels.
_ORDER_STATUS_WORDS: dict[OrderStatus, tuple[str, ...]] = {
    OrderStatus.PENDING_PAYMENT: ("待付款", "未付款", "未付", "待付", "没付", "没付款", "欠款", "欠", "未收款", "未收",
                                  "待收款", "否", "×", "x", "✗", "✘", "n", "no", "unpaid"),
    OrderStatus.PAID: ("已付款", "已付", "付了", "已收款", "已收", "已转", "已结", "是", "√", "✓", "✔", "y", "yes", "ok"),
    OrderStatus.PLACED: ("已下单", "已下", "下单了", "已拍", "已拍下"),
    OrderStatus.SHIPPED: ("已发货", "已发", "发了", "发货了", "配送中", "已寄出"),
    OrderStatus.COMPLETED: ("已完成", "完成", "已收货", "已取", "已取货", "已自提", "已提", "已送达", "已送"),
    OrderStatus.AFTER_SALES: ("售后中", "售后", "退换中"),
    OrderStatus.REFUNDED: ("已退款", "退款", "已退", "退了"),
    OrderStatus.CANCELLED: ("已取消", "取消", "不要了", "作废"),
}
ORDER_STATUS_BY_WORD: dict[str, OrderStatus] = {
    **{s.value: s for s in OrderStatus},
    **{word: status for status, words in _ORDER_STATUS_WORDS.items() for word in words},
}


def order_status_of(word: str) -> OrderStatus | None:
    """The status a written word means (``已付`` ``未付`` ``√`` ``已发货`` …), None when unknown."""
    return ORDER_STATUS_BY_WORD.get(word.strip().replace(" ", "").lower())


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


@dataclass(frozen=True)
class Platform:
    """One platform the reseller sells through: the one registry the app reads its platforms from."""

    key: str                       # stored in the book
    name: str                      # display name (marked for translation; shown with ``platform_name``)
    words: tuple[str, ...] = ()    # what people call it in an 订单簿 or a pick list (淘宝, 天猫 …)
    statements: bool = False       # it has a commission statement the app reads by its headers


REGISTRY: tuple[Platform, ...] = (  # the order menus and lists show them in
    Platform("taobao", QT_TR_NOOP("淘宝联盟"), ("淘宝", "天猫"), statements=True),
    Platform("jd", QT_TR_NOOP("京东联盟"), ("京东",), statements=True),
    Platform("pdd", QT_TR_NOOP("多多进宝"), ("拼多多",), statements=True),
    Platform("douyin", QT_TR_NOOP("抖音精选联盟"), ("抖音",), statements=True),
    Platform("ktt", QT_TR_NOOP("快团团")),
    Platform("yunji", QT_TR_NOOP("云集")),
    Platform("other", QT_TR_NOOP("其他")),
)
# Built-in platforms: key → display name (seeded by the first migration).
PLATFORMS: dict[str, str] = {p.key: p.name for p in REGISTRY}
# The platforms whose statements are recognised by their headers (the others by a saved mapping).
STATEMENT_PLATFORMS: tuple[str, ...] = tuple(p.key for p in REGISTRY if p.statements)
# Every way a cell may name a platform: its key, its name, its everyday words.
PLATFORM_BY_WORD: dict[str, str] = (
    {p.key: p.key for p in REGISTRY} | {p.name: p.key for p in REGISTRY}
    | {word: p.key for p in REGISTRY for word in p.words}
)


def platform_name(key: str | None) -> str:
    """Display name of a platform key (the key itself when unknown)."""
    if not key:
        return ""
    return localized(PLATFORMS.get(key, key))
