"""Picks in bulk: spreadsheet import (header aliases, preview) and export, batch posters on all cores."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from microshop.domain.enums import PLATFORM_BY_WORD, ShareKind, platform_name
from microshop.domain.money import parse_yuan
from microshop.domain.templates import short_name
from microshop.domain.timeutil import format_local, local
from microshop.errors import Cancelled, UserError
from microshop.i18n import tr
from microshop.importers.columns import Column, Id, Text, Time, by_field, header_aliases
from microshop.importers.columns import Money as MoneyColumn
from microshop.importers.sharetext import item_id_of, platform_of
from microshop.importers.table import cell_money, cell_text, find_header, read_table
from microshop.services.posters import PosterData, make_poster
from microshop.services.products import (
    ProductInput,
    end_of_day,
    format_rate_text,
    input_from_share,
    parse_rate,
    poster_data,
    record_share,
    save_product,
)
from microshop.services.progress import Progress
from microshop.services.xlsx import Money, save, write_sheet
from microshop.store.models import Product


class Rate(Column):
    """A commission rate: "20%", "20", 0.2 (a number ≤ 1 is a fraction) → basis points."""

    def cell(self, value: Any) -> int | None:
        if isinstance(value, float) and value <= 1:  # 0.2 stored as a number
            value = f"{value!r}"
        return parse_rate(cell_text(value) or None)


class Coupon(Column):
    """A coupon as the union sites write it: ``满59元减20元`` → (2000, 5900), ``20元无条件券`` →
    (2000, 0): worded, so the price beside it is before the coupon; a bare ``20`` or ``¥20`` → (2000,
    None): the sheet's own figure, nothing to work out; ``无`` is none."""

    _SPEND = re.compile(r"满\s*(\d{1,7}(?:\.\d{1,2})?)\s*元?\s*(?:可用)?\s*[减-]\s*(\d{1,7}(?:\.\d{1,2})?)")
    _OFF = re.compile(r"(\d{1,7}(?:\.\d{1,2})?)\s*元")

    def cell(self, value: Any) -> tuple[int, int | None] | None:
        text = cell_text(value)
        if not text or text in ("无", "没有", "暂无", "无券"):
            return None
        spend = self._SPEND.search(text)
        if spend:
            off, needs = parse_yuan(spend.group(2)), parse_yuan(spend.group(1))
            return None if off is None else (off, needs)
        try:
            plain = cell_money(value)
        except ValueError:
            written = self._OFF.search(text)  # "20元无条件券"
            if written is None:
                raise
            off = parse_yuan(written.group(1))
            return None if off is None else (off, 0)
        return None if plain is None else (plain, None)


PICK_COLUMNS: tuple[Column, ...] = (
    Text("title", ("商品标题", "标题", "商品名称", "商品", "名称", "商品信息", "商品名")),
    Text("platform", ("平台", "来源", "平台类型"), required=False),
    Id("product_id", ("商品ID", "商品编号", "商品id", "ID", "SKU", "SKUID", "SKU ID", "商品编码"), required=False),
    # the promotion link with the coupon, else the promotion link (the reseller's code), else the item page
    Text("coupon_link", ("商品优惠券推广链接", "优惠券推广链接", "领券链接", "券推广链接"), required=False),
    Text("link", ("链接", "推广链接", "短链接", "淘宝客短链接", "淘宝客链接", "推广短链接", "推广长链接", "商品推广链接"),
         required=False),
    Text("page", ("商品链接", "商品详情页链接地址", "商品详情页链接", "商品地址", "详情页链接", "URL"), required=False),
    MoneyColumn("price", ("券后价", "到手价", "券后价(元)"), required=False),
    MoneyColumn("listed", ("价格", "售价", "价格(元)", "商品价格", "京东价", "在售价", "现价", "单价", "拼团价"),
                required=False),
    MoneyColumn("original", ("原价", "原价(元)", "划线价"), required=False),
    Coupon("coupon", ("优惠券", "券", "券面额", "优惠券(元)", "优惠券面额", "优惠券金额", "券额"), required=False),
    Rate("rate", ("佣金比例", "佣金率", "佣金比率", "收入比率"), required=False),
    Text("category", ("类目", "分类", "类目名称", "商品一级类目", "一级类目", "商品类目"), required=False),
    Time("deadline", ("截止", "活动截止", "截止时间", "截止日期", "优惠券结束时间", "券结束时间", "活动结束时间",
                      "推广结束时间"), required=False),
    Text("tags", ("标签",), required=False),
    Text("notes", ("备注",), required=False),
)
_PLATFORM_BY_NAME = PLATFORM_BY_WORD


@dataclass
class PickRow:
    """One spreadsheet row: the pick it would create, or why it cannot."""

    row: int
    pick: ProductInput | None
    error: str | None = None


