"""Share posters drawn with Pillow: 朋友圈 portrait, square, a 九宫格 set and a compact price card.

Every poster carries the cover image, the title wrapped with an ellipsis, the price with ¥, the
original price struck through, a coupon badge, the shop name and a QR code of the link (with the
reseller's invite code). The QR is drawn crisp in a fixed slot, with at least 5 px per module and a
4-module quiet zone, and posters are saved as high-quality JPEG or PNG so it still scans after saving.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import qrcode
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_M

from microshop import paths
from microshop.domain.money import format_fen
from microshop.domain.templates import TEMPLATES
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.services.images import load_image

RED, DARK, GREY, LIGHT = (230, 40, 40), (34, 34, 34), (150, 150, 150), (246, 246, 246)
GREEN = (27, 127, 75)
MIN_MODULE_PX = 5  # pixels per module in the saved image: WeChat's long-press scan reads this reliably
JPEG_QUALITY = 92


@dataclass(frozen=True)
class PosterData:
    """Everything a poster shows (plain data, so it can cross into a worker process)."""

    title: str
    link: str
    price_fen: int | None = None
    original_price_fen: int | None = None
    coupon_fen: int | None = None
    shop_name: str = ""
    watermark: str = ""
    images: tuple[str, ...] = field(default_factory=tuple)


def link_with_invite(link: str, invite_code: str, param: str = "invite") -> str:
    """Add the reseller's invite code to a link as a query parameter (kept if already there)."""
    if not invite_code or not param:
        return link
    parts = urlsplit(link)
    if not parts.scheme:
        return link
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.setdefault(param, invite_code)
    return urlunsplit(parts._replace(query=urlencode(query)))


