"""Posters and images: every template's QR decodes from the saved file; images as users have them."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest
import zxingcpp
from conftest import FIXTURES, iphone_photo
from PIL import Image
from sqlalchemy import func, select

from microshop.cli import main
from microshop.errors import UserError
from microshop.importers.sharetext import parse_share_text
from microshop.services import products as psvc
from microshop.services import settings
from microshop.services.images import TINY_PX, load_image
from microshop.services.picks import export_picks, import_picks, parse_picks
from microshop.services.posters import PosterData, font, link_with_invite, make_poster, qr_image, wrap
from microshop.store.models import Product, ProductImage, Share

IMAGES = FIXTURES / "images"
LONG_LINK = ("https://uland.taobao.com/coupon/edetail?e=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"
             "&traceId=0b0fa1234567890&union_lens=lensId%3APUB%401234567890&invite=MS2026")


def decoded(path: Path) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(path))]


def poster(images: tuple[str, ...] = (), link: str = "https://m.tb.cn/h.gQxYzAb?invite=MS2026", **kw) -> PosterData:
    base = dict(title="海南妃子笑荔枝 5斤装 新鲜现摘 顺丰包邮 坏果包赔 果园直发当天采摘", link=link, price_fen=5990,
                original_price_fen=7990, coupon_fen=1000, shop_name="小美的微店", images=images)
    return PosterData(**(base | kw))


def quiet_zone_is_clear(path: Path, link: str) -> bool:
    """The decoded symbol has 4 modules of light pixels all around it, inside the picture: no
    caption, watermark or edge reaches into it (what a phone's scanner needs)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    image = Image.open(path).convert("L")
    (result,) = zxingcpp.read_barcodes(image)
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(link)
    code.make(fit=True)
    pos = result.position
    xs = [pos.top_left.x, pos.top_right.x, pos.bottom_left.x, pos.bottom_right.x]
    ys = [pos.top_left.y, pos.top_right.y, pos.bottom_left.y, pos.bottom_right.y]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    module = (right - left + 1) / code.modules_count
    ring = round(4 * module) - 2  # a pixel of slack each side for where the detector puts the corners
    box = (left - ring - 1, top - ring - 1, right + ring + 2, bottom + ring + 2)
    if box[0] < 0 or box[1] < 0 or box[2] > image.width or box[3] > image.height:
        return False
    pixels = image.load()
    for y in range(box[1], box[3]):
        for x in range(box[0], box[2]):
            inside = left - 1 <= x <= right + 1 and top - 1 <= y <= bottom + 1
            if not inside and pixels[x, y] < 200:
                return False
    return True


def jpeg_quality_at_least(path: Path, quality: int) -> bool:
    """The luminance quantisation table is no coarser than libjpeg's at ``quality``."""
    standard = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
                14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
                49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
    scale = 5000 / quality if quality < 50 else 200 - 2 * quality
    limit = sum(max(1, min(255, (v * scale + 50) // 100)) for v in standard)
    return sum(Image.open(path).quantization[0]) <= limit


@pytest.mark.parametrize("template", ["portrait", "square", "card"])
@pytest.mark.parametrize("link", ["https://u.jd.com/AbCdEfG", LONG_LINK])
@pytest.mark.parametrize("suffix", [".jpg", ".png"])
def test_qr_decodes_after_saving(tmp_path: Path, template: str, link: str, suffix: str) -> None:
    out = make_poster(poster((str(IMAGES / "mask_square.jpg"),), link=link, watermark="小美的微店"),
                      template, tmp_path / f"p{suffix}")
    assert decoded(out[0]) == [link]
    assert quiet_zone_is_clear(out[0], link), "caption, watermark or edge inside the QR quiet zone"
    if suffix == ".jpg":
        assert jpeg_quality_at_least(out[0], 90)
    size = Image.open(out[0]).size
    assert size == {"portrait": (1080, 1920), "square": (1080, 1080), "card": (1080, 640)}[template]


def test_grid9_is_the_picks_own_pictures_and_its_qr_tile(tmp_path: Path) -> None:
    two = (str(IMAGES / "mask_square.jpg"), str(IMAGES / "tea_cmyk.jpg"))
    out = make_poster(poster(two), "grid9", tmp_path / "g")
    assert [p.name for p in out] == ["1.jpg", "2.jpg", "3.jpg"]  # each picture once, then the QR tile
    assert all(Image.open(p).size == (1080, 1080) for p in out)
    assert [decoded(p) for p in out] == [[], [], ["https://m.tb.cn/h.gQxYzAb?invite=MS2026"]]
    first = Image.open(out[0]).convert("RGB").resize((8, 8)).tobytes()
    second = Image.open(out[1]).convert("RGB").resize((8, 8)).tobytes()
    assert first != second  # not one photo repeated


def test_grid9_with_eight_pictures_is_nine_with_the_qr_in_the_middle(tmp_path: Path) -> None:
    pictures = tuple(str(IMAGES / name) for name in ("mask_square.jpg", "tea_cmyk.jpg", "orange_transparent.png",
                                                     "lychee_phone_photo_exif_rotated.jpg")) * 3  # twelve: eight used
    out = make_poster(poster(pictures), "grid9", tmp_path / "g")
    assert [p.name for p in out] == [f"{i}.jpg" for i in range(1, 10)]
    assert [bool(decoded(p)) for p in out] == [False] * 4 + [True] + [False] * 4


def test_price_text_and_title_are_drawn(tmp_path: Path) -> None:
    """The price area holds red pixels (¥59.90) and the title area dark text, not blank paper."""
    image = Image.open(make_poster(poster(), "portrait", tmp_path / "p.png")[0]).convert("RGB")
    price_box = image.crop((60, 1300, 700, 1430))
    reds = sum(1 for r, g, b in price_box.get_flattened_data() if r > 200 and g < 80 and b < 80)
    title_box = image.crop((60, 1130, 1020, 1280))
    darks = sum(1 for r, g, b in title_box.get_flattened_data() if r < 80 and g < 80 and b < 80)
    assert reds > 2000 and darks > 5000


def test_title_wraps_with_ellipsis() -> None:
    lines = wrap("海南妃子笑荔枝" * 20, font(54, bold=True), 960, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert wrap("短标题", font(54), 960, 3) == ["短标题"]


def test_too_long_link_is_refused_not_squeezed() -> None:
    with pytest.raises(UserError, match="短链接"):
        qr_image("https://example.com/" + "x" * 1500, 320)


def test_invite_code_is_added_once() -> None:
    assert link_with_invite("https://u.jd.com/Ab?x=1", "MS26", "code") == "https://u.jd.com/Ab?x=1&code=MS26"
    assert link_with_invite("https://u.jd.com/Ab?code=OLD", "MS26", "code") == "https://u.jd.com/Ab?code=OLD"
    assert link_with_invite("https://u.jd.com/Ab", "", "code") == "https://u.jd.com/Ab"


def test_images_as_users_have_them() -> None:
    lychee = load_image(IMAGES / "lychee_phone_photo_exif_rotated.jpg")
    assert lychee.width > lychee.height  # stored portrait, EXIF says rotate: shown landscape
    w, h = lychee.size
    corner = lychee.crop((w * 3 // 4, 0, w, h // 2))  # the white marker is top right once upright
    assert sum(1 for p in corner.get_flattened_data() if min(p) > 235) > 50
    tea = load_image(IMAGES / "tea_cmyk.jpg")
    assert tea.mode == "RGB"
    orange = load_image(IMAGES / "orange_transparent.png")
    assert orange.mode == "RGB" and orange.getpixel((2, 2)) == (255, 255, 255)  # transparency on white
    assert min(load_image(IMAGES / "tiny_48px.jpg").size) < TINY_PX
    with pytest.raises(UserError, match="损坏"):
        load_image(IMAGES / "broken_truncated.jpg")


def test_an_iphone_heic_photo_is_read_upright_and_kept_as_jpeg(tmp_path: Path) -> None:
    from microshop.services.images import check_image, store_image, store_image_bytes

    photo = iphone_photo(tmp_path / "IMG_0042.HEIC")
    image = load_image(photo)
    assert image.size == (600, 800) and min(image.getpixel((570, 30))) > 235  # upright: the marker top right
    assert check_image(photo).tiny is False
    decoded_info = check_image(photo)
    with pytest.MonkeyPatch.context() as patch:  # the dialog's check on the GUI thread decodes nothing
        patch.setattr(Image.Image, "load", lambda self: (_ for _ in ()).throw(AssertionError("decoded")))
        assert check_image(photo, decode=False) == decoded_info  # the header says the same
    broken = tmp_path / "broken.heic"
    broken.write_bytes(photo.read_bytes()[:400])  # a download cut short
    with pytest.raises(UserError, match="损坏"):
        store_image(broken)
    stored, _info, _digest = store_image(photo)
    assert stored.suffix == ".jpg" and stored.read_bytes()[:3] == b"\xff\xd8\xff"  # JPEG, which Qt and PDFs read
    with Image.open(stored) as kept:
        assert kept.format == "JPEG" and kept.size == (600, 800) and min(kept.getpixel((570, 30))) > 235
    dropped, _info, _digest = store_image_bytes(photo.read_bytes(), ".heic")  # dropped or pasted as bytes
    assert dropped == stored  # the same picture: one stored copy
    out = make_poster(poster(images=(str(stored),), link="https://u.jd.com/AbCdEfG"), "portrait", tmp_path / "p.png")
    assert decoded(out[0]) == ["https://u.jd.com/AbCdEfG"]  # the poster with the photo on it
    import subprocess
    import sys

    fresh = subprocess.run([sys.executable, "-c", "import sys; from microshop.services.images import load_image; "
                            "print(*load_image(sys.argv[1]).size)", str(photo)], capture_output=True, text=True)
    assert fresh.stdout.split() == ["600", "800"], fresh.stderr  # the app teaches Pillow HEIF itself, when needed


def huge_png(path: Path, width: int, height: int) -> Path:
    """A tiny file whose header claims a huge image (a decompression bomb's shape)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
                     + chunk(b"IEND", b""))
    return path


def test_huge_images_are_refused_without_decoding(tmp_path: Path) -> None:
    import tracemalloc

    tracemalloc.start()
    with pytest.raises(UserError, match=r"太大|过大"):
        load_image(huge_png(tmp_path / "bomb.png", 20_000, 20_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 50_000_000


def test_large_jpeg_is_decoded_small(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    Image.new("RGB", (6000, 4500), (200, 30, 30)).save(path, quality=70)
    image = load_image(path)
    assert max(image.size) <= 2160 and image.size[0] / image.size[1] == pytest.approx(6000 / 4500, rel=0.01)


@pytest.mark.parametrize(
    ("text", "title", "link", "price", "platform"),
    [
        ("【淘宝】https://m.tb.cn/h.gQxYzAb?tk=abc 「海南妃子笑荔枝 5斤装 新鲜现摘」\n点击链接直接打开",
         "海南妃子笑荔枝 5斤装 新鲜现摘", "https://m.tb.cn/h.gQxYzAb?tk=abc", None, "taobao"),
        ("7¥CZ3457 Hk2X5aBcDeF¥ 【海南妃子笑荔枝5斤】券后价 ¥59.9 原价￥79.9 复制这条信息打开手机淘宝",
         "海南妃子笑荔枝5斤", None, 5990, "taobao"),
        ("【京东】https://u.jd.com/AbCdEfG 「维达抽纸 3层 24包 整箱」 点击链接直接打开",
         "维达抽纸 3层 24包 整箱", "https://u.jd.com/AbCdEfG", None, "jd"),
        ("我在拼多多发现了这个好东西：东北五常大米 10斤 稻花香，拼团价 45.9元 https://mobile.yangkeduo.com/goods.html?goods_id=1",
         "东北五常大米 10斤 稻花香", "https://mobile.yangkeduo.com/goods.html?goods_id=1", 4590, "pdd"),
        ("https://haohuo.jinritemai.com/views/product/item2?id=355", "", "https://haohuo.jinritemai.com/views/product/item2?id=355", None, "douyin"),
    ],
)
def test_share_text(text: str, title: str, link: str | None, price: int | None, platform: str) -> None:
    info = parse_share_text(text)
    assert (info.title, info.link, info.price_fen, info.platform_key) == (title, link, price, platform)


@pytest.mark.parametrize(("text", "ends", "title"), [
    ("【阳澄湖大闸蟹 8只装 礼盒】\n到手价 ¥198.00\n下单：https://u.jd.com/C\n12月18日 前有效~", "12月18日", "阳澄湖大闸蟹 8只装 礼盒"),
    ("维达抽纸 24包 券后19.9 https://u.jd.com/AbCd 有效期至2026-12-31", "2026-12-31", "维达抽纸 24包"),
    ("雀巢咖啡 ¥39.9 截止时间：12.25 https://m.tb.cn/h.x", "12.25", "雀巢咖啡"),
    ("雀巢咖啡 ¥39.9 https://m.tb.cn/h.x", None, "雀巢咖啡"),
    ("雀巢咖啡 1+2原味 ¥9.9 结束前速抢 https://m.tb.cn/h.x", None, "雀巢咖啡 1+2原味 结束前速抢"),  # ¥9.9 is no 9月9日
])
def test_a_share_text_says_when_its_offer_ends(text: str, ends: str | None, title: str) -> None:
    info = parse_share_text(text)
    assert (info.ends, info.title) == (ends, title)
    assert info.price_fen in (19800, 1990, 3990, 990)  # the day is never read as a price


def test_pick_spreadsheet_import_export_round_trip(db, tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["商品名称", "平台", "商品ID", "链接", "券后价", "原价", "佣金比例", "标签"])
    wb.active.append(["赣南脐橙 10斤", "拼多多", "\t559022671655", "https://p.pinduoduo.com/a", "39.8", "59.8", "20%", "水果,爆款"])
    wb.active.append(["", "拼多多", "", "", "", "", "", ""])
    wb.active.append(["蓝月亮洗衣液 3kg", "京东", "486089012194", "https://u.jd.com/x", "¥39.90", "", 0.1, ""])
    wb.active.append(["坏价格", "京东", "1", "", "三十", "", "", ""])
    src = tmp_path / "picks.xlsx"
    wb.save(src)
    rows = parse_picks(src)
    assert [r.row for r in rows if r.error] == [3, 5]  # 3: no title; 5: price “三十”
    with db.session() as s:
        result = import_picks(s, src)
    assert result["added"] == 2 and [x["row"] for x in result["skipped"]] == [3, 5]
    with db.session() as s:
        orange = s.scalars(select(Product).where(Product.title == "赣南脐橙 10斤")).one()
        assert (orange.platform_key, orange.platform_product_id, orange.price_fen, orange.commission_rate_bp) == \
            ("pdd", "559022671655", 3980, 2000)
        assert sorted(t.tag for t in orange.tags) == ["水果", "爆款"]
        liquid = s.scalars(select(Product).where(Product.title.like("蓝月亮%"))).one()
        assert liquid.commission_rate_bp == 1000
        out = export_picks(s, tmp_path / "out.xlsx")
    with db.session() as s:
        assert import_picks(s, out)["added"] == 0  # all already in the library


def test_the_union_sites_own_pick_exports(db, tmp_path: Path) -> None:
    """淘宝联盟's 选品库 export (GBK CSV: 商品价格 + 优惠券面额 满59元减20元, 淘宝客链接 and the coupon
    link, 平台类型 天猫) and a 京东联盟-style sheet (SKU ID, 京东价, 券后价, 推广链接): the 券后价 is
    the price less a coupon it reaches, the coupon link wins, the platform comes from the link."""
    header = ("商品id,商品名称,商品主图,商品详情页链接地址,商品一级类目,淘宝客链接,商品价格(单位：元),商品月销量,"
              "收入比率(%),佣金,店铺名称,平台类型,优惠券面额,优惠券结束时间,商品优惠券推广链接")
    lines = [header,
             "588812345678,云南高山蓝莓 4盒装,http://img.alicdn.com/x.jpg,http://item.taobao.com/item.htm?id=588812345678,"
             "水产肉类/新鲜蔬果/熟食,https://s.click.taobao.com/t?e=abc,59.90,12345,20.00,11.98,蓝莓旗舰店,天猫,"
             "满59元减20元,2026-12-31,https://uland.taobao.com/coupon/edetail?e=y",
             "600012345678,手工红薯粉条 2斤,,http://item.taobao.com/item.htm?id=600012345678,食品,"
             "https://s.click.taobao.com/t?e=def,39.00,88,10.50,4.10,粉条小店,淘宝,满59元减20元,2026-12-31,",
             "610012345678,东北黑木耳 250g,,https://item.taobao.com/item.htm?id=610012345678,食品,,28.00,5,8%,,"
             "木耳店,,10元无条件券,,"]
    taobao = tmp_path / "淘宝联盟选品库.csv"
    taobao.write_bytes("\r\n".join(lines).encode("gbk"))
    with db.session() as s:
        assert import_picks(s, taobao)["added"] == 3
    with db.session() as s:
        got = {p.title: (p.platform_key, p.platform_product_id, p.link, p.price_fen, p.original_price_fen, p.coupon_fen,
                         p.commission_rate_bp, p.category) for p in s.scalars(select(Product))}
    assert got["云南高山蓝莓 4盒装"] == ("taobao", "588812345678", "https://uland.taobao.com/coupon/edetail?e=y",
                                   3990, 5990, 2000, 2000, "水产肉类/新鲜蔬果/熟食")
    assert got["手工红薯粉条 2斤"][2:6] == ("https://s.click.taobao.com/t?e=def", 3900, None, 2000)  # 39 < 59: not off
    assert got["东北黑木耳 250g"][:6] == ("taobao", "610012345678", "https://item.taobao.com/item.htm?id=610012345678",
                                     1800, 2800, 1000)
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["SKU ID", "商品名称", "京东价", "券后价", "佣金比例(%)", "推广链接"])
    wb.active.append(["\t100012043978", "维达抽纸 超韧3层130抽*24包", "¥45.90", "35.90", "8", "https://u.jd.com/Zy9XwV8"])
    wb.active.append(["", "小米电动牙刷 T302", "99", "", "12", "https://item.jd.com/100099887766.html"])
    jd = tmp_path / "京东联盟商品.xlsx"
    wb.save(jd)
    with db.session() as s:
        assert import_picks(s, jd)["added"] == 2
        brush = s.scalars(select(Product).where(Product.title.like("小米%"))).one()
        assert (brush.platform_key, brush.platform_product_id, brush.price_fen) == ("jd", "100099887766", 9900)
        tissue = s.scalars(select(Product).where(Product.title.like("维达%"))).one()
        assert (tissue.platform_key, tissue.platform_product_id, tissue.price_fen, tissue.original_price_fen,
                tissue.commission_rate_bp, tissue.link) == ("jd", "100012043978", 3590, 4590, 800, "https://u.jd.com/Zy9XwV8")


@pytest.mark.parametrize(("typed", "shown"), [
    ("2026-12-31", "2026-12-31 23:59:59"), ("2026/1/5", "2026-01-05 23:59:59"), ("12月31日", "2026-12-31 23:59:59"),
    ("11-20", "2026-11-20 23:59:59"), ("1月5日", "2027-01-05 23:59:59"),  # the clock says 2026-11-20: next January
])
def test_an_offers_last_day_as_typed(typed: str, shown: str) -> None:
    from microshop.domain.timeutil import format_local

    assert format_local(psvc.parse_deadline(typed), "%Y-%m-%d %H:%M:%S") == shown


def test_a_last_day_that_is_no_date_says_how_to_write_it() -> None:
    assert psvc.parse_deadline("  ") is None
    with pytest.raises(UserError) as refused:
        psvc.parse_deadline("下周五")
    assert refused.value.message == "活动截止“下周五”看不懂，请写成 2026-12-31（不填表示长期有效）。"
    with pytest.raises(UserError):
        psvc.parse_deadline("2026-02-30")


def test_a_picks_last_day_comes_in_from_the_sheet_and_goes_into_its_copy_and_back_out(db, tmp_path: Path) -> None:
    """优惠券结束时间 2026-12-31 → through that day; the 文案's “{截止} 前有效” line then shows; export and
    import again keep it."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["商品名称", "券后价", "优惠券结束时间", "链接"])
    wb.active.append(["云南高山蓝莓 4盒装", "39.90", "2026-12-31", "https://m.tb.cn/h.x"])
    wb.active.append(["赣南脐橙 5斤", "29.90", "", "https://m.tb.cn/h.y"])
    wb.active.append(["坏日期", "9.90", "月底", "https://m.tb.cn/h.z"])
    src = tmp_path / "picks.xlsx"
    wb.save(src)
    with db.session() as s:
        result = import_picks(s, src)
    assert result["added"] == 2 and [(x["row"], x["reason"]) for x in result["skipped"]] == [
        (4, "截止时间“月底”看不懂，请写成 2026-12-31")]
    from microshop.domain.timeutil import format_local

    with db.session() as s:
        blueberry = s.scalars(select(Product).where(Product.title.like("云南%"))).one()
        assert format_local(blueberry.deadline, "%Y-%m-%d %H:%M:%S") == "2026-12-31 23:59:59"
        assert "12月31日 前有效" in psvc.copy_text(s, blueberry.id)
        orange = s.scalars(select(Product).where(Product.title.like("赣南%"))).one()
        assert orange.deadline is None and "前有效" not in psvc.copy_text(s, orange.id)
        out = export_picks(s, tmp_path / "out.xlsx")
        s.execute(Product.__table__.delete())
    with db.session() as s:
        assert import_picks(s, out)["added"] == 2
        back = s.scalars(select(Product).where(Product.title.like("云南%"))).one()
        assert format_local(back.deadline, "%Y-%m-%d %H:%M:%S") == "2026-12-31 23:59:59"


def test_a_users_own_price_and_coupon_are_taken_as_written(db, tmp_path: Path) -> None:
    """价格 39.9 and 优惠券 5 in the user's own sheet: nothing is worked out (only a coupon worded as
    the union sites word it says the price beside it is before the coupon)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["商品名称", "价格", "优惠券", "链接"])
    wb.active.append(["赣南脐橙 5斤", "39.9", "5", "https://m.tb.cn/h.o"])
    src = tmp_path / "my_picks.xlsx"
    wb.save(src)
    with db.session() as s:
        import_picks(s, src)
        orange = s.scalars(select(Product)).one()
        assert (orange.price_fen, orange.original_price_fen, orange.coupon_fen) == (3990, None, 500)


def test_cli_adds_a_pick_with_its_last_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from microshop.domain.timeutil import format_local
    from microshop.store.database import Database

    path = tmp_path / "d.db"
    assert main(["--db", str(path), "products", "add", "--title", "云南高山蓝莓", "--price", "39.9",
                 "--deadline", "2026-12-31", "--json"]) == 0
    pid = json.loads(capsys.readouterr().out)["id"]
    assert main(["--db", str(path), "products", "add", "--title", "坏日期", "--deadline", "月底"]) == 2
    assert "活动截止“月底”看不懂" in capsys.readouterr().err
    db = Database.open(path)
    try:
        with db.session() as s:
            assert format_local(s.get(Product, pid).deadline, "%Y-%m-%d %H:%M") == "2026-12-31 23:59"
            assert s.scalars(select(Product.title)).all() == ["云南高山蓝莓"]  # the refused one is not stored
    finally:
        db.close()


def test_cli_products_poster_and_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "p.db")
    assert main(["--db", db, "products", "add", "--title", "海南妃子笑荔枝 5斤装", "--price", "59.9",
                 "--link", "https://m.tb.cn/h.abc", "--platform", "taobao",
                 "--image", str(IMAGES / "lychee_phone_photo_exif_rotated.jpg"), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["id"]
    assert main(["--db", db, "products", "add", "--title", "小图商品", "--price", "9.9", "--link", "https://u.jd.com/t",
                 "--image", str(IMAGES / "tiny_48px.jpg"), "--json"]) == 0
    captured = capsys.readouterr()
    second = json.loads(captured.out)["id"]
    assert "不够清晰" in captured.err
    assert main(["--db", db, "products", "add", "--title", "坏图", "--price", "1", "--link", "https://x.cn",
                 "--image", str(IMAGES / "broken_truncated.jpg")]) == 2
    assert "损坏" in capsys.readouterr().err
    assert main(["--db", db, "poster", str(first), "--template", "portrait", "--out", str(tmp_path / "one.jpg")]) == 0
    assert decoded(tmp_path / "one.jpg") == ["https://m.tb.cn/h.abc"]
    capsys.readouterr()
    assert main(["--db", db, "posters", "--ids", f"{first},{second}", "--template", "square",
                 "--out-dir", str(tmp_path / "batch"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in result["posters"]] == [first, second]
    for p, link in zip(result["posters"], ["https://m.tb.cn/h.abc", "https://u.jd.com/t"]):
        assert decoded(Path(p["files"][0])) == [link]
    from microshop.store.database import Database

    database = Database.open(tmp_path / "p.db")
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 2  # the broken image added nothing
        assert s.scalar(select(func.count()).select_from(Share).where(Share.kind == "poster")) == 3
    database.close()


def test_poster_data_uses_settings(db) -> None:
    with db.session() as s:
        pid = psvc.save_product(s, psvc.ProductInput("荔枝", link="https://u.jd.com/Ab", price_fen=5990))
        psvc.add_image(s, pid, IMAGES / "mask_square.jpg")
        settings.put(s, "shop_name", "小美的微店")
        settings.put(s, "invite_code", "MS26")
        settings.put(s, "invite_param", "code")
    with db.session() as s:
        data = psvc.poster_data(s, pid)
        assert s.scalar(select(func.count()).select_from(ProductImage)) == 1
    assert data.link == "https://u.jd.com/Ab?code=MS26" and data.shop_name == "小美的微店" and len(data.images) == 1


def test_copy_text_fills_variables_and_drops_empty_lines(db) -> None:
    with db.session() as s:
        with_coupon = psvc.save_product(s, psvc.ProductInput("荔枝", link="https://u.jd.com/a", price_fen=5990,
                                                             original_price_fen=7990, coupon_fen=1000))
        plain = psvc.save_product(s, psvc.ProductInput("橙子", link="https://u.jd.com/b", price_fen=3990))
        settings.put(s, "invite_code", "MS26")
    with db.session() as s:
        a, b = psvc.copy_text(s, with_coupon), psvc.copy_text(s, plain)
    assert a.splitlines() == ["【荔枝】", "到手价 ¥59.90", "原价 ¥79.90", "领券立减 10.00 元",
                              "下单链接：https://u.jd.com/a", "邀请码 MS26"]
    assert "券" not in b and "原价" not in b and "¥39.90" in b


def test_unknown_pick_ids_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.db")
    assert main(["--db", db, "poster", "99", "--out", str(tmp_path / "x.jpg")]) == 2
    assert "找不到编号为 99 的商品" in capsys.readouterr().err
    assert main(["--db", db, "posters", "--ids", "7,8", "--out-dir", str(tmp_path / "d")]) == 2
    assert "找不到编号为 7 的商品" in capsys.readouterr().err
    assert not (tmp_path / "x.jpg").exists() and not (tmp_path / "d").exists()


def test_the_price_card_watermarks_only_its_picture(tmp_path: Path) -> None:
    """价格卡片: the watermark covers the cover picture; title, price, caption and QR stay as
    they are without one (the title and price were crossed by it before)."""
    from PIL import ImageChops

    pictures = (str(IMAGES / "mask_square.jpg"),)
    plain = Image.open(make_poster(poster(pictures), "card", tmp_path / "plain.png")[0]).convert("RGB")
    marked = Image.open(make_poster(poster(pictures, watermark="小美微店 仅供分享"), "card",
                                    tmp_path / "marked.png")[0]).convert("RGB")
    picture, text_side = (40, 40, 600, 600), (610, 0, plain.width, plain.height)
    assert ImageChops.difference(plain.crop(picture), marked.crop(picture)).getbbox() is not None
    assert ImageChops.difference(plain.crop(text_side), marked.crop(text_side)).getbbox() is None
