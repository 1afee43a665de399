"""派送单, labels and the 进货 summary for a range of days.

A household is one delivery: the orders of one customer at one place (a 自提点, or a flat in an
estate). The sheet groups households by 自提点, or by 小区 → 楼号 → 房号 in natural order (2栋
before 10栋); 楼号/房号 come from the order (a 快团团 export's columns), else are read from its
address. Refunded and cancelled orders are left out; phones are masked unless asked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from microshop.domain.address import Location, natural_key, parse_location
from microshop.domain.enums import INACTIVE_ORDER_STATUSES
from microshop.domain.money import format_fen
from microshop.domain.privacy import mask_address, mask_phone
from microshop.domain.timeutil import SHANGHAI, format_local
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.store.models import Order

if TYPE_CHECKING:
    from microshop.store.database import Database

GroupBy = Literal["pickup", "building"]
LABEL_SIZES = {"60x40": (60.0, 40.0), "70x50": (70.0, 50.0), "80x60": (80.0, 60.0), "100x70": (100.0, 70.0),
               "100x100": (100.0, 100.0), "100x150": (100.0, 150.0)}


def parse_day(text: str, label: str) -> date:
    """``2026-11-18`` → date, with a Chinese refusal for anything else."""
    try:
        day = date.fromisoformat(str(text).strip())
    except ValueError:
        raise UserError(tr("{label}“{text}”不是日期，请写成 YYYY-MM-DD，例如 2026-11-18。", label=label, text=text)) from None
    if not 1990 <= day.year <= 2200:
        raise UserError(tr("{label}“{text}”不在 1990 到 2200 年之间。", label=label, text=text))
    return day


def parse_label_size(text: str | None) -> tuple[float, float] | None:
    """``60x40`` (mm, also ``60×40`` ``60*40``) → (60.0, 40.0); None for no labels."""
    if not text:
        return None
    cleaned = str(text).lower().replace("×", "x").replace("*", "x").replace("mm", "").strip()
    parts = cleaned.split("x")
    try:
        width, height = (float(p) for p in parts)
    except ValueError:
        raise UserError(tr("标签尺寸“{text}”写法不对，应写成 宽x高（毫米），例如 60x40、100x70。", text=text)) from None
    if not (20 <= width <= 300 and 15 <= height <= 300):
        raise UserError(tr("标签尺寸“{text}”不合适：宽 20–300 毫米，高 15–300 毫米。", text=text))
    return width, height


@dataclass
class Selection:
    """Which orders: local days [start, end], optionally one 团 and some statuses."""

    start: date
    end: date
    group_name: str | None = None
    statuses: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise UserError(tr("结束日期 {end} 早于开始日期 {start}。", end=self.end, start=self.start))

    @property
    def title(self) -> str:
        days = self.start.isoformat() if self.start == self.end else f"{self.start.isoformat()} 至 {self.end.isoformat()}"
        return f"{self.group_name} · {days}" if self.group_name else days


@dataclass
class Line:
    """A product handed to a household: merged over its orders."""

    title: str
    spec: str | None
    quantity: int
    amount_fen: int


@dataclass
class Household:
    """One delivery: who, where, what."""

    place: str
    name: str
    phone: str
    address: str
    lines: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    sort_key: tuple = ()

    @property
    def quantity(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def amount_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    def items_text(self, sep: str = "；") -> str:
        return sep.join(f"{ln.title}{' ' + ln.spec if ln.spec else ''} ×{ln.quantity}" for ln in self.lines)


@dataclass
class DeliveryGroup:
    name: str
    households: list[Household]

    @property
    def quantity(self) -> int:
        return sum(h.quantity for h in self.households)


@dataclass
class DeliverySheet:
    title: str
    group_by: GroupBy
    groups: list[DeliveryGroup]

    @property
    def households(self) -> list[Household]:
        return [h for g in self.groups for h in g.households]


def _orders(session: Session, selection: Selection) -> list[Order]:
    start = datetime.combine(selection.start, time(0), SHANGHAI)
    end = datetime.combine(selection.end + timedelta(days=1), time(0), SHANGHAI)
    stmt = (
        select(Order)
        .options(selectinload(Order.items), selectinload(Order.customer))
        .where(Order.ordered_at >= start, Order.ordered_at < end, Order.status.not_in(INACTIVE_ORDER_STATUSES))
        .order_by(Order.ordered_at, Order.id)
    )
    if selection.group_name:
        stmt = stmt.where(Order.group_name == selection.group_name)
    if selection.statuses:
        stmt = stmt.where(Order.status.in_(selection.statuses))
    return list(session.scalars(stmt))


def _location(order: Order) -> Location:
    parsed = parse_location(order.address)
    return Location(order.community or parsed.community, order.building or parsed.building,
                    order.unit or parsed.unit, order.room or parsed.room)


def delivery_sheet(session: Session, selection: Selection, group_by: GroupBy = "pickup",
                   full_phones: bool = False) -> DeliverySheet:
    """The households of the selected orders, grouped and sorted for handing out."""
    if group_by not in ("pickup", "building"):
        raise UserError(tr("分组方式只能是 pickup（按自提点）或 building（按小区楼号）。"))
    groups: dict[str, dict[tuple, Household]] = defaultdict(dict)
    for order in _orders(session, selection):
        customer = order.customer
        name = order.recipient or (customer.name if customer else "") or tr("（未填写）")
        phone_raw = order.phone or (customer.phone if customer else None)
        phone = (phone_raw or "") if full_phones else mask_phone(phone_raw)
        where = _location(order)
        address = order.address or ""
        if group_by == "building":
            group = where.community or (tr("自提：{point}", point=order.pickup_point) if order.pickup_point and not address
                                        else tr("未填写小区"))
            if where.building or where.room:
                key: tuple = ("flat", where.building, where.unit, where.room, name if not where.room else "")
            else:
                key = ("who", customer.id if customer else name, address)
            sort: tuple[object, ...] = (natural_key(where.building), natural_key(where.unit), natural_key(where.room), name)
        else:
            group = order.pickup_point or (customer.pickup_point if customer and not address else None) or (
                tr("送货上门") if address else tr("未填写自提点"))
            key = ("who", customer.id if customer else name, phone_raw or "", address if not order.pickup_point else "")
            sort = (natural_key(where.community), natural_key(where.building), natural_key(where.unit),
                    natural_key(where.room), name)
        households = groups[group]
        household = households.get(key)
        if household is None:
            household = households[key] = Household(
                place=where.label or (order.pickup_point or "") if group_by == "building" else (where.label or ""),
                name=name, phone=phone, address=address if full_phones else mask_address(address) if address else "",
                sort_key=sort,
            )
        for item in order.items:
            for line in household.lines:
                if line.title == item.title and line.spec == item.spec:
                    line.quantity += item.quantity
                    line.amount_fen += item.amount_fen
                    break
            else:
                household.lines.append(Line(item.title, item.spec, item.quantity, item.amount_fen))
        if order.notes:
            household.notes.append(order.notes)
        ref = f"#{order.group_no}" if order.group_no else format_local(order.ordered_at, "%m-%d")
        household.refs.append(ref)
    ordered = [
        DeliveryGroup(name, sorted(found.values(), key=lambda h: h.sort_key))
        for name, found in sorted(groups.items(), key=lambda kv: natural_key(kv[0]))
    ]
    return DeliverySheet(selection.title, group_by, ordered)


# ---------------------------------------------------------------- operations (GUI and CLI)

def group_names(db: Database) -> list[str]:
    """The 团 names orders were imported under, newest first (for the 团 filter)."""
    with db.session() as session:
        rows = session.execute(
            select(Order.group_name).where(Order.group_name.is_not(None))
            .group_by(Order.group_name).order_by(func.max(Order.ordered_at).desc())
        )
        return [name for (name,) in rows if name]


def make_sheet(db: Database, selection: Selection, group_by: GroupBy = "pickup",
               full_phones: bool = False) -> DeliverySheet:
    """派送单 for the selection (read only)."""
    with db.session() as session:
        return delivery_sheet(session, selection, group_by, full_phones)


def restock_summary(db: Database, selection: Selection) -> dict[str, Any]:
    """进货 summary for the selection (read only)."""
    with db.session() as session:
        return restock(session, selection)


# ---------------------------------------------------------------- 进货 summary

def restock(session: Session, selection: Selection) -> dict[str, Any]:
    """Per product and 规格: total quantity and amount of the selected (live) orders.

    The CLI contract: {"items": [{"product", "spec", "qty", "amount_fen"}], "total_qty", "total_fen"}.
    """
    totals: dict[tuple[str, str | None], list[int]] = {}
    for order in _orders(session, selection):
        for item in order.items:
            slot = totals.setdefault((item.title, item.spec or None), [0, 0])
            slot[0] += item.quantity
            slot[1] += item.amount_fen
    items = [
        {"product": title, "spec": spec, "qty": qty, "amount_fen": amount}
        for (title, spec), (qty, amount) in sorted(totals.items(), key=lambda kv: (-kv[1][0], kv[0][0], kv[0][1] or ""))
    ]
    return {"items": items, "total_qty": sum(i["qty"] for i in items),
            "total_fen": sum(i["amount_fen"] for i in items)}


def restock_text(summary: dict[str, Any], title: str) -> str:
    """The summary as a message for the supplier (copied to the clipboard)."""
    lines = [tr("进货单 {title}", title=title)]
    for n, item in enumerate(summary["items"], start=1):
        spec = f"（{item['spec']}）" if item["spec"] else ""
        lines.append(f"{n}. {item['product']}{spec} × {item['qty']}")
    lines.append(tr("共 {qty} 件，金额 ¥{amount}", qty=summary["total_qty"], amount=format_fen(int(summary["total_fen"]), symbol=False)))
    return "\n".join(lines)


def export_restock_xlsx(summary: dict[str, Any], title: str, path: Path) -> Path:
    from openpyxl import Workbook

    from microshop.services.xlsx import Money, save, write_sheet

    wb = Workbook()
    ws = wb.active
    ws.title = tr("进货汇总")
    rows: list[list[object]] = [[item["product"], item["spec"] or "", item["qty"], Money(item["amount_fen"])]
                                for item in summary["items"]]
    rows.append([tr("合计"), "", summary["total_qty"], Money(int(summary["total_fen"]))])
    write_sheet(ws, [tr("商品"), tr("规格"), tr("数量"), tr("金额")], rows, [36, 18, 8, 12])
    ws.insert_rows(1)
    ws["A1"] = tr("进货汇总 {title}", title=title)
    ws.freeze_panes = "A3"
    return save(wb, path)


# ---------------------------------------------------------------- exports

def export_delivery(sheet: DeliverySheet, path: Path, labels: tuple[float, float] | None = None) -> Path:
    """Write the sheet as ``.xlsx`` or ``.pdf`` (A4, or one label per household at ``labels`` mm)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise UserError(tr("输出文件“{name}”应以 .pdf 或 .xlsx 结尾。", name=path.name))
    if not sheet.households:
        raise UserError(tr("所选日期内没有要派送的订单（已退款、已取消的不算）。请换个日期范围。"))
    if suffix == ".xlsx":
        if labels:
            raise UserError(tr("标签只能输出为 PDF，请把输出文件改成 .pdf。"))
        return _delivery_xlsx(sheet, path)
    from microshop.services.delivery_pdf import write_labels, write_sheet_pdf

    return write_labels(sheet, path, labels) if labels else write_sheet_pdf(sheet, path)


