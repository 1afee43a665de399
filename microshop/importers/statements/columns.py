"""Statement columns and records: the typed column declarations (``microshop.importers.columns``,
the beangulp way), the canonical ``Line``/``Adjustment`` records, the status tables,
the column-at-a-time ``Batch`` → ``LineColumns`` and the ``Importer`` base every platform and the
custom mapping build on."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any, ClassVar

from microshop.domain.enums import LineStatus
from microshop.domain.pairs import name_value_pairs
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.importers.columns import Column
from microshop.importers.table import (
    cell_text,
    norm_header,
)


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
    columns: tuple[Column, ...] = ()
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


def parse_column(col: Column, raw: list[Any]) -> tuple[list[Any], dict[int, Any]]:
    """One column by its type's rule, and the cells that could not be read (the rows are left
    out). A mangled id raises UserError: the whole file is refused."""
    return col.column(raw)


def norm_status(raw: str) -> str:
    """A status word as compared with the tables: full-width folded, no spaces."""
    return "".join(unicodedata.normalize("NFKC", raw).split())


def fen_or_zero(column: list[int | None]) -> list[int]:
    return [0 if v is None else v for v in column]


HEADER_SCAN_ROWS = 15  # rows looked at for the header
