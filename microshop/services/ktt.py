"""快团团 order exports into the order book: preview, then one transaction.

Each 跟团号 is one order (platform ``ktt``), remembered by the export's order number, else by
团 + 跟团号 (``Order.source_ref``), so importing the same or a later export updates orders —
status, refunds, items, pickup point — and never adds them twice. Customers are matched by phone,
then by name, else created.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from microshop.domain.enums import Fulfilment
from microshop.i18n import tr
from microshop.importers.ktt import KttExport, KttOrder, parse_ktt
from microshop.services.progress import Progress
from microshop.store.models import Customer, Order, OrderItem

if TYPE_CHECKING:
    from microshop.store.database import Database

SOURCE = "ktt"


# ---------------------------------------------------------------- operations (GUI and CLI)

def preview_file(db: Database, path: Path) -> KttPreview:
    """导入快团团订单, step 1: what the file would do; nothing written."""
    with db.session() as session:
        return preview_ktt(session, path)


def import_file(db: Database, path: Path, progress: Progress | None = None) -> dict[str, object]:
    """导入快团团订单, step 2: one transaction, marked as a running operation (restore waits)."""
    with db.operation(tr("导入快团团订单 {name}", name=Path(path).name)), db.session() as session:
        return import_ktt(session, path, progress)


def _ref(order: KttOrder) -> str:
    return f"{SOURCE}:{order.key}"[:128]


@dataclass
class PreviewRow:
    """One order as it would be imported."""

    row: int
    group_no: str
    customer: str
    customer_is_new: bool
    items: str
    amount_fen: int
    status: str
    place: str
    action: str  # "add" | "update" | "unchanged"


@dataclass
class KttPreview:
    """What importing the file would do (nothing written)."""

    file_name: str
    group_name: str | None
    rows: list[PreviewRow] = field(default_factory=list)
    skipped: list[dict[str, object]] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def preview_ktt(session: Session, path: Path) -> KttPreview:
    """Read the export and say, per order, whether it is new, changed or already in the book."""
    export = parse_ktt(path)
    existing = _existing(session, export)
    finder = _CustomerFinder(session)
    out = KttPreview(Path(path).name, export.group_name,
                     skipped=[{"row": s.row, "reason": s.reason} for s in export.skipped])
    for order in export.orders:
        found = existing.get(_ref(order))
        action = "add" if found is None else ("unchanged" if _same(found, order) else "update")
        customer = finder.find(order)
        out.rows.append(PreviewRow(
            order.row, order.group_no, order.customer_name, customer is None and found is None,
            "；".join(f"{i.title}{' ' + i.spec if i.spec else ''}×{i.quantity}" for i in order.items),
            sum(i.amount_fen or 0 for i in order.items), order.status.label,
            order.pickup_point or order.address or "", action,
        ))
    return out


def import_ktt(session: Session, path: Path, progress: Progress | None = None) -> dict[str, object]:
    """Import (or update from) a 快团团 export. The caller's session is the one transaction.

    Returns the ``orders import`` shape plus ``updated``/``unchanged``: orders (added), items (added
    with them), customers_created, updated, unchanged, skipped [{row, reason}].
    """
    export = parse_ktt(path)
    existing = _existing(session, export)
    finder = _CustomerFinder(session)
    added = items = updated = unchanged = 0
    for n, row in enumerate(export.orders):
        if progress is not None and n % 200 == 0:
            progress.update(n, len(export.orders), tr("正在导入快团团订单…"))
        order = existing.get(_ref(row))
        if order is None:
            customer = finder.find(row) or finder.create(row)
            order = Order(customer=customer, source=SOURCE, source_ref=_ref(row), platform_key="ktt")
            _apply(order, row)
            session.add(order)
            existing[_ref(row)] = order
            added += 1
            items += len(row.items)
        elif _same(order, row):
            unchanged += 1
        else:
            _apply(order, row)
            updated += 1
        if row.phone and order.customer is not None and not order.customer.phone:
            order.customer.phone = row.phone
    session.flush()
    return {
        "orders": added,
        "items": items,
        "customers_created": finder.created,
        "updated": updated,
        "unchanged": unchanged,
        "skipped": [{"row": s.row, "reason": s.reason} for s in export.skipped],
    }


def _existing(session: Session, export: KttExport) -> dict[str, Order]:
    refs = [_ref(o) for o in export.orders]
    found: dict[str, Order] = {}
    for start in range(0, len(refs), 500):
        chunk = refs[start:start + 500]
        for order in session.scalars(select(Order).where(Order.source == SOURCE, Order.source_ref.in_(chunk))):
            found[order.source_ref or ""] = order
    return found


def _fields(row: KttOrder) -> dict[str, object]:
    return {
        "ordered_at": row.paid_at,
        "platform_order_no": row.order_no,
        "status": row.status.value,
        "fulfilment": (Fulfilment.PICKUP if row.pickup_point or not row.address else Fulfilment.DELIVERY).value,
        "pickup_point": row.pickup_point,
        "address": row.address,
        "notes": row.notes,
        "recipient": row.recipient,
        "phone": row.phone,
        "community": row.community,
        "building": row.building,
        "unit": row.unit,
        "room": row.room,
        "group_name": row.group_name,
        "group_no": row.group_no[:32],
        "refund_fen": row.refund_fen or None,
    }


def _item_tuples(row: KttOrder) -> list[tuple[str, str | None, int, int]]:
    return [(i.title, i.spec, i.quantity, i.amount_fen or 0) for i in row.items]


def _same(order: Order, row: KttOrder) -> bool:
    for name, value in _fields(row).items():
        if getattr(order, name) != value:
            return False
    return [(i.title, i.spec, i.quantity, i.amount_fen) for i in order.items] == _item_tuples(row)


def _apply(order: Order, row: KttOrder) -> None:
    for name, value in _fields(row).items():
        setattr(order, name, value)
    if [(i.title, i.spec, i.quantity, i.amount_fen) for i in order.items] != _item_tuples(row):
        order.items = [OrderItem(title=t, spec=s, quantity=q, amount_fen=a) for t, s, q, a in _item_tuples(row)]


class _CustomerFinder:
    """Customers by phone, then by name or nickname; new ones are created once per import."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.new: dict[str, Customer] = {}
        self.created = 0

    def find(self, row: KttOrder) -> Customer | None:
        if row.phone and row.phone in self.new:
            return self.new[row.phone]
        if row.customer_name in self.new:
            return self.new[row.customer_name]
        live = Customer.merged_into_id.is_(None)
        if row.phone:
            found = self.session.scalars(select(Customer).where(live, Customer.phone == row.phone).limit(1)).first()
            if found is not None:
                return found
        names = [n for n in {row.buyer, row.recipient} if n]
        if names:
            return self.session.scalars(select(Customer).where(
                live, or_(Customer.name.in_(names), Customer.nickname.in_(names))
            ).order_by(Customer.id).limit(1)).first()
        return None

    def create(self, row: KttOrder) -> Customer:
        customer = Customer(name=row.customer_name, phone=row.phone, pickup_point=row.pickup_point)
        self.session.add(customer)
        self.created += 1
        self.new[row.customer_name] = customer
        if row.phone:
            self.new[row.phone] = customer
        return customer
