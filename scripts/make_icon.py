"""Draw the app icon (resources/icons/microshop.png, .ico, .icns) with the bundled font.

Run once when the design changes: ``python scripts/make_icon.py``. The icon is a rounded square in
the app's accent colour with 微 in white; the .ico holds 16–256 px for Windows (window, taskbar,
installer, shortcuts), the .icns the macOS sizes.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "NotoSansSC-Bold.otf"
ACCENT_TOP = (236, 98, 64)
ACCENT_BOTTOM = (208, 52, 44)


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    gradient = Image.new("RGBA", (size, size))
    pixels = ImageDraw.Draw(gradient)
    for y in range(size):
        t = y / (size - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(ACCENT_TOP, ACCENT_BOTTOM))
        pixels.line([(0, y), (size, y)], fill=(*colour, 255))
    mask = Image.new("L", (size, size), 0)
    margin = size // 16
    ImageDraw.Draw(mask).rounded_rectangle(
        (margin, margin, size - margin, size - margin), radius=size // 5, fill=255)
    image.paste(gradient, (0, 0), mask)
    text = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), round(size * 0.58))
    left, top, right, bottom = text.textbbox((0, 0), "微", font=font)
    x = (size - (right - left)) / 2 - left
    y = (size - (bottom - top)) / 2 - top
    text.text((x, y), "微", font=font, fill=(255, 255, 255, 255))
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "microshop.png", optimize=True)
    big.save(ICONS / "microshop.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                              (128, 128), (256, 256)])
    big.resize((512, 512), Image.Resampling.LANCZOS).save(ICONS / "microshop.icns")
    for path in sorted(ICONS.iterdir()):
        print(path.relative_to(ROOT), path.stat().st_size)


if __name__ == "__main__":
    main()
