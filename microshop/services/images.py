"""Product images as users have them: phone photos with EXIF rotation, transparent PNG, CMYK JPEG,
tiny thumbnails, huge photos, broken files. Loads bounded in memory; stores copies in the data folder."""

from __future__ import annotations

import errno
import hashlib
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from microshop import paths
from microshop.errors import UserError
from microshop.i18n import tr

TINY_PX = 400  # below this on the short side a poster image looks blurry: warn the user
MAX_PIXELS = 60_000_000  # refuse anything larger unless JPEG draft mode can decode it smaller
WORKING_PX = 2160  # decode large JPEGs at roughly this size (draft mode): bounded memory


@dataclass(frozen=True)
class ImageInfo:
    """What was learned while checking an image."""

    width: int
    height: int
    tiny: bool


HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif")


def is_heif(head: bytes) -> bool:
    """Whether these first bytes are an HEIF/HEIC picture (what an iPhone saves) or an AVIF."""
    return head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS


def _head(path: Path) -> bool:
    """Whether the file is an HEIF/HEIC picture, by its first bytes."""
    with path.open("rb") as fh:
        return is_heif(fh.read(12))


def _open_heif_too(path: Path) -> None:
    """Teach Pillow HEIF (pillow-heif) the first time an iPhone photo comes along (not at start-up)."""
    if "HEIF" not in Image.OPEN and _head(path):
        from pillow_heif import register_heif_opener

        register_heif_opener()


def load_image(path: Path | str, max_side: int = WORKING_PX) -> Image.Image:
    """An RGB image ready for drawing: EXIF-rotated, CMYK converted, transparency on white,
    large JPEGs decoded in draft mode. Raises ``UserError`` with a Chinese message otherwise."""
    path = Path(path)
    if not path.is_file():
        raise UserError(tr("找不到图片“{name}”。", name=path.name))
    try:
        _open_heif_too(path)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(path)
            if image.format == "JPEG":
                image.draft("RGB", (max_side, max_side))
            if image.width * image.height > MAX_PIXELS:
                raise UserError(
                    tr("图片“{name}”太大（{width}×{height}），请先缩小到 6000×6000 以内再添加。", name=path.name, width=image.width, height=image.height)
                )
            image.load()
    except UserError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        if isinstance(exc, UnidentifiedImageError) and _head(path):  # an iPhone photo cut short
            raise UserError(tr("图片“{name}”已损坏或没有下载完整，请重新保存原图后再添加。", name=path.name)) from exc
        raise UserError(tr("“{name}”不是能识别的图片，或者图片过大。请换一张 JPG/PNG 图片。", name=path.name)) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise UserError(tr("图片“{name}”已损坏或没有下载完整，请重新保存原图后再添加。", name=path.name)) from exc
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")  # CMYK, grey, 16-bit …
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return image


def preview_png(path: Path | str, side: int = 256) -> bytes:
    """A small PNG of the picture for a thumbnail where the screen's own reader cannot open the
    file (an iPhone's HEIC)."""
    import io

    image = load_image(path, max_side=side)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def check_image(path: Path | str, *, decode: bool = True) -> ImageInfo:
    """Validate an image file and tell whether it is small enough to look blurry on a poster.
    ``decode=False`` (the dialog, on the GUI thread) reads only the header of an iPhone's HEIC,
    which has no quick small decode; storing it decodes it whole and refuses a broken one."""
    path = Path(path)
    if not decode and path.is_file() and _head(path):
        _open_heif_too(path)
        try:
            with Image.open(path) as header:
                width, height = header.size
        except (OSError, ValueError, SyntaxError) as exc:
            raise UserError(tr("图片“{name}”已损坏或没有下载完整，请重新保存原图后再添加。", name=path.name)) from exc
        if width * height > MAX_PIXELS:
            raise UserError(tr("图片“{name}”太大（{width}×{height}），请先缩小到 6000×6000 以内再添加。",
                               name=path.name, width=width, height=height))
        return ImageInfo(width, height, min(width, height) < TINY_PX)
    image = load_image(path)
    return ImageInfo(image.width, image.height, min(image.size) < TINY_PX)


def stored_name(dest: Path) -> str:
    """How a stored copy is recorded: relative to the data folder (``images/<digest>.jpg``), so
    moving or copying the whole ``MicroShop/`` folder keeps every picture."""
    return f"images/{dest.name}"


def image_file(recorded: str) -> Path:
    """The file of a recorded image: relative records live in the data folder; an absolute one
    (written by an older version) is used where it is, else looked for in this data folder's
    ``images/`` (the folder was moved)."""
    path = Path(recorded)
    if not path.is_absolute():
        return paths.data_dir() / path
    if path.is_file():
        return path
    moved = paths.images_dir() / path.name
    return moved if moved.is_file() else path


def _usable_copy(dest: Path, digest: str) -> bool:
    """A stored copy is reused only when it is whole: a zero-length or different file (left by a
    full disk or a crash) is written again."""
    try:
        return dest.stat().st_size > 0 and hashlib.sha256(dest.read_bytes()).hexdigest() == digest
    except OSError:
        return False


def _write_atomically(dest: Path, data: bytes) -> None:
    """Temp file, fsync, rename: the stored copy is either whole or not there."""
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise UserError(tr("磁盘空间已满，图片没有保存。请清理磁盘后再添加。")) from exc
        raise UserError(tr("图片没有保存：{reason}。", reason=exc.strerror or exc)) from exc


def store_image(path: Path | str) -> tuple[Path, ImageInfo, str]:
    """Check an image and copy it into the library (named by content, so duplicates share a file)."""
    path = Path(path)
    info = check_image(path)
    data = path.read_bytes()
    suffix = path.suffix.lower() if path.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp") else ".img"
    if is_heif(data[:12]):  # an iPhone photo: kept as JPEG, which the screens, posters and PDFs all show
        data, suffix = _as_jpeg(path), ".jpg"
    digest = hashlib.sha256(data).hexdigest()
    dest = paths.images_dir() / f"{digest[:32]}{suffix}"
    if not _usable_copy(dest, digest):
        _write_atomically(dest, data)
    return dest, info, digest


def _as_jpeg(path: Path) -> bytes:
    """The picture as a JPEG, upright, at full size (quality 92, its colour profile kept)."""
    import io

    _open_heif_too(path)
    try:
        with Image.open(path) as image:
            upright = ImageOps.exif_transpose(image).convert("RGB")
            out = io.BytesIO()
            upright.save(out, "JPEG", quality=92, icc_profile=image.info.get("icc_profile"))
    except (OSError, ValueError) as exc:
        raise UserError(tr("图片“{name}”已损坏或没有下载完整，请重新保存原图后再添加。", name=path.name)) from exc
    return out.getvalue()


def store_image_bytes(data: bytes, suffix: str = ".png") -> tuple[Path, ImageInfo, str]:
    """Store an image that came from the clipboard or a drop (bytes)."""
    if is_heif(data[:12]):
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "photo.heic"
            source.write_bytes(data)
            data, suffix = _as_jpeg(source), ".jpg"
    digest = hashlib.sha256(data).hexdigest()
    dest = paths.images_dir() / f"{digest[:32]}{suffix}"
    fresh = not _usable_copy(dest, digest)
    if fresh:
        _write_atomically(dest, data)
    try:
        info = check_image(dest)
    except UserError:
        if fresh:
            dest.unlink(missing_ok=True)
        raise
    return dest, info, digest