@functools.lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The bundled Noto Sans SC at a pixel size (cached: loading the CJK font is costly)."""
    return ImageFont.truetype(str(paths.font_path(bold=bold)), size)


def qr_image(content: str, slot_px: int) -> Image.Image:
    """A crisp black-on-white QR code filling at most ``slot_px``, whole pixels per module and a
    4-module quiet zone. Refuses links so long that modules would drop below ``MIN_MODULE_PX``."""
    if not content:
        raise UserError(tr("商品没有链接，无法生成二维码。请先填写商品链接。"))
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=1, border=4)
    code.add_data(content)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the quiet zone
    box = slot_px // len(matrix)
    if box < MIN_MODULE_PX:
        raise UserError(
            tr("链接太长（{length} 个字符），海报上的二维码会太密、不好扫。请在平台 App 里复制“短链接”后再生成。", length=len(content))
        )
    image = Image.new("1", (len(matrix), len(matrix)), 1)
    image.putdata([0 if cell else 1 for row in matrix for cell in row])
    return image.resize((len(matrix) * box, len(matrix) * box), Image.Resampling.NEAREST).convert("RGB")


def cover_fit(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Scale and centre-crop to fill ``size`` exactly."""
    w, h = size
    scale = max(w / image.width, h / image.height)
    resized = image.resize((max(w, round(image.width * scale)), max(h, round(image.height * scale))),
                           Image.Resampling.LANCZOS)
    left, top = (resized.width - w) // 2, (resized.height - h) // 2
    return resized.crop((left, top, left + w, top + h))


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Wrap Chinese (per character) and Latin (per word) text; the last line ends with … if cut."""
    tokens: list[str] = []
    word = ""
    for ch in text.replace("\n", " "):
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(ch)
    if word:
        tokens.append(word)
    lines, current = [], ""
    for token in tokens:
        if face.getlength(current + token) <= width or not current:
            current += token
        else:
            lines.append(current.rstrip())
            current = token.lstrip()
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and face.getlength(last + "…") > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last + "…"]
    return lines


def _cover(data: PosterData, index: int = 0) -> Image.Image | None:
    if not data.images:
        return None
    return load_image(data.images[index % len(data.images)])


def _placeholder(size: tuple[int, int], text: str) -> Image.Image:
    image = Image.new("RGB", size, (236, 244, 239))
    draw = ImageDraw.Draw(image)
    face = font(max(28, size[1] // 14), bold=True)
    lines = wrap(text, face, size[0] - 120, 3)
    y = (size[1] - len(lines) * face.size * 1.3) / 2
    for line in lines:
        draw.text((size[0] / 2, y), line, font=face, fill=GREEN, anchor="ma")
        y += face.size * 1.3
    return image


def _price(draw: ImageDraw.ImageDraw, x: int, y: int, data: PosterData, big: int) -> int:
    """Draw ¥ price, struck-through original and coupon badge from (x, baseline y); returns end x."""
    if data.price_fen is None:
        return x
    whole, cents = divmod(data.price_fen, 100)
    small = font(big // 2, bold=True)
    large = font(big, bold=True)
    draw.text((x, y), "¥", font=small, fill=RED, anchor="ls")
    x += int(small.getlength("¥")) + 4
    draw.text((x, y), f"{whole}", font=large, fill=RED, anchor="ls")
    x += int(large.getlength(f"{whole}"))
    if cents:
        draw.text((x, y), f".{cents:02d}", font=small, fill=RED, anchor="ls")
        x += int(small.getlength(f".{cents:02d}"))
    x += 24
    if data.original_price_fen and data.original_price_fen > data.price_fen:
        face = font(max(24, big // 3))
        text = format_fen(data.original_price_fen)
        draw.text((x, y), text, font=face, fill=GREY, anchor="ls")
        length = face.getlength(text)
        mid = y - face.size * 0.35
        draw.line((x, mid, x + length, mid), fill=GREY, width=max(2, int(face.size) // 12))
        x += int(length) + 20
    if data.coupon_fen:
        face = font(max(24, big // 3), bold=True)
        text = f"券 {format_fen(data.coupon_fen)}"
        pad = int(face.size) // 3
        length = face.getlength(text)
        top = y - face.size - pad
        draw.rounded_rectangle((x, top, x + length + 2 * pad, y + pad // 2), radius=pad, outline=RED,
                               width=3, fill=(255, 240, 240))
        draw.text((x + pad, y - pad // 4), text, font=face, fill=RED, anchor="ls")
        x += int(length) + 2 * pad
    return x


def _watermark(image: Image.Image, text: str) -> Image.Image:
    if not text:
        return image
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    face = font(max(28, image.width // 22))
    step = int(face.getlength(text)) + 160
    row = int(face.size) * 5
    for y in range(0, image.height, row):
        for x in range(-step, image.width + step, step):
            draw.text((x + (y // row) % 2 * step // 2, y), text, font=face, fill=(255, 255, 255, 70))
    layer = layer.rotate(20, resample=Image.Resampling.BICUBIC, center=(image.width / 2, image.height / 2))
    out = image.convert("RGBA")
    out.alpha_composite(layer)
    return out.convert("RGB")


def _footer(canvas: Image.Image, data: PosterData, top: int, qr_px: int, margin: int = 60) -> None:
    """QR code at the bottom right with a scan hint; shop name at the bottom left."""
    draw = ImageDraw.Draw(canvas)
    qr = qr_image(data.link, qr_px)
    qx, qy = canvas.width - margin - qr.width, top
    canvas.paste(qr, (qx, qy))
    hint = font(30)
    draw.text((qx + qr.width / 2, qy + qr.height + 12), "长按识别二维码", font=hint, fill=GREY, anchor="ma")
    if data.shop_name:
        shop = font(40, bold=True)
        draw.text((margin, qy + qr.height // 2 - 30), data.shop_name, font=shop, fill=DARK, anchor="ls")
        draw.text((margin, qy + qr.height // 2 + 24), "好物推荐 · 扫码下单", font=font(30), fill=GREY, anchor="ls")


def render_portrait(data: PosterData) -> Image.Image:
    canvas = Image.new("RGB", (1080, 1920), "white")
    cover = _cover(data)
    canvas.paste(cover_fit(cover, (1080, 1080)) if cover else _placeholder((1080, 1080), data.title), (0, 0))
    canvas = _watermark(canvas, data.watermark)
    draw = ImageDraw.Draw(canvas)
    title = font(54, bold=True)
    y = 1130
    for line in wrap(data.title, title, 960, 3):
        draw.text((60, y), line, font=title, fill=DARK)
        y += 74
    _price(draw, 60, max(y + 130, 1420), data, 120)
    draw.line((60, 1480, 1020, 1480), fill=(230, 230, 230), width=2)
    _footer(canvas, data, 1510, 360)
    return canvas


def render_square(data: PosterData) -> Image.Image:
    canvas = Image.new("RGB", (1080, 1080), "white")
    cover = _cover(data)
    canvas.paste(cover_fit(cover, (1080, 600)) if cover else _placeholder((1080, 600), data.title), (0, 0))
    canvas = _watermark(canvas, data.watermark)
    draw = ImageDraw.Draw(canvas)
    title = font(44, bold=True)
    y = 630
    for line in wrap(data.title, title, 640, 2):
        draw.text((50, y), line, font=title, fill=DARK)
        y += 60
    _price(draw, 50, 860, data, 96)
    if data.shop_name:
        draw.text((50, 1030), data.shop_name, font=font(34, bold=True), fill=GREY, anchor="ls")
    qr = qr_image(data.link, 320)
    canvas.paste(qr, (1080 - 40 - qr.width, 1080 - 30 - qr.height))
    return canvas


def render_card(data: PosterData) -> Image.Image:
    """A compact price card: cover left, title, price, extras top right, QR bottom right."""
    canvas = Image.new("RGB", (1080, 640), LIGHT)
    cover = _cover(data)
    picture = cover_fit(cover, (560, 560)) if cover else _placeholder((560, 560), data.title)
    canvas.paste(_watermark(picture, data.watermark), (40, 40))  # on the picture only: title, price, QR stay clean
    draw = ImageDraw.Draw(canvas, "RGBA")
    if data.shop_name:
        label = font(30, bold=True)
        width = int(label.getlength(data.shop_name)) + 40
        draw.rounded_rectangle((56, 540, 56 + width, 588), radius=12, fill=(0, 0, 0, 120))
        draw.text((76, 575), data.shop_name, font=label, fill="white", anchor="ls")
    title = font(36, bold=True)
    y = 44
    for line in wrap(data.title, title, 410, 2):
        draw.text((630, y), line, font=title, fill=DARK)
        y += 50
    _price(draw, 630, 212, replace(data, original_price_fen=None, coupon_fen=None), 76)
    extras = []
    if data.original_price_fen and data.price_fen is not None and data.original_price_fen > data.price_fen:
        extras.append(f"原价 {format_fen(data.original_price_fen)}")
    if data.coupon_fen:
        extras.append(f"券 {format_fen(data.coupon_fen)}")
    if extras:
        draw.text((630, 228), " · ".join(extras), font=font(28), fill=RED)
    # The QR with its caption under it, both inside the card: the caption never reaches the quiet zone.
    qr = qr_image(data.link, 320)
    qx, qy = 1080 - 40 - qr.width, 640 - 56 - qr.height
    canvas.paste(qr, (qx, qy))
    ImageDraw.Draw(canvas).text((qx + qr.width / 2, 640 - 18), "长按识别二维码", font=font(26), fill=GREY, anchor="ms")
    return canvas


def render_grid9(data: PosterData) -> list[Image.Image]:
    """The pictures of one 朋友圈 post (up to nine, 1080×1080): the pick's own pictures, each once,
    and its QR poster (price and code); with eight or more pictures the QR tile sits in the centre
    of the nine, otherwise after the pictures. Nothing is repeated and no filler tile is made up:
    a pick with two pictures gives a post of three."""
    photos = [cover_fit(load_image(path), (1080, 1080)) for path in data.images[:8]]
    qr_tile = render_square(data)
    tiles = [_watermark(tile, data.watermark) for tile in photos]
    if len(tiles) == 8:
        tiles.insert(4, qr_tile)
    else:
        tiles.append(qr_tile)
    return tiles


RENDERERS = {"portrait": render_portrait, "square": render_square, "card": render_card}


def render(data: PosterData, template: str) -> list[Image.Image]:
    """The poster image(s) of a template (nine for ``grid9``)."""
    if template == "grid9":
        return render_grid9(data)
    if template not in RENDERERS:
        raise UserError(tr("未知的海报模板“{template}”，可选：{choices}。", template=template, choices='、'.join(TEMPLATES)))
    return [RENDERERS[template](data)]


def save_images(images: list[Image.Image], out: Path, template: str) -> list[Path]:
    """Save one poster to ``out`` (.jpg/.png by suffix), or a 九宫格 set into the folder ``out``."""
    out = Path(out)
    try:
        if template == "grid9":
            out.mkdir(parents=True, exist_ok=True)
            written = []
            for i, image in enumerate(images, start=1):
                target = out / f"{i}.jpg"
                image.save(target, "JPEG", quality=JPEG_QUALITY, subsampling=0)
                written.append(target)
            return written
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() == ".png":
            images[0].save(out, "PNG", optimize=False)
        else:
            if out.suffix.lower() not in (".jpg", ".jpeg"):
                out = out.with_suffix(".jpg")
            images[0].save(out, "JPEG", quality=JPEG_QUALITY, subsampling=0)
    except OSError as exc:
        raise UserError(tr("无法保存海报到“{out}”：{reason}。", out=out, reason=exc.strerror or exc)) from exc
    return [out]


def make_poster(data: PosterData, template: str, out: Path) -> list[Path]:
    """Render and save (the function worker processes run)."""
    return save_images(render(data, template), out, template)
