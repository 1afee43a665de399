"""The main window: a section list on the left, the pages on the right, a status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, overload

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from microshop import APP_NAME, __version__, paths
from microshop.i18n import QT_TR_NOOP, localized
from microshop.services.progress import Progress
from microshop.ui import file_dialogs
from microshop.ui.i18n import tr
from microshop.ui.worker import TaskRunner


class PageSpec(NamedTuple):
    """A section: where its page class lives (imported when the page is first shown) and its title."""

    module: str
    name: str
    title: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("microshop.ui.pages.products", "ProductsPage", QT_TR_NOOP("选品库")),
    PageSpec("microshop.ui.pages.posters", "PostersPage", QT_TR_NOOP("海报")),
    PageSpec("microshop.ui.pages.orders", "OrdersPage", QT_TR_NOOP("订单")),
    PageSpec("microshop.ui.pages.customers", "CustomersPage", QT_TR_NOOP("客户")),
    PageSpec("microshop.ui.pages.reconcile", "ReconcilePage", QT_TR_NOOP("对账")),
    PageSpec("microshop.ui.pages.stats", "StatsPage", QT_TR_NOOP("统计")),
)


class LazyPages(Sequence[Any]):
    """The window's pages, each built (its module imported, its first query started) when it is
    first asked for: start-up builds only the section shown first."""

    def __init__(self, build: Callable[[int], Any]) -> None:
        self._build = build
        self._built: dict[int, Any] = {}

    def __len__(self) -> int:
        return len(PAGES)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index not in self._built:
            self._built[index] = self._build(index)
        return self._built[index]

    def is_built(self, index: int) -> bool:
        return index in self._built

    def built(self) -> list[Any]:
        """The pages built so far (refreshing the others is their first build's job)."""
        return [self._built[i] for i in sorted(self._built)]



if TYPE_CHECKING:
    from microshop.services.book import Database

def ui_settings() -> QSettings:
    """Window state lives in an ini file in the data folder (tests point it at a temp dir)."""
    return QSettings(str(paths.data_dir() / "ui.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """选品库 · 海报 · 订单 · 客户 · 对账 · 统计."""

    open_windows: ClassVar[set[MainWindow]] = set()  # a window that replaced another (switching books) lives here

    def __init__(self, db: Database | None, parent: Any = None, home: Path | None = None) -> None:
        """The window; with ``db=None`` a shell ("正在打开数据库…") that :meth:`attach` fills in once
        the book is open — start-up paints it before the store or SQLAlchemy is even imported."""
        super().__init__(parent)
        self.db: Database = None  # type: ignore[assignment]  # set by attach()
        self.is_demo = False
        self._home = home
        self.home: Path | None = home
        self.setWindowTitle(APP_NAME)
        self.replaced_by: MainWindow | None = None
        self.runner = TaskRunner(self)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(130)
        self.stack = QStackedWidget()
        self.privacy = False
        self.pages = LazyPages(self._build_page)
        for spec in PAGES:
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
            self.nav.addItem(localized(spec.title))
        self.opening_label = QLabel(tr("正在打开数据库…"))
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening_label.setObjectName("countLabel")
        self.stack.addWidget(self.opening_label)
        self.stack.setCurrentWidget(self.opening_label)
        self.nav.currentRowChanged.connect(self.show_page)
        self.phone_dialog: Any = None
        self._followed_pick: int | None = None  # the 选品库 pick 海报 last followed
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.counts_label = QLabel()
        self.privacy_label = QLabel(tr("隐私模式"))
        self.privacy_label.setStyleSheet("color:#b35c00;font-weight:bold;padding:0 8px;")
        self.statusBar().addPermanentWidget(self.privacy_label)
        self.demo_label = QLabel(tr("演示数据 · 文件 → 回到我的数据"))
        self.demo_label.setStyleSheet("color:#1b5fb3;font-weight:bold;padding:0 8px;")
        self.demo_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.demo_label)
        self.folder_button = QPushButton(tr("打开文件夹"))
        self.folder_button.setFlat(True)
        self.folder_button.setStyleSheet("color:#1b5fb3;padding:0 6px;")
        self.folder_button.setVisible(False)
        self.folder_button.clicked.connect(self.open_written_folder)
        self.written: Path | None = None
        self._folder_timer = QTimer(self)
        self._folder_timer.setSingleShot(True)
        self._folder_timer.setInterval(15_000)
        self._folder_timer.timeout.connect(lambda: self.folder_button.setVisible(False))
        self.statusBar().addWidget(self.folder_button)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._build_menus()
        self._restore_geometry()
        self.set_privacy(False, save=False)
        self._set_book_actions_enabled(False)
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        """Show ``db`` in this window: title, demo marks, privacy setting, the first page, counts."""
        from microshop.services import book, settings

        self.db = db
        self.is_demo = book.is_demo_book(db.path)
        self.home = self._home or (paths.default_db_path() if self.is_demo else db.path)  # 回到我的数据 goes here
        self.setWindowTitle(tr("{app} — 演示数据（不是你的数据）", app=APP_NAME) if self.is_demo
                            else f"{APP_NAME} — {db.path.name}")
        self.demo_label.setVisible(self.is_demo)
        self.back_action.setVisible(self.is_demo)
        self.demo_action.setVisible(not self.is_demo)
        self.stack.removeWidget(self.opening_label)
        self.opening_label.deleteLater()
        self._set_book_actions_enabled(True)
        self.runner.run(lambda _p: settings.read(db, ["privacy_mode"]),
                        lambda values: self.set_privacy(bool(values["privacy_mode"]), save=False) if values["privacy_mode"] else None,
                        silent=True, cancellable=False)
        if self.nav.currentRow() == 0:
            self.show_page(0)
        else:
            self.nav.setCurrentRow(0)
        self.update_counts()

    def _set_book_actions_enabled(self, enabled: bool) -> None:
        """Before the book is open nothing that needs it can be clicked (only 退出 and 关于)."""
        self.nav.setEnabled(enabled)
        for toolbar_action in self.toolbar.actions():
            toolbar_action.setEnabled(enabled)
        for action in self.book_actions:
            action.setEnabled(enabled)
        self.paste_shortcut.setEnabled(enabled)

    # --- structure -----------------------------------------------------------------------
    def _build_page(self, index: int) -> Any:
        """Import and build page ``index`` in place of its stand-in, wired to the window."""
        spec = PAGES[index]
        page = getattr(importlib.import_module(spec.module), spec.name)(self.db, self.runner, self)
        for signal, slot in (("status_message", self.flash), ("file_written", self.offer_folder),
                             ("orders_requested", self.show_customer_orders),
                             ("poster_requested", self.show_poster_for), ("phone_requested", self.show_phone)):
            if hasattr(page, signal):
                getattr(page, signal).connect(slot)
        if self.privacy:
            self._apply_privacy(index, page)
        current = self.stack.currentIndex()
        stand_in = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        return page

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("文件(&F)"))
        book_actions = [self._action(file_menu, tr("新建数据库…"), self.new_book),
                        self._action(file_menu, tr("打开数据库…"), self.open_book_file)]
        self.back_action = self._action(file_menu, tr("回到我的数据"), self.back_to_my_book)
        self.back_action.setVisible(False)
        self.demo_action = self._action(file_menu, tr("打开演示数据（单独的数据库）"), self.open_demo)
        book_actions += [self.back_action, self.demo_action]
        file_menu.addSeparator()
        book_actions += [self._action(file_menu, tr("备份与恢复…"), self.show_backups),
                         self._action(file_menu, tr("备份到其他位置…"), self.backup_to_file),
                         self._action(file_menu, tr("从文件恢复…"), self.restore_from_file)]
        file_menu.addSeparator()
        book_actions.append(self._action(file_menu, tr("发到手机…"), self.show_phone))
        file_menu.addSeparator()
        book_actions.append(self._action(file_menu, tr("设置…"), self.edit_settings))
        file_menu.addSeparator()
        self._action(file_menu, tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        view_menu = self.menuBar().addMenu(tr("查看(&V)"))
        for i, spec in enumerate(PAGES):
            book_actions.append(self._action(view_menu, localized(spec.title), lambda _c=False, i=i: self.nav.setCurrentRow(i),
                                             QKeySequence(f"Ctrl+{i + 1}")))
        book_actions.append(self._action(view_menu, tr("刷新"), self.refresh_all, QKeySequence.StandardKey.Refresh))
        self.book_actions = book_actions
        view_menu.addSeparator()
        self.privacy_action = self._action(view_menu, tr("隐私模式（截图前打开）"), self.set_privacy, QKeySequence("Ctrl+Shift+P"))
        self.privacy_action.setCheckable(True)
        help_menu = self.menuBar().addMenu(tr("帮助(&H)"))
        self._action(help_menu, tr("关于微店管家"), self.show_about)
        toolbar = self.toolbar = self.addToolBar(tr("常用"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        paste = toolbar.addAction(tr("粘贴"))
        paste.setToolTip(tr("粘贴分享文本（新建选品并出海报）、接龙（生成订单）或图片（加到选中的商品）；也可以直接按 Ctrl+V"))
        paste.triggered.connect(self.paste_anything)
        toolbar.addSeparator()
        # Ctrl+V anywhere in the window: a text field that has the focus keeps its own paste
        # (it claims the key first), everywhere else the clipboard is recognised.
        self.paste_shortcut = QShortcut(QKeySequence.StandardKey.Paste, self, self.paste_anything)
        for text, tip, slot in (
            (tr("接龙导入"), tr("把群里的接龙粘贴进来生成订单"), lambda: self._on_orders(self.pages[2].import_jielong)),
            (tr("快团团导入"), tr("导入快团团后台导出的订单表"), lambda: self._on_orders(self.pages[2].import_ktt)),
            (tr("派送单/进货"), tr("派送单、每户一张的标签和进货汇总"), lambda: self._on_orders(self.pages[2].open_delivery)),
            (tr("发到手机"), tr("手机扫码，长按保存海报、复制文案、看今天的自提清单"), self.show_phone),
        ):
            action = toolbar.addAction(text)
            action.setToolTip(tip)
            action.triggered.connect(slot)

    def paste_anything(self) -> str:
        """粘贴 / Ctrl+V: a share text → a new pick prefilled (saved → 海报 with its poster); a 接龙 →
        the 接龙 dialog prefilled; an image → the selected pick's pictures. Returns what it was."""
        from microshop.importers.paste import PasteKind, classify

        mime = QApplication.clipboard().mimeData()
        if mime is not None and mime.hasImage() and not mime.hasText():
            return self._paste_image(QApplication.clipboard().image())
        paste = classify(mime.text() if mime is not None else "")
        if paste.kind is PasteKind.JIELONG:
            self.nav.setCurrentRow(2)
            self.pages[2].import_jielong(paste.text)
        elif paste.kind is PasteKind.SHARE:
            self.nav.setCurrentRow(0)
            self.pages[0].add_from_share_text(paste.text)
        else:
            self.flash(tr("剪贴板里没有分享文本、接龙或图片。先在 App 里“分享 → 复制链接”，或在群里复制接龙，再按 Ctrl+V。"))
        return paste.kind.value

    def _paste_image(self, image: Any) -> str:
        from microshop.services import products as product_ops
        from microshop.ui.product_images import qimage_png

        products = self.pages[0]
        ids = products.selected_ids() if self.stack.currentIndex() == 0 else []
        if self.stack.currentIndex() == 1 and self.pages[1].selected_product() is not None:
            ids = [self.pages[1].selected_product()]
        if not ids or image.isNull():
            self.flash(tr("要把图片加到哪个商品？先在选品库或海报里选中它，再按 Ctrl+V。"))
            return "image"
        product_id, data = ids[0], qimage_png(image)
        def added(result: product_ops.AddedImage) -> None:
            self.refresh_all()
            message = tr("图片已加到“{title}”（共 {count} 张）", title=result.title, count=result.pictures)
            if result.tiny:
                message += tr("；这张只有 {w}×{h}，海报上会模糊", w=result.width, h=result.height)
            self.flash(message)

        self.runner.run(lambda _p: product_ops.add_image_to(self.db, product_id, data), added, cancellable=False)
        return "image"

    def _on_orders(self, slot: Any) -> None:
        self.nav.setCurrentRow(2)
        slot()

    def show_phone(self) -> None:
        """发到手机: one dialog at a time; closing it (or quitting) stops the server."""
        from microshop.ui.phone_dialog import PhoneDialog

        if self.phone_dialog is not None and self.phone_dialog.isVisible():
            self.phone_dialog.raise_()
            return
        self.phone_dialog = PhoneDialog(self.db, self)
        self.phone_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.phone_dialog.finished.connect(lambda _r: setattr(self, "phone_dialog", None))
        self.phone_dialog.show()

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _restore_geometry(self) -> None:
        geometry = ui_settings().value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*default_size(self.screen().availableGeometry().size() if self.screen() else None))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.phone_dialog is not None:
            self.phone_dialog.reject()  # stops the phone page with the app
        s = ui_settings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/page", self.nav.currentRow())
        s.sync()
        self.runner.wait()
        super().closeEvent(event)
        MainWindow.open_windows.discard(self)
        if self.replaced_by is not None:
            self.db.close()  # switched to another book: this one is done

    # --- behaviour -----------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        """Switch section and refresh what it shows. 海报 follows a pick newly selected in 选品库
        (and otherwise keeps its own selection)."""
        page = self.pages[index]  # built on first show
        self.stack.setCurrentIndex(index)
        page.reload()
        if index == 1 and self.pages.is_built(0):
            picked = self.pages[0].selected_ids()
            if len(picked) == 1 and picked[0] != self._followed_pick:
                self._followed_pick = picked[0]
                page.select_product(picked[0])

    def show_customer_orders(self, customer_id: int) -> None:
        """From 客户 to 订单, filtered to one customer's history."""
        self.pages[2].show_customer(customer_id)
        self.nav.setCurrentRow(2)

    def show_poster_for(self, product_id: int) -> None:
        """From 今天分享什么 to 海报, with that pick selected."""
        self.nav.setCurrentRow(1)
        self.pages[1].select_product(product_id)

    def refresh_all(self) -> None:
        for page in self.pages.built():
            page.reload()
        self.update_counts()

    def flash(self, message: str) -> None:
        """A message in the status bar, cut to the room left of the counts (Qt draws a long one
        over them); the whole text is the bar's tooltip."""
        bar = self.statusBar()
        permanent = sum(w.width() + 12 for w in (self.counts_label, self.privacy_label, self.demo_label,
                                                 self.folder_button) if w.isVisible())
        room = max(120, bar.width() - permanent - 24)
        shown = bar.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight, room) if bar.isVisible() else message
        bar.setToolTip(message if shown != message else "")
        bar.showMessage(shown, 8000 if shown != message else 5000)
        self.update_counts()

    def offer_folder(self, path: str) -> None:
        """After a save or an export: 打开文件夹 in the status bar, for a while."""
        self.written = Path(path)
        self.folder_button.setToolTip(str(self.written.parent if self.written.is_file() else self.written))
        self.folder_button.setVisible(True)
        self._folder_timer.start()

    def open_written_folder(self) -> None:
        if self.written is not None:
            folder = self.written if self.written.is_dir() else self.written.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def update_counts(self) -> None:
        """Refresh the status-bar counts on the worker (the newest request wins)."""
        from microshop.services import stats

        self._counts_generation = getattr(self, "_counts_generation", 0) + 1
        generation = self._counts_generation

        def job(_p: Any) -> tuple[int, dict[str, int]]:
            return generation, stats.book_counts(self.db)

        self.runner.run(job, self._show_counts, silent=True, cancellable=False)

    def _show_counts(self, result: tuple[int, dict[str, int]]) -> None:
        generation, c = result
        if generation != self._counts_generation:
            return
        self.counts_label.setText(
            tr(
                "商品 {products} · 客户 {customers} · 订单 {orders} · 账单 {statement_lines}",
                products=f"{c['products']:,}", customers=f"{c['customers']:,}", orders=f"{c['orders']:,}",
                statement_lines=f"{c['statement_lines']:,}")
        )

    def maybe_offer_demo(self) -> Progress:
        """First run: offer demo data once, when the database is empty (asked on the worker)."""
        from microshop.services import settings, stats

        def job(_p: Any) -> bool:
            offered = settings.take_once(self.db, "demo_offered")
            return not offered and stats.is_empty(self.db)

        return self.runner.run(job, lambda ask: self._offer_demo() if ask else None, silent=True, cancellable=False)

    def _offer_demo(self) -> None:
        answer = QMessageBox.question(
            self, tr("欢迎使用微店管家"),
            tr("这是一个新的数据库。要先打开演示数据（商品、客户、订单和平台账单）看看各个页面怎么用吗？\n"
            "演示数据放在单独的数据库里，不会混进你自己的数据；看完用“文件 → 回到我的数据”回来。"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.open_demo()

    # --- books ---------------------------------------------------------------------------
    def switch_book(self, opener: Any, title: str | None = None) -> Progress:
        """Open another book on the worker (``opener() -> Database``) and replace this window by
        one on it; this window's book is closed. Nothing of either book is changed by the switch."""
        def done(new_db: Database) -> None:
            window = MainWindow(new_db, home=self.home)
            MainWindow.open_windows.add(window)
            window.show()
            window.update_counts()
            self.replaced_by = window
            self.close()

        return self.runner.run(lambda _p: opener(), done, title=title or tr("正在打开数据库…"), cancellable=False)

    def open_demo(self) -> Progress:
        """文件 → 打开演示数据: the demo in its own book; the user's data is left as it is."""
        from microshop.services import book

        return self.switch_book(book.open_demo_book, tr("正在准备演示数据…"))

    def back_to_my_book(self) -> Progress:
        from microshop.services import book

        home = self.home
        return self.switch_book(lambda: book.open_book(home))

    def new_book(self) -> None:
        from microshop.services import book

        target = file_dialogs.save_file(self, "books", tr("新建数据库"), tr("新的账本.sqlite3"),
                                        tr("微店管家数据库 (*.sqlite3)"), fallback=self.db.path.parent)
        if target is not None:
            self.switch_book(lambda: book.create_book(target))

    def open_book_file(self) -> None:
        from microshop.services import book

        target = file_dialogs.open_file(self, "books", tr("打开数据库"),
                                        tr("微店管家数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)"), fallback=self.db.path.parent)
        if target is not None:
            self.switch_book(lambda: book.open_book(target))

    def offer_demo_now(self) -> None:
        from microshop.services import stats

        def decide(empty: bool) -> None:
            if empty:
                self.load_demo()
            else:
                QMessageBox.information(self, tr("加载演示数据"), tr("数据库里已经有数据，演示数据只能加载到空的数据库。"))

        self.runner.run(lambda _p: stats.is_empty(self.db), decide, silent=True, cancellable=False)

    def load_demo(self) -> Progress:
        """Load demo data on the worker thread, then refresh every page."""
        def job(progress: Progress) -> dict[str, int]:
            from microshop.services import demo

            progress.update(0, 1, tr("正在生成演示数据…"))
            return demo.load_into(self.db)

        def done(added: dict[str, int]) -> None:
            self.refresh_all()
            self.flash(tr("已加载演示数据：{products} 个商品，{orders} 个订单", products=added['products'], orders=added['orders']))

        return self.runner.run(job, done, title=tr("正在加载演示数据…"), cancellable=False)

    def backup_to_file(self) -> None:
        from microshop.services import backups

        path = file_dialogs.save_file(self, "backups", tr("备份数据库"), tr("微店管家备份.sqlite3"), tr("数据库备份 (*.sqlite3)"))
        if path is None:
            return
        self.runner.run(
            lambda _p: backups.online_backup(self.db.path, path),
            lambda out: self.flash(tr("已备份到 {out}", out=out)),
            title=tr("正在备份…"),
            cancellable=False,
        )

    def restore_from_file(self) -> None:
        path = file_dialogs.open_file(self, "backups", tr("选择备份文件"), tr("数据库备份 (*.sqlite3 *.db);;所有文件 (*)"))
        if path is None:
            return
        if QMessageBox.question(
            self, tr("从备份恢复"), tr("恢复会用备份替换当前的全部数据（当前数据会先另存一份副本）。确定继续吗？")
        ) != QMessageBox.StandardButton.Yes:
            return
        self.restore(Path(path))

    def restore(self, path: Path, *, on_done: Any = None, on_error: Any = None) -> Progress:
        """Replace the database with a verified backup (on the worker; the current data is saved
        first) and show its contents. A refusal (not a MicroShop backup, damaged, from a newer
        version) is shown over ``self`` unless ``on_error`` takes it."""
        from microshop.services import backups

        def done(_safety: Any) -> None:
            self.refresh_all()
            self.flash(tr("已从备份恢复"))
            if on_done is not None:
                on_done()

        return self.runner.run(lambda _p: backups.restore_into(self.db, Path(path)), done, on_error=on_error,
                               title=tr("正在恢复…"), cancellable=False)

    def set_privacy(self, on: bool, save: bool = True) -> None:
        """隐私模式: addresses masked in lists, phones and addresses masked and read-only in dialogs."""
        on = bool(on)
        self.privacy = on
        self.privacy_action.setChecked(on)
        self.privacy_label.setVisible(on)
        for index in (2, 3):
            if self.pages.is_built(index):
                self._apply_privacy(index, self.pages[index])
        if save:
            from microshop.services import settings

            self.runner.run(lambda _p: settings.write(self.db, {"privacy_mode": on}), lambda _r: None,
                            silent=True, cancellable=False)
        if self.pages.is_built(3):
            self.pages[3].reload()

    def _apply_privacy(self, index: int, page: Any) -> None:
        """客户 masks addresses in its list, 订单 in its dialogs."""
        if index == 3:
            page.model.source.privacy = self.privacy
        elif index == 2:
            page.privacy = self.privacy

    def show_backups(self) -> None:
        from microshop.ui.backup_dialog import BackupDialog

        BackupDialog(self).exec()

    def startup_checks(self) -> dict[str, str] | None:
        """At start: report an import that was interrupted last time, and take today's backup."""
        from microshop.services.backups import auto_backup, interrupted_operations

        interrupted = interrupted_operations(self.db.path)
        if interrupted is not None:
            if interrupted["integrity"] == "ok":
                text = tr("上次的“{what}”没有完成就被中断了（可能是程序被强制关闭或断电）。\n\n"
                          "已检查数据库：完好，没有数据丢失。那次操作没有保存任何内容，需要的话请重新做一次。",
                          what=interrupted["what"])
                self.flash(tr("已检查数据库：完好，没有数据丢失"))
            else:
                text = tr("上次的“{what}”被中断，数据库检查发现问题：{problem}\n\n"
                          "请用“文件 → 备份与恢复…”恢复最近的备份。",
                          what=interrupted["what"], problem=interrupted["integrity"])
            box = QMessageBox(QMessageBox.Icon.Information if interrupted["integrity"] == "ok" else QMessageBox.Icon.Warning,
                              tr("微店管家"), text, QMessageBox.StandardButton.Ok, self)
            box.open()
        self.runner.run(lambda _p: auto_backup(self.db.path), lambda _made: None, silent=True,
                        on_error=lambda exc: self.flash(tr("自动备份没有成功：{error}", error=exc)))
        return interrupted

    def edit_settings(self) -> None:
        from microshop.ui.settings_dialog import edit_settings

        edit_settings(self, self.db, self.runner, self.refresh_all)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            tr("关于微店管家"),
            tr(
                "<h3>{app} {version}</h3><p>为社交电商店主准备的桌面工具："
                "选品、分享海报、订单、客户和佣金对账，都在一个地方。"
                "</p><p>数据文件：{path}</p><p>界面与海报字体："
                "Noto Sans SC（思源黑体），依 SIL Open Font License 1.1 授权。"
                "</p>",
                app=APP_NAME, version=__version__, path=self.db.path if self.db is not None else ""),
        )


def default_size(available: Any) -> tuple[int, int]:
    """The first-run window size: 1180×760, but never more than the screen's free area minus the
    window frame (a 1366×768 laptop with a taskbar keeps the status bar on screen)."""
    if available is None:
        return 1180, 760
    return min(1180, max(800, available.width() - 40)), min(760, max(560, available.height() - 60))


def current_page_title(window: MainWindow) -> str:
    """The title of the visible section (for tests and the status bar)."""
    return localized(window.pages[window.stack.currentIndex()].title)


__all__ = ["PAGES", "MainWindow", "Qt", "current_page_title"]