def parse_picks(path: Path) -> list[PickRow]:
    """Read a pick spreadsheet (xlsx/xls/csv) into rows for the preview."""
    table = read_table(Path(path))
    header_index, cols = find_header(table.rows, *header_aliases(PICK_COLUMNS))
    out: list[PickRow] = []
    for index in range(header_index + 1, len(table.rows)):
        raw = table.rows[index]

        def get(field: str, raw: Sequence[Any] = raw) -> Any:
            col = cols.get(field)
            return raw[col] if col is not None and col < len(raw) else None

        def value(field: str) -> Any:
            return PICK[field].cell(get(field))

        if not any(cell_text(v) for v in raw):
            continue
        number = index + 1
        try:
            link = value("coupon_link") or value("link") or value("page")
            platform_text = cell_text(get("platform"))
            platform = _PLATFORM_BY_NAME.get(platform_text) or (platform_of(link) if link and not platform_text else None)
            if platform_text and platform is None:
                raise ValueError(tr("未知的平台“{platform}”", platform=platform_text))
            price, original, coupon = _prices(get)
            pick = ProductInput(
                title=value("title") or "", platform_key=platform,
                platform_product_id=value("product_id") or (item_id_of(link) if link else None),
                link=link, price_fen=price, original_price_fen=original,
                coupon_fen=coupon, commission_rate_bp=value("rate"), category=value("category"),
                tags=(value("tags") or "").replace("，", ",").split(","), notes=value("notes"),
                deadline=_deadline(get),
            )
            if not pick.title:
                raise ValueError(tr("缺少商品标题"))
            out.append(PickRow(number, pick))
        except (ValueError, UserError) as exc:
            out.append(PickRow(number, None, getattr(exc, "message", None) or str(exc)))
    return out


PICK = by_field(PICK_COLUMNS)


def _money(get: Any, field: str) -> Any:
    column = PICK[field]
    try:
        return column.cell(get(field))
    except ValueError:
        raise ValueError(tr("{label}“{value}”不是有效金额", label=column.name, value=cell_text(get(field)))) from None


def _deadline(get: Any) -> datetime | None:
    """优惠券结束时间 ``2026-12-31`` is through that day; a time given is kept."""
    try:
        when = cast(datetime | None, PICK["deadline"].cell(get("deadline")))
    except ValueError:
        raise ValueError(tr("截止时间“{value}”看不懂，请写成 2026-12-31", value=cell_text(get("deadline")))) from None
    if when is not None and local(when).time() == datetime.min.time():
        return end_of_day(local(when).date())
    return when


def _prices(get: Any) -> tuple[int | None, int | None, int | None]:
    """(券后价, 原价, 券) in fen. A sheet that gives only the price on sale and a coupon worded as the
    union sites word it (淘宝联盟's 选品库 export: 商品价格 59.90, 优惠券面额 满59元减20元) has a 券后价 of
    the one less the other, and the price on sale is the 原价; a coupon that the price does not reach
    is not taken off, and a bare coupon figure beside a 价格 (the user's own sheet) takes nothing off."""
    price = cast(int | None, _money(get, "price"))
    listed = cast(int | None, _money(get, "listed"))
    original = cast(int | None, _money(get, "original"))
    found = cast(tuple[int, int | None] | None, _money(get, "coupon"))
    coupon, spend = found if found is not None else (None, None)
    if price is None and listed is not None:
        usable = coupon is not None and spend is not None and 0 < coupon < listed and listed >= spend
        price = listed - coupon if usable and coupon is not None else listed
        if usable and original is None:
            original = listed
    elif price is not None and listed is not None and listed > price and original is None:
        original = listed  # 京东价 45.90 beside 券后价 35.90: the price struck through on the poster
    return price, original, coupon


def picks_in_text(text: str) -> list[PickRow]:
    """A paste listing several products (“1. 维达抽纸 ¥19.9 链接 / 2. …”) as preview rows, one per
    product, numbered as listed; one without a name it can read is a row with its reason."""
    from microshop.importers.sharetext import parse_share_text, split_products

    if not text.strip():
        return [PickRow(1, None, tr("文字是空的：请把平台 App 里复制的分享文字放进来再导入。"))]
    out: list[PickRow] = []
    for number, part in enumerate(split_products(text), 1):
        pick = input_from_share(parse_share_text(part))
        if not pick.title:
            out.append(PickRow(number, None, tr("没有读出商品名：{text}", text=part.strip()[:60])))
        elif pick.link is None and pick.price_fen is None:  # a sentence, not a share: nothing to sell by
            out.append(PickRow(number, None, tr("没有找到链接或价格，不像商品分享文字：{text}", text=part.strip()[:60])))
        else:
            out.append(PickRow(number, pick))
    return out


def import_picks(session: Session, path: Path) -> dict[str, Any]:
    """Add the readable rows of a pick spreadsheet (one transaction); picks already in the library
    (same platform and product id, or same title and link) are skipped."""
    return add_picks(session, parse_picks(path))


