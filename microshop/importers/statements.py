"""Platform statement importers (淘宝联盟 new/legacy/维权, 京东联盟, 多多进宝, 抖音精选联盟).

Built the beangulp way: each importer declares its columns with alias sets and one parse rule per
column type, says whether a header row is its own (``identify``), and turns a row into a canonical
line (see shared/reference/platforms.md). Two importers claiming one file, or none, is a question
for the user, never a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from microshop.domain.enums import LineStatus, platform_name
from microshop.errors import UserError
from microshop.importers.table import (
    cell_id,
    cell_int,
    cell_money,
    cell_text,
    cell_time,
    iter_table,
    norm_header,
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


class RowError(ValueError):
    """A row this importer cannot use (reported in ``skipped``)."""


class Importer:
    """Base importer: subclasses declare ``key``, ``platform``, ``label``, ``columns`` and ``convert``."""

    key = ""
    platform = ""
    label = ""
    columns: tuple[Col, ...] = ()
    statuses: dict[str, str] = {}

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

    def values(self, row: list[Any], cols: dict[str, int]) -> dict[str, Any]:
        """Parse a row's declared cells by their column type (RowError for a bad cell)."""
        out: dict[str, Any] = {}
        size = len(row)
        for col in self.columns:
            index = cols.get(col.field)
            raw = row[index] if index is not None and index < size else None
            out[col.field] = None if raw is None or raw == "" else parse_cell(col, raw)
        return out

    def status(self, raw: str) -> str:
        """The canonical status of a platform's status text (RowError when unknown)."""
        if raw in self.statuses:
            return self.statuses[raw]
        if raw.startswith("无效") or any(w in raw for w in ("失效", "取消", "退款", "处罚", "审核失败")):
            return LineStatus.INVALID.value
        raise RowError(f"不认识的订单状态“{raw}”")

    def convert(self, v: dict[str, Any], row: int) -> Line | Adjustment:
        raise NotImplementedError

    def line(self, v: dict[str, Any], row: int, order_label: str, *, key: str | None = None,
             sub: str | None = None, parent: str | None = None, estimated: int | None = None,
             settled: int | None = None, settled_at_field: str = "settled_at") -> Line:
        """A canonical line from parsed values: keyed by ``key`` (default: the product id);
        settled amount and time kept only when the status is settled."""
        status = self.status(_need(v.get("status"), "订单状态"))
        is_settled = status == LineStatus.SETTLED.value
        key = key if key is not None else _need(v.get("product_id"), "商品ID")
        return Line(
            self.platform, _need(v.get("order_no"), order_label), key, sub, parent, v.get("product_id"),
            v.get("title"), v.get("quantity") or 1, _fen(v.get("paid")),
            _fen(v.get("estimated")) if estimated is None else estimated,
            (_fen(v.get("settled")) if settled is None else settled) if is_settled else None,
            status, v["status"], v.get("created"), v.get(settled_at_field) if is_settled else None, row,
        )


def parse_cell(col: Col, raw: Any) -> Any:
    """One cell by its column type; a mangled id raises UserError (the whole file is refused)."""
    if col.kind == "id":
        return cell_id(raw, col.aliases[0]) or None
    try:
        if col.kind == "money":
            return cell_money(raw)
        if col.kind == "int":
            return cell_int(raw)
        if col.kind == "time":
            return cell_time(raw)
        if col.kind == "date8":
            text = cell_text(raw)
            return None if text in ("", "0") else cell_time(text)
    except ValueError:
        raise RowError(f"“{col.aliases[0]}”的值“{cell_text(raw)}”看不懂") from None
    return cell_text(raw) or None


def _need(value: Any, label: str) -> Any:
    if value in (None, ""):
        raise RowError(f"缺少{label}")
    return value


def _fen(value: int | None) -> int:
    return 0 if value is None else value


class TaobaoImporter(Importer):
    """淘宝联盟 new 订单明细 export: key 淘宝子订单号; incomes already net of 技术服务费."""

    key, platform, label = "taobao", "taobao", "淘宝联盟 订单明细"
    columns = (
        Col("created", ("创建时间",), "time"),
        Col("settled_at", ("结算时间",), "time", False),
        Col("title", ("商品标题", "商品名称"), "text", False),
        Col("product_id", ("商品ID", "商品id"), "id", False),
        Col("quantity", ("商品数量", "商品数"), "int", False),
        Col("paid", ("付款金额", "付款金额(元)"), "money"),
        Col("order_no", ("淘宝订单编号", "淘宝父订单编号", "订单编号"), "id"),
        Col("sub_order_no", ("淘宝子订单号", "淘宝子订单编号", "子订单号"), "id"),
        Col("status", ("订单状态",)),
        Col("estimated", ("付款预估收入", "付款预估收入(元)"), "money"),
        Col("settled", ("结算预估收入", "结算预估收入(元)"), "money", False),
    )
    statuses = {"已付款": "paid", "已收货": "received", "已结算": "settled", "已失效": "invalid",
                "订单付款": "paid", "订单成功": "received", "订单结算": "settled", "订单失效": "invalid"}

    def convert(self, v: dict[str, Any], row: int) -> Line:
        sub = _need(v["sub_order_no"], "淘宝子订单号")
        return self.line(v, row, "淘宝订单编号", key=sub, sub=sub)


