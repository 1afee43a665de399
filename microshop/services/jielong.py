"""Turning a parsed 接龙 into orders and customers, in one transaction.

Each entry becomes one order (items priced from the list's header). Entries are remembered by
(list, sequence number), so pasting an extended repost tomorrow adds only the new entries.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from microshop.domain.enums import OrderStatus
from microshop.domain.pairs import name_value_pairs
from microshop.domain.timeutil import utcnow
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.importers.jielong import JielongList, parse_jielong
from microshop.services.progress import Progress
from microshop.store.models import Customer, JielongImport, Order, OrderItem, Product

if TYPE_CHECKING:
    from microshop.store.database import Database


def list_key(parsed: JielongList) -> str:
    """Identifies one sign-up list across reposts: its products and prices."""
    text = "|".join(f"{p.label}:{p.price_fen}" for p in parsed.products)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_price_map(text: str | None) -> dict[str, int]:
    """``"鲜肉包=3.5,豆浆=2"`` → {label: fen}: prices for products the 接龙 names without one."""
    from microshop.domain.money import parse_yuan

    out: dict[str, int] = {}
    for part, label, value in name_value_pairs(text):
        try:
            fen = parse_yuan(value) if label else None
        except ValueError:
            fen = None
        if label is None or fen is None or fen <= 0:
            raise UserError(tr("价格“{part}”写法不对，应写成 商品名=价格（元），例如 鲜肉包=3.5。", part=part))
        out[label] = fen
    return out


def parse_product_map(text: str | None) -> dict[str, int]:
    """``"荔枝=3,芒果=5"`` → {label: product id}."""
    out: dict[str, int] = {}
    for part, label, value in name_value_pairs(text):
        if label is None or not value.isdigit():
            raise UserError(tr("商品对应关系“{part}”写法不对，应写成 商品名=商品编号，例如 荔枝=3。", part=part))
        out[label] = int(value)
    return out


@dataclass
class CustomerMatch:
    """Suggested customer for a name in the list."""

    name: str
    customer_id: int | None
    label: str


def suggest_customers(session: Session, names: list[str]) -> dict[str, CustomerMatch]:
    """Exact name/nickname matches first, else a customer whose name contains the written name."""
    out: dict[str, CustomerMatch] = {}
    for name in names:
        exact = session.scalars(select(Customer).where(
            Customer.merged_into_id.is_(None), (Customer.name == name) | (Customer.nickname == name)
        ).limit(1)).first()
        if exact is None:
            exact = session.scalars(select(Customer).where(
                Customer.merged_into_id.is_(None), Customer.name.contains(name)).limit(1)).first()
        out[name] = CustomerMatch(name, exact.id if exact else None, exact.name if exact else tr("新客户"))
    return out


def import_jielong(session: Session, text: str, product_map: dict[str, int] | None = None,
                   customer_map: dict[str, int | None] | None = None,
                   ordered_at: datetime | None = None, prices: dict[str, int] | None = None,
                   progress: Progress | None = None, *, status: OrderStatus | None = None,
                   pickup_point: str | None = None) -> dict[str, object]:
    """Create the orders of a pasted 接龙; returns orders, items, customers_created, skipped.

    Products the list names without a price take ``prices[label]``, else the linked pick's price;
    with neither the import is refused, naming them. ``status`` (default 待付款) and
    ``pickup_point`` (default: each customer's own) apply to the whole batch.
    """
    parsed = parse_jielong(text)
    if not parsed.products:
        raise UserError(tr("没有在接龙里找到带价格的商品（例如“荔枝 5斤 ¥59.9”），请把接龙的开头一起粘贴进来。"))
    for label in prices or {}:
        if label not in {p.label for p in parsed.products}:
            raise UserError(tr("接龙里没有商品“{label}”，可选：{products}。", label=label, products='、'.join(p.label for p in parsed.products)))
    if not parsed.entries and not parsed.unparsed and not parsed.cancelled:
        raise UserError(tr("没有在接龙里找到编号的报名行（例如“1. 张姐 2份”）。"))
    product_map = product_map or {}
    products = {}
    for label, product_id in product_map.items():
        if label not in {p.label for p in parsed.products}:
            raise UserError(tr("接龙里没有商品“{label}”，可选：{products}。", label=label, products='、'.join(p.label for p in parsed.products)))
        product = session.get(Product, product_id)
        if product is None:
            raise UserError(tr("选品库里没有编号为 {product_id} 的商品。", product_id=product_id))
        products[label] = product
    key = list_key(parsed)  # before prices are filled in: the same list keeps its key however it is priced
    for item in parsed.products:
        if item.price_fen is None:
            linked = products.get(item.label)
            item.price_fen = (prices or {}).get(item.label) or (linked.price_fen if linked is not None else None)
    missing = [p.label for p in parsed.products if p.price_fen is None]
    if missing:
        raise UserError(tr("接龙里这些商品没有价格：{labels}。请填上价格（命令行用 --price 商品名=价格），或关联到选品库里有价格的商品。",
                           labels="、".join(missing)))
    done = _imported_refs(session, key)
    suggestions = suggest_customers(session, [e.customer for e in parsed.entries])
    chosen = {name: m.customer_id for name, m in suggestions.items()} | (customer_map or {})
    when = ordered_at or utcnow()
    skipped: list[dict[str, Any]] = [{"seq": e.seq, "reason": tr("看不懂：{raw}", raw=e.raw)} for e in parsed.unparsed]
    skipped += [{"seq": e.seq, "reason": tr("已取消：{raw}", raw=e.raw)} for e in parsed.cancelled]
    orders = items = created = 0
    new_customers: dict[str, Customer] = {}
    for position, entry in enumerate(parsed.entries):
        if progress is not None and position % 200 == 0:
            progress.update(position, len(parsed.entries), tr("正在生成第 {n} 个订单…", n=position + 1))
        ref = f"jielong:{key}:{entry.seq}"
        if ref in done:
            skipped.append({"seq": entry.seq, "reason": tr("这一条之前已导入过")})
            continue
        customer = _customer(session, entry.customer, chosen.get(entry.customer), new_customers)
        if customer.id is None:
            created += 1
        if entry.phone and not customer.phone:
            customer.phone = entry.phone
        order = Order(customer=customer, ordered_at=when, status=(status or OrderStatus.PENDING_PAYMENT).value,
                      fulfilment="pickup", pickup_point=(pickup_point or "").strip() or customer.pickup_point,
                      notes=entry.note,
                      source="jielong", source_ref=ref)
        for index, qty in entry.items:
            wanted = parsed.products[index]
            product = products.get(wanted.label)
            order.items.append(OrderItem(
                product_id=product.id if product else None, title=product.title if product else wanted.label,
                platform_product_id=product.platform_product_id if product else None, quantity=qty,
                amount_fen=qty * (wanted.price_fen or 0),
            ))
            items += 1
        if products:
            order.platform_key = next(iter(products.values())).platform_key
        session.add(order)
        session.flush()
        orders += 1
    session.add(JielongImport(text=text, text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), orders=orders))
    session.flush()
    skipped.sort(key=lambda s: s["seq"])
    return {"orders": orders, "items": items, "customers_created": created, "skipped": skipped}


def _imported_refs(session: Session, key: str) -> set[str]:
    return set(session.scalars(select(Order.source_ref).where(Order.source_ref.like(f"jielong:{key}:%"))))


def _customer(session: Session, name: str, customer_id: int | None, new: dict[str, Customer]) -> Customer:
    if customer_id is not None:
        customer = session.get(Customer, customer_id)
        if customer is not None:
            return customer
    if name not in new:
        new[name] = Customer(name=name)
        session.add(new[name])
    return new[name]


# --------------------------------------------------------------------------- operations

@dataclass
class PreviewLookup:
    """What the 接龙 preview needs from the book: suggested customers, the picks to link, and the
    entries (by sequence number) already imported from an earlier paste of the same list."""

    suggestions: dict[str, CustomerMatch]
    products: list[tuple[int, str]]
    already: dict[int, str]
    pickup_points: list[str]


def preview_lookup(db: Database, text: str) -> PreviewLookup:
    """接龙导入 preview: who is who, which picks exist, which entries are in already (and why)."""
    from microshop.services.orders import pickup_points
    from microshop.services.products import product_choices

    parsed = parse_jielong(text)
    with db.session() as session:
        refs = _imported_refs(session, list_key(parsed)) if parsed.products else set()
        already = {e.seq: tr("之前已导入过（同一个接龙的第 {seq} 条），这次不会重复生成", seq=e.seq)
                   for e in parsed.entries if f"jielong:{list_key(parsed)}:{e.seq}" in refs}
        return PreviewLookup(suggest_customers(session, [e.customer for e in parsed.entries]),
                             product_choices(session), already, pickup_points(session))


def import_text(db: Database, text: str, product_map: dict[str, int] | None = None,
                customer_map: dict[str, int | None] | None = None, *, prices: dict[str, int] | None = None,
                status: OrderStatus | None = None, pickup_point: str | None = None,
                progress: Progress | None = None, source: str | None = None) -> dict[str, object]:
    """接龙导入 (GUI and CLI): one transaction, marked as a long write while it runs."""
    what = tr("接龙导入 {name}", name=source) if source else tr("接龙导入")
    with db.operation(what), db.session() as session:
        return import_jielong(session, text, product_map, customer_map, prices=prices, progress=progress,
                              status=status, pickup_point=pickup_point)


def find_customer_choices(db: Database, name: str) -> list[tuple[int, str]]:
    """对应客户: (id, label) of customers a written name may be, phones masked."""
    from microshop.domain.privacy import mask_phone
    from microshop.services.customers import find_customers

    with db.session() as session:
        found = find_customers(session, name) or find_customers(session, name[:1])
        return [(c.id, f"{c.name}（{mask_phone(c.phone)}）" if c.phone else c.name) for c in found]
