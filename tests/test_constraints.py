"""constraints: a file's build constraint as go/build reads it, and the Go version the compiler takes from it.

FILES holds what `go list -f '{{.GoFiles}} {{.IgnoredGoFiles}}'` said of each form under go1.24.11 and go1.27.3
(linux/amd64); test_go_list_agrees runs both again, so the table cannot drift from go. VERSIONS holds what a
closure over a 3-clause loop variable printed in a go 1.22 module (`3 3 3`: shared, go1.21; `0 1 2`: the module's)."""

from __future__ import annotations

import time

import pytest
from conftest import releases, write_tree

from gorewrite import constraints

ERROR = "error"
# case -> (the file, built by go1.24.11, built by go1.27.3)
FILES = {
    "indented": (b"  //go:build ignore\n\npackage p\n", False, False),
    "tab_after": (b"//go:build\tignore\n\npackage p\n", False, False),
    "bom": (b"\xef\xbb\xbf//go:build ignore\n\npackage p\n", False, False),
    "crlf": (b"//go:build ignore\r\n\r\npackage p\r\n", False, False),
    "block_comment_then_go_build": (b"/* license */\n//go:build ignore\n\npackage p\n", False, False),
    "go_build_in_block_comment": (b"/*\n//go:build ignore\n*/\n\npackage p\n", True, True),
    "go_build_after_block_comment_on_its_line": (b"/* x */ //go:build ignore\n\npackage p\n", True, True),
    "go_build_in_doc_comment": (b"// Package p.\n//go:build ignore\npackage p\n", False, False),
    "go_build_after_package": (b"package p\n\n//go:build ignore\n", True, True),
    "go_build_in_raw_string": (b"package p\n\nvar s = `\n//go:build ignore\n`\n", True, True),
    "go_buildx": (b"//go:buildignore\n\npackage p\n", True, True),
    "two_go_build_lines": (b"//go:build linux\n//go:build ignore\n\npackage p\n", ERROR, ERROR),
    "plus_build_alone": (b"// +build ignore\n\npackage p\n", False, False),
    "plus_build_without_space": (b"//+build ignore\n\npackage p\n", False, False),
    "plus_build_lines_and": (b"// +build linux\n// +build ignore\n\npackage p\n", False, False),
    "plus_build_with_go_build": (b"//go:build linux\n// +build ignore\n\npackage p\n", True, True),
    "plus_build_in_doc_comment": (b"// +build ignore\npackage p\n", True, True),
    "plus_build_after_block_comment": (b"/* x */\n// +build ignore\n\npackage p\n", True, True),
    "go125_and_not_ignore": (b"//go:build go1.25 && !ignore\n\npackage p\n", False, True),
    "not_go121": (b"//go:build !go1.21\n\npackage p\n", False, False),
    "linux_or_darwin_and_go123": (b"//go:build (linux || darwin) && go1.23\n\npackage p\n", True, True),
    # go/build/constraint's lexer skips only spaces and tabs; a tag is letters (IsLetter), Nd digits, `_` and `.`
    "vertical_tab_between_operands": (b"//go:build linux\v&& amd64\n\npackage p\n", ERROR, ERROR),
    "no_break_space_between_operands": ("//go:build linux\u00a0|| ignore\n\npackage p\n".encode(), ERROR, ERROR),
    "superscript_in_tag": ("//go:build linux || x\u00b2\n\npackage p\n".encode(), ERROR, ERROR),
    # strings.Fields splits a +build line at unicode.IsSpace only (not U+001F): one invalid tag, read `ignore`
    "plus_build_unit_separator": (b"// +build linux\x1famd64\n\npackage p\n", False, False),
    # more than 100 && and || in a +build line: errComplex, and shouldBuild skips the line
    "plus_build_over_100_operators": (b"// +build" + b" ignore" * 102 + b"\n\npackage p\n", True, True),
    "plus_build_100_operators": (b"// +build" + b" ignore" * 101 + b"\n\npackage p\n", False, False),
}


def built(source: bytes, minor: int) -> bool | str:
    found = constraints.read(source)
    if isinstance(found, str):
        return ERROR
    tags = {"linux", "amd64", "unix", "gc", "cgo", *(f"go1.{n}" for n in range(1, minor + 1))}
    return found is None or constraints.holds(found.expr, tags.__contains__)


@pytest.mark.parametrize("name", list(FILES))
def test_reads_the_constraint_as_go_list_does(name):
    source, older, newest = FILES[name]
    assert (built(source, 24), built(source, 27)) == (older, newest)


def test_go_list_agrees(tmp_path):
    files = {"go.mod": "module m\n\ngo 1.22\n"}
    for name in FILES:
        files[f"{name}/b.go"] = "package p\n"
    root = write_tree(tmp_path, files)
    for name, (source, *_) in FILES.items():
        (root / name / "a.go").write_bytes(source)
    for toolchain, column in zip(releases(), (2, 1), strict=True):
        listed = toolchain.run(
            ["list", "-e", "-f", "{{.Dir}} {{.GoFiles}} {{if .Error}}error{{end}}", "./..."], str(root)
        )
        said = {
            line.split()[0].rsplit("/", 1)[1]: line.split(None, 1)[1] for line in listed.stdout.decode().splitlines()
        }
        for name, row in FILES.items():
            expected = row[column]
            got = ERROR if said[name].endswith("error") else "a.go" in said[name]
            assert got == expected, (toolchain.version, name, said[name])


