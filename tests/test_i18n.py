"""UI strings are translatable with Qt's tools: wrapped in tr(), extracted by pyside6-lupdate,
and replaced at run time when a translation is installed."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest
import PySide6

from microshop.errors import UserError

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")
# Qt calls whose string arguments the user reads.
DISPLAY_CALLS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton", "QProgressDialog",
    "QMessageBox", "setWindowTitle", "setText", "setToolTip", "setPlaceholderText", "setStatusTip", "addAction",
    "addMenu", "addTab", "insertTab", "setTabText", "addRow", "addItem", "information", "warning", "critical",
    "question", "about", "getText", "getItem", "getInt", "getDouble", "getSaveFileName", "getOpenFileName",
    "getOpenFileNames", "getExistingDirectory", "setLabelText", "setTitle", "showMessage", "setHorizontalHeaderLabels",
    "setHeaderLabels", "setSpecialValueText", "setSuffix", "setPrefix", "addButton", "setInformativeText",
}


def test_chinese_text_given_to_qt_display_calls_goes_through_tr() -> None:
    bare = []
    for path in sorted((ROOT / "microshop" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name not in DISPLAY_CALLS:
                continue
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and CJK.search(arg.value):
                    bare.append(f"{path.relative_to(ROOT)}:{arg.lineno} {arg.value}")
    assert bare == []


def test_lupdate_extracts_the_ui_strings_and_a_translation_replaces_them(qapp, tmp_path: Path) -> None:
    tools = Path(PySide6.__file__).parent
    sources = sorted(str(p) for p in (ROOT / "microshop" / "ui").rglob("*.py"))
    ts = tmp_path / "microshop_en.ts"
    subprocess.run([str(tools / "lupdate"), *sources, "-ts", str(ts)], check=True, capture_output=True)
    text = ts.read_text(encoding="utf-8")
    assert text.count("<source>") > 100  # the UI's strings, found by Qt's own tool
    for source in ("微店管家", "备份与恢复", "出现了意外错误，操作没有完成。你的数据不会因此损坏。"):
        assert f"<source>{source}</source>" in text
    translated = text.replace("<source>微店管家</source>\n        <translation type=\"unfinished\"></translation>",
                              "<source>微店管家</source>\n        <translation>MicroShop Manager</translation>")
    assert translated != text
    ts.write_text(translated, encoding="utf-8")
    subprocess.run([str(tools / "lrelease"), str(ts), "-qm", str(tmp_path / "microshop_en.qm")],
                   check=True, capture_output=True)

    from PySide6.QtWidgets import QMessageBox, QWidget

    from microshop.ui.i18n import install_translator, tr
    from microshop.ui.worker import show_error

    assert install_translator(qapp, "zh_CN", tmp_path) is None  # Chinese is the source language
    translator = install_translator(qapp, "en_US", tmp_path)
    assert translator is not None
    try:
        assert tr("微店管家") == "MicroShop Manager"
        assert tr("备份与恢复") == "备份与恢复"  # not translated yet: the Chinese stays
        window = QWidget()
        show_error(window, UserError("测试"))  # the app's error box, as every page shows it
        boxes = [w for w in window.findChildren(QMessageBox) if w.text() == "测试"]
        assert len(boxes) == 1 and boxes[0].windowTitle() == "MicroShop Manager"
        boxes[0].close()
        window.deleteLater()
    finally:
        qapp.removeTranslator(translator)
    assert tr("微店管家") == "微店管家"
