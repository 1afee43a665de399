"""The image strip of the product dialog: add by file, drag-and-drop or clipboard paste."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from microshop.errors import UserError
from microshop.i18n import QT_TR_NOOP, localized
from microshop.services.images import TINY_PX, check_image, preview_png
from microshop.ui import file_dialogs
from microshop.ui.i18n import tr
from microshop.ui.worker import TaskRunner

IMAGE_FILTER = QT_TR_NOOP("图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.heic *.heif)")


class PendingImage:
    """An image chosen in the dialog: an existing stored one (id) or a new file/bytes."""

    def __init__(self, *, image_id: int | None = None, path: str | None = None, data: bytes | None = None) -> None:
        self.image_id, self.path, self.data = image_id, path, data


class ImageStrip(QWidget):
    """Thumbnails of a pick's images (the first is the cover); accepts drops and Ctrl+V."""

    thumbnail_ready = Signal()  # a thumbnail made on the worker (an iPhone photo's) is shown

    def __init__(self, existing: list[tuple[int, str]] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(self)
        self.items: list[PendingImage] = []
        self.removed: list[int] = []
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(84, 84))
        self.list.setFixedHeight(118)
        self.list.setAcceptDrops(False)
        self.setAcceptDrops(True)
        self.warning = QLabel()
        self.warning.setStyleSheet("color:#b35c00;")
        self.warning.setWordWrap(True)
        add = QPushButton(tr("添加图片…"))
        add.clicked.connect(self.choose_files)
        paste = QPushButton(tr("粘贴图片"))
        paste.clicked.connect(self.paste)
        remove = QPushButton(tr("移除所选"))
        remove.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.list, self.paste)
        buttons = QHBoxLayout()
        for button in (add, paste, remove):
            buttons.addWidget(button)
        buttons.addWidget(QLabel(tr("（也可以把图片拖到这里；第一张是封面）")))
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.warning)
        for image_id, path in existing or []:
            self._append(PendingImage(image_id=image_id), QPixmap(path))

    def _append(self, pending: PendingImage, pixmap: QPixmap) -> None:
        self.items.append(pending)
        item = QListWidgetItem(QIcon(pixmap), tr("封面") if len(self.items) == 1 else "")
        self.list.addItem(item)

    def add_file(self, path: str) -> bool:
        """Check and add an image file; a broken one gets a message, a tiny one a warning."""
        try:
            info = check_image(path, decode=False)
        except UserError as exc:
            self.warning.setText(exc.message)
            return False
        pixmap = QPixmap(path)
        self._append(PendingImage(path=path), pixmap)
        if pixmap.isNull():  # an iPhone's HEIC: Qt cannot read it; Pillow makes the thumbnail, on a worker
            item = self.list.item(self.list.count() - 1)

            def show(png: bytes) -> None:
                if shiboken6.isValid(item) and self.list.row(item) >= 0:
                    thumb = QPixmap()
                    thumb.loadFromData(png)
                    item.setIcon(QIcon(thumb))
                    self.thumbnail_ready.emit()

            self.runner.run(lambda _p: preview_png(path), show, silent=True, cancellable=False,
                            on_error=lambda exc: self.warning.setText(getattr(exc, "message", "") or str(exc)))
        self._warn_tiny(info.width, info.height, Path(path).name)
        return True

    def add_bytes(self, data: bytes) -> bool:
        image = QImage.fromData(data)
        if image.isNull():
            self.warning.setText(tr("剪贴板里的内容不是图片。"))
            return False
        self._append(PendingImage(data=data), QPixmap.fromImage(image))
        self._warn_tiny(image.width(), image.height(), tr("粘贴的图片"))
        return True

    def _warn_tiny(self, w: int, h: int, name: str) -> None:
        if min(w, h) < TINY_PX:
            self.warning.setText(tr("{name} 只有 {w}×{h}，放到海报上会模糊，建议换一张更清晰的。", name=name, w=w, h=h))
        else:
            self.warning.clear()

    def choose_files(self) -> None:
        for path in file_dialogs.open_files(self, "images", tr("选择商品图片"), localized(IMAGE_FILTER)):
            self.add_file(str(path))

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime.hasUrls():
            for url in mime.urls():
                if url.isLocalFile():
                    self.add_file(url.toLocalFile())
            return
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.warning.setText(tr("剪贴板里没有图片。可以先在微信或浏览器里“复制图片”，再点“粘贴图片”。"))
            return
        self.add_bytes(qimage_png(image))

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            row = self.list.row(item)
            pending = self.items.pop(row)
            if pending.image_id is not None:
                self.removed.append(pending.image_id)
            self.list.takeItem(row)
        if self.list.count():
            self.list.item(0).setText(tr("封面"))

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        mime = event.mimeData()
        if mime.hasUrls():
            for url in mime.urls():
                if url.isLocalFile():
                    self.add_file(url.toLocalFile())
        elif mime.hasImage():
            self.add_bytes(qimage_png(QImage(mime.imageData())))
        event.acceptProposedAction()


def qimage_png(image: QImage) -> bytes:
    """A QImage as PNG bytes."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes a str format too
    buffer.close()
    return bytes(array.data())


__all__ = ["ImageStrip", "PendingImage", "Qt", "qimage_png"]
