"""海报: pick a product, choose a template, see the poster live, save or copy it, copy the 文案,
make posters for many picks at once; every share is recorded with the price at that moment."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from microshop.domain.enums import ShareKind
from microshop.errors import UserError
from microshop.i18n import QT_TR_NOOP, localized
from microshop.services import products as svc
from microshop.services.images import TINY_PX
from microshop.services.listing import ListQuery, ProductList, ShareList
from microshop.services.picks import make_posters
from microshop.services.posters import TEMPLATES, render, save_images
from microshop.ui import file_dialogs
from microshop.ui.i18n import tr
from microshop.ui.pages.base import make_table
from microshop.ui.settings_dialog import edit_settings
from microshop.ui.table_model import SqlListModel
from microshop.ui.worker import TaskRunner, show_error

PREVIEW_PX = 560



if TYPE_CHECKING:
    from microshop.services.book import Database

def preview_png(images: list[Image.Image]) -> bytes:
    """One preview picture (a 3×3 sheet for 九宫格), small, as PNG bytes."""
    if len(images) == 1:
        sheet = images[0].copy()
    else:
        tile = 360
        sheet = Image.new("RGB", (tile * 3 + 8, tile * 3 + 8), "white")
        for i, image in enumerate(images):
            sheet.paste(image.resize((tile, tile)), ((i % 3) * (tile + 4), (i // 3) * (tile + 4)))
    sheet.thumbnail((PREVIEW_PX * 2, PREVIEW_PX * 2))
    buffer = io.BytesIO()
    sheet.save(buffer, "PNG")
    return buffer.getvalue()


class PostersPage(QWidget):
    """Sharing picks as posters and copy text."""

    title = QT_TR_NOOP("海报")
    phone_requested = Signal()
    status_message = Signal(str)
    file_written = Signal(str)  # a poster saved: the status bar offers 打开文件夹

    def __init__(self, db: Database, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._rendered: list[Image.Image] = []
        self._next_tile = 0
        self._render_token = 0
        self._shared: set[tuple[int, str]] = set()  # (rendered poster, kind) already recorded as a share
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索要分享的商品…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.products = SqlListModel(db, ProductList(), runner, self)
        self.product_view = make_table(self.products)
        for col in range(1, len(self.products.source.columns)):
            if col != 2:  # the title and its price: what is needed to pick what to share
                self.product_view.hideColumn(col)
        self.product_view.selectionModel().selectionChanged.connect(lambda *_: self.show_selected())
        self.products.loaded.connect(self._show_hint)
        batch = QPushButton(tr("为选中的商品批量生成…"))
        batch.clicked.connect(self.batch)

        self.template = QComboBox()
        for key, label in TEMPLATES.items():
            self.template.addItem(localized(label), key)
        self.template.currentIndexChanged.connect(lambda _i: self._template_changed())
        self.save_button = QPushButton(tr("保存海报…"))
        self.save_button.clicked.connect(self.save_poster)
        self.copy_image_button = QPushButton(tr("复制图片"))
        self.copy_image_button.clicked.connect(self.copy_image)
        self.phone_button = QPushButton(tr("发到手机"))
        self.phone_button.setToolTip(tr("用手机扫码，在手机上长按保存海报、复制文案（同一个 Wi-Fi）"))
        self.phone_button.clicked.connect(self.phone_requested.emit)
        settings_button = QPushButton(tr("店铺与邀请码设置…"))
        settings_button.clicked.connect(self.edit_settings)
        self.preview = QLabel(tr("请在左侧选择一个商品"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setMinimumSize(220, 360)
        self.preview.setStyleSheet("background:#f3f5f7;border:1px solid #e3e6ea;")
        self.warning = QLabel()
        self.warning.setStyleSheet("color:#b35c00;")
        self.warning.setWordWrap(True)
        self.copy_preview = QPlainTextEdit()
        self.copy_preview.setReadOnly(True)
        self.copy_preview.setPlaceholderText(tr("商品的分享文案会显示在这里"))
        self.copy_button = QPushButton(tr("复制文案"))
        self.copy_button.clicked.connect(self.copy_text)
        history = ShareList()
        history.wide_column = 3  # 模板 takes what is left: 商品 is hidden, every row is the pick shown
        self.shares = SqlListModel(db, history, runner, self)
        self.share_view = make_table(self.shares)
        self.share_view.hideColumn(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.product_view, 1)
        left_layout.addWidget(batch)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(tr("模板")))
        tools.addWidget(self.template)
        tools.addStretch(1)
        for button in (self.save_button, self.copy_image_button, self.phone_button, settings_button):
            tools.addWidget(button)
        side = QVBoxLayout()
        side.addWidget(QLabel(tr("分享文案")))
        side.addWidget(self.copy_preview, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        side.addLayout(row)
        side.addWidget(QLabel(tr("分享记录（当时的价格和佣金）")))
        side.addWidget(self.share_view, 1)
        body = QHBoxLayout()
        body.addWidget(self.preview)
        body.addLayout(side)
        self.body = body
        self._fit_body()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.warning)
        right_layout.addLayout(body, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([280, 860])  # the list needs a title and a price; the rest is the poster and its history
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        left.setMinimumWidth(240)
        QVBoxLayout(self).addWidget(splitter)
        self.reload()

    # --- data ----------------------------------------------------------------------------
    def reload(self) -> None:
        self.products.set_query(ListQuery(self.search.text().strip(), {}, None, True))
        self.show_selected()

    def select_product(self, product_id: int) -> None:
        """Select a pick in the list once the list has it (clearing the search if it hides it)."""
        def select() -> None:
            ids = self.products.ids()
            if product_id in ids:
                self.product_view.selectRow(ids.index(product_id))
                self.product_view.scrollTo(self.products.index(ids.index(product_id), 0))

        if self.search.text():
            self.search.clear()  # re-runs the query
        else:
            self.reload()
        self.products.when_loaded(select)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.product_view.selectionModel().selectedRows()})
        return [self.products.id_at(r) for r in rows]

    def selected_product(self) -> int | None:
        ids = self.selected_ids()
        return ids[0] if ids else None

    def _fit_body(self) -> None:
        """The preview takes the room its poster needs: a tall 朋友圈 poster less than half (the
        share history beside it then shows every column), a square or wide one half."""
        preview, side = (2, 3) if self.template.currentData() == "portrait" else (1, 1)
        self.body.setStretch(0, preview)
        self.body.setStretch(1, side)

    def _template_changed(self) -> None:
        self._fit_body()
        holder = self.preview.parentWidget()
        layout = holder.layout() if holder is not None else None
        if layout is not None:
            layout.activate()  # the new width before the preview is rendered for it
        self.show_selected()

    def _show_hint(self) -> None:
        """What the empty preview says, for the list as it now is (it arrives after the page is built)."""
        if self.selected_product() is not None:
            return
        if self.products.rowCount():
            self.preview.setText(tr("请在左侧选择一个商品"))
        elif self.search.text().strip():
            self.preview.setText(tr("没有找到含“{text}”的商品，换个词或清空搜索框。", text=self.search.text().strip()))
        else:
            self.preview.setText(tr("选品库里还没有商品。先在“选品库”粘贴一段分享文本（Ctrl+V）或新增商品。"))

    def show_selected(self) -> None:
        """Show the copy text, share history and a freshly rendered preview of the current pick."""
        product_id = self.selected_product()
        for button in (self.copy_button, self.save_button, self.copy_image_button):
            button.setEnabled(False)
        self._rendered = []
        self.shares.set_query(ListQuery(filters={"product_id": product_id or -1}))
        if product_id is None:
            self.preview.setPixmap(QPixmap())  # (clears any text: the hint goes after it)
            self._show_hint()
            self.copy_preview.clear()
            self.warning.clear()
            return
        self.preview.setText(tr("正在生成预览…"))
        self._render_token += 1
        token, template = self._render_token, self.template.currentData()

        def job(_progress: Any) -> tuple[svc.PosterView, list[Image.Image], bytes]:
            view = svc.poster_view(self.db, product_id)
            if view.data is None:
                return view, [], b""
            images = render(view.data, template)
            return view, images, preview_png(images)

        self.runner.run(job, lambda result: self._show_preview(token, *result), silent=True,
                        on_error=lambda exc: self._preview_failed(token, exc))

    @staticmethod
    def _image_warning(sizes: list[tuple[int, int]]) -> str:
        if not sizes:
            return tr("这个商品还没有图片，海报上会用文字代替。可在选品库里编辑商品添加图片。")
        w, h = sizes[0]
        if w and h and min(w, h) < TINY_PX:
            return tr("封面图片只有 {w}×{h}，放大到海报上会模糊，建议换一张更清晰的图片。", w=w, h=h)
        return ""

    def _show_preview(self, token: int, view: svc.PosterView, images: list[Image.Image], png: bytes) -> None:
        if token != self._render_token:
            return  # the user has moved on to another pick or template
        self.copy_preview.setPlainText(view.copy_text)
        self.copy_button.setEnabled(True)
        if view.data is None:
            self.warning.setText(view.problem or "")
            self.preview.setText(tr("无法生成海报"))
            return
        self.warning.setText(self._image_warning(view.sizes))
        self._rendered = images
        pixmap = QPixmap.fromImage(QImage.fromData(png))
        self.preview.setPixmap(pixmap.scaled(self.preview.width() - 8, self.preview.height() - 8,
                                             Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation))
        self.save_button.setEnabled(True)
        self._next_tile = 0
        self._label_copy_button()
        self.copy_image_button.setEnabled(bool(images))

    def _preview_failed(self, token: int, exc: BaseException) -> None:
        if token == self._render_token:
            self.preview.setText(tr("无法生成海报"))
            self.warning.setText(exc.message if isinstance(exc, UserError) else tr("生成预览时出错：{error}", error=exc))

    # --- actions -------------------------------------------------------------------------
    def save_poster(self) -> None:
        product_id, template = self.selected_product(), self.template.currentData()
        if product_id is None or not self._rendered:
            return
        if template == "grid9":
            folder = file_dialogs.choose_folder(self, "posters", tr("选择保存九宫格的文件夹"))
            if folder is None:
                return
            target = folder / tr("九宫格-{product_id}", product_id=product_id)
        else:
            path = file_dialogs.save_file(self, "posters", tr("保存海报"), tr("海报-{product_id}.jpg", product_id=product_id),
                                          tr("JPEG 图片 (*.jpg);;PNG 图片 (*.png)"))
            if path is None:
                return
            target = path
        self.save_to(target)

    def save_to(self, target: Path) -> list[Path]:
        """Save the previewed poster and record the share."""
        product_id, template = self.selected_product(), self.template.currentData()
        if product_id is None:
            return []
        try:
            written = save_images(self._rendered, target, template)
        except UserError as exc:
            show_error(self, exc)
            return []
        self._record_once(product_id, ShareKind.POSTER, template=template, output_path=str(written[0]))
        shown = written[0].parent if template == "grid9" else written[0]
        self.status_message.emit(tr("海报已保存到 {path}", path=shown))
        self.file_written.emit(str(shown))
        return written

    def _record_once(self, product_id: int, kind: ShareKind, **details: Any) -> None:
        """One share per poster made: saving and copying the same rendered poster (or its 文案) count once."""
        key = (self._render_token, kind.value)
        if key in self._shared:
            return
        self._shared.add(key)
        self.runner.run(lambda _p: svc.share(self.db, product_id, kind, **details), lambda _id: self.shares.refresh(),
                        cancellable=False, silent=True)

    def _label_copy_button(self) -> None:
        count = len(self._rendered)
        self.copy_image_button.setText(tr("复制第 {n}/{count} 张", n=self._next_tile + 1, count=count) if count > 1
                                       else tr("复制图片"))

    def copy_image(self) -> None:
        """复制图片; for 九宫格 one picture per click, in posting order (paste each into WeChat)."""
        product_id = self.selected_product()
        if product_id is None or not self._rendered:
            return
        index = self._next_tile % len(self._rendered)
        buffer = io.BytesIO()
        self._rendered[index].save(buffer, "PNG")
        QGuiApplication.clipboard().setImage(QImage.fromData(buffer.getvalue()))
        self._record_once(product_id, ShareKind.POSTER, template=self.template.currentData())
        if len(self._rendered) > 1:
            self._next_tile = (index + 1) % len(self._rendered)
            self._label_copy_button()
            self.status_message.emit(tr("第 {n}/{count} 张已复制，粘贴到微信后再点一次复制下一张",
                                        n=index + 1, count=len(self._rendered)))
        else:
            self.status_message.emit(tr("海报图片已复制，可以直接粘贴到微信"))

    def copy_text(self) -> None:
        product_id = self.selected_product()
        if product_id is None:
            return
        text = self.copy_preview.toPlainText()
        QGuiApplication.clipboard().setText(text)
        self._record_once(product_id, ShareKind.COPY_TEXT, text=text)
        self.status_message.emit(tr("文案已复制，可以直接粘贴到微信"))

    def batch(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, tr("批量生成海报"), tr("请先在左侧按住 Ctrl 或 Shift 选中多个商品。"))
            return
        folder = file_dialogs.choose_folder(self, "posters", tr("选择保存海报的文件夹"))
        if folder is not None:
            self.run_batch(ids, folder)

    def run_batch(self, ids: list[int], folder: Path) -> Any:
        template = self.template.currentData()

        def done(results: list[dict[str, Any]]) -> None:
            self.shares.refresh()
            QMessageBox.information(self, tr("批量生成海报"), tr("已生成 {count} 张海报，保存在 {folder}。", count=len(results), folder=folder))

        return self.runner.run(lambda p: make_posters(self.db, ids, template, folder, p), done,
                               title=tr("正在生成 {count} 张海报…", count=len(ids)))

    def edit_settings(self) -> None:
        edit_settings(self, self.db, self.runner, self.show_selected)