def test_the_expression_and_where_it_came_from():
    assert constraints.read(b"//go:build (linux || darwin) && go1.23\n\npackage p\n") == constraints.Constraint(
        "(linux || darwin) && go1.23", ("and", ("or", ("tag", "linux"), ("tag", "darwin")), ("tag", "go1.23")), False
    )
    plus = constraints.read(b"// +build linux,!cgo darwin\n// +build amd64\n\npackage p\n")
    assert plus.plus_build and plus.text == "((linux && !cgo) || darwin) && amd64"  # as constraint.Expr.String()
    assert constraints.read(b"package p\n") is None
    assert "two //go:build lines" in constraints.read(FILES["two_go_build_lines"][0])
    assert "cannot parse" in constraints.read(b"//go:build linux &&\n\npackage p\n")
    assert "cannot parse" in constraints.read(b"//go:build !!linux\n\npackage p\n")


@pytest.mark.parametrize(
    ("header", "version", "compiled"),
    [
        ("//go:build go1.21", 21, "3 3 3"),
        ("//go:build\tgo1.21", 21, "3 3 3"),
        ("  //go:build go1.21", 21, "3 3 3"),
        ("//go:build go1.21 && !ignore", 21, "3 3 3"),
        ("//go:build (linux || darwin) && go1.21", 21, "3 3 3"),
        ("//go:build go1.21 || linux", None, "0 1 2"),
        ("//go:build !go1.99", None, "0 1 2"),
        ("//go:build linux", None, "0 1 2"),
        # GoVersion: strings.Cut(tag, "go1.") then strconv.Atoi (ASCII digits, int64): no version, so max wins
        ("//go:build go1.21 && (go1.\u0662\u0662 || go1.22)", 21, "3 3 3"),
        ("//go:build go1.21 && (go1.99999999999999999999 || go1.22)", 21, "3 3 3"),
        ("//go:build go1.21 && (go1.\uff12\uff12 || go1.22)", 21, "3 3 3"),
        ("//go:build go1.21 && (linux || !linux)", 21, "3 3 3"),
        ("//go:build xgo1.22", 22, "0 1 2"),  # with -tags xgo1.22: the go1. anywhere in the tag
        ("", None, "0 1 2"),
    ],
)
def test_the_go_version_is_the_compilers(header, version, compiled):
    """`compiled`: what the loop printed under both releases, in a go 1.22 module (go1.21 shares the variable)."""
    assert constraints.go_version(f"{header}\n\npackage main\n".encode()) == version
    assert (version is not None and version < 22) == (compiled == "3 3 3")


def test_an_ignore_constraint_is_evaluated_not_matched():
    def needs(line: bytes) -> bool:
        found = constraints.read(line + b"\n\npackage main\n")
        return isinstance(found, constraints.Constraint) and constraints.needs(found.expr, "ignore")

    assert needs(b"//go:build ignore") and needs(b"//go:build\tignore && linux") and needs(b"// +build ignore")
    assert needs(b"//go:build ignore && (linux || !linux)")
    assert not needs(b"//go:build ignore || linux") and not needs(b"//go:build !ignore")
    assert not needs(b"/*\n//go:build ignore\n*/") and not needs(b"// +build ignore\n//go:build linux")
    # go skips a +build line of more than 100 operators: a `_windows.go` file with one is no generator
    assert not needs(b"// +build" + b" ignore" * 102) and needs(b"// +build" + b" ignore" * 101)


def test_a_tag_the_compiler_reads_a_version_from_is_a_release_variant():
    """build-variant declines a file whose constraint names a version: `xgo1.21` (-tags) makes the file go1.21."""
    assert constraints.versions(constraints.parse("linux && xgo1.21"))
    assert constraints.versions(constraints.parse("go1.21")) and not constraints.versions(constraints.parse("linux"))


def test_odd_expressions_are_answered_not_raised():
    """Go reads up to 1,000 operands (maxSize); parentheses nested past what gorewrite reads make a caller decline
    (constrained, not a generator, the oldest go1): never a RecursionError."""
    chain = " && ".join(f"t{n}" for n in range(999))
    found = constraints.read(f"//go:build {chain}\n\npackage p\n".encode())
    assert constraints.holds(found.expr, lambda t: True) and not constraints.needs(found.expr, "t1")
    assert "too large" in constraints.read(f"//go:build {chain} && a && b\n\npackage p\n".encode())
    deep = "//go:build " + "(" * 300 + "go1.22" + ")" * 300 + "\n\npackage p\n"
    assert constraints.DEEP in constraints.read(deep.encode()) and constraints.go_version(deep.encode()) == 0
    assert constraints.go_version(b"/* unterminated\n//go:build go1.21\n") is None


def test_a_long_header_is_read_in_linear_time():
    """go_version copied the rest of the file at each comment: 200,000 comment lines took 51 s (now ~1 s)."""
    header = b"// line\n" * 100_000 + b"/* x */\n" * 100_000 + b"//go:build go1.21\n\npackage p\n"
    start = time.monotonic()
    assert constraints.go_version(header) == 21 and constraints.read(header).text == "go1.21"
    assert time.monotonic() - start < 20
