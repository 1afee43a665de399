"""The core stays Qt-free: PySide6 is imported only under microshop/ui/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "microshop"


def qt_imports(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        if any(n == "PySide6" or n.startswith(("PySide6.", "shiboken6")) for n in names):
            lines.append(node.lineno)
    return lines


def test_no_qt_outside_ui() -> None:
    offenders = {
        str(p.relative_to(PACKAGE)): qt_imports(p)
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1] and qt_imports(p)
    }
    assert offenders == {}


def test_the_check_itself_sees_ui_imports() -> None:
    assert qt_imports(PACKAGE / "ui" / "main_window.py"), "the AST check must find Qt imports in ui/"


def test_core_imports_without_pyside6() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import microshop.cli, microshop.services.demo, microshop.services.listing, "
        "microshop.services.stats, microshop.store.backup\n"
        "print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_tests_read_only_their_own_data() -> None:
    """A bare clone passes: no test or benchmark builds a path outside the repository's own data."""
    outside = ".." + "/shared", '"shared"' + ' / "fixtures"', "parent.parent" + ".parent"
    root = Path(__file__).resolve().parent.parent
    offenders = [str(p.relative_to(root)) for folder in ("tests", "benchmarks") for p in (root / folder).rglob("*.py")
                 if any(word in p.read_text(encoding="utf-8") for word in outside)]
    assert offenders == []


def store_imports(path: Path) -> list[int]:
    """Lines importing microshop.store or SQLAlchemy anywhere (type hints too: the GUI names the
    book's type through ``microshop.services.book.Database``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
        if any(n == "sqlalchemy" or n.startswith(("sqlalchemy.", "microshop.store")) for n in names):
            lines.append(node.lineno)
    return lines


def test_the_gui_imports_neither_the_store_nor_sqlalchemy() -> None:
    """The GUI reaches the book only through services (operations), even for type hints."""
    offenders = {str(p.relative_to(PACKAGE)): store_imports(p) for p in (PACKAGE / "ui").rglob("*.py") if store_imports(p)}
    assert offenders == {}


def test_the_store_check_sees_an_import() -> None:
    assert store_imports(PACKAGE / "services" / "ktt.py"), "the check must find the store imports of a service"


def tr_at_import(path: Path) -> list[int]:
    """Lines where ``tr(…)`` runs when the module is imported (module or class level, or a
    default argument): before the translator is installed, so it would stay untranslated."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines: list[int] = []

    def calls(node: ast.AST) -> list[int]:
        return [n.lineno for n in ast.walk(node)
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "tr"]

    def visit(body: list[ast.stmt]) -> None:
        for stmt in body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                for default in [*stmt.args.defaults, *(d for d in stmt.args.kw_defaults if d is not None)]:
                    lines.extend(calls(default))
                for decorator in stmt.decorator_list:
                    lines.extend(calls(decorator))
            elif isinstance(stmt, ast.ClassDef):
                visit(stmt.body)
            else:
                lines.extend(calls(stmt))

    visit(tree.body)
    return lines


def test_no_tr_runs_at_import_time() -> None:
    offenders = {str(p.relative_to(PACKAGE)): tr_at_import(p) for p in PACKAGE.rglob("*.py") if tr_at_import(p)}
    assert offenders == {}, "use QT_TR_NOOP for constants and call tr() inside the function"


def test_the_tr_check_sees_a_default_argument(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text('def f(title=tr("正在处理…")):\n    return title\nLABEL = tr("x")\n', encoding="utf-8")
    assert tr_at_import(probe) == [1, 3]


def test_the_store_check_sees_a_type_only_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from microshop.store.database import Database\n",
                     encoding="utf-8")
    assert store_imports(probe) == [3]


def session_uses(source: str) -> list[int]:
    """Lines that open or hand out a database session (``x.session()``, ``x.session`` passed on,
    ``Session(...)``): the GUI calls operations, which open their own."""
    tree = ast.parse(source)
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("session", "raw_connection", "engine"):
            lines.append(node.lineno)
        elif isinstance(node, ast.Name) and node.id in ("Session", "sessionmaker"):
            lines.append(node.lineno)
    return lines


def test_the_gui_opens_no_session_and_runs_no_query() -> None:
    """No session block or query in microshop/ui/: every database call is an operation in
    microshop/services, run on the task runner."""
    offenders = {
        str(p.relative_to(PACKAGE)): session_uses(p.read_text(encoding="utf-8"))
        for p in (PACKAGE / "ui").rglob("*.py")
        if session_uses(p.read_text(encoding="utf-8"))
    }
    assert offenders == {}


def test_the_session_check_sees_a_session_block() -> None:
    assert session_uses("with self.db.session() as s:\n    pass\n") == [1]
    assert session_uses("run(lambda: batch(self.db.session, ids))\n") == [1]
    assert session_uses("self.db.operation('x')\n") == []


def _platform_lists(source: str) -> list[str]:
    """Literal tuples/lists/sets naming two or more platform keys: a platform list of its own."""
    import ast

    from microshop.domain.enums import PLATFORMS

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            keys = [e.value for e in node.elts if isinstance(e, ast.Constant) and e.value in PLATFORMS]
            if len(set(keys)) >= 2:
                found.append(", ".join(keys))
    return found


def test_platforms_come_from_the_one_registry() -> None:
    """Menus, CLI choices and checks read ``domain.enums.REGISTRY``; no module keeps its own list
    (the first migration seeds the table as it was then and stays as it is)."""
    offenders = {
        str(path.relative_to(PACKAGE)): lists for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts and path.name != "enums.py"
        and (lists := _platform_lists(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_platform_list_check_sees_a_list() -> None:
    assert _platform_lists('CHOICES = ["taobao", "jd", "pdd"]') == ["taobao, jd, pdd"]
    assert _platform_lists('key, platform = "taobao", "taobao"') == []  # one platform named twice


def _import_edges(root: Path, package: str) -> dict[str, set[str]]:
    """Module → the modules of ``package`` it imports (at the top or inside functions)."""
    edges: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parents[package.count(".")]).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        targets = edges.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(package):
                targets.add(node.module)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith(package))
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], dict.fromkeys(edges, 0)

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt):], nxt] if nxt in path else [node, nxt])
            elif state.get(nxt) == 0:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(edges):
        if state[start] == 0:
            visit(start, [start])
    return found


def test_the_importers_import_each_other_without_a_cycle() -> None:
    """statements ↔ mapping used to import each other (one of them inside a function)."""
    assert _cycles(_import_edges(PACKAGE / "importers", "microshop.importers")) == []


def test_the_cycle_check_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
