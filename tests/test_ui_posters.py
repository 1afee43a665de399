"""GUI of 海报/选品库: live preview, save and copy with share records, batch on worker processes,
images in the product dialog (tiny warning, broken refused), settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from conftest import FIXTURES, settle
from PIL import Image
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from microshop.services import products as psvc
from microshop.services.images import image_file
from microshop.store.models import Product, ProductImage, Share
from microshop.ui.app import create_app
from microshop.ui.main_window import MainWindow
from microshop.ui.pages.products import ProductDialog
from microshop.ui.settings_dialog import SettingsDialog

IMAGES = FIXTURES / "images"


@pytest.fixture
def app(qapp):
    return create_app([])


@pytest.fixture
def picks_db(db):
    with db.session() as s:
        for title, image in (("海南妃子笑荔枝 5斤装", "lychee_phone_photo_exif_rotated.jpg"),
                             ("赣南脐橙 10斤", "orange_transparent.png"), ("小图商品", "tiny_48px.jpg")):
            pid = psvc.save_product(s, psvc.ProductInput(title, platform_key="pdd", link="https://p.pinduoduo.com/x",
                                                         price_fen=3990, original_price_fen=5990, coupon_fen=500))
            psvc.add_image(s, pid, IMAGES / image)
    return db


def posters_page(db, qtbot):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(1)
    settle(qtbot, window)
    return window, window.pages[1]


def select_title(page, title: str, qtbot=None) -> int:
    for row in range(page.products.rowCount()):
        if page.products.data(page.products.index(row, 0)) == title:
            page.product_view.selectRow(row)
            if qtbot is not None:
                settle(qtbot, page)
            return page.products.id_at(row)
    raise AssertionError(title)



def new_pick_dialog(db, qtbot) -> tuple[Any, ProductDialog]:
    """选品库 in a main window, and its 新增商品 dialog (not yet shown)."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = window.pages[0]
    dialog = ProductDialog(parent=page)
    qtbot.addWidget(dialog)
    return page, dialog

def test_preview_save_and_copy_record_shares(app, picks_db, qtbot, tmp_path: Path) -> None:
    _window, page = posters_page(picks_db, qtbot)
    pid = select_title(page, "海南妃子笑荔枝 5斤装")
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=10000)
    assert not page.preview.pixmap().isNull() and page.warning.text() == ""
    written = page.save_to(tmp_path / "poster.jpg")
    assert [r.text for r in zxingcpp.read_barcodes(Image.open(written[0]))] == ["https://p.pinduoduo.com/x"]
    page.copy_image()
    from PySide6.QtGui import QGuiApplication

    assert not QGuiApplication.clipboard().image().isNull()
    page.copy_text()
    assert "海南妃子笑荔枝" in QGuiApplication.clipboard().text()
    settle(qtbot, page)
    with picks_db.session() as s:
        kinds = sorted(s.scalars(select(Share.kind).where(Share.product_id == pid)))
    assert kinds == ["copy_text", "poster"]  # saving and copying the same poster is one share
    assert page.shares.rowCount() == 2
    page.save_to(tmp_path / "again.jpg")
    page.copy_text()
    settle(qtbot, page)
    with picks_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Share).where(Share.product_id == pid)) == 2

    page.template.setCurrentIndex(page.template.findData("grid9"))
    # 九宫格 of a pick with one picture: that picture once and the QR tile, nothing made up
    qtbot.waitUntil(lambda: len(page._rendered) == 2, timeout=10000)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    grid = page.save_to(tmp_path / "grid")
    assert len(grid) == 2
    assert messages == [f"海报已保存到 {tmp_path / 'grid'}"]
    assert zxingcpp.read_barcodes(Image.open(grid[0])) == []  # the photo
    assert [r.text for r in zxingcpp.read_barcodes(Image.open(grid[1]))] == ["https://p.pinduoduo.com/x"]
    assert page.copy_image_button.isEnabled() and page.copy_image_button.text() == "复制第 1/2 张"
    page.copy_image()
    first = QGuiApplication.clipboard().image()
    assert page.copy_image_button.text() == "复制第 2/2 张" and "第 1/2 张已复制" in messages[-1]
    page.copy_image()  # one by one, in posting order: the second is the QR tile
    second = QGuiApplication.clipboard().image()
    assert first != second and page.copy_image_button.text() == "复制第 1/2 张"
    settle(qtbot, page)
    with picks_db.session() as s:  # another poster (九宫格) made: a second poster share
        assert sorted(s.scalars(select(Share.template).where(Share.product_id == pid, Share.kind == "poster"))) == [
            "grid9", "portrait"]


def test_tiny_cover_warns(app, picks_db, qtbot) -> None:
    _window, page = posters_page(picks_db, qtbot)
    select_title(page, "小图商品", qtbot)
    assert "48×48" in page.warning.text() and "模糊" in page.warning.text()


