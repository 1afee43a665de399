"""Customers: validated create/update/delete."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from microshop.domain.privacy import mask_phone, normalise_phone
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.store.database import Database, affected
from microshop.store.models import Customer, CustomerAddress, CustomerTag, JielongImport, Order


@dataclass
class CustomerInput:
    """What a user enters for a customer."""

    name: str
    nickname: str | None = None
    wechat_id: str | None = None
    phone: str | None = None
    pickup_point: str | None = None
    notes: str | None = None
    tags: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)


def save_customer(session: Session, data: CustomerInput, customer_id: int | None = None) -> int:
    """Create or update a customer; the phone is normalised to digits."""
    name = (data.name or "").strip()
    if not name:
        raise UserError(tr("客户姓名不能为空。"))
    phone = normalise_phone(data.phone)
    if phone is not None and not (5 <= len(phone) <= 15):
        raise UserError(tr("手机号“{phone}”位数不对，请检查。", phone=data.phone))
    customer = Customer() if customer_id is None else session.get(Customer, customer_id)
    if customer is None:
        raise UserError(tr("这个客户已被删除。"))
    customer.name = name
    customer.nickname = (data.nickname or "").strip() or None
    customer.wechat_id = (data.wechat_id or "").strip() or None
    customer.phone = phone
    customer.pickup_point = (data.pickup_point or "").strip() or None
    customer.notes = (data.notes or "").strip() or None
    customer.tags = [CustomerTag(tag=t) for t in sorted({t.strip() for t in data.tags if t and t.strip()})]
    wanted = [a.strip() for a in data.addresses if a and a.strip()]
    if [a.address for a in customer.addresses] != wanted:
        customer.addresses = [CustomerAddress(address=a, is_default=i == 0) for i, a in enumerate(wanted)]
    if customer_id is None:
        session.add(customer)
    session.flush()
    return customer.id


def load_customer(session: Session, customer_id: int) -> CustomerInput:
    """A stored customer as an editable ``CustomerInput``."""
    c = session.get(Customer, customer_id)
    if c is None:
        raise UserError(tr("这个客户已被删除。"))
    return CustomerInput(c.name, c.nickname, c.wechat_id, c.phone, c.pickup_point, c.notes,
                         [t.tag for t in c.tags], [a.address for a in c.addresses])


def _phone_pattern(phone: str) -> re.Pattern[str]:
    """A phone number as people write it: digits half- or full-width, spaces or dashes between."""
    digits = [d for d in phone if d.isdigit()]
    return re.compile(r"[\s\-－]?".join(f"[{d}{chr(ord(d) + 0xFEE0)}]" for d in digits))


def delete_customers(session: Session, ids: list[int]) -> int:
    """Delete customers; their orders stay (without a customer). Their phone numbers are masked
    wherever else the book keeps them: the stored 接龙 texts and their orders' notes."""
    phones: set[str] = set()
    for customer in session.scalars(select(Customer).where(Customer.id.in_(ids))):
        phones.update(p for p in [customer.phone, *(a.phone for a in customer.addresses)] if p and len(p) >= 7)
    if phones:
        patterns = [(_phone_pattern(p), mask_phone(p)) for p in phones]

        def scrub(text: str | None) -> str | None:
            if not text:
                return text
            for pattern, masked in patterns:
                text = pattern.sub(masked, text)
            return text

        for record in session.scalars(select(JielongImport)):
            cleaned = scrub(record.text)
            if cleaned != record.text:
                record.text = cleaned or ""
        for order in session.scalars(select(Order).where(Order.customer_id.in_(ids), Order.notes.is_not(None))):
            order.notes = scrub(order.notes) or ""
        session.flush()
    for order in session.scalars(select(Order).where(Order.customer_id.in_(ids), Order.phone.is_not(None))):
        order.phone = mask_phone(order.phone)  # a 快团团 order's 联系电话 goes with the customer
    session.flush()
    return affected(session.execute(delete(Customer).where(Customer.id.in_(ids))))


def merge_customers(session: Session, keep_id: int, merge_id: int) -> int:
    """Merge a duplicate record into ``keep_id``: its orders, tags and addresses move over, empty
    fields are filled from it, and it is marked as merged (hidden from lists). Returns orders moved."""
    if keep_id == merge_id:
        raise UserError(tr("请选择两位不同的客户来合并。"))
    keep, other = session.get(Customer, keep_id), session.get(Customer, merge_id)
    if keep is None or other is None:
        raise UserError(tr("要合并的客户已被删除。"))
    if other.merged_into_id is not None or keep.merged_into_id is not None:
        raise UserError(tr("其中一位客户已经合并过了。"))
    for name in ("nickname", "wechat_id", "phone", "pickup_point"):
        if not getattr(keep, name) and getattr(other, name):
            setattr(keep, name, getattr(other, name))
    if other.notes:
        keep.notes = f"{keep.notes}\n{other.notes}" if keep.notes else other.notes
    tags = {t.tag for t in keep.tags}
    keep.tags.extend(CustomerTag(tag=t.tag) for t in other.tags if t.tag not in tags)
    known = {a.address for a in keep.addresses}
    keep.addresses.extend(CustomerAddress(address=a.address, recipient=a.recipient, phone=a.phone)
                          for a in other.addresses if a.address not in known)
    moved = affected(session.execute(update(Order).where(Order.customer_id == merge_id).values(customer_id=keep_id)))
    other.merged_into_id = keep_id
    session.flush()
    return moved or 0


def find_customers(session: Session, text: str, limit: int = 20) -> list[Customer]:
    """Customers whose name, nickname, WeChat id or phone contains ``text``."""
    from microshop.services.listing import CustomerList, ListQuery

    ids = CustomerList().ids(session, ListQuery(text=text))[:limit]
    return list(session.scalars(select(Customer).where(Customer.id.in_(ids))))


# --------------------------------------------------------------------------- operations
# One function per user action on 客户: each opens and closes its own session (the GUI runs them
# on the task runner, the CLI may call them directly) and returns plain values.

def save(db: Database, data: CustomerInput, customer_id: int | None = None) -> int:
    """新增客户 / 编辑 → the customer's id (a refusal raises UserError, nothing is written)."""
    with db.session() as session:
        return save_customer(session, data, customer_id)


def load(db: Database, customer_id: int) -> CustomerInput:
    """A customer, for the edit dialog."""
    with db.session() as session:
        return load_customer(session, customer_id)


def names(db: Database, ids: list[int]) -> list[str]:
    """The names of some customers, in the order given (合并: which one to keep)."""
    with db.session() as session:
        return [load_customer(session, i).name for i in ids]


def remove(db: Database, ids: list[int]) -> int:
    """删除 → how many were deleted (their orders stay, phones masked where kept)."""
    with db.session() as session:
        return delete_customers(session, ids)


def merge(db: Database, keep_id: int, merge_id: int) -> int:
    """合并 → how many orders moved to the kept record."""
    with db.session() as session:
        return merge_customers(session, keep_id, merge_id)
