"""The reconciliation rule, pure: which statement line an order item is, and what the pair means.

Rules (shared/reference/platforms.md): an order item with a platform order number is the line
with that number (the same product when the number names several lines); an item without one is
the unclaimed line of its platform and product whose paid amount equals the item's platform amount
within ``AMOUNT_TOLERANCE_FEN`` and whose created time is within ``WINDOW`` of the order — only when
unambiguous: one candidate, wanted by no other item. A line the user unlinked from an item is never
offered to it again. The category a result falls in decides what the user may do with it
(``ALLOWED_ACTIONS``).

The service (``microshop.services.reconcile``) reads the records from the book (narrowing the
candidates in SQL for speed) and calls these functions; nothing here touches storage.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Protocol, TypeVar

from microshop.domain.enums import LineStatus
from microshop.i18n import QT_TR_NOOP, localized

AMOUNT_TOLERANCE_FEN = 1
WINDOW = timedelta(days=3)

LineKey = tuple[str, str, str]  # (platform, order number, line key): a line's identity across re-imports


class Category(StrEnum):
    """Where a reconciled item falls (the 对账 page's tabs, in this order)."""

    MATCHED = "matched"
    AMOUNT_MISMATCH = "amount_mismatch"
    INVALID = "invalid"
    MISSING_ON_PLATFORM = "missing_on_platform"
    UNRECORDED = "unrecorded"

    @property
    def label(self) -> str:
        return localized(CATEGORY_LABELS[self])

    @property
    def hint(self) -> str:
        return localized(CATEGORY_HINTS[self])


CATEGORY_LABELS: dict[str, str] = {  # keyed by Category (equal to its value)
    Category.MATCHED: QT_TR_NOOP("已匹配"),
    Category.AMOUNT_MISMATCH: QT_TR_NOOP("金额不符"),
    Category.INVALID: QT_TR_NOOP("已失效"),
    Category.MISSING_ON_PLATFORM: QT_TR_NOOP("平台无记录"),
    Category.UNRECORDED: QT_TR_NOOP("未记录的平台订单"),
}
# What each category means and what to do next, one line each (shown above its tab's table).
CATEGORY_HINTS: dict[str, str] = {
    Category.MATCHED: QT_TR_NOOP("本地订单和平台账单对上了，佣金会按平台的结算走，不用处理。"),
    Category.AMOUNT_MISMATCH: QT_TR_NOOP("订单号对上了，但平台记的金额和你记的不一样（差额一列）：核对是否改过价、部分退款，或改正订单金额。"),
    Category.INVALID: QT_TR_NOOP("平台把这些订单判为失效（退款、取消或违规），没有佣金：确认是否真的退了，必要时找平台申诉。"),
    Category.MISSING_ON_PLATFORM: QT_TR_NOOP("你记了订单，平台账单里却没有：客户可能没走你的链接下单，或账单还没导入；可手动关联或标记已处理。"),
    Category.UNRECORDED: QT_TR_NOOP("平台有这笔佣金，你的订单簿里没有：多半是别人通过你的链接买的，可以“生成本地订单”补上。"),
}


class Action(StrEnum):
    """What the user can do with a reconciled item."""

    LINK = "link"                  # 手动关联: pair an order item with a line by hand
    UNLINK = "unlink"              # 取消关联: this line is not that order
    RESOLVE = "resolve"            # 标记已处理, with a note
    CREATE_ORDER = "create_order"  # 生成本地订单 from a line nobody recorded


ALLOWED_ACTIONS: Mapping[str, frozenset[Action]] = {
    Category.MATCHED: frozenset({Action.UNLINK, Action.RESOLVE}),
    Category.AMOUNT_MISMATCH: frozenset({Action.UNLINK, Action.RESOLVE}),
    Category.INVALID: frozenset({Action.UNLINK, Action.RESOLVE}),
    Category.MISSING_ON_PLATFORM: frozenset({Action.LINK, Action.RESOLVE}),
    Category.UNRECORDED: frozenset({Action.CREATE_ORDER, Action.RESOLVE}),
}


def allowed(category: Category | str | None, action: Action) -> bool:
    """Whether ``action`` fits an item of ``category`` (None: nothing selected → nothing fits)."""
    return category is not None and action in ALLOWED_ACTIONS[Category(category)]


@dataclass(frozen=True, slots=True)
class OrderLine:
    """The order side: one item of a local order."""

    order_id: int
    item_id: int
    platform: str
    platform_order_no: str | None
    customer: str | None
    title: str | None
    product_id: str | None
    ordered_at: datetime
    amount_fen: int
    platform_amount_fen: int  # what the platform should have recorded (the item's amount unless set)


class LineLike(Protocol):
    """The statement side, as far as the rule looks at it."""

    @property
    def id(self) -> int: ...
    @property
    def key(self) -> LineKey: ...
    @property
    def product_id(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def paid(self) -> int: ...
    @property
    def status(self) -> str: ...


L = TypeVar("L", bound=LineLike)


@lru_cache(maxsize=4096)
def norm_title(title: str | None) -> str:
    """Titles compared loosely: no spaces or punctuation, lower case."""
    return re.sub(r"[\s\W_]+", "", title or "").lower()


def same_product(item: OrderLine, line: LineLike) -> bool:
    """By the platform's product id when both carry one, else by the loosely compared title."""
    if item.product_id and line.product_id:
        return item.product_id == line.product_id
    return norm_title(item.title) == norm_title(line.title)


def amount_agrees(line_paid_fen: int, item_amount_fen: int) -> bool:
    return abs(line_paid_fen - item_amount_fen) <= AMOUNT_TOLERANCE_FEN


def within_window(created_at: datetime | None, ordered_at: datetime) -> bool:
    return created_at is not None and abs(created_at - ordered_at) <= WINDOW


def pair_category(item: OrderLine, line: LineLike) -> Category:
    """An order item paired with a line: invalid on the platform, amounts apart, or matched."""
    if line.status == LineStatus.INVALID:
        return Category.INVALID
    if not amount_agrees(line.paid, item.platform_amount_fen):
        return Category.AMOUNT_MISMATCH
    return Category.MATCHED


def by_number(item: OrderLine, lines: Sequence[L], claimed: set[int] | frozenset[int],
              unlinked: frozenset[LineKey] = frozenset()) -> L | None:
    """The line an item with a platform order number is, among the lines carrying that number
    (in the order they were imported): the first not claimed or unlinked; when several remain,
    the first of the same product, and none when none is."""
    free = [ln for ln in lines if ln.key not in unlinked and ln.id not in claimed]
    if len(free) > 1:
        free = [ln for ln in free if same_product(item, ln)]
    return free[0] if free else None


def without_number(items: Iterable[OrderLine], candidates: Mapping[int, Iterable[L]],
                   created: Mapping[int, datetime | None], claimed: set[int] | frozenset[int],
                   unlinked: Mapping[int, frozenset[LineKey]] | None = None) -> dict[int, L]:
    """Items without a platform order number → the line each one is (item id → line), for the
    unambiguous ones only. ``candidates`` (item id → lines) may be any superset of the right ones
    (the service narrows them in SQL); the rule itself is applied here: same platform-side product,
    amount within the tolerance, created (``created``: line id → time) within the window, not
    claimed, not unlinked from the item; then one candidate, wanted by no other item."""
    unlinked = unlinked or {}
    options: dict[int, list[L]] = {}
    wanted_by: dict[int, int] = defaultdict(int)
    for item in items:
        refused = unlinked.get(item.item_id, frozenset())
        found = options[item.item_id] = [
            ln for ln in candidates.get(item.item_id, ())
            if ln.id not in claimed and ln.key[0] == item.platform and ln.key not in refused
            and amount_agrees(ln.paid, item.platform_amount_fen)
            and within_window(created.get(ln.id), item.ordered_at) and same_product(item, ln)
        ]
        for ln in found:
            wanted_by[ln.id] += 1
    return {item_id: found[0] for item_id, found in options.items() if len(found) == 1 and wanted_by[found[0].id] == 1}
