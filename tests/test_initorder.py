"""initorder.early: the first package-level initializer that may run the package's code before a sentinel
is set (a call through an interface or a func value is no reference for Go's init order), syntax only."""

from __future__ import annotations

import pytest

from gorewrite.initorder import early
from gorewrite.packages import Package
from gorewrite.proposals import PackageView

PRELUDE = """package p

import (
\t"fmt"
\t"regexp"
\t"sort"
\t"strings"
)

type T int

type I interface{ Encode(string) int }

type w struct{}

func (w) Encode(s string) int { return len(s) }

func build(e I) int { return e.Encode("x") }

const max = 3

const typed T = 1

var _, _, _, _ = fmt.Sprint, regexp.MustCompile, sort.Ints, strings.Repeat

"""
HARMLESS = {
    "other_package": 'var re = regexp.MustCompile("^[a-z]+$")',
    "errorf_constant": 'var errLong = fmt.Errorf("over %d", max)',
    "conversion": 'var b = []byte("x")',
    "pointer_conversion": "var _ I = (*w)(nil)",
    "package_type_conversion": "var t = T(max)",
    "builtin": 'var n = len("abc") + cap(make([]int, max))',
    "func_literal_not_called": "var f = func() int { return build(w{}) }",
    "composite": 'var m = map[string]int{"a": max}',
    "nested_other_package": 'var s = fmt.Sprint(strings.Repeat("a", max))',
}
RUNS_CODE = {
    "package_function": "var t = build(w{})",
    "method": 'var t = w{}.Encode("x")',
    "func_value": "var g = build\n\nvar t = g(w{})",
    "called_literal": "var t = func() int { return 1 }()",
    "package_value_to_fmt": "var s = fmt.Sprint(w{})",
    "typed_constant_to_fmt": "var s = fmt.Sprint(typed)",
    "func_literal_argument": "var i = sort.Search(max, func(int) bool { return build(w{}) > 0 })",
    "package_variable_argument": 'var v = "x"\n\nvar s = strings.Repeat(v, max)',
    "shadowed_builtin": 'func len(s string) int { return build(w{}) }\n\nvar n = len("x")',
    "cgo": "var c = C.f()",
}


def view(tmp_path, body: str, test: str | None = None, prelude: str = PRELUDE) -> PackageView:
    path = str(tmp_path / "p.go")
    source = (prelude + body + "\n").encode()
    (tmp_path / "p.go").write_bytes(source)
    if test is not None:
        (tmp_path / "p_test.go").write_text(test)
    package = Package(
        "example.com/p", "p", str(tmp_path), None, "1.22", (path,), frozenset({path}), {}, (), False, None
    )
    return PackageView(package, {path: source}, ())


@pytest.mark.parametrize("name", list(HARMLESS))
def test_an_initializer_calling_no_package_code_lets_the_sentinel_count(tmp_path, name):
    assert early(view(tmp_path, HARMLESS[name])) is None


@pytest.mark.parametrize("name", list(RUNS_CODE))
def test_an_initializer_that_may_run_package_code_is_found(tmp_path, name):
    body = RUNS_CODE[name]
    assert early(view(tmp_path, body)) == PRELUDE.count("\n") + body.count("\n") + 1


def test_a_dot_import_call_declines(tmp_path):
    dotted = PRELUDE.replace('\t"strings"\n', '\t. "strings"\n').replace("strings.Repeat", "Repeat")
    assert early(view(tmp_path, 'var s = Repeat("a", max)', prelude=dotted)) is not None


def test_an_in_package_test_file_counts_and_an_external_one_does_not(tmp_path):
    assert early(view(tmp_path, "", "package p\n\nvar t = build(w{})\n")) == 3
    (tmp_path / "p_test.go").unlink()
    assert early(view(tmp_path, "", "package p_test\n\nvar t = f()\n")) is None


def test_a_file_of_the_directory_that_does_not_parse_declines(tmp_path):
    assert early(view(tmp_path, "", "//go:build ignore\n\npackage p\n\nvar t = build(w{}\n")) is not None