class TaobaoLegacyImporter(Importer):
    """淘宝联盟 legacy TaokeDetail export: no sub-order id, key (订单编号, 商品ID)."""

    key, platform, label = "taobao_legacy", "taobao", "淘宝联盟 TaokeDetail（旧版）"
    columns = (
        Col("created", ("创建时间",), "time"),
        Col("title", ("商品信息",), "text", False),
        Col("product_id", ("商品ID", "商品id"), "id"),
        Col("quantity", ("商品数",), "int", False),
        Col("status", ("订单状态",)),
        Col("paid", ("付款金额",), "money"),
        Col("estimated", ("效果预估",), "money"),
        Col("settled", ("预估收入",), "money", False),
        Col("settled_at", ("结算时间",), "time", False),
        Col("order_no", ("订单编号",), "id"),
    )
    statuses = TaobaoImporter.statuses

    def convert(self, v: dict[str, Any], row: int) -> Line:
        return self.line(v, row, "订单编号")


class TaobaoRefundImporter(Importer):
    """淘宝联盟 维权 export: refund claims that claw commission back."""

    key, platform, label = "taobao_refund", "taobao", "淘宝联盟 维权订单"
    columns = (
        Col("sub_order_no", ("淘宝子订单编号", "淘宝子订单号", "子订单编号"), "id"),
        Col("order_no", ("淘宝订单编号", "淘宝父订单编号"), "id", False),
        Col("status", ("维权状态",)),
        Col("settled_amount", ("结算金额",), "money", False),
        Col("refund", ("维权退款金额",), "money"),
        Col("clawback", ("应返商家金额",), "money", False),
        Col("settled_at", ("订单结算时间",), "time", False),
    )

    def convert(self, v: dict[str, Any], row: int) -> Adjustment:
        sub = _need(v["sub_order_no"], "淘宝子订单编号")
        return Adjustment(
            self.platform, v["order_no"] or "", sub, _need(v["status"], "维权状态"), v["refund"],
            v["clawback"], v["settled_at"], row,
        )


class JdImporter(Importer):
    """京东联盟: key (订单号, 商品ID); settled on 预估结算时间 (yyyyMMdd, 0 = not yet)."""

    key, platform, label = "jd", "jd", "京东联盟 推广订单明细"
    columns = (
        Col("order_no", ("订单号", "订单ID"), "id"),
        Col("parent", ("父单号",), "id", False),
        Col("created", ("下单时间",), "time"),
        Col("settle_date", ("预估结算时间",), "date8", False),
        Col("product_id", ("商品ID", "skuId", "SKU ID"), "id"),
        Col("title", ("商品名称",), "text", False),
        Col("quantity", ("商品数量",), "int", False),
        Col("status", ("订单状态",)),
        Col("paid", ("预估计佣金额",), "money"),
        Col("estimated", ("预估佣金",), "money"),
        Col("settled", ("实际佣金",), "money", False),
    )
    statuses = {"待付款": "unpaid", "已付款": "paid", "已完成": "received", "已结算": "settled"}

    def convert(self, v: dict[str, Any], row: int) -> Line:
        parent = v["parent"] if v["parent"] not in (None, "0") else None
        return self.line(v, row, "订单号", parent=parent, settled_at_field="settle_date")


class PddImporter(Importer):
    """多多进宝: 订单编号 is always text; settled = 预估佣金收入 when 已结算."""

    key, platform, label = "pdd", "pdd", "多多进宝 推广订单"
    columns = (
        Col("order_no", ("订单编号", "订单号"), "id"),
        Col("product_id", ("商品ID", "商品id"), "id"),
        Col("title", ("商品信息", "商品名称"), "text", False),
        Col("quantity", ("商品数", "商品数量"), "int", False),
        Col("paid", ("订单金额",), "money"),
        Col("estimated", ("预估佣金收入", "预估佣金"), "money"),
        Col("created", ("创建时间", "下单时间"), "time"),
        Col("settled_at", ("结算时间",), "time", False),
        Col("status", ("订单状态描述", "订单状态")),
    )
    statuses = {"未支付": "unpaid", "已支付": "paid", "已成团": "paid", "确认收货": "received",
                "审核通过": "received", "已结算": "settled", "审核失败": "invalid",
                "已处罚": "invalid", "非多多进宝商品": "invalid"}

    def status(self, raw: str) -> str:
        compact = raw.replace("，", ",")
        if compact.startswith("未支付") and "取消" in compact:
            return LineStatus.INVALID.value
        return super().status(raw)

    def convert(self, v: dict[str, Any], row: int) -> Line:
        return self.line(v, row, "订单编号", settled=_fen(v["estimated"]))  # settled = estimated when 已结算