def test_batch_from_the_page(app, picks_db, qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("microshop.ui.pages.posters.QMessageBox.information", lambda *a, **k: None)
    _window, page = posters_page(picks_db, qtbot)
    with picks_db.session() as s:
        ids = list(s.scalars(select(Product.id)))
    page.run_batch(ids, tmp_path / "batch")
    qtbot.waitUntil(lambda: len(list((tmp_path / "batch").glob("*.jpg"))) == 3, timeout=60000)
    with picks_db.session() as s:
        qtbot.waitUntil(lambda: s.scalar(select(func.count()).select_from(Share)) == 3, timeout=10000)
        links = set(s.scalars(select(Product.link)))
    decoded = {r.text for path in (tmp_path / "batch").glob("*.jpg") for r in zxingcpp.read_barcodes(Image.open(path))}
    assert decoded == links  # every poster carries its own pick's link


def test_product_dialog_images(app, db, qtbot, tmp_path: Path) -> None:
    page, dialog = new_pick_dialog(db, qtbot)
    dialog.title_edit.setText("台农芒果 5斤")
    dialog.link.setText("https://u.jd.com/m")
    assert not dialog.images.add_file(str(IMAGES / "broken_truncated.jpg"))
    assert "损坏" in dialog.images.warning.text()
    assert dialog.images.add_file(str(IMAGES / "tiny_48px.jpg"))
    assert "48×48" in dialog.images.warning.text()
    assert dialog.images.add_file(str(IMAGES / "tea_cmyk.jpg"))
    from conftest import iphone_photo

    with qtbot.waitSignal(dialog.images.thumbnail_ready, timeout=10000):  # made on a worker: no pause while adding
        assert dialog.images.add_file(str(iphone_photo(tmp_path / "IMG_0042.HEIC")))  # Qt cannot read HEIC itself
    assert not dialog.images.list.item(2).icon().pixmap(64, 64).isNull()  # … its thumbnail shows all the same
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, dialog.accept)  # 保存, from inside the dialog's own loop
    assert page.open_dialog(dialog, None)  # closed only once the save landed
    pid = dialog.saved
    with db.session() as s:
        stored = s.scalars(select(ProductImage).where(ProductImage.product_id == pid).order_by(ProductImage.position)).all()
        assert [(i.width, i.height) for i in stored] == [(48, 48), (1200, 900), (600, 800)]
        assert all(i.path.startswith("images/") and image_file(i.path).stat().st_size > 0 for i in stored)
        assert stored[2].path.endswith(".jpg")  # the iPhone photo is kept as JPEG


def test_settings_dialog_reads_and_saves_on_the_worker(app, db, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from microshop.services import settings
    from microshop.ui.settings_dialog import edit_settings

    settings.write(db, {"watermark": "小美优选"})
    window = MainWindow(db)
    qtbot.addWidget(window)
    seen: list[str] = []
    saved: list[bool] = []

    def drive() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()), None)
        if dialog is None:
            return
        timer.stop()
        seen.append(dialog.edits["watermark"].text())  # what is stored is what the dialog shows
        dialog.edits["shop_name"].setText("小美的微店")
        dialog.edits["invite_code"].setText("MS26")
        dialog.accept()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(20)
    edit_settings(window, db, window.runner, lambda: saved.append(True))
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert seen == ["小美优选"]
    assert settings.read(db, ["shop_name", "invite_code", "watermark"]) == {
        "shop_name": "小美的微店", "invite_code": "MS26", "watermark": "小美优选"}


def test_a_saved_poster_offers_to_open_its_folder(app, picks_db, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    window, page = posters_page(picks_db, qtbot)
    window.show()
    select_title(page, "赣南脐橙 10斤", qtbot)
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=10000)
    assert not window.folder_button.isVisible()
    page.save_to(tmp_path / "out" / "poster.jpg")
    assert window.folder_button.isVisible() and window.folder_button.text() == "打开文件夹"
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window.folder_button.click()
    assert opened == [str(tmp_path / "out")]


def test_the_empty_preview_says_what_to_do_for_the_list_as_loaded(app, picks_db, qtbot, tmp_path: Path) -> None:
    """The list arrives after the page is built: the hint is for what it holds, not for the empty start."""
    _window, page = posters_page(picks_db, qtbot)
    qtbot.waitUntil(lambda: page.products.rowCount() == 3, timeout=10000)
    assert page.preview.text() == "请在左侧选择一个商品"
    page.search.setText("榴莲")
    qtbot.waitUntil(lambda: page.products.rowCount() == 0, timeout=10000)
    settle(qtbot, page)
    assert page.preview.text() == "没有找到含“榴莲”的商品，换个词或清空搜索框。"
    from microshop.store.database import Database

    fresh = Database.open(tmp_path / "empty.sqlite3")
    try:
        _window, empty = posters_page(fresh, qtbot)
        settle(qtbot, empty)
        assert empty.preview.text().startswith("选品库里还没有商品。")
    finally:
        fresh.close()


