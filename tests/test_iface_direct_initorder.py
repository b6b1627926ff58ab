"""iface-direct's removals and the package's initialization order (initorder.py): Go initializes a package variable
after every variable its initializer refers to, through the bodies of the functions it calls. Code the rewrite drops
as never run may hold a function's only reference to a package variable: when a variable's initializer reaches the
function, dropping it reorders the initialization. Declined on the else a succeeding assertion leaves dead and on
the `if !ok { … }` after a comma-ok statement, each with its naive rewrite (which prints "second first" as "first
second"); the same else in a package whose function runs only from init() (after every variable) is rewritten."""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals, releases
from conftest import module as write_module
from test_iface_direct import RULE
from test_iface_direct_guarded import package

from gorewrite.proposals import Fix

MARK = """var order string

func mark(s string) bool {
	order += s + " "
	return true
}

// Order says in which order the package's variables were initialized.
func Order() string { return order }
"""

CHECK_ELSE = """
// Check says whether a dial's error timed out.
func Check(slow bool) bool {
	ne := netErr{op: "dial", slow: slow}
	r := reply{id: 1, err: &ne}
	if t, ok := r.err.(timeouter); ok {
		order += "first "
		return t.Timeout()
	} else {
		return second
	}
}
"""

DECLINES = {
    # the review's reproducer: first's initializer calls Check, whose else names second, so second goes first
    "else_second": (
        package("else_second", 'var first = Check(true)\nvar second = mark("second")\n\n' + MARK + CHECK_ELSE),
        "second (line 44), of code the rewrite drops, is declared at package level",
    ),
    # the same through `if !ok { … }` after the comma-ok statement (commaok._failed_check)
    "method_second": (
        lambda s: (
            s.replace("\tif t, ok := r.err.(timeouter); ok {\n", "\t{\n\t\tt := timeouter(&ne)\n")
            .replace("\t} else {\n\t\treturn gate{}.open()\n\t}\n", "\t}\n")
            .replace("\tr := reply{id: 1, err: &ne}\n", "")
        ),
        "{pkg}.Order()",
    ),
    "not_ok_second": (
        package(
            "not_ok_second",
            'var first = Check(true)\nvar second = mark("second")\n\n'
            + MARK
            + """
// Check says whether a dial's error timed out.
func Check(slow bool) bool {
	ne := netErr{op: "dial", slow: slow}
	r := reply{id: 1, err: &ne}
	t, ok := r.err.(timeouter)
	if !ok {
		return second
	}
	order += "first "
	return t.Timeout()
}
""",
        ),
        "second (line 42), of code the rewrite drops, is declared at package level",
    ),
}

# the same else naming only a concrete method of the package, whose body names second (go/types: a method)
DECLINES["method_second"] = (
    package(
        "method_second",
        'var first = Check(true)\nvar second = mark("second")\n\n'
        + MARK
        + "\ntype gate struct{}\n\nfunc (gate) open() bool { return second }\n"
        + CHECK_ELSE.replace("return second", "return gate{}.open()"),
    ),
    "open (line 48), of code the rewrite drops, is declared at package level",
)

NAIVE = {
    "else_second": (
        lambda s: (
            s.replace("\tif t, ok := r.err.(timeouter); ok {\n", "\t{\n\t\tt := timeouter(&ne)\n")
            .replace("\t} else {\n\t\treturn second\n\t}\n", "\t}\n")
            .replace("\tr := reply{id: 1, err: &ne}\n", "")
        ),
        "{pkg}.Order()",
    ),
    "not_ok_second": (
        lambda s: s.replace(
            "\tt, ok := r.err.(timeouter)\n\tif !ok {\n\t\treturn second\n\t}\n", "\tt := timeouter(&ne)\n"
        ).replace("\tr := reply{id: 1, err: &ne}\n", ""),
        "{pkg}.Order()",
    ),
}

# first is set by init(), which runs after every package variable: no initializer reaches Check, and the else goes
INIT_ONLY = package(
    "init_only",
    'var first bool\nvar second = mark("second")\n\nfunc init() { first = Check(true) }\n\n' + MARK + CHECK_ELSE,
)


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    root = tmp_path_factory.mktemp("iface-initorder")
    cases = {name: entry[0] for name, entry in DECLINES.items()} | {"init_only": INIT_ONLY}
    write_module(root, {f"{name}/{name}.go": code for name, code in cases.items()})
    found = proposals(root, RULE, toolchains=[releases()[1]])
    return {pkg.rsplit("/", 1)[-1]: results for pkg, results in found.items()}


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory):
    return naive_mutants(tmp_path_factory.mktemp("iface-initorder-naive"), releases()[1], DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def _fix(proposed) -> Fix:
    (fix,) = [p for p in proposed["init_only"] if isinstance(p, Fix)]
    return fix


def test_a_function_no_initializer_reaches_is_rewritten(proposed):
    after = edited(INIT_ONLY, _fix(proposed))
    assert "\t{\n\t\tt := timeouter(&ne)\n" in after and "return second" not in after, after


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
def test_the_rewrite_allocates_less_and_computes_the_same(tmp_path_factory, proposed, release):
    cases = {"init_only": (INIT_ONLY, edited(INIT_ONLY, _fix(proposed)), "{pkg}.Check(true)")}
    allocs = allocs_of(tmp_path_factory.mktemp(f"iface-initorder-allocs{release}"), cases)
    before, after, result, rewritten = allocs[releases()[release].version]["init_only"]
    assert result == rewritten == '"true"', (result, rewritten)
    assert after < before, (before, after)
    print(releases()[release].version, before, "->", after)
