"""Statements from any other platform: a column mapping the user sets once, remembered by the
file's header signature, with a generic reading of status words."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from microshop.domain.enums import LineStatus, platform_name
from microshop.errors import UserError
from microshop.i18n import QT_TR_NOOP, localized, tr
from microshop.importers.columns import Column, Id, Int, Money, Text, Time
from microshop.importers.statements.columns import HEADER_SCAN_ROWS, Batch, Importer, LineColumns, UnknownStatus
from microshop.importers.table import cell_text, iter_table, norm_header

MAPPABLE_FIELDS: tuple[tuple[str, str, type[Column], bool], ...] = (
    # field, label, column type, required
    ("order_no", QT_TR_NOOP("订单号"), Id, True),
    ("sub_order_no", QT_TR_NOOP("子订单号"), Id, False),
    ("product_id", QT_TR_NOOP("商品ID"), Id, False),
    ("title", QT_TR_NOOP("商品名称"), Text, False),
    ("quantity", QT_TR_NOOP("数量"), Int, False),
    ("paid", QT_TR_NOOP("付款金额"), Money, True),
    ("estimated", QT_TR_NOOP("预估佣金"), Money, True),
    ("settled", QT_TR_NOOP("结算佣金"), Money, False),
    ("status", QT_TR_NOOP("订单状态"), Text, True),
    ("created", QT_TR_NOOP("下单时间"), Time, True),
    ("settled_at", QT_TR_NOOP("结算时间"), Time, False),
)
_NUMERIC_STATUSES = {"30": LineStatus.PAID.value, "50": LineStatus.RECEIVED.value, "60": LineStatus.SETTLED.value,
                     "80": LineStatus.INVALID.value}  # 快手好物联盟


def generic_status(raw: str) -> str:
    """A status word from an unknown platform → canonical status, by its meaning."""
    text = raw.strip()
    if text in _NUMERIC_STATUSES:
        return _NUMERIC_STATUSES[text]
    if any(w in text for w in ("失效", "取消", "退款", "无效", "关闭", "处罚", "失败", "异常", "不足")):
        return LineStatus.INVALID.value
    if "待结算" in text:
        return LineStatus.RECEIVED.value
    if "结算" in text:
        return LineStatus.SETTLED.value
    if any(w in text for w in ("收货", "完成", "签收", "成功")):
        return LineStatus.RECEIVED.value
    if any(w in text for w in ("未付", "待付", "未支付")):
        return LineStatus.UNPAID.value
    if any(w in text for w in ("付款", "已付", "支付", "下单", "成团", "发货", "待收货")):
        return LineStatus.PAID.value
    raise UnknownStatus(raw)  # a guess would be silent: the user says what the word means


class MappedImporter(Importer):
    """An importer built from a user's column mapping (field → header text as in the file)."""

    def __init__(self, platform: str, mapping: dict[str, str]) -> None:
        self.key = "mapped"
        self.platform = platform
        self.label = tr("{platform}（自定义列映射）", platform=platform_name(platform))
        self.columns = tuple(
            kind(f, (mapping[f],), required) for f, _label, kind, required in MAPPABLE_FIELDS if mapping.get(f)
        )
        missing = [localized(label) for f, label, _k, required in MAPPABLE_FIELDS if required and not mapping.get(f)]
        if missing:
            raise UserError(tr("列映射还缺少必需的列：{missing}。", missing='、'.join(missing)))

    def status(self, raw: str) -> str:
        return generic_status(raw)

    def convert_batch(self, b: Batch) -> LineColumns:
        sub, product, order = b.get("sub_order_no"), b.get("product_id"), b.get("order_no")
        key = [s or p for s, p in zip(sub, product)]
        for i, k in enumerate(key):
            if k is None:  # neither: the order number is the line's key
                if order[i]:
                    key[i] = order[i]
                else:
                    b.errors.setdefault(i, tr("缺少订单号"))
        settled = [e if x is None else x for x, e in zip(b.get("settled"), b.get("estimated"))]
        return self.lines(b, "订单号", key=key, sub=sub, settled=[0 if x is None else x for x in settled])


def header_signature(header: list[Any]) -> str:
    """A stable fingerprint of a header row (to remember a mapping for files laid out the same)."""
    names = "|".join(norm_header(h) for h in header if cell_text(h))
    return hashlib.sha256(names.encode("utf-8")).hexdigest()


def guess_header(rows: list[list[Any]]) -> tuple[int, list[str]]:
    """The likeliest header row of an unknown file: the first row with the most text cells."""
    best, best_count = 0, -1
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        count = sum(1 for c in row if isinstance(c, str) and cell_text(c))
        if count > best_count:
            best, best_count = index, count
    return best, [cell_text(c) for c in rows[best]] if rows else []


def read_head(path: Path) -> list[list[Any]]:
    """The first rows of a file (for header detection and the mapping dialog)."""
    head = []
    for row in iter_table(Path(path)):
        head.append(row)
        if len(head) >= HEADER_SCAN_ROWS + 10:
            break
    return head
