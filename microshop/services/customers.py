"""Customers: validated create/update/delete."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from microshop.domain.privacy import normalise_phone
from microshop.errors import UserError
from microshop.store.models import Customer


@dataclass
class CustomerInput:
    """What a user enters for a customer."""

    name: str
    nickname: str | None = None
    wechat_id: str | None = None
    phone: str | None = None
    pickup_point: str | None = None
    notes: str | None = None


def save_customer(session: Session, data: CustomerInput, customer_id: int | None = None) -> int:
    """Create or update a customer; the phone is normalised to digits."""
    name = (data.name or "").strip()
    if not name:
        raise UserError("客户姓名不能为空。")
    phone = normalise_phone(data.phone)
    if phone is not None and not (5 <= len(phone) <= 15):
        raise UserError(f"手机号“{data.phone}”位数不对，请检查。")
    customer = Customer() if customer_id is None else session.get(Customer, customer_id)
    if customer is None:
        raise UserError("这个客户已被删除。")
    customer.name = name
    customer.nickname = (data.nickname or "").strip() or None
    customer.wechat_id = (data.wechat_id or "").strip() or None
    customer.phone = phone
    customer.pickup_point = (data.pickup_point or "").strip() or None
    customer.notes = (data.notes or "").strip() or None
    if customer_id is None:
        session.add(customer)
    session.flush()
    return customer.id


def load_customer(session: Session, customer_id: int) -> CustomerInput:
    """A stored customer as an editable ``CustomerInput``."""
    c = session.get(Customer, customer_id)
    if c is None:
        raise UserError("这个客户已被删除。")
    return CustomerInput(c.name, c.nickname, c.wechat_id, c.phone, c.pickup_point, c.notes)


def delete_customers(session: Session, ids: list[int]) -> int:
    """Delete customers; their orders stay (without a customer)."""
    return session.execute(delete(Customer).where(Customer.id.in_(ids))).rowcount or 0
