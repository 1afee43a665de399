"""Picks (选品库): validated create/update/delete, favourites, and the copy text (文案)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from microshop.domain.enums import PLATFORMS, ShareKind
from microshop.domain.money import format_fen
from microshop.domain.timeutil import format_local, from_local, local, utcnow
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.services import settings
from microshop.services.images import image_file
from microshop.services.posters import PosterData
from microshop.store.database import Database, affected
from microshop.store.models import CopyTemplate, Product, ProductImage, ProductTag, Share

DEFAULT_TEMPLATE = "【{标题}】\n到手价 ¥{价格}\n原价 ¥{原价}\n领券立减 {券} 元\n下单链接：{链接}\n邀请码 {邀请码}\n{截止} 前有效"


@dataclass
class ProductInput:
    """What a user enters for a pick (money in fen, rate in basis points)."""

    title: str
    platform_key: str | None = None
    platform_product_id: str | None = None
    link: str | None = None
    price_fen: int | None = None
    original_price_fen: int | None = None
    coupon_fen: int | None = None
    commission_rate_bp: int | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    favourite: bool = False
    notes: str | None = None
    deadline: datetime | None = None  # the offer's last moment (UTC): the end of its last day in China


_FULL_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*$")
_SHORT_DATE = re.compile(r"^\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*$")


def input_from_share(info: Any) -> ProductInput:
    """A new pick as a share text describes it (``importers.sharetext.ShareInfo``); an offer end the
    text names that is no date is left for the user to fill in."""
    try:
        ends = parse_deadline(info.ends)
    except UserError:
        ends = None
    return ProductInput(title=info.title, platform_key=info.platform_key, link=info.link,
                        platform_product_id=info.item_id, price_fen=info.price_fen,
                        original_price_fen=info.original_price_fen, coupon_fen=info.coupon_fen, deadline=ends)


def parse_deadline(text: str | None) -> datetime | None:
    """An offer's last day as typed (``2026-12-31``, ``2026/12/31``, ``12月31日``, ``12-31``) → the end
    of that day, China time, as UTC; a day without a year is the next one to come. Blank is none."""
    if text is None or not text.strip():
        return None
    full, short = _FULL_DATE.match(text), _SHORT_DATE.match(text)
    try:
        if full:
            day = date(int(full.group(1)), int(full.group(2)), int(full.group(3)))
        elif short:
            today = local(utcnow()).date()
            day = date(today.year, int(short.group(1)), int(short.group(2)))
            if day < today:
                day = day.replace(year=today.year + 1)
        else:
            raise ValueError(text)
    except ValueError:
        raise UserError(tr("活动截止“{text}”看不懂，请写成 2026-12-31（不填表示长期有效）。", text=text.strip())) from None
    return end_of_day(day)


def end_of_day(day: date) -> datetime:
    """The last second of a China day, as UTC."""
    return from_local(datetime.combine(day, time(23, 59, 59)))


def parse_rate(text: str | None) -> int | None:
    """A commission rate as typed (``20%``, ``20``, ``12.5 %``, ``0.2``) → basis points."""
    if text is None or not str(text).strip():
        return None
    raw = str(text).strip().replace("％", "%").replace(" ", "")
    try:
        value = Decimal(raw.rstrip("%"))
    except InvalidOperation:
        raise UserError(tr("佣金比例“{text}”看不懂，请写成 20% 或 20 这样的数字。", text=text)) from None
    if not value.is_finite():  # nan%, sNaN, Infinity: comparing them would raise
        raise UserError(tr("佣金比例“{text}”看不懂，请写成 20% 或 20 这样的数字。", text=text))
    if not raw.endswith("%") and value <= 1:
        value *= 100  # 0.2 means 20 %
    if not (0 <= value <= 100):
        raise UserError(tr("佣金比例“{text}”应在 0% 到 100% 之间。", text=text))
    return int((value * 100).to_integral_value())


def get_product(session: Session, product_id: int) -> Product:
    """A pick by id, or a ``UserError`` that names the id."""
    product = session.get(Product, product_id)
    if product is None:
        raise UserError(tr("找不到编号为 {product_id} 的商品（可能已被删除）。", product_id=product_id))
    return product


def validate(data: ProductInput) -> ProductInput:
    """Check and tidy a pick before saving; raises ``UserError`` with what to fix."""
    data.title = (data.title or "").strip()
    if not data.title:
        raise UserError(tr("商品标题不能为空。"))
    if data.platform_key and data.platform_key not in PLATFORMS:
        raise UserError(tr("未知的平台“{platform_key}”，可选：{choices}。", platform_key=data.platform_key, choices='、'.join(PLATFORMS)))
    for label, value in (("价格", data.price_fen), ("原价", data.original_price_fen), ("券", data.coupon_fen)):
        if value is not None and value < 0:
            raise UserError(tr("{label}不能是负数。", label=label))
    data.tags = sorted({t.strip() for t in data.tags if t and t.strip()})
    return data


def save_product(session: Session, data: ProductInput, product_id: int | None = None) -> int:
    """Create (``product_id`` None) or update a pick; returns its id."""
    data = validate(data)
    product = Product() if product_id is None else get_product(session, product_id)
    for name in (
        "title", "platform_key", "platform_product_id", "link", "price_fen", "original_price_fen",
        "coupon_fen", "commission_rate_bp", "category", "favourite", "notes", "deadline",
    ):
        setattr(product, name, getattr(data, name))
    product.tags = [ProductTag(tag=t) for t in data.tags]
    if product_id is None:
        session.add(product)
    session.flush()
    return product.id


def load_product(session: Session, product_id: int) -> ProductInput:
    """A stored pick as an editable ``ProductInput``."""
    p = get_product(session, product_id)
    return ProductInput(
        p.title, p.platform_key, p.platform_product_id, p.link, p.price_fen, p.original_price_fen,
        p.coupon_fen, p.commission_rate_bp, p.category, [t.tag for t in p.tags], p.favourite, p.notes, p.deadline,
    )


def delete_products(session: Session, ids: list[int]) -> int:
    """Delete picks (their images, templates and shares go with them)."""
    return affected(session.execute(delete(Product).where(Product.id.in_(ids))))


def set_favourite(session: Session, ids: list[int], value: bool) -> None:
    """Mark or unmark picks as favourites."""
    session.execute(update(Product).where(Product.id.in_(ids)).values(favourite=value))


def copy_text(session: Session, product_id: int) -> str:
    """The pick's 文案 from its default template (or the built-in one), variables filled in.

    A line whose variables are empty for this pick (no coupon, no invite code …) is left out.
    """
    p = get_product(session, product_id)
    template = session.scalar(
        select(CopyTemplate.body)
        .where((CopyTemplate.product_id == p.id) | CopyTemplate.product_id.is_(None))
        .order_by(CopyTemplate.product_id.is_(None), CopyTemplate.is_default.desc())
        .limit(1)
    ) or DEFAULT_TEMPLATE
    invite = settings.get(session, "invite_code")
    values = {
        "标题": p.title,
        "价格": format_fen(p.price_fen, symbol=False) if p.price_fen is not None else "",
        "原价": format_fen(p.original_price_fen, symbol=False) if p.original_price_fen is not None else "",
        "券": format_fen(p.coupon_fen, symbol=False) if p.coupon_fen else "",
        "佣金": format_fen(p.commission_fen, symbol=False) if p.commission_fen is not None else "",
        "链接": p.link or "",
        "邀请码": invite,
        "截止": format_local(p.deadline, "%m月%d日") if p.deadline else "",
    }
    lines = []
    for line in template.splitlines():
        names = re.findall(r"\{(\w+)\}", line)
        if any(name in values and not values[name] for name in names):
            continue  # a line about something this pick does not have (no coupon, no deadline …)
        lines.append(re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), line).rstrip())
    return "\n".join(line for line in lines if line.strip())


def record_share(session: Session, product_id: int, kind: ShareKind, *, template: str | None = None,
                 text: str | None = None, output_path: str | None = None) -> int:
    """Record that a pick was shared, with its price and commission at this moment."""
    p = get_product(session, product_id)
    share = Share(
        product_id=p.id, kind=kind.value, template=template, price_fen=p.price_fen,
        commission_rate_bp=p.commission_rate_bp, commission_fen=p.commission_fen,
        text=text, output_path=output_path,
    )
    session.add(share)
    session.flush()
    return share.id


def add_image(session: Session, product_id: int, path: str | Path | None = None, *,
              data: bytes | None = None, suffix: str = ".png") -> tuple[int, bool]:
    """Copy an image (a file, or bytes from the clipboard/drop) into the pick's images.

    Returns (image id, tiny): ``tiny`` means it will look blurry on a poster (warn the user).
    """
    from microshop.services.images import store_image, store_image_bytes, stored_name

    product = get_product(session, product_id)
    if data is None and path is None:
        raise ValueError("add_image needs a path or data")
    stored, info, digest = store_image(path) if data is None else store_image_bytes(data, suffix)  # type: ignore[arg-type]
    image = ProductImage(product_id=product.id, position=len(product.images), path=stored_name(stored), sha256=digest,
                         width=info.width, height=info.height)
    session.add(image)
    session.flush()
    return image.id, info.tiny


def remove_image(session: Session, image_id: int) -> None:
    """Remove an image from a pick (the stored file may be shared, so it stays)."""
    image = session.get(ProductImage, image_id)
    if image is not None:
        product = image.product
        session.delete(image)
        session.flush()
        for i, other in enumerate(sorted(product.images, key=lambda x: x.position)):
            other.position = i


def poster_data(session: Session, product_id: int) -> PosterData:
    """What a poster of this pick shows, with the shop name, invite code and watermark settings."""
    from microshop.services.posters import link_with_invite

    p = get_product(session, product_id)
    if not p.link:
        raise UserError(tr("“{title}”还没有链接，二维码需要链接。请先编辑商品填写链接。", title=p.title))
    link = link_with_invite(p.link, settings.get(session, "invite_code"), settings.get(session, "invite_param"))
    return PosterData(
        title=p.title, link=link, price_fen=p.price_fen, original_price_fen=p.original_price_fen,
        coupon_fen=p.coupon_fen, shop_name=settings.get(session, "shop_name"),
        watermark=settings.get(session, "watermark"),
        images=tuple(str(image_file(i.path)) for i in sorted(p.images, key=lambda x: x.position)),
    )


def all_tags(session: Session) -> list[str]:
    """Every tag in use, sorted (for the tag filter)."""
    return list(session.scalars(select(ProductTag.tag).distinct().order_by(ProductTag.tag)))


def stored_images(session: Session, product_id: int) -> list[tuple[int, str]]:
    """The pick's stored pictures as (image id, file path), cover first."""
    images = sorted(get_product(session, product_id).images, key=lambda x: x.position)
    return [(i.id, str(image_file(i.path))) for i in images]


