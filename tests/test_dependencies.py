"""One `go list -deps -test` per toolchain and run serves both readers of the dependency graph, with the
answers each gave of its own listing: parameters.varying (as a build without tests sees a package) and
module_writers.module_imports (the package's own tests, not another's)."""

from __future__ import annotations

import json
import shutil

from conftest import ROOT, module

from gorewrite import cli, progress
from gorewrite.dependencies import listing
from gorewrite.module_writers import module_imports
from gorewrite.parameters import varying
from gorewrite.toolchain import Toolchain

M = "example.com/m"
# a's tests: the internal one imports c (a file for plan9), the external one tu, which imports a (so go
# lists tu only as `tu [a.test]`); o's tests: the external one imports a (`a [o.test]`), the internal d.
TEST = 'package {}\n\nimport (\n\t"testing"\n\n\t"example.com/m/{}"\n)\n\nfunc Test{}(t *testing.T) {{ {}() }}\n'
FILES = {
    "a/a.go": f'package a\n\nimport "{M}/o"\n\nfunc A() {{ o.O() }}\n',
    "a/a_test.go": TEST.format("a", "c", "A", "c.C"),
    "a/x_test.go": TEST.format("a_test", "tu", "X", "tu.T"),
    "tu/tu.go": f'package tu\n\nimport "{M}/a"\n\nfunc T() {{ a.A() }}\n',
    "c/c.go": "package c\n\nfunc C() {}\n",
    "c/c_plan9.go": "package c\n\nfunc init() { println() }\n",  # more than added names (build_files)
    "o/o.go": "package o\n\nfunc O() {}\n",
    "o/o_test.go": TEST.format("o", "d", "O", "d.D"),
    "o/x_test.go": TEST.format("o_test", "a", "Y", "a.A"),
    "d/d.go": "package d\n\nfunc D() {}\n",
}


def test_a_package_listed_only_as_a_tests_variant_has_its_own_builds_dependencies(tmp_path, toolchain):
    """`tu [a.test]` depends on `a [a.test]`, which a's internal test makes import c (a plan9 file): tu
    itself imports a and o only, and no build of tu compiles c. Its variant's Deps would blame c."""
    root = str(module(tmp_path, FILES))
    listed = listing(toolchain, [f"{M}/a", f"{M}/o"], root)
    assert f"{M}/tu" not in listed.lines and f"{M}/tu [{M}/a.test]" in listed.lines
    assert f"{M}/c" in listed.lines[f"{M}/tu [{M}/a.test]"].deps  # what the naive reading would see
    assert varying(listed, [f"{M}/tu"]) == {}
    assert varying(listed, [f"{M}/a", f"{M}/c"]) == {f"{M}/c": "c_plan9.go"}  # a's build: o only
    assert varying(listed, [f"{M}/tu"]) == varying(listing(toolchain, [f"{M}/tu"], root), [f"{M}/tu"])


def test_module_imports_of_a_package_are_its_own_tests_whatever_else_is_listed(tmp_path, toolchain):
    """Listed with o, a is also `a [o.test]`, whose Deps hold d (o's internal test's import): a's tests
    never import d, and the answer is the one a listing of a alone gives."""
    root = str(module(tmp_path, FILES))
    both = listing(toolchain, [f"{M}/a", f"{M}/o"], root)
    assert f"{M}/d" in both.lines[f"{M}/a [{M}/o.test]"].deps
    alone = module_imports(listing(toolchain, [f"{M}/a"], root), [f"{M}/a"])
    assert module_imports(both, [f"{M}/a"]) == alone
    assert {f"{M}/c", f"{M}/o"} <= set(alone[0][f"{M}/a"]) and f"{M}/d" not in alone[0][f"{M}/a"]


def test_one_fix_run_lists_the_dependencies_once_per_toolchain(tmp_path, monkeypatch, capsys):
    """The proposal cache's keys, the main module's writers and the parameter compile read one listing:
    it was four `go list -deps` per toolchain (a run of the example module)."""
    root = tmp_path / "logship"
    shutil.copytree(ROOT / "examples" / "logship", root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(progress, "for_terminal", lambda quiet: None)
    calls: list[list[str]] = []
    run = Toolchain.run

    def recording(self, args, cwd, input=None):
        calls.append(args)
        return run(self, args, cwd, input)

    monkeypatch.setattr(Toolchain, "run", recording)
    cli.main(["fix", "--dry-run", "--format", "json"])
    assert "+++" in json.loads(capsys.readouterr().out)["diff"], "the run proposes and verifies"
    assert sum(1 for args in calls if args[0] == "list" and "-deps" in args) == 1


def test_a_file_name_holding_a_comma_is_one_file(tmp_path, toolchain):
    """Go builds `odd,name.go` and leaves out `odd,name_windows.go`; read as two names split at the comma, the
    varying check opened a file `odd` and the run stopped (review adv41f: `odd: No such file or directory`)."""
    root = str(
        module(
            tmp_path,
            {
                "c/odd,name.go": "package c\n\nfunc C() {}\n",
                "c/odd,name_windows.go": "package c\n\nfunc init() { println() }\n",
            },
        )
    )
    listed = listing(toolchain, [f"{M}/c"], root)
    assert listed.built()[f"{M}/c"].go_files == ("odd,name.go",)
    assert varying(listed, [f"{M}/c"]) == {f"{M}/c": "odd,name_windows.go"}


def test_a_go_build_ignore_line_go_build_does_not_read_leaves_the_file_a_variant(tmp_path, toolchain):
    """`//go:build ignore` inside a `/* */` comment constrains nothing: c_plan9.go is plan9's by its name, and its
    init runs in that build. A regex on the header took it for a generator no build compiles and called c the
    same in every build (its verdicts trusted for plan9); constraints.read reads the header as go/build does."""
    header = "/*\n//go:build ignore\n*/\n\n"
    root = str(module(tmp_path, {**FILES, "c/c_plan9.go": header + FILES["c/c_plan9.go"]}))
    listed = listing(toolchain, [f"{M}/c"], root)
    assert varying(listed, [f"{M}/c"]) == {f"{M}/c": "c_plan9.go"}
    (tmp_path / "c" / "c_plan9.go").write_text("//go:build\tignore\n\n" + FILES["c/c_plan9.go"])  # a generator
    assert varying(listing(toolchain, [f"{M}/c"], root), [f"{M}/c"]) == {}
