"""发到手机: start the page on the home network and show its address as a QR code to scan.

The server (``services.phone.PhoneServer``) runs on its own thread; it stops when this dialog
closes, when its time limit passes, and when the app quits (the main window closes the dialog).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from microshop.errors import UserError
from microshop.services.phone import DEFAULT_MINUTES, PhoneServer, lan_addresses
from microshop.ui.i18n import tr
from microshop.ui.worker import show_error

QR_PX = 280


def qr_pixmap(text: str, size: int = QR_PX) -> QPixmap:
    """A QR code of ``text`` as a pixmap (qrcode → Pillow → QImage)."""
    import qrcode

    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white").get_image().convert("RGB")
    image = image.resize((size, size), 0)  # nearest: crisp modules
    data = image.tobytes("raw", "RGB")
    qimage = QImage(data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())


class PhoneDialog(QDialog):
    """Shows the QR code and address while the page is served."""

    def __init__(self, db: Any, parent: QWidget | None = None, addresses: list[str] | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.server: PhoneServer | None = None
        self.setWindowTitle(tr("发到手机"))
        self.addresses = lan_addresses() if addresses is None else addresses
        self.interface = QComboBox()
        for address in self.addresses:
            self.interface.addItem(address, address)
        self.interface.currentIndexChanged.connect(lambda _i: self.restart())
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 240)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(tr(" 分钟后停止"))
        self.minutes.editingFinished.connect(self.restart)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(QR_PX + 20, QR_PX + 20)
        self.url = QLabel()
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = QLabel()
        self.state.setWordWrap(True)
        help_text = QLabel(tr(
            "用手机相机或浏览器扫码打开（手机和电脑要连同一个 Wi-Fi）。长按海报 → 保存图片；点“复制文案”后去微信粘贴。\n"
            "打不开时：确认连的是同一个 Wi-Fi；Windows 弹出防火墙提示时选“允许”；在微信里扫码后点右上角 ··· → 在浏览器打开。"))
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color:#5b6670;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("停止并关闭"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("网络")))
        row.addWidget(self.interface, 1)
        row.addWidget(self.minutes)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.qr)
        layout.addWidget(self.url)
        layout.addWidget(self.state)
        layout.addWidget(help_text)
        layout.addWidget(buttons)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._check)
        self.left = 0
        self.restart()

    def restart(self) -> None:
        """(Re)start on the chosen interface with a new token."""
        self.stop()
        host = self.interface.currentData()
        if not host:
            self.qr.clear()
            self.url.setText("")
            self.state.setText(tr("这台电脑现在没有连上局域网（Wi-Fi 或网线），手机无法打开。连上网络后再点“发到手机”。"))
            return
        try:
            self.server = PhoneServer(self.db, host, 0, float(self.minutes.value()))
        except UserError as exc:
            show_error(self, exc)
            return
        self.server.start()
        self.qr.setPixmap(qr_pixmap(self.server.url))
        self.url.setText(self.server.url)
        self.left = self.minutes.value() * 60
        self.tick.start()
        self._check()

    def _check(self) -> None:
        server = self.server
        if server is None:
            return
        if server.stopped.is_set():
            self.tick.stop()
            self.qr.clear()
            self.state.setText(tr("已到时间，已停止。需要时再点“发到手机”。"))
            self.server = None
            return
        self.left = max(0, self.left - 1)
        self.state.setText(tr("正在提供：最近的海报、文案和今天的自提清单。{minutes} 分钟后自动停止。",
                              minutes=(self.left + 59) // 60))

    def stop(self) -> None:
        self.tick.stop()
        if self.server is not None:
            self.server.stop()  # its thread ends on its own (within the graceful-shutdown limit)
            self.server = None

    def done(self, result: int) -> None:  # close button, Esc, window close, app quit
        self.stop()
        super().done(result)