def image_sizes(session: Session, product_id: int) -> list[tuple[int, int]]:
    """(width, height) of the pick's pictures, cover first (0 when unknown)."""
    images = sorted(get_product(session, product_id).images, key=lambda x: x.position)
    return [(i.width or 0, i.height or 0) for i in images]


def product_choices(session: Session) -> list[tuple[int, str]]:
    """Every pick as (id, title), by title (for choosing one in a dialog)."""
    return [(pid, title) for pid, title in session.execute(select(Product.id, Product.title).order_by(Product.title))]


def format_rate_text(bp: int | None) -> str:
    """Basis points as the percentage text the import reads back (``2050`` → ``20.5%``)."""
    from microshop.services.listing import format_rate

    return format_rate(bp)


@dataclass(frozen=True)
class AddedImage:
    """What a pasted picture became: which pick has it, how many pictures it has now, and whether
    this one is too small for a sharp poster."""

    image_id: int
    title: str
    pictures: int
    width: int
    height: int
    tiny: bool


def add_image_to(db: Database, product_id: int, data: bytes) -> AddedImage:
    """Ctrl+V of a picture: stored and added to a pick's pictures (an operation: its own session)."""
    from sqlalchemy import func

    with db.session() as session:
        image_id, tiny = add_image(session, product_id, data=data)
        image = session.get(ProductImage, image_id)
        assert image is not None  # just added in this session
        count = session.scalar(select(func.count()).select_from(ProductImage).where(ProductImage.product_id == product_id))
        return AddedImage(image_id, get_product(session, product_id).title, int(count or 0), image.width or 0,
                          image.height or 0, tiny)


