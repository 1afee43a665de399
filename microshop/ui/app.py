"""Application start-up: fonts, style, database, main window, first-run demo offer."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from microshop import APP_ID, APP_NAME, __version__, paths
from microshop.ui.fonts import apply_app_font, bundled_families
from microshop.ui.i18n import install_translator, tr
from microshop.ui.main_window import MainWindow
from microshop.ui.worker import show_error

if TYPE_CHECKING:
    from microshop.services.book import Database

STYLE = """
QListWidget#nav { font-size: 15px; border: none; background: #f3f5f7; padding-top: 8px; outline: 0; }
QListWidget#nav::item { padding: 10px 18px; }
QListWidget#nav::item:selected { background: #e8f3ec; color: #1b7f4b; border-left: 3px solid #1b7f4b; }
QLabel#statValue { font-size: 22px; font-weight: bold; color: #1b7f4b; }
QFrame#statCard { background: #fbfcfd; border: 1px solid #e3e6ea; border-radius: 6px; }
QLabel#pageHeading { font-size: 16px; font-weight: bold; }
QLabel#summaryLabel { color: #444; padding: 4px 0; }
QLabel#countLabel { color: #666; }
"""


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description=tr("启动微店管家"))
    parser.add_argument("--db", metavar="PATH", help=tr("数据库文件（默认在用户数据文件夹）"))
    parser.add_argument("--demo", action="store_true", help=tr("启动时向空数据库加载演示数据"))
    parser.add_argument("--self-test", action="store_true",
                        help=tr("打开主窗口、检查字体和翻译后退出，结果以 JSON 打印（用于安装后的检查）"))
    args, _qt_args = parser.parse_known_args(argv)
    return args


def create_app(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication with names, Chinese locale/translations and the bundled font."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setWindowIcon(QIcon(str(paths.resource("icons", "microshop.png"))))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load(QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    install_translator(app)  # MICROSHOP_LANG=en etc.: MicroShop's own strings, when translated
    apply_app_font(app)
    app.setStyleSheet(STYLE)
    return app


def self_test(app: QApplication, window: MainWindow, db_path: Path) -> dict[str, object]:
    """What an installed copy must show: the window painted, Chinese in the bundled font, Qt's own
    dialogs in Chinese. Used by ``--self-test`` (the packaging smoke tests run it)."""
    image = window.grab()  # paints the whole window once, as the screen would
    family = app.font().families()[0] if app.font().families() else ""
    bundled = bundled_families()
    return {
        "version": __version__,
        "platform": app.platformName(),
        "window_shown": window.isVisible(),
        "window_title": window.windowTitle(),
        "painted": [image.width(), image.height()],
        "font_family": family,
        "bundled_font": family in bundled,
        "font_file": str(paths.font_path()),
        "qt_chinese": _file_dialog_in_chinese(),
        "database": str(db_path),
        "frozen": bool(getattr(sys, "frozen", False)),
    }


def _file_dialog_in_chinese() -> bool:
    """Qt's own file dialog, as the app makes it: its labels and buttons in Qt's Chinese catalogue."""
    from PySide6.QtWidgets import QFileDialog

    from microshop.ui import file_dialogs

    dialog = file_dialogs.make_dialog(None, "self_test", tr("打开"))
    try:
        labels = [re.sub(r"\(&\w\)|&", "", dialog.labelText(label)) for label in QFileDialog.DialogLabel]
        return all(text and not re.search("[A-Za-z]", text) for text in labels)
    finally:
        dialog.deleteLater()


def _report_self_test(app: QApplication, window: MainWindow, db_path: Path) -> None:
    result = self_test(app, window, db_path)
    _print_line(result)  # in a windowed Windows exe only the exit code tells
    ok = result["window_shown"] and result["bundled_font"] and result["qt_chinese"]
    app.exit(0 if ok else 1)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the GUI; returns the exit code.

    The window is shown and painted first, as a shell (正在打开数据库…); the book is opened on the
    task runner — the store, SQLAlchemy and, when the schema is behind, Alembic are imported there —
    and attached when it is ready, so nothing of the database delays the first paint."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    paths.make_files_private()
    app = create_app(argv)
    window = MainWindow(None)
    window.show()
    if args.self_test:
        window.grab()  # the first paint, as the screen would show it
        _print_line({"first_paint": True})  # benchmarks/bench_startup.py times this line

    def opened(db: Database) -> None:
        window.attach(db)
        if args.self_test:
            QTimer.singleShot(0, lambda: _report_self_test(app, window, db.path))
            return
        QTimer.singleShot(0, window.startup_checks)
        if args.demo:
            QTimer.singleShot(0, window.offer_demo_now)
        else:
            QTimer.singleShot(300, window.maybe_offer_demo)

    def refused(exc: BaseException) -> None:
        """Not a MicroShop book, from a newer version, no space…: said in Chinese (a bug is logged
        and shown as one); closing the message ends the app with exit code 2."""
        box = show_error(window, exc)
        if box is None or args.self_test:
            app.exit(2)
        else:
            box.finished.connect(lambda _r: app.exit(2))

    db_path = Path(args.db) if args.db else None
    window.runner.run(lambda _p: _open_book(db_path), opened, on_error=refused, silent=True, cancellable=False)
    code = app.exec()
    window.runner.wait()  # jobs still running (counts, the day's backup) end before the book closes
    if window.db is not None:
        window.db.close()
    return code


def _open_book(path: Path | None) -> Database:
    from microshop.services.book import open_book

    return open_book(path)


def _print_line(value: dict[str, object]) -> None:
    import json

    if sys.stdout is not None:  # None in a windowed Windows exe
        print(json.dumps(value, ensure_ascii=False), flush=True)
