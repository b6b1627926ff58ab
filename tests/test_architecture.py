"""The rule contract, checked: the core never knows a rule, rules never know each other, modules
stay small, and imports flow one way (no circles)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from gorewrite.rules import RULES

PACKAGE = Path(__file__).resolve().parent.parent / "gorewrite"
MAX_CORE_LINES = 350


def modules() -> dict[str, Path]:
    """Every module of gorewrite by dotted name (a package by its __init__)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = modules()
RULE_MODULES = {name for name in MODULES if name.startswith("gorewrite.rules.")}
# A rule too large for one module is a package: its submodules are the same rule.
RULE_OF = {name: ".".join(name.split(".")[:3]) for name in RULE_MODULES}
CORE = sorted(name for name in MODULES if name not in RULE_MODULES and name != "gorewrite.rules")


def imports(name: str) -> set[str]:
    """The gorewrite modules a module imports at run time (not under `if TYPE_CHECKING:`)."""
    tree = ast.parse(MODULES[name].read_text())
    found: set[str] = set()
    for node in _runtime(tree.body):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in MODULES else node.module)
    return {m for m in found if m in MODULES}


def _runtime(body: list[ast.stmt]):
    for node in body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        yield node
        for field in ("body", "orelse", "handlers", "finalbody"):
            yield from _runtime([n for n in getattr(node, field, []) if isinstance(n, ast.stmt)])


@pytest.mark.parametrize("name", CORE)
def test_core_modules_neither_import_nor_name_a_rule(name):
    assert not imports(name) & RULE_MODULES, f"{name} imports a rule module"
    tree = ast.parse(MODULES[name].read_text())
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }
    named = [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings and n.value in RULES
    ]
    assert not named, f"{name} names the rule {named[0]!r}: give the rule metadata instead"


@pytest.mark.parametrize("name", sorted(RULE_MODULES))
def test_no_rule_imports_another_rule(name):
    others = {m for m in RULE_MODULES if RULE_OF[m] != RULE_OF[name]}
    assert not imports(name) & others, f"{name} imports another rule: declare it in `requires`"


@pytest.mark.parametrize("name", CORE)
def test_core_modules_stay_small(name):
    lines = len(MODULES[name].read_text().splitlines())
    assert lines <= MAX_CORE_LINES, f"{name} has {lines} lines: split it by concern"


def test_every_rule_module_is_registered():
    registered = {rule.find.__module__ for rule in RULES.values()}
    assert registered == set(RULE_OF.values())


def test_imports_have_no_circles():
    graph = {name: imports(name) for name in MODULES}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if MODULES[target].name == "__init__.py" and name.startswith(target + "."):
                continue  # a package's own submodule importing the package: how Python loads packages
            assert state.get(target) != 1, "import circle: " + " -> ".join([*path, name, target])
            if target not in state:
                visit(target, [*path, name])
        state[name] = 2

    for name in MODULES:
        if name not in state:
            visit(name, [])


# Go's builtin functions: code that compares a node's text with one of these names asks "is this the builtin" of
# the text, and a declaration of the package or the function (`func copy(p []byte)`, `len := …`, `type string
# []byte`) answers it wrongly: two wrong rewrites were verified so (adv41b), six more before. gorewrite/builtins.py
# asks go/types (`called`), module_writers.py the files (`predeclared`, by str). The few modules left matching a
# name's bytes decide nothing by it, each for the reason given.
BUILTIN_NAMES = frozenset(
    "append cap clear close complex copy delete imag len make max min new panic print println real recover "
    "string".split()
)
BY_TEXT = {
    # a call named panic is one more jump that declines; any other call may panic too, and is let through
    "gorewrite.waits": {"panic"},
    # spells a node as the compiler's message does: the compiler's message at its position says what it is
    "gorewrite.rangefunc": {"append", "make", "new"},
    # a syntactic shape; ranged.py asks go/types (builtin_lengths) before anything is proposed
    "gorewrite.rules.iface_direct.counted": {"len"},
    # find takes `len(x)`/`cap(x)` alone as a site by syntax (another call's message may be its inlined body's too);
    # propose asks go/types what it calls (evaluated.py, builtins.called)
    "gorewrite.rules.iface_direct.concatenated": {"cap", "len"},
    # find skips `append(s, make(…)...)`: a shadowed append only loses the site; propose asks go/types of make
    "gorewrite.rules.make_const": {"append"},
    # a package that names clear anywhere but as a call's function gets zeroing instead of the clear it would emit
    "gorewrite.rules.sync_pool.bounded": {"clear"},
    # find's sites by syntax; site_plan and scanner_plan ask go/types (builtins.called) before anything is planned
    "gorewrite.rules.sync_pool.scanners": {"make"},
    "gorewrite.rules.sync_pool.sites": {"make", "new"},
}


def _builtin_bytes(name: str) -> set[str]:
    tree = ast.parse(MODULES[name].read_text())
    return {
        n.value.decode()
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, bytes) and n.value.decode("latin-1") in BUILTIN_NAMES
    }


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_takes_a_builtin_by_its_name(name):
    found = _builtin_bytes(name)
    assert found <= BY_TEXT.get(name, set()), f"{name} compares text with {sorted(found)}: ask builtins.called"
    assert found >= BY_TEXT.get(name, set()), f"{name} no longer matches {sorted(BY_TEXT[name] - found)}: unlist it"


def test_no_query_matches_a_builtin_by_its_name():
    """A query's predicate on a builtin's name is the same question; make-const's propose asks go/types."""
    queries = Path(__file__).resolve().parent.parent / "rules"
    for query in sorted(queries.glob("*/query.scm")):
        for predicate in re.findall(r"\(#(?:eq|any-of|match)\? @\w+ ([^)]*)\)", query.read_text()):
            named = set(re.findall(r'"([^"]*)"', predicate)) & BUILTIN_NAMES
            assert not named or (query.parent.name, named) == ("make-const", {"make"}), (query, named)