# --------------------------------------------------------------------------- operations
# One function per user action on 选品库 / 海报: each opens and closes its own session (the GUI
# runs them on the task runner, the CLI may call them directly) and returns plain values.

@dataclass
class NewImage:
    """A picture the user added in the dialog: a file, or pasted bytes."""

    path: str | None = None
    data: bytes | None = None


@dataclass
class ProductForEdit:
    """What the edit dialog shows: the pick and its stored pictures (id, file)."""

    data: ProductInput
    images: list[tuple[int, str]]


def save(db: Database, data: ProductInput, product_id: int | None = None, *,
         removed_images: list[int] | None = None, new_images: list[NewImage] | None = None) -> int:
    """新增商品 / 编辑 → the pick's id: the pick and its pictures in one transaction (a refusal,
    e.g. an unreadable picture, writes nothing)."""
    with db.session() as session:
        product_id = save_product(session, data, product_id)
        for image_id in removed_images or []:
            remove_image(session, image_id)
        for image in new_images or []:
            if image.path is not None:
                add_image(session, product_id, image.path)
            elif image.data is not None:
                add_image(session, product_id, data=image.data)
        return product_id


def load(db: Database, product_id: int) -> ProductForEdit:
    """A pick for the edit dialog."""
    with db.session() as session:
        return ProductForEdit(load_product(session, product_id), stored_images(session, product_id))


