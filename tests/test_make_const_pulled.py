"""make-const and a module's helper that a `//go:linkname` pulls from outside its package (gorewrite/pulls.py).

`p.Pad` bounds every call of its unexported `spaces` the package shows, and so bounds `make([]byte, n)` inside, but
Go's linker lets any package linked into the same binary pull `example.com/m/p.spaces` by name (go1.23 refuses only
pulls of std symbols) and call it with any n. What can be seen of the pullers is the main module's packages and the
packages outside std their builds and tests depend on: a pull in another package of the module, in a dependency
module (outside the module's directory, by a `replace`), and of a command's helper by `main.emit` (a command's
symbols are `main.`, whatever its import path) each make the calls unknown. Each must-decline keeps its naive
array as a mutant: the program linking the pull panics with it, and prints the spaces without it.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import at_most_speculative, exact_array, proposals, write_tree

from gorewrite import callers
from gorewrite.rules import RULES

RULE = RULES["make-const"]
SPACES = """// Package p pads to the next stop.
package p

const stop = 48

// Pad pads to the next stop.
func Pad(widths []int) string {
	return spaces(stop - len(widths)%stop)
}

// spaces returns n spaces.
func spaces(n int) string {
	pad := make([]byte, n)
	for i := range pad {
		pad[i] = ' '
	}
	return string(pad)
}
"""
PULLER = """// Package {name} reaches p's spaces by name.
package {name}

import _ "unsafe" // go:linkname

//go:linkname spaces example.com/m/p.spaces
func spaces(n int) string

// Wide pads by n, any n.
func Wide(n int) string {{ return spaces(n) }}
"""
TOOL = """package main

import (
	"fmt"

	"{puller}"
	"example.com/m/p"
)

func main() {{
	defer func() {{ fmt.Println("panic:", recover() != nil) }}()
	fmt.Println(len(p.Pad(nil)), len({name}.Wide(100)))
}}
"""
EMIT = """// Command tool prints a tag padded to the next stop, and whatever pull wants.
package main

import (
	"fmt"

	"example.com/m/pull"
)

const stop = 48

func main() {
	defer func() { fmt.Println("panic:", recover() != nil) }()
	fmt.Println(len(emit(stop-len("tag")%stop)), pull.Wide(100))
}

// emit returns n spaces: every call main shows bounds n by stop.
func emit(n int) string {
	pad := make([]byte, n)
	for i := range pad {
		pad[i] = ' '
	}
	return string(pad)
}
"""
MAIN_PULLER = (
    PULLER.replace("example.com/m/p.spaces", "main.emit").replace("spaces", "emit").replace("p's", "the command's")
)
GO_MOD = "module example.com/m\n\ngo 1.22\n"
WITH_DEP = GO_MOD + "\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n"


def cases(root: Path) -> dict[str, Path]:
    """Each case's module: the helper alone, pulled by another package of the module, by a dependency module's
    package, and a command's helper pulled as `main.emit`."""
    alone = {"go.mod": GO_MOD, "p/p.go": SPACES}
    in_module = {**alone, "pull/pull.go": PULLER.format(name="pull")}
    in_module["cmd/tool/main.go"] = TOOL.format(puller="example.com/m/pull", name="pull")
    dependency = {"go.mod": WITH_DEP, "p/p.go": SPACES}
    dependency["cmd/tool/main.go"] = TOOL.format(puller="example.com/dep", name="dep")
    write_tree(root / "dep", {"go.mod": "module example.com/dep\n\ngo 1.22\n", "dep.go": PULLER.format(name="dep")})
    command = {"go.mod": GO_MOD, "pull/pull.go": MAIN_PULLER.format(name="pull"), "cmd/tool/main.go": EMIT}
    trees = {"alone": alone, "in_module": in_module, "dependency": dependency, "command": command}
    return {name: write_tree(root / name, files) for name, files in trees.items()}


@pytest.fixture(scope="module")
def modules(tmp_path_factory) -> dict[str, Path]:
    return cases(tmp_path_factory.mktemp("make-const-pulled"))


def test_a_helper_no_pull_names_is_bounded_by_its_callers(modules):
    found = proposals(modules["alone"], RULE)["example.com/m/p"]
    exact_array(found, SPACES, "[48]byte")


@pytest.mark.parametrize(("name", "package"), [("in_module", "p"), ("dependency", "p"), ("command", "cmd/tool")])
def test_a_helper_a_linkname_of_the_build_pulls_is_not_bounded(modules, name, package):
    at_most_speculative(proposals(modules[name], RULE)[f"example.com/m/{package}"])


def test_a_command_helper_no_pull_names_is_bounded(tmp_path):
    """Its one call passes 48-3%48: emit's n is that constant, the whole array."""
    alone = EMIT.replace('\n\t"example.com/m/pull"\n', "").replace("pull.Wide(100)", '""')
    root = write_tree(tmp_path, {"go.mod": GO_MOD, "cmd/tool/main.go": alone})
    exact_array(proposals(root, RULE)["example.com/m/cmd/tool"], alone, "[45]byte")