def test_a_union_pick_export_is_previewed_with_what_was_worked_out(app, db, qtbot, monkeypatch, tmp_path: Path) -> None:
    """选品库 → 导入: the preview shows the 券后价 worked out from the coupon, the 原价, the coupon and the
    link chosen, so the user sees what will be stored before 导入."""
    from PySide6.QtWidgets import QDialog, QTableView

    sheet = tmp_path / "淘宝联盟选品库.csv"
    sheet.write_bytes(("商品id,商品名称,商品价格(单位：元),收入比率(%),平台类型,优惠券面额,淘宝客链接,商品优惠券推广链接\r\n"
                       "588812345678,云南高山蓝莓 4盒装,59.90,20.00,天猫,满59元减20元,https://s.click.taobao.com/t?e=a,"
                       "https://uland.taobao.com/coupon/edetail?e=y\r\n").encode("gbk"))
    shown: list[list[str]] = []

    def confirm(dialog: QDialog) -> int:
        model = dialog.findChild(QTableView).model()
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        shown.append(headers)
        shown.append([model.data(model.index(0, c)) for c in range(model.columnCount())])
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QDialog, "exec", confirm)
    monkeypatch.setattr("microshop.ui.file_dialogs._ask", lambda _dialog: [str(sheet)])
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = window.pages[0]
    page.import_sheet()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    headers, row = shown
    got = dict(zip(headers, row, strict=True))
    assert (got["券后价"], got["原价"], got["优惠券"], got["平台"]) == ("¥39.90", "¥59.90", "¥20.00", "淘宝联盟")
    assert got["链接"] == "https://uland.taobao.com/coupon/edetail?e=y" and got["问题"] == ""
    with db.session() as s:
        assert s.scalars(select(Product.price_fen)).one() == 3990


def test_the_offers_last_day_is_entered_in_the_dialog_and_a_wrong_one_keeps_it_open(app, db, qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from microshop.domain.timeutil import format_local

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    page, dialog = new_pick_dialog(db, qtbot)
    dialog.title_edit.setText("云南高山蓝莓 4盒装")
    dialog.deadline.setText("下周五")
    dialog.accept()
    assert warned == ["活动截止“下周五”看不懂，请写成 2026-12-31（不填表示长期有效）。"]
    assert dialog.result_value is None  # refused, not closed: what was typed is still there
    assert dialog.title_edit.text() == "云南高山蓝莓 4盒装" and dialog.deadline.text() == "下周五"
    dialog.deadline.setText("12月31日")
    QTimer.singleShot(0, dialog.accept)
    assert page.open_dialog(dialog, None)
    with db.session() as s:
        stored = s.get(Product, dialog.saved)
        assert format_local(stored.deadline, "%Y-%m-%d %H:%M") == "2026-12-31 23:59"
        again = ProductDialog(psvc.load_product(s, stored.id), parent=page)
    qtbot.addWidget(again)
    assert again.deadline.text() == "2026-12-31"  # editing shows it as it will be read back


def test_a_share_text_that_names_its_last_day_fills_it_in(app, db, qtbot) -> None:
    from PySide6.QtCore import QTimer

    window = MainWindow(db)
    qtbot.addWidget(window)
    page = window.pages[0]
    seen: list[str] = []

    def look_and_save() -> None:
        seen.append(page.last_dialog.deadline.text())
        page.last_dialog.accept()

    QTimer.singleShot(0, look_and_save)
    page.add_from_share_text("【阳澄湖大闸蟹 8只装 礼盒】到手价 ¥198 https://u.jd.com/Crab 有效期至12月18日")
    assert seen == ["2026-12-18"]  # the clock says 2026-11-20: this December
    with db.session() as s:
        crab = s.scalars(select(Product)).one()
        assert crab.title == "阳澄湖大闸蟹 8只装 礼盒" and "12月18日 前有效" in psvc.copy_text(s, crab.id)


def test_a_paste_listing_several_products_adds_every_one_after_a_preview(app, db, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QTableView

    from microshop.importers.sharetext import products_in

    three = ("今日好价3款👇\n1. 维达抽纸 24包 ¥19.9 https://u.jd.com/a\n   券后价 ¥17.9\n"
             "2. 蓝月亮洗衣液 3kg ¥39.9 https://u.jd.com/b\n3. 🔥🔥 https://u.jd.com/c")
    assert products_in(three) == 2  # the third names no product: not counted as one
    assert products_in("1. 领券：https://uland.taobao.com/a\n2. 下单：https://s.click.taobao.com/b") == 1  # one product
    assert products_in("【淘宝】假一赔四 https://e.tb.cn/h.6Ab?tk=Q HU926 「云南高山蓝莓」") == 1
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = window.pages[0]
    seen: list[list[str]] = []

    def look_and_import() -> None:
        model = page.last_preview.findChild(QTableView).model()
        seen.append([model.data(model.index(r, 1)) for r in range(model.rowCount())])
        page.last_preview.accept()

    QTimer.singleShot(0, look_and_import)
    page.add_from_share_text(three)
    assert seen == [["维达抽纸 24包", "蓝月亮洗衣液 3kg"]]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    with db.session() as s:
        got = {(p.title, p.price_fen, p.link, p.platform_key) for p in s.scalars(select(Product))}
    assert got == {("维达抽纸 24包", 1790, "https://u.jd.com/a", "jd"), ("蓝月亮洗衣液 3kg", 3990, "https://u.jd.com/b", "jd")}