def add_picks(session: Session, rows: list[PickRow]) -> dict[str, Any]:
    """Add the rows that have a pick; those already in the library are skipped, with the reason."""
    existing: set[tuple[str | None, str | None]] = {(p.platform_key, p.platform_product_id) for p in session.scalars(select(Product))
                if p.platform_product_id}
    existing_links: set[tuple[str | None, str | None]] = {(p.title, p.link) for p in session.scalars(select(Product))}
    added, ids, skipped = 0, [], []
    for row in rows:
        if row.pick is None:
            skipped.append({"row": row.row, "reason": row.error})
            continue
        pick = row.pick
        if (pick.platform_product_id and (pick.platform_key, pick.platform_product_id) in existing) \
                or (pick.title, pick.link) in existing_links:
            skipped.append({"row": row.row, "reason": tr("选品库里已有这个商品")})
            continue
        ids.append(save_product(session, pick))
        if pick.platform_product_id:  # picks without an id are told apart by title and link alone
            existing.add((pick.platform_key, pick.platform_product_id))
        existing_links.add((pick.title, pick.link))
        added += 1
    return {"added": added, "ids": ids, "skipped": skipped}


def export_picks(session: Session, path: Path, ids: list[int] | None = None) -> Path:
    """Export picks in the same columns the import reads."""
    from openpyxl import Workbook
    stmt = select(Product).order_by(Product.id)
    if ids is not None:
        stmt = stmt.where(Product.id.in_(ids))
    wb = Workbook()
    ws = wb.active
    ws.title = "选品库"
    write_sheet(ws, ["商品标题", "平台", "商品ID", "链接", "券后价", "原价", "优惠券", "佣金比例", "类目", "截止", "标签",
                     "备注"], (
        [p.title, platform_name(p.platform_key), p.platform_product_id or "", p.link or "",
         Money(p.price_fen) if p.price_fen is not None else None,
         Money(p.original_price_fen) if p.original_price_fen is not None else None,
         Money(p.coupon_fen) if p.coupon_fen is not None else None, format_rate_text(p.commission_rate_bp),
         p.category or "", format_local(p.deadline, "%Y-%m-%d") if p.deadline else "",
         ",".join(t.tag for t in p.tags), p.notes or ""]
        for p in session.scalars(stmt)
    ), [40, 12, 24, 36, 10, 10, 10, 10, 12, 12, 16, 20])
    return save(wb, path)


def poster_path(out_dir: Path, product_id: int, title: str, template: str) -> Path:
    """A readable, safe file name for a pick's poster."""
    safe = "".join(ch for ch in title if ch not in '\\\\/:*?"<>|').strip()[:30] or "海报"
    name = f"{product_id}-{safe}-{short_name(template)}"
    return out_dir / name if template == "grid9" else out_dir / f"{name}.jpg"


def batch_posters(session_factory: Any, ids: list[int], template: str, out_dir: Path,
                  progress: Progress | None = None, workers: int | None = None) -> list[dict[str, Any]]:
    """Posters for many picks, rendered in worker processes (all cores); each one recorded as a share.

    ``session_factory`` is ``Database.session``. Cancelling stops after the posters in flight.
    """
    out_dir = Path(out_dir)
    jobs: list[tuple[int, PosterData, Path]] = []
    with session_factory() as s:
        for product_id in ids:
            data = poster_data(s, product_id)
            jobs.append((product_id, data, poster_path(out_dir, product_id, data.title, template)))
    results: list[dict[str, Any]] = []
    workers = workers or max(1, min(len(jobs), os.cpu_count() or 1))
    # "spawn", not fork: the GUI calls this from a worker thread of a multi-threaded Qt process,
    # and forking such a process is unsafe.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: dict[Future[list[Path]], int] = {
            pool.submit(make_poster, data, template, path): pid for pid, data, path in jobs
        }
        done_count = 0
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                pid = pending.pop(future)
                written = future.result()
                results.append({"id": pid, "files": [str(p) for p in written]})
                done_count += 1
            if progress is not None:
                try:
                    progress.update(done_count, len(jobs), f"已生成 {done_count}/{len(jobs)} 张海报")
                except Cancelled:
                    for future in pending:
                        future.cancel()
                    raise
    with session_factory() as s:
        for result in results:
            record_share(s, result["id"], ShareKind.POSTER, template=template, output_path=result["files"][0])
    results.sort(key=lambda r: ids.index(r["id"]))
    return results


# --------------------------------------------------------------------------- operations

def import_file(db: Any, path: Path) -> dict[str, Any]:
    """导入商品表 → {"added", "skipped"}: one transaction, marked as a long write while it runs."""
    from microshop.i18n import tr

    with db.operation(tr("导入商品表 {name}", name=Path(path).name)), db.session() as session:
        return import_picks(session, Path(path))


def import_text(db: Any, text: str) -> dict[str, Any]:
    """粘贴 a text listing several products → {"added", "ids", "skipped"}: every pick it lists, one
    transaction (``picks_in_text``; the user saw the same rows in the preview)."""
    with db.operation(tr("导入粘贴的商品")), db.session() as session:
        return add_picks(session, picks_in_text(text))


def export_file(db: Any, path: Path, ids: list[int] | None = None) -> Path:
    """导出选品库 → the file written."""
    with db.session() as session:
        return export_picks(session, Path(path), ids)


def make_posters(db: Any, ids: list[int], template: str, out_dir: Path,
                 progress: Progress | None = None) -> list[dict[str, Any]]:
    """批量生成海报 (GUI and CLI): each poster written and recorded as one share."""
    return batch_posters(db.session, ids, template, Path(out_dir), progress)
