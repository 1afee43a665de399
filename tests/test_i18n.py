"""Every user-visible string is translatable with Qt's tools: UI text in tr(), core messages as
tr() templates, labels marked QT_TR_NOOP; pyside6-lupdate extracts them all, and a translation
installed in the GUI replaces them — in the UI and in the Qt-free core."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import PySide6
import pytest

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


MARKERS = {"tr", "QT_TR_NOOP", "localized"}
ERRORS = {"UserError", "RowError", "DatabaseBusyError", "AmbiguousStatement", "UnrecognisedStatement"}


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def test_every_chinese_text_of_the_ui_is_marked_for_translation() -> None:
    """Not only what reaches a Qt call directly: column headers, combo items, f-string messages…"""
    bare = []
    for path in sorted((ROOT / "microshop" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        marked = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in MARKERS and node.args:
                marked.update(id(n) for n in ast.walk(node.args[0]))
        for node in ast.walk(tree):
            if id(node) in marked:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value):
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value}")
    assert bare == []


def test_core_error_messages_are_translatable_templates() -> None:
    """Every refusal the core raises is ``tr("template", field=value)`` with a literal template
    (so lupdate can extract it; f-strings could not be translated)."""
    wrong = []
    for path in sorted((ROOT / "microshop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ERRORS and node.args:
                arg = node.args[0]
                if not (isinstance(arg, ast.Call) and getattr(arg.func, "id", None) == "tr"
                        and isinstance(arg.args[0], ast.Constant)):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []


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
    sources = sorted(str(p) for p in (ROOT / "microshop").rglob("*.py"))
    ts = tmp_path / "microshop_en.ts"
    subprocess.run([str(tools / "lupdate"), *sources, "-ts", str(ts)], check=True, capture_output=True)
    text = ts.read_text(encoding="utf-8")
    assert text.count("<source>") > 100  # the UI's strings, found by Qt's own tool
    for source in ("微店管家", "备份与恢复", "程序出错了，这一步没有完成。已保存的数据不受影响。",
                   "“{name}”里没有任何数据。", "已结算", "未记录的平台订单", "对账", "缺少{label}"):
        assert f"<source>{source}</source>" in text  # UI and core alike
    translated = text
    for source, english in (("微店管家", "MicroShop Manager"), ("“{name}”里没有任何数据。", "“{name}” holds no data."),
                            ("已结算", "Settled"), ("对账", "Reconcile")):
        translated = translated.replace(
            f"<source>{source}</source>\n        <translation type=\"unfinished\"></translation>",
            f"<source>{source}</source>\n        <translation>{english}</translation>", 1)
    assert translated.count("<translation>") == 4
    ts.write_text(translated, encoding="utf-8")
    subprocess.run([str(tools / "lrelease"), str(ts), "-qm", str(tmp_path / "microshop_en.qm")],
                   check=True, capture_output=True)

    from PySide6.QtWidgets import QMessageBox, QWidget

    from microshop import i18n
    from microshop.domain.enums import LineStatus
    from microshop.i18n import localized
    from microshop.importers.statements import StatementReader
    from microshop.ui.i18n import install_translator, tr
    from microshop.ui.pages.reconcile import ReconcilePage
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
        # The Qt-free core speaks the same language once the GUI has loaded a translation:
        # a refusal's template is translated, then its fields are filled in …
        empty = tmp_path / "空表.csv"
        empty.write_text(",,\n", encoding="utf-8")
        with pytest.raises(UserError) as refused:
            StatementReader(empty)
        assert refused.value.message == "“空表.csv” holds no data."
        # … and labels marked where they are defined are shown translated.
        assert LineStatus.SETTLED.label == "Settled" and localized(ReconcilePage.title) == "Reconcile"
        assert LineStatus.PAID.label == "已付款"  # no translation for this one yet
    finally:
        qapp.removeTranslator(translator)
        i18n.set_translator(None)
    assert tr("微店管家") == "微店管家" and LineStatus.SETTLED.label == "已结算"