def _delivery_xlsx(sheet: DeliverySheet, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from microshop.services.xlsx import Money, save, write_sheet

    wb = Workbook()
    ws = wb.active
    ws.title = tr("派送单")
    first = tr("自提点") if sheet.group_by == "pickup" else tr("小区")
    headers = [first, tr("楼号房号"), tr("收货人"), tr("手机"), tr("商品"), tr("件数"), tr("金额"), tr("跟团号"),
               tr("备注"), tr("地址")]
    rows: list[list[object]] = []
    for group in sheet.groups:
        for h in group.households:
            rows.append([group.name, h.place, h.name, h.phone, h.items_text("\n"), h.quantity, Money(h.amount_fen),
                         " ".join(h.refs), "；".join(h.notes), h.address])
        rows.append([tr("{name} 合计", name=group.name), tr("{n} 户", n=len(group.households)), "", "", "",
                     group.quantity, Money(sum(h.amount_fen for h in group.households)), "", "", ""])
    write_sheet(ws, headers, rows, [18, 14, 10, 14, 40, 6, 10, 10, 24, 30])
    for row in ws.iter_rows(min_row=2):
        row[4].alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(row[0].value, str) and row[0].value.endswith(tr(" 合计")):
            for cell in row:
                cell.font = Font(bold=True)
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    return save(wb, path)