def tags(db: Database) -> list[str]:
    """Every tag in use (the 标签 filter)."""
    with db.session() as session:
        return all_tags(session)


def toggle_favourite(db: Database, ids: list[int]) -> bool:
    """收藏 / 取消收藏: all selected picks take the opposite of the first one's mark → the new mark."""
    with db.session() as session:
        value = not get_product(session, ids[0]).favourite
        set_favourite(session, ids, value)
        return value


def remove(db: Database, ids: list[int]) -> int:
    """删除 → how many picks were deleted."""
    with db.session() as session:
        return delete_products(session, ids)


def choices(db: Database) -> list[tuple[int, str]]:
    """(id, title) of every pick, for a chooser."""
    with db.session() as session:
        return product_choices(session)


@dataclass
class PosterView:
    """What 海报 shows for a pick: its 文案, what to draw (or why it cannot) and its pictures' sizes."""

    copy_text: str
    data: PosterData | None
    problem: str | None
    sizes: list[tuple[int, int]]


def poster_view(db: Database, product_id: int) -> PosterView:
    """The 海报 page's view of one pick."""
    with db.session() as session:
        text = copy_text(session, product_id)
        try:
            data, problem = poster_data(session, product_id), None
        except UserError as exc:
            data, problem = None, exc.message
        return PosterView(text, data, problem, image_sizes(session, product_id))


def share(db: Database, product_id: int, kind: ShareKind, *, template: str | None = None,
          text: str | None = None, output_path: str | None = None) -> int:
    """Record one share of a pick (a poster made, a 文案 copied) → the share's id."""
    with db.session() as session:
        return record_share(session, product_id, kind, template=template, text=text, output_path=output_path)