@pytest.mark.parametrize(
    ("name", "file"), [("in_module", "p/p.go"), ("dependency", "p/p.go"), ("command", "cmd/tool/main.go")]
)
def test_the_naive_array_panics_where_the_pull_passes_more(modules, toolchain, name, file):
    """The mutant: the bound the package's own calls give, the pull unseen; the tool calls the helper through it."""
    root = modules[name]
    original = toolchain.run(["run", "./cmd/tool"], str(root))
    assert original.returncode == 0 and b"panic: false" in original.stdout, original
    source = (root / file).read_text()
    naive = source.replace("pad := make([]byte, n)\n", "var padBuf [48]byte\n\tpad := padBuf[:n:n]\n", 1)
    assert naive != source
    (root / file).write_text(naive)
    try:
        mutant = toolchain.run(["run", "./cmd/tool"], str(root))
    finally:
        (root / file).write_text(source)
    assert b"panic: true" in mutant.stdout, mutant


TESTED = """package main

import (
	"testing"

	"example.com/m/pull"
)

// TestWide pads by 100 through pull, which names the helper as the test binary links it.
func TestWide(t *testing.T) {
	if n := len(pull.Wide(100)); n != 100 {
		t.Fatal(n)
	}
}
"""


def test_a_command_helper_its_tests_pull_by_the_import_path_is_not_bounded(tmp_path, toolchain):
    """A command's test binary links its functions by the import path, escaped (`tool%2ev2.emit`), not `main.emit`:
    a package only the tests import pulls emit and calls it with 100 where main's one call passes 45. The naive
    [45]byte (what callers.py proved before frozen_vars.prefixes held the escaped path of a command) panics in
    `go test`; the original passes."""
    alone = EMIT.replace('\n\t"example.com/m/pull"\n', "").replace("pull.Wide(100)", '""')
    puller = MAIN_PULLER.format(name="pull").replace("main.emit", "example.com/m/cmd/tool%2ev2.emit")
    files = {"go.mod": GO_MOD, "pull/pull.go": puller, "cmd/tool.v2/main.go": alone}
    root = write_tree(tmp_path, {**files, "cmd/tool.v2/main_test.go": TESTED})
    at_most_speculative(proposals(root, RULE)["example.com/m/cmd/tool.v2"])
    assert toolchain.run(["test", "./cmd/tool.v2"], str(root)).returncode == 0
    naive = alone.replace("pad := make([]byte, n)\n", "var padBuf [45]byte\n\tpad := padBuf[:n:n]\n", 1)
    assert naive != alone
    (root / "cmd/tool.v2/main.go").write_text(naive)
    mutant = toolchain.run(["test", "./cmd/tool.v2"], str(root))
    assert mutant.returncode != 0 and b"slice bounds out of range" in mutant.stdout, mutant


SYMBOLS = {  # a symbol the build names -> is it p's grow (a function's, a method's, a command's)?
    "example.com/m/p.grow": True,
    "example.com/m/p.(*table).grow": True,
    "example.com/m/p.table.grow": True,
    "example.com/m/p.grower": False,
    "example.com/m/pkg.grow": False,
    "example.com/other.grow": False,
    "main.grow": False,  # p is no command
}


@pytest.mark.parametrize(("symbol", "named"), list(SYMBOLS.items()))
def test_a_symbol_names_the_package_function_or_method(symbol, named):
    package = SimpleNamespace(import_path="example.com/m/p", name="p")
    assert callers._pulled(SimpleNamespace(package=package, linked=frozenset({symbol})), "grow") is named


def test_a_command_function_is_main_dot_its_name_and_unlisted_symbols_name_everything():
    command = SimpleNamespace(import_path="example.com/m/cmd/tool", name="main")
    assert callers._pulled(SimpleNamespace(package=command, linked=frozenset({"main.emit"})), "emit")
    # its test binary links it by the import path (frozen_vars.prefixes), escaped where the last element has a dot
    assert callers._pulled(SimpleNamespace(package=command, linked=frozenset({"example.com/m/cmd/tool.emit"})), "emit")
    dotted_command = SimpleNamespace(import_path="example.com/m/cmd/tool.v2", name="main")
    linked = frozenset({"example.com/m/cmd/tool%2ev2.emit"})
    assert callers._pulled(SimpleNamespace(package=dotted_command, linked=linked), "emit")
    assert not callers._pulled(SimpleNamespace(package=command, linked=frozenset({"main.emitted"})), "emit")
    dotted = SimpleNamespace(import_path="example.com/m/lim.v2", name="lim")
    assert callers._pulled(SimpleNamespace(package=dotted, linked=frozenset({"example.com/m/lim%2ev2.grow"})), "grow")
    assert callers._pulled(SimpleNamespace(package=command, linked=None), "emit")