class DouyinImporter(Importer):
    """抖音精选联盟: the 10 % 技术服务费 is not yet deducted in the file; we deduct it."""

    key, platform, label = "douyin", "douyin", "抖音精选联盟 订单明细"
    columns = (
        Col("order_no", ("订单ID", "订单号"), "id"),
        Col("product_id", ("商品ID", "商品id"), "id"),
        Col("title", ("商品名称",), "text", False),
        Col("quantity", ("商品数量",), "int", False),
        Col("paid", ("支付金额", "订单支付金额"), "money"),
        Col("estimated", ("预估佣金收入",), "money"),
        Col("settled", ("实际佣金收入", "结算佣金收入"), "money", False),
        Col("est_fee", ("预估技术服务费",), "money", False),
        Col("settled_fee", ("结算技术服务费",), "money", False),
        Col("status", ("订单状态",)),
        Col("created", ("付款时间", "支付时间", "下单时间"), "time"),
        Col("settled_at", ("结算时间",), "time", False),
    )
    statuses = {"已付款": "paid", "已收货": "received", "已结算": "settled", "已退款": "invalid",
                "已失效": "invalid", "待付款": "unpaid"}

    def convert(self, v: dict[str, Any], row: int) -> Line:
        return self.line(v, row, "订单ID", estimated=_fen(v["estimated"]) - _fen(v["est_fee"]),
                         settled=_fen(v["settled"]) - _fen(v["settled_fee"]))


IMPORTERS: tuple[Importer, ...] = (
    TaobaoImporter(), TaobaoLegacyImporter(), TaobaoRefundImporter(), JdImporter(), PddImporter(),
    DouyinImporter(),
)
PLATFORM_CHOICES = ("taobao", "jd", "pdd", "douyin")
HEADER_SCAN_ROWS = 15
TOTAL_WORDS = ("总计", "合计", "汇总")


def detect(rows: list[list[Any]], platform: str | None, name: str) -> tuple[Importer, int, dict[str, int]]:
    """Find the header row and the one importer that claims it (optionally within a platform)."""
    candidates = [i for i in IMPORTERS if platform is None or i.platform == platform]
    best_missing: tuple[Importer, list[str]] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        claims = [(imp, cols) for imp in candidates if (cols := imp.identify(row)) is not None]
        if len(claims) > 1:
            labels = "、".join(imp.label for imp, _ in claims)
            raise UserError(f"“{name}”同时像 {labels} 的账单，无法确定，请在导入时指定平台。")
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
        raise UserError(f"“{name}”不像{imp.label}的账单：缺少列 {'、'.join(missing)}。请确认平台选对了，且表头没有被改动。")
    if platform is not None:
        raise UserError(f"“{name}”里没有找到{platform_name(platform)}账单的表头，请确认文件和平台选对了。")
    raise UserError(
        f"无法识别“{name}”是哪个平台的账单（没有找到认识的表头）。请确认这是平台导出的原始订单明细，"
        "或在导入时指定平台；其他平台可用“自定义列映射”导入。"
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
        raise UserError(f"没有为这种表格设置过{platform_name(platform)}的列映射，请先设置列映射。")
    return detect(head, platform, name)


def parse_statement(path: Path, platform: str | None = None,
                    on_row: Callable[[int], None] | None = None,
                    mappings: dict[str, tuple[str, dict[str, str]]] | None = None) -> ParsedStatement:
    """Read a statement file into canonical lines; refuses unrecognisable or mangled files.

    ``mappings`` (header signature → (platform, field → header)) are the user's remembered
    column mappings; one is used when no built-in importer claims the file.
    """
    path = Path(path)
    if platform is not None and platform not in PLATFORM_CHOICES and not mappings:
        raise UserError(f"未知的平台“{platform}”，可选：{'、'.join(PLATFORM_CHOICES)}。")
    rows_iter: Iterator[list[Any]] = iter_table(path)
    head: list[list[Any]] = []
    for row in rows_iter:
        head.append(row)
        if len(head) >= HEADER_SCAN_ROWS:
            break
    if not any(any(cell_text(c) for c in r) for r in head):
        raise UserError(f"“{path.name}”里没有任何数据。")
    importer, header_index, cols = _detect_with_mappings(head, platform, path.name, mappings or {})
    result = ParsedStatement(importer)
    number = header_index + 1

    def rows_after_header() -> Iterator[list[Any]]:
        yield from head[header_index + 1 :]
        yield from rows_iter

    for row in rows_after_header():
        number += 1
        if on_row is not None and number % 1000 == 0:
            on_row(number)
        if all(c is None or c == "" for c in row):
            continue
        if any(isinstance(c, str) and cell_text(c).startswith(TOTAL_WORDS) for c in row[:3]):
            continue
        if not cell_text(row[0]) and not any(cell_text(c) for c in row):
            continue  # a row of "--" and blanks only
        result.rows += 1
        try:
            # A mangled id raises UserError, which refuses the whole file.
            item = importer.convert(importer.values(row, cols), number)
        except RowError as exc:
            result.skipped.append(RowIssue(number, str(exc)))
            continue
        (result.adjustments if isinstance(item, Adjustment) else result.lines).append(item)
    if result.rows == 0:
        raise UserError(f"“{path.name}”表头下面没有订单行。")
    return result
