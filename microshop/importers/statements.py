"""Platform statement importers (淘宝联盟 new/legacy/维权, 京东联盟, 多多进宝, 抖音精选联盟).

Built the beangulp way: each importer declares its columns with alias sets and one parse rule per
column type, says whether a header row is its own (``identify``), and turns rows into canonical
lines (see shared/reference/platforms.md). Rows are parsed a chunk and a column at a time
(``Batch`` → ``LineColumns``), because a statement can hold 100,000 lines; the per-cell rules in
``table`` decide every cell the fast paths do not. Two importers claiming one file, or none, is a
question for the user, never a guess.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any, ClassVar, cast

from microshop.domain.enums import STATEMENT_PLATFORMS, LineStatus, platform_name
from microshop.domain.pairs import name_value_pairs
from microshop.errors import UserError
from microshop.i18n import QT_TR_NOOP, localized, tr
from microshop.importers.table import (
    cell_text,
    column_id,
    column_int,
    column_money,
    column_text,
    column_time,
    iter_table,
    norm_header,
    row_count_hint,
)


@dataclass(frozen=True)
class Col:
    """A declared column: canonical field, header aliases, parse rule, required or not."""

    field: str
    aliases: tuple[str, ...]
    kind: str = "text"  # id | text | money | int | time | date8
    required: bool = True


@dataclass
class Line:
    """A canonical statement line (money in fen, times aware UTC)."""

    platform_key: str
    order_no: str
    line_key: str
    sub_order_no: str | None
    parent_order_no: str | None
    product_id: str | None
    product_title: str | None
    quantity: int
    paid_fen: int
    estimated_fen: int
    settled_fen: int | None
    status: str
    raw_status: str
    created_at: datetime | None
    settled_at: datetime | None
    source_row: int


@dataclass
class Adjustment:
    """A 维权 (refund claim) row: commission clawed back after settlement."""

    platform_key: str
    order_no: str
    sub_order_no: str
    status: str
    refund_fen: int | None
    clawback_fen: int | None
    occurred_at: datetime | None
    source_row: int


@dataclass
class RowIssue:
    """A row that was left out, and why."""

    row: int
    reason: str


@dataclass
class ParsedStatement:
    """What a file held: its importer, lines or adjustments, and rows left out."""

    importer: Importer
    rows: int = 0
    lines: list[Line] = field(default_factory=list)
    adjustments: list[Adjustment] = field(default_factory=list)
    skipped: list[RowIssue] = field(default_factory=list)
    unknown_statuses: dict[str, int] = field(default_factory=dict)  # status word → rows holding it


class AmbiguousStatement(UserError):
    """Two importers claim the file: the user says which platform it is from."""


class UnrecognisedStatement(UserError):
    """No importer claims the file: a column mapping can read it."""


class RowError(ValueError):
    """A row this importer cannot use (reported in ``skipped``)."""


class UnknownStatus(RowError):
    """A status word the importer does not know: the user maps it once (付款/收货/结算/失效)."""

    def __init__(self, word: str) -> None:
        super().__init__(tr("不认识的订单状态“{raw}”", raw=word))
        self.word = word


class UnknownStatuses(UserError):
    """A file holds status words nobody has mapped yet: nothing is imported until they are."""

    def __init__(self, name: str, words: dict[str, int]) -> None:
        listed = "、".join(f"“{w}”（{n} 行）" for w, n in sorted(words.items(), key=lambda x: -x[1])[:20])
        super().__init__(tr(
            "“{name}”里有不认识的订单状态：{words}。请说明每个状态的意思（付款/收货/结算/失效）后再导入："
            "在导入预览里选择，或在命令行加 --status-map \"状态=paid,…\"（可选 unpaid、paid、received、settled、invalid）。",
            name=name, words=listed))
        self.words = dict(words)


def plain_statuses(table: Mapping[str, str]) -> dict[str, str]:
    """A status table declared with ``LineStatus`` members, as plain strings: a misspelt status
    fails at import (``LineStatus(…)``), and the driver binds exact ``str`` values fastest (a
    subclass costs it an adapter lookup per value, ~2 % of a 100,000-line import)."""
    return {word: LineStatus(status).value for word, status in table.items()}


_STATUS_WORDS: dict[str, LineStatus] = {"unpaid": LineStatus.UNPAID, "paid": LineStatus.PAID, "received": LineStatus.RECEIVED, "settled": LineStatus.SETTLED, "invalid": LineStatus.INVALID,
                  "未付款": LineStatus.UNPAID, "付款": LineStatus.PAID, "已付款": LineStatus.PAID, "收货": LineStatus.RECEIVED, "已收货": LineStatus.RECEIVED,
                  "结算": LineStatus.SETTLED, "已结算": LineStatus.SETTLED, "失效": LineStatus.INVALID, "已失效": LineStatus.INVALID}
STATUS_CHOICES = plain_statuses(_STATUS_WORDS)


def parse_status_map(text: str | None) -> dict[str, str]:
    """``"待成团=paid,已发货=付款"`` → {word: canonical status}."""
    out: dict[str, str] = {}
    for part, word, value in name_value_pairs(text):
        status = STATUS_CHOICES.get(value.lower())
        if not word or status is None:
            raise UserError(tr("状态对应“{part}”写法不对，应写成 状态=paid（可选 unpaid、paid、received、settled、invalid，"
                               "或 付款、收货、结算、失效）。", part=part))
        out[word] = status
    return out


LINE_FIELDS: tuple[str, ...] = tuple(Line.__dataclass_fields__)


class Batch:
    """Rows of a file parsed a column at a time: field → values, each row's number in the file,
    and the first problem of each row that has to be left out (index → reason)."""

    def __init__(self, numbers: list[int], values: dict[str, list[Any]],
                 status_map: dict[str, str] | None = None) -> None:
        self.numbers = numbers
        self.values = values
        self.errors: dict[int, str] = {}
        self.status_map = status_map or {}     # the user's meaning of status words the importer lacks
        self.unknown: dict[str, int] = {}      # status words nobody knows → rows

    def __len__(self) -> int:
        return len(self.numbers)

    def get(self, name: str) -> list[Any]:
        found = self.values.get(name)
        return found if found is not None else [None] * len(self.numbers)

    def need(self, name: str, label: str) -> list[Any]:
        """The column, with every row where it is blank marked “缺少{label}”."""
        column = self.get(name)
        if None in column or "" in column:
            for i, v in enumerate(column):
                if v is None or v == "":
                    self.errors.setdefault(i, tr("缺少{label}", label=label))
        return column

    def row(self, i: int) -> dict[str, Any]:
        return {name: column[i] for name, column in self.values.items()}


class LineColumns:
    """Canonical lines (see ``Line``) held as columns; times are naive UTC here."""

    def __init__(self, columns: dict[str, list[Any]]) -> None:
        self.columns = columns

    def __len__(self) -> int:
        return len(self.columns["order_no"])

    def keep(self, errors: dict[int, str]) -> LineColumns:
        """Without the rows that have a problem."""
        if not errors:
            return self
        rows = [i for i in range(len(self)) if i not in errors]
        return LineColumns({name: [column[i] for i in rows] for name, column in self.columns.items()})

    def lines(self) -> list[Line]:
        """As ``Line`` objects with aware UTC times (for previews and tests; imports use the columns)."""
        columns = dict(self.columns)
        for name in ("created_at", "settled_at"):
            columns[name] = [None if t is None else t.replace(tzinfo=UTC) for t in columns[name]]
        return [Line(*values) for values in zip(*(columns[f] for f in LINE_FIELDS))]


@dataclass
class Chunk:
    """What a stretch of a file held: data rows counted, lines or adjustments, rows left out."""

    rows: int
    lines: LineColumns | None
    adjustments: list[Adjustment]
    skipped: list[RowIssue]
    unknown: dict[str, int] = field(default_factory=dict)


class Importer:
    """Base importer: subclasses declare ``key``, ``platform``, ``label``, ``columns`` and turn a
    parsed ``Batch`` into lines (``convert_batch``, usually through ``lines``) or adjustments."""

    key = ""
    platform = ""
    label = ""
    columns: tuple[Col, ...] = ()
    statuses: ClassVar[dict[str, str]] = {}  # the platform's status word → a LineStatus

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.statuses = plain_statuses(cls.statuses)

    def identify(self, header: list[Any]) -> dict[str, int] | None:
        """Field → column index when ``header`` has all required columns, else None."""
        found: dict[str, int] = {}
        normalised = [norm_header(h) for h in header]
        for col in self.columns:
            names = {norm_header(a) for a in col.aliases}
            for index, name in enumerate(normalised):
                if name in names:
                    found[col.field] = index
                    break
        required = [c.field for c in self.columns if c.required]
        return found if all(f in found for f in required) else None

    def missing(self, header: list[Any]) -> list[str]:
        """Required columns this header lacks (for error messages)."""
        normalised = {norm_header(h) for h in header}
        return [
            c.aliases[0] for c in self.columns
            if c.required and not ({norm_header(a) for a in c.aliases} & normalised)
        ]

    def batch(self, rows: list[list[Any]], numbers: list[int], cols: dict[str, int],
              status_map: dict[str, str] | None = None) -> Batch:
        """Parse the declared cells of ``rows`` column by column (a mangled id raises UserError)."""
        values: dict[str, list[Any]] = {}
        bad: list[tuple[str, dict[int, Any]]] = []
        short = min(map(len, rows), default=0)
        for col in self.columns:
            index = cols.get(col.field)
            if index is None:
                continue
            raw = list(map(itemgetter(index), rows)) if index < short else [
                r[index] if index < len(r) else None for r in rows
            ]
            values[col.field], problems = parse_column(col, raw)
            if problems:
                bad.append((col.aliases[0], problems))
        batch = Batch(numbers, values, status_map)
        for label, problems in bad:  # in column order: a row's first bad cell is the one reported
            for i, raw_value in problems.items():
                batch.errors.setdefault(i, tr("“{label}”的值“{value}”看不懂", label=label, value=cell_text(raw_value)))
        return batch

    def read_rows(self, rows: list[list[Any]], numbers: list[int],
                  cols: dict[str, int]) -> list[Line | Adjustment | RowIssue]:
        """A few rows read as lines (or adjustments), or why each could not be (for previews), in row order."""
        batch = self.batch(rows, numbers, cols)
        out = self.convert_batch(batch)
        read: Iterator[Line | Adjustment] = iter(out.lines() if isinstance(out, LineColumns) else out)
        return [RowIssue(numbers[i], batch.errors[i]) if i in batch.errors else next(read) for i in range(len(rows))]

    def status(self, raw: str) -> str:
        """The canonical status of a platform's status text (RowError when unknown).

        The ``statuses`` table is consulted first (for whole columns at once); this is asked
        about every other text, so an override only needs to handle what the table lacks.
        """
        if raw in self.statuses:
            return self.statuses[raw]
        text = norm_status(raw)
        if text in self.statuses:
            return self.statuses[text]
        if text.startswith("无效") or any(w in text for w in ("失效", "取消", "退款", "处罚", "审核失败", "已关闭")):
            return LineStatus.INVALID.value
        raise UnknownStatus(raw)

    def status_column(self, raw: list[Any], b: Batch) -> list[str | None]:
        table = self.statuses
        out = [table.get(r) for r in raw]
        if None in out:
            for i, r in enumerate(raw):
                if out[i] is None and r not in (None, ""):
                    mapped = b.status_map.get(r) or b.status_map.get(norm_status(r))
                    if mapped is not None:
                        out[i] = mapped
                        continue
                    try:
                        out[i] = self.status(r)
                    except UnknownStatus as exc:
                        b.errors.setdefault(i, str(exc))
                        b.unknown[exc.word] = b.unknown.get(exc.word, 0) + 1
                    except RowError as exc:
                        b.errors.setdefault(i, str(exc))
        return out

    def convert_batch(self, b: Batch) -> LineColumns | list[Adjustment]:
        raise NotImplementedError

    def _paid(self, b: Batch) -> list[Any]:
        """The paid amounts; a blank one (a formula cell saved without its value, a cut-off row)
        leaves the row out with its reason instead of being read as ¥0."""
        if "paid" not in b.values:
            return b.get("paid")
        label = next((c.aliases[0] for c in self.columns if c.field == "paid"), "付款金额")
        return b.need("paid", label)

    def lines(self, b: Batch, order_label: str, *, key: list[Any] | None = None, sub: list[Any] | None = None,
              parent: list[Any] | None = None, estimated: list[int] | None = None,
              settled: list[int] | None = None, settled_at_field: str = "settled_at") -> LineColumns:
        """Canonical lines from a parsed batch: keyed by ``key`` (default: the product id); settled
        amount and time kept only when the status is settled. Rows with a problem are left out."""
        raw_status = b.need("status", "订单状态")
        status = self.status_column(raw_status, b)
        if key is None:
            key = b.need("product_id", "商品ID")
        order_no = b.need("order_no", order_label)
        n = len(b)
        nothing = [None] * n
        is_settled = [s == "settled" for s in status]
        if estimated is None:
            estimated = [0 if e is None else e for e in b.get("estimated")]
        if settled is None:
            settled = [0 if x is None else x for x in b.get("settled")]
        return LineColumns({
            "platform_key": [self.platform] * n,
            "order_no": order_no,
            "line_key": key,
            "sub_order_no": nothing if sub is None else sub,
            "parent_order_no": nothing if parent is None else parent,
            "product_id": b.get("product_id"),
            "product_title": b.get("title"),
            "quantity": [q or 1 for q in b.get("quantity")],
            "paid_fen": [0 if p is None else p for p in self._paid(b)],
            "estimated_fen": estimated,
            "settled_fen": [x if ok else None for x, ok in zip(settled, is_settled)],
            "status": status,
            "raw_status": raw_status,
            "created_at": b.get("created"),
            "settled_at": [t if ok else None for t, ok in zip(b.get(settled_at_field), is_settled)],
            "source_row": b.numbers,
        }).keep(b.errors)


def parse_column(col: Col, raw: list[Any]) -> tuple[list[Any], dict[int, Any]]:
    """One column by its type, and the cells that could not be read (the rows are left out).
    A mangled id raises UserError: the whole file is refused."""
    if col.kind == "id":
        return column_id(raw, col.aliases[0]), {}
    if col.kind == "money":
        return column_money(raw)
    if col.kind == "int":
        return column_int(raw)
    if col.kind == "time":
        return column_time(raw)
    if col.kind == "date8":  # yyyyMMdd, 0 = not yet
        return column_time([None if cell_text(v) in ("", "0") else cell_text(v) for v in raw])
    return column_text(raw), {}


def norm_status(raw: str) -> str:
    """A status word as compared with the tables: full-width folded, no spaces."""
    return "".join(unicodedata.normalize("NFKC", raw).split())


def fen_or_zero(column: list[int | None]) -> list[int]:
    return [0 if v is None else v for v in column]


class TaobaoImporter(Importer):
    """淘宝联盟 new 订单明细 export: key 淘宝子订单号; incomes already net of 技术服务费."""

    key, platform, label = "taobao", "taobao", QT_TR_NOOP("淘宝联盟 订单明细")
    columns = (
        Col("created", ("创建时间", "订单创建时间", "下单时间"), "time"),
        Col("settled_at", ("结算时间", "订单结算时间"), "time", False),
        Col("title", ("商品标题", "商品名称", "商品信息"), "text", False),
        Col("product_id", ("商品ID", "商品id", "商品编号", "item_id"), "id", False),
        Col("quantity", ("商品数量", "商品数"), "int", False),
        Col("paid", ("付款金额", "实际付款金额", "实付金额", "alipay_total_price"), "money"),
        Col("order_no", ("淘宝订单编号", "淘宝父订单编号", "淘宝父订单号", "订单编号", "父订单编号", "trade_parent_id"), "id"),
        Col("sub_order_no", ("淘宝子订单号", "淘宝子订单编号", "子订单号", "子订单编号", "trade_id"), "id"),
        Col("status", ("订单状态", "tk_status")),
        Col("estimated", ("付款预估收入", "预估收入", "pub_share_pre_fee"), "money"),
        Col("settled", ("结算预估收入", "结算收入", "pub_share_fee"), "money", False),
    )
    statuses: ClassVar[dict[str, str]] = {"已付款": LineStatus.PAID, "已收货": LineStatus.RECEIVED, "已结算": LineStatus.SETTLED, "已失效": LineStatus.INVALID,
                "订单付款": LineStatus.PAID, "订单成功": LineStatus.RECEIVED, "订单结算": LineStatus.SETTLED, "订单失效": LineStatus.INVALID,
                "付款": LineStatus.PAID, "结算": LineStatus.SETTLED, "成功": LineStatus.RECEIVED, "失效": LineStatus.INVALID,
                "12": LineStatus.PAID, "13": LineStatus.INVALID, "14": LineStatus.RECEIVED, "3": LineStatus.SETTLED}  # tk_status codes of the API

    def convert_batch(self, b: Batch) -> LineColumns:
        sub = b.need("sub_order_no", "淘宝子订单号")
        return self.lines(b, "淘宝订单编号", key=sub, sub=sub)


class TaobaoLegacyImporter(Importer):
    """淘宝联盟 legacy TaokeDetail export: no sub-order id, key (订单编号, 商品ID)."""

    key, platform, label = "taobao_legacy", "taobao", QT_TR_NOOP("淘宝联盟 TaokeDetail（旧版）")
    columns = (
        Col("created", ("创建时间",), "time"),
        Col("title", ("商品信息", "商品名称"), "text", False),
        Col("product_id", ("商品ID", "商品id"), "id"),
        Col("quantity", ("商品数", "商品数量"), "int", False),
        Col("status", ("订单状态",)),
        Col("paid", ("付款金额",), "money"),
        Col("estimated", ("效果预估",), "money"),
        Col("settled", ("预估收入",), "money", False),
        Col("settled_at", ("结算时间",), "time", False),
        Col("order_no", ("订单编号",), "id"),
    )
    statuses = TaobaoImporter.statuses

    def convert_batch(self, b: Batch) -> LineColumns:
        return self.lines(b, "订单编号")


class TaobaoRefundImporter(Importer):
    """淘宝联盟 维权 export: refund claims that claw commission back."""

    key, platform, label = "taobao_refund", "taobao", QT_TR_NOOP("淘宝联盟 维权订单")
    columns = (
        Col("sub_order_no", ("淘宝子订单编号", "淘宝子订单号", "子订单编号"), "id"),
        Col("order_no", ("淘宝订单编号", "淘宝父订单编号"), "id", False),
        Col("status", ("维权状态",)),
        Col("settled_amount", ("结算金额",), "money", False),
        Col("refund", ("维权退款金额",), "money"),
        Col("clawback", ("应返商家金额",), "money", False),
        Col("settled_at", ("订单结算时间",), "time", False),
    )

    def convert_batch(self, b: Batch) -> list[Adjustment]:
        sub = b.need("sub_order_no", "淘宝子订单编号")
        status = b.need("status", "维权状态")
        order_no, refund, clawback, settled_at = (b.get(f) for f in ("order_no", "refund", "clawback", "settled_at"))
        return [
            Adjustment(self.platform, order_no[i] or "", sub[i], status[i], refund[i], clawback[i],
                       None if settled_at[i] is None else settled_at[i].replace(tzinfo=UTC), b.numbers[i])
            for i in range(len(b)) if i not in b.errors
        ]


class JdImporter(Importer):
    """京东联盟: key (订单号, 商品ID); settled on 预估结算时间 (yyyyMMdd, 0 = not yet)."""

    key, platform, label = "jd", "jd", QT_TR_NOOP("京东联盟 推广订单明细")
    columns = (
        Col("order_no", ("订单号", "订单ID", "子单号", "orderId"), "id"),
        Col("parent", ("父单号", "主单号", "父订单号", "parentId"), "id", False),
        Col("created", ("下单时间", "下单日期", "orderTime"), "time"),
        Col("settle_date", ("预估结算时间", "结算日期", "payMonth"), "date8", False),
        Col("product_id", ("商品ID", "skuId", "SKU ID", "SKUID", "商品编号", "sku编号"), "id", False),
        Col("title", ("商品名称", "商品名", "SKU名称", "skuName"), "text", False),
        Col("quantity", ("商品数量", "商品数", "SKU数量", "skuNum"), "int", False),
        Col("status", ("订单状态", "validCode")),
        Col("paid", ("预估计佣金额", "计佣金额", "estimateCosPrice"), "money"),
        Col("estimated", ("预估佣金", "预估收入", "estimateFee"), "money"),
        Col("settled", ("实际佣金", "实际收入", "actualFee"), "money", False),
    )
    statuses: ClassVar[dict[str, str]] = {"待付款": LineStatus.UNPAID, "已付款": LineStatus.PAID, "已完成": LineStatus.RECEIVED, "已结算": LineStatus.SETTLED,
                "付款": LineStatus.PAID, "完成": LineStatus.RECEIVED, "结算": LineStatus.SETTLED, "已签收": LineStatus.RECEIVED,
                # validCode of the JD union API: 15 待付款, 16 已付款, 17 已完成, 18 已结算, 2–14 无效-…
                "15": LineStatus.UNPAID, "16": LineStatus.PAID, "17": LineStatus.RECEIVED, "18": LineStatus.SETTLED,
                **{str(code): "invalid" for code in range(2, 15)}}

    def convert_batch(self, b: Batch) -> LineColumns:
        parent = [p if p not in (None, "0") else None for p in b.get("parent")]
        title = b.get("title")
        if "product_id" in b.values:
            key = b.need("product_id", "商品ID")
        else:  # exports without a 商品ID column: the line is keyed on order number + product name
            key = ["name:" + t if t else None for t in title]
            for i, k in enumerate(key):
                if k is None:
                    b.errors.setdefault(i, tr("缺少{label}", label="商品名称"))
        return self.lines(b, "订单号", key=key, parent=parent, settled_at_field="settle_date")


class PddImporter(Importer):
    """多多进宝: 订单编号 is always text; settled = 预估佣金收入 when 已结算."""

    key, platform, label = "pdd", "pdd", QT_TR_NOOP("多多进宝 推广订单")
    columns = (
        Col("order_no", ("订单编号", "订单号", "order_sn"), "id"),
        Col("product_id", ("商品ID", "商品id", "商品编号", "goods_id"), "id"),
        Col("title", ("商品信息", "商品名称", "商品标题", "goods_name"), "text", False),
        Col("quantity", ("商品数", "商品数量", "购买数量", "goods_quantity"), "int", False),
        Col("paid", ("订单金额", "实付金额", "order_amount"), "money"),
        Col("estimated", ("预估佣金收入", "预估佣金", "预估收入", "推广佣金", "promotion_amount"), "money"),
        Col("created", ("创建时间", "下单时间", "订单创建时间", "order_create_time"), "time"),
        Col("settled_at", ("结算时间", "订单结算时间", "order_settle_time"), "time", False),
        Col("status", ("订单状态描述", "订单状态", "order_status_desc")),
    )
    statuses: ClassVar[dict[str, str]] = {"未支付": LineStatus.UNPAID, "已支付": LineStatus.PAID, "已成团": LineStatus.PAID, "待成团": LineStatus.PAID, "确认收货": LineStatus.RECEIVED,
                "审核通过": LineStatus.RECEIVED, "审核成功": LineStatus.RECEIVED, "已结算": LineStatus.SETTLED, "已经结算": LineStatus.SETTLED,
                "审核失败": LineStatus.INVALID, "已处罚": LineStatus.INVALID, "非多多进宝商品": LineStatus.INVALID, "已取消": LineStatus.INVALID}

    def status(self, raw: str) -> str:
        compact = raw.replace("，", ",")
        if compact.startswith("未支付") and "取消" in compact:
            return LineStatus.INVALID.value
        return super().status(raw)

    def convert_batch(self, b: Batch) -> LineColumns:
        return self.lines(b, "订单编号", settled=fen_or_zero(b.get("estimated")))  # settled = estimated when 已结算


class DouyinImporter(Importer):
    """抖音精选联盟: the 10 % 技术服务费 is not yet deducted in the file; we deduct it."""

    key, platform, label = "douyin", "douyin", QT_TR_NOOP("抖音精选联盟 订单明细")
    columns = (
        Col("order_no", ("订单ID", "订单号", "子订单ID", "子订单号", "order_id"), "id"),
        Col("product_id", ("商品ID", "商品id", "product_id"), "id"),
        Col("title", ("商品名称", "商品标题", "product_name"), "text", False),
        Col("quantity", ("商品数量", "商品数", "item_num"), "int", False),
        Col("paid", ("支付金额", "订单支付金额", "total_pay_amount"), "money"),
        Col("estimated", ("预估佣金收入", "达人预估佣金收入", "预估佣金", "estimated_commission"), "money"),
        Col("settled", ("实际佣金收入", "达人实际佣金收入", "结算佣金收入", "实际佣金", "real_commission"), "money", False),
        Col("est_fee", ("预估技术服务费", "达人预估技术服务费", "estimated_tech_service_fee"), "money", False),
        Col("settled_fee", ("结算技术服务费", "实际技术服务费", "达人结算技术服务费", "settled_tech_service_fee"), "money", False),
        Col("status", ("订单状态", "flow_point")),
        Col("created", ("付款时间", "支付时间", "下单时间", "支付完成时间", "订单支付时间", "pay_success_time"), "time"),
        Col("settled_at", ("结算时间", "结算完成时间", "settle_time"), "time", False),
    )
    statuses: ClassVar[dict[str, str]] = {"已付款": LineStatus.PAID, "已收货": LineStatus.RECEIVED, "已结算": LineStatus.SETTLED, "已退款": LineStatus.INVALID,
                "已失效": LineStatus.INVALID, "待付款": LineStatus.UNPAID, "支付完成": LineStatus.PAID, "确认收货": LineStatus.RECEIVED, "结算": LineStatus.SETTLED,
                "已完成": LineStatus.RECEIVED, "退款": LineStatus.INVALID, "PAY_SUCC": LineStatus.PAID, "CONFIRM": LineStatus.RECEIVED, "SETTLE": LineStatus.SETTLED,
                "REFUND": LineStatus.INVALID}

    def convert_batch(self, b: Batch) -> LineColumns:
        estimated = [a - f for a, f in zip(fen_or_zero(b.get("estimated")), fen_or_zero(b.get("est_fee")))]
        settled = [a - f for a, f in zip(fen_or_zero(b.get("settled")), fen_or_zero(b.get("settled_fee")))]
        return self.lines(b, "订单ID", estimated=estimated, settled=settled)


IMPORTERS: tuple[Importer, ...] = (
    TaobaoImporter(), TaobaoLegacyImporter(), TaobaoRefundImporter(), JdImporter(), PddImporter(),
    DouyinImporter(),
)
PLATFORM_CHOICES = STATEMENT_PLATFORMS
HEADER_SCAN_ROWS = 15
TOTAL_WORDS = ("总计", "合计", "汇总")


def detect(rows: list[list[Any]], platform: str | None, name: str) -> tuple[Importer, int, dict[str, int]]:
    """Find the header row and the one importer that claims it (optionally within a platform)."""
    candidates = [i for i in IMPORTERS if platform is None or i.platform == platform]
    best_missing: tuple[Importer, list[str]] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        claims = [(imp, cols) for imp in candidates if (cols := imp.identify(row)) is not None]
        if len(claims) > 1:
            labels = "、".join(localized(imp.label) for imp, _ in claims)
            raise AmbiguousStatement(tr("“{name}”同时像 {labels} 的账单，无法确定，请在导入时指定平台。", name=name, labels=labels))
        if claims:
            return claims[0][0], index, claims[0][1]
        for imp in candidates:
            missing = imp.missing(row)
            close = platform is not None or len(missing) < len(imp.columns) // 2
            if close and len(missing) < len(imp.columns) and (
                best_missing is None or len(missing) < len(best_missing[1])
            ):
                best_missing = (imp, missing)
    if platform is not None and best_missing is not None:
        imp, missing = best_missing
        raise UserError(tr("“{name}”不像{importer}的账单：缺少列 {missing}。请确认平台选对了，且表头没有被改动。", name=name, importer=localized(imp.label), missing='、'.join(missing)))
    if platform is not None:
        raise UserError(tr("“{name}”里没有找到{platform}账单的表头，请确认文件和平台选对了。", name=name, platform=platform_name(platform)))
    raise UnrecognisedStatement(
        tr("无法识别“{name}”是哪个平台的账单（没有找到认识的表头）。请确认这是平台导出的原始订单明细，或在导入时指定平台；其他平台可用“自定义列映射”导入。", name=name)
    )


def _detect_with_mappings(head: list[list[Any]], platform: str | None, name: str,
                          mappings: dict[str, tuple[str, dict[str, str]]]) -> tuple[Importer, int, dict[str, int]]:
    from microshop.importers.mapping import MappedImporter, header_signature

    for index, row in enumerate(head[:HEADER_SCAN_ROWS]):
        found = mappings.get(header_signature(row))
        if found is not None and (platform is None or platform == found[0]):
            importer = MappedImporter(*found)
            cols = importer.identify(row)
            if cols is not None:
                return importer, index, cols
    if platform is not None and platform not in PLATFORM_CHOICES:
        raise UserError(tr("没有为这种表格设置过{platform}的列映射，请先设置列映射。", platform=platform_name(platform)))
    return detect(head, platform, name)


CHUNK_ROWS = 5000  # rows parsed and saved at a time: bounded memory, regular progress


class StatementReader:
    """A statement file opened for import: its importer is detected from the first rows (an
    unrecognisable or ambiguous file raises UserError), then ``chunks()`` parses the rest a few
    thousand rows at a time, so even a 100,000-line export never needs a second copy in memory.

    ``mappings`` (header signature → (platform, field → header)) are the user's remembered
    column mappings; one is used when no built-in importer claims the file.
    """

    def __init__(self, path: Path, platform: str | None = None,
                 mappings: dict[str, tuple[str, dict[str, str]]] | None = None,
                 status_map: dict[str, str] | None = None) -> None:
        self.path = path = Path(path)
        self.status_map = dict(status_map or {})
        if platform is not None and platform not in PLATFORM_CHOICES and not mappings:
            raise UserError(tr("未知的平台“{platform}”，可选：{choices}。", platform=platform, choices='、'.join(PLATFORM_CHOICES)))
        self._rows: Iterator[list[Any]] = iter_table(path)
        head: list[list[Any]] = []
        for row in self._rows:
            head.append(row)
            if len(head) >= HEADER_SCAN_ROWS:
                break
        if not any(any(cell_text(c) for c in r) for r in head):
            raise UserError(tr("“{name}”里没有任何数据。", name=path.name))
        self.importer, self.header_index, self.cols = _detect_with_mappings(head, platform, path.name, mappings or {})
        self._head = head
        self.total_rows = row_count_hint(path)  # about how many rows the file has (None: unknown)

    def chunks(self, on_row: Callable[[int, int], None] | None = None, size: int | None = None) -> Iterator[Chunk]:
        """The data rows in chunks of ``size`` (default ``CHUNK_ROWS``) rows of the file (blank,
        “--”-only and 总计/合计 rows are not data rows). ``on_row(n, total)`` hears the row reached
        and the estimated row count (at least ``n``; 0 when unknown) after each chunk."""
        size = size or CHUNK_ROWS
        importer, cols = self.importer, self.cols
        number = self.header_index + 1  # the file's row number of the last row read
        pending = self._head[self.header_index + 1:]
        rows_iter = self._rows
        while True:
            if len(pending) < size:
                pending.extend(islice(rows_iter, size - len(pending)))
            block, pending = pending[:size], pending[size:]
            if not block:
                return
            numbers = list(range(number + 1, number + 1 + len(block)))
            number += len(block)
            rows, numbers = _data_rows(block, numbers)
            if on_row is not None:
                on_row(number, max(self.total_rows or 0, number) if self.total_rows else 0)
            if not rows:
                continue
            batch = importer.batch(rows, numbers, cols, self.status_map)
            out = importer.convert_batch(batch)
            skipped = [RowIssue(batch.numbers[i], reason) for i, reason in sorted(batch.errors.items())]
            if isinstance(out, LineColumns):
                yield Chunk(len(rows), out, [], skipped, batch.unknown)
            else:
                yield Chunk(len(rows), None, out, skipped, batch.unknown)


def _data_rows(rows: list[list[Any]], numbers: list[int]) -> tuple[list[list[Any]], list[int]]:
    """Leave out blank rows, rows of “--” and blanks only, and 总计/合计/汇总 rows.

    Only rows whose first cell is not plainly filled, or whose first three cells mention 计/汇,
    are looked at closely; every other row is data.
    """
    width = min(map(len, rows))
    firsts = list(map(itemgetter(0), rows)) if width else [r[0] if r else None for r in rows]
    suspects: set[int] = set()
    if not _plain_texts(firsts):
        suspects.update(
            i for i, v in enumerate(firsts)
            if (v.__class__ is str and (len(t := v.strip()) < 5 or t[0] == "'" or "计" in t or "汇" in t))
            or v is None or v != v  # None or NaN
        )
    for c in (1, 2):
        column = list(map(itemgetter(c), rows)) if c < width else [r[c] if c < len(r) else None for r in rows]
        if set(map(type, column)) == {str} and not _mentions_total("\n".join(cast("list[str]", column))):
            continue
        suspects.update(i for i, v in enumerate(column) if v.__class__ is str and ("计" in v or "汇" in v))
    if not suspects:
        return rows, numbers
    keep = [i for i in range(len(rows)) if i not in suspects or _is_data_row(rows[i])]
    return [rows[i] for i in keep], [numbers[i] for i in keep]


def _mentions_total(text: str) -> bool:
    return "计" in text or "汇" in text


def _plain_texts(column: list[Any]) -> bool:
    """Every cell a text of 5+ characters (stripped), none quoted, none mentioning 计/汇: the
    usual first column of a data row (an order number or a time), checked a column at a time."""
    if set(map(type, column)) != {str}:
        return False
    stripped = list(map(str.strip, column))
    if min(map(len, stripped), default=0) < 5:
        return False
    joined = "\n".join(stripped)
    return not joined.startswith("'") and "\n'" not in joined and not _mentions_total(joined)


def _is_data_row(row: list[Any]) -> bool:
    if all(c is None or c == "" for c in row):
        return False
    if any(isinstance(c, str) and cell_text(c).startswith(TOTAL_WORDS) for c in row[:3]):
        return False
    return bool(cell_text(row[0])) or any(cell_text(c) for c in row)


def parse_statement(path: Path, platform: str | None = None,
                    on_row: Callable[[int, int], None] | None = None,
                    mappings: dict[str, tuple[str, dict[str, str]]] | None = None,
                    status_map: dict[str, str] | None = None) -> ParsedStatement:
    """Read a whole statement file into canonical lines (for previews and tests); refuses
    unrecognisable or mangled files. Imports stream the file with ``StatementReader`` instead."""
    reader = StatementReader(path, platform, mappings, status_map)
    result = ParsedStatement(reader.importer)
    for chunk in reader.chunks(on_row):
        result.rows += chunk.rows
        if chunk.lines is not None:
            result.lines.extend(chunk.lines.lines())
        result.adjustments.extend(chunk.adjustments)
        result.skipped.extend(chunk.skipped)
        for word, n in chunk.unknown.items():
            result.unknown_statuses[word] = result.unknown_statuses.get(word, 0) + n
    if result.rows == 0:
        raise UserError(tr("“{name}”表头下面没有订单行。", name=reader.path.name))
    return result
