"""Demo data: a believable three months of a micro-store, so a new user sees every page at work.

Deterministic for a given "today" (seeded random), written in one transaction. Loading it into a
database that already has orders or picks is refused, so a user's own data is never mixed in.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from microshop.domain.enums import STATEMENT_PLATFORMS, LineStatus, OrderStatus, ShareKind
from microshop.domain.money import commission_fen
from microshop.domain.timeutil import SHANGHAI, utcnow
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.store.models import (
    CopyTemplate,
    Customer,
    Order,
    OrderItem,
    Product,
    ProductTag,
    Share,
    StatementImport,
    StatementLine,
    Withdrawal,
)

if TYPE_CHECKING:
    from microshop.store.database import Database

# title, platform, price (fen), original price, coupon, commission bp, category, tags
PRODUCTS = [
    ("海南妃子笑荔枝 5斤装 新鲜现摘", "pdd", 5990, 7990, 1000, 1500, "水果生鲜", "爆款,水果"),
    ("赣南脐橙 10斤 大果 甜过初恋", "pdd", 3980, 5980, 500, 2000, "水果生鲜", "水果"),
    ("即食燕麦片 1kg 无蔗糖", "douyin", 1980, 3900, 0, 2000, "食品饮料", "早餐"),
    ("儿童益生菌 30条 冻干粉", "douyin", 3990, 9900, 2000, 3000, "母婴", "母婴,高佣"),
    ("低脂鸡胸肉 10袋 即食", "douyin", 1990, 3990, 0, 3000, "食品饮料", "健身"),
    ("云南高山普洱 357g 饼茶", "taobao", 12800, 19800, 3000, 2500, "茶饮", "送礼"),
    ("洗衣凝珠 52颗 持久留香", "taobao", 2990, 4990, 1000, 1800, "日用百货", "囤货"),
    ("抽纸 24包 整箱 原生木浆", "jd", 3590, 4990, 500, 800, "日用百货", "囤货,爆款"),
    ("电动牙刷 声波 成人款", "jd", 9900, 19900, 2000, 1200, "个护", ""),
    ("厨房湿巾 80抽×3包", "pdd", 1290, 2590, 300, 2500, "日用百货", "囤货"),
    ("每日坚果 30包 混合果仁", "taobao", 6990, 12900, 1500, 2000, "食品饮料", "送礼,早餐"),
    ("宝宝纸尿裤 L码 46片", "jd", 8900, 12900, 1000, 600, "母婴", "母婴"),
    ("东北五常大米 10斤 稻花香", "pdd", 4590, 6990, 500, 1200, "粮油", "囤货"),
    ("玻尿酸补水面膜 20片", "douyin", 4990, 12900, 1000, 3500, "美妆", "高佣"),
    ("阳澄湖大闸蟹 8只装 礼盒", "taobao", 19800, 39800, 5000, 1500, "水果生鲜", "送礼,季节"),
    ("不粘锅炒锅 32cm 燃气电磁通用", "jd", 12900, 25900, 3000, 1000, "厨具", ""),
]

SURNAMES = "张王李刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["姐", "阿姨", "哥", "小美", "雪", "小西", "婷婷", "大叔", "妈妈", "老师", "芳", "静", "磊"]
PICKUPS = ["3栋门口", "小区南门快递柜", "6栋1单元", "物业中心"]

COPY_TEMPLATE = (
    "【{标题}】\n到手价 ¥{价格}（原价 ¥{原价}）\n领券立减 {券} 元！\n"
    "戳链接下单：{链接}\n邀请码 {邀请码}\n{截止} 前有效~"
)


def load_demo(session: Session, *, today: datetime | None = None, seed: int = 20261121) -> dict[str, int]:
    """Fill an empty database with demo data; returns how many rows of each kind were added."""
    has_data = session.scalar(select(func.count()).select_from(Order)) or session.scalar(
        select(func.count()).select_from(Product)
    )
    if has_data:
        raise UserError(tr("数据库里已经有商品或订单，为避免和你的数据混在一起，演示数据只能加载到空的数据库。"))
    rng = random.Random(seed)
    now = (today or utcnow()).astimezone(SHANGHAI)
    products = _add_products(session, rng, now)
    customers = _add_customers(session, rng)
    session.flush()
    orders, items = _add_orders(session, rng, now, products, customers)
    session.flush()
    lines = _add_statements(session, rng, now, orders)
    shares = _add_shares(session, rng, now, products)
    _add_withdrawals(session, now)
    session.flush()
    return {
        "products": len(products),
        "customers": len(customers),
        "orders": len(orders),
        "order_items": items,
        "statement_lines": lines,
        "shares": shares,
    }


def _add_products(session: Session, rng: random.Random, now: datetime) -> list[Product]:
    out = []
    for i, (title, plat, price, orig, coupon, bp, cat, tags) in enumerate(PRODUCTS):
        p = Product(
            title=title,
            platform_key=plat,
            platform_product_id=str(100000000000 + rng.randrange(10**11)),
            link=f"https://example.com/{plat}/item/{i + 1}",
            price_fen=price,
            original_price_fen=orig,
            coupon_fen=coupon or None,
            commission_rate_bp=bp,
            category=cat,
            favourite=i % 4 == 0,
            deadline=(now + timedelta(days=rng.randint(2, 20))),
            notes="演示数据",
        )
        p.tags = [ProductTag(tag=t) for t in tags.split(",") if t]
        p.templates = [CopyTemplate(name="默认文案", body=COPY_TEMPLATE, is_default=True)]
        session.add(p)
        out.append(p)
    return out


def _add_customers(session: Session, rng: random.Random) -> list[Customer]:
    names: set[str] = set()
    while len(names) < 24:
        names.add(rng.choice(SURNAMES) + rng.choice(GIVEN))
    out = []
    for name in sorted(names):
        c = Customer(
            name=name,
            nickname=f"{name}的微信" if rng.random() < 0.3 else None,
            phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}" if rng.random() < 0.8 else None,
            pickup_point=rng.choice(PICKUPS),
        )
        session.add(c)
        out.append(c)
    return out


def _add_orders(
    session: Session, rng: random.Random, now: datetime, products: list[Product], customers: list[Customer]
) -> tuple[list[Order], int]:
    orders, n_items = [], 0
    regulars = customers[:8]
    for _ in range(160):
        when = now - timedelta(days=rng.uniform(0, 88), hours=rng.uniform(0, 12))
        customer = rng.choice(regulars if rng.random() < 0.5 else customers)
        product = rng.choice(products)
        qty = rng.choice([1, 1, 1, 2, 2, 3])
        platform_amount = (product.price_fen or 0) * qty
        markup = rng.choice([0, 0, 0, 100, 200]) * qty
        age = (now - when).days
        status = (
            OrderStatus.COMPLETED if age > 20 else OrderStatus.SHIPPED if age > 5 else OrderStatus.PLACED
        )
        if rng.random() < 0.05:
            status = OrderStatus.REFUNDED
        order = Order(
            customer_id=customer.id,
            ordered_at=when,
            platform_key=product.platform_key,
            platform_order_no=_order_no(rng, product.platform_key, when) if rng.random() < 0.8 else None,
            status=status.value,
            fulfilment="pickup",
            pickup_point=customer.pickup_point,
            source="demo",
        )
        order.items = [
            OrderItem(
                product_id=product.id,
                title=product.title,
                platform_product_id=product.platform_product_id,
                quantity=qty,
                amount_fen=platform_amount + markup,
                platform_amount_fen=platform_amount if markup else None,
            )
        ]
        session.add(order)
        orders.append(order)
        n_items += 1
    return orders, n_items


def _order_no(rng: random.Random, platform: str | None, when: datetime) -> str:
    if platform == "pdd":
        return f"{when:%y%m%d}-{rng.randrange(10**15):015d}"
    return str(rng.randrange(10**18, 10**19))


def _add_statements(session: Session, rng: random.Random, now: datetime, orders: list[Order]) -> int:
    imports: dict[str, StatementImport] = {}
    count = 0
    for order in orders:
        if not order.platform_order_no or order.platform_key not in STATEMENT_PLATFORMS:
            continue
        imp = imports.get(order.platform_key)
        if imp is None:
            imp = StatementImport(
                platform_key=order.platform_key, importer="demo", file_name="演示数据",
                file_sha256="demo-" + order.platform_key,
            )
            session.add(imp)
            session.flush()
            imports[order.platform_key] = imp
        item = order.items[0]
        rate = next(p[5] for p in PRODUCTS if p[0] == item.title)
        estimated = commission_fen(item.effective_platform_amount_fen, rate)
        age = (now - order.ordered_at.astimezone(SHANGHAI)).days
        if order.status == OrderStatus.REFUNDED.value:
            status = LineStatus.INVALID
        else:
            status = LineStatus.SETTLED if age > 35 else LineStatus.RECEIVED if age > 10 else LineStatus.PAID
        settled_at = order.ordered_at + timedelta(days=30) if status is LineStatus.SETTLED else None
        session.add(
            StatementLine(
                platform_key=order.platform_key,
                order_no=order.platform_order_no,
                line_key=item.platform_product_id or order.platform_order_no,
                product_id=item.platform_product_id,
                product_title=item.title,
                quantity=item.quantity,
                paid_fen=item.effective_platform_amount_fen,
                estimated_fen=estimated,
                settled_fen=estimated if status is LineStatus.SETTLED else None,
                status=status.value,
                created_at=order.ordered_at + timedelta(minutes=rng.randint(1, 30)),
                settled_at=settled_at,
                first_import_id=imp.id,
                last_import_id=imp.id,
                source_file="演示数据",
            )
        )
        imp.rows += 1
        imp.added += 1
        count += 1
    return count


def _add_shares(session: Session, rng: random.Random, now: datetime, products: list[Product]) -> int:
    n = 0
    for product in products:
        for _ in range(rng.randint(1, 6)):
            kind = rng.choice([ShareKind.POSTER, ShareKind.COPY_TEXT])
            session.add(
                Share(
                    product_id=product.id,
                    kind=kind.value,
                    template="portrait" if kind is ShareKind.POSTER else None,
                    shared_at=now - timedelta(days=rng.uniform(0, 60)),
                    price_fen=product.price_fen,
                    commission_rate_bp=product.commission_rate_bp,
                    commission_fen=product.commission_fen,
                )
            )
            n += 1
    return n


def _add_withdrawals(session: Session, now: datetime) -> None:
    for months_ago, plat, amount in ((1, "pdd", 4230), (1, "taobao", 8870), (2, "jd", 2150)):
        when = (now.replace(day=20, hour=10) - timedelta(days=30 * (months_ago - 1)))
        if when > now:
            when -= timedelta(days=30)
        session.add(Withdrawal(platform_key=plat, amount_fen=amount, arrived_at=when, note="演示数据"))


def load_into(db: Database) -> dict[str, int]:
    """文件 → 加载演示数据 (an empty book only): one transaction → rows added per kind."""
    with db.session() as session:
        return load_demo(session)
