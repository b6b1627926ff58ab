"""iface-direct's concatenation in a function the compiler inlines (budget.py): it is offered only where the
function's own cost (-m=2) plus an upper bound of what the rewrite adds stays within the inliner's budget of 80
under every release that inlines it. Past it the function is no longer inlined and its callers, which kept the
result in their frames, allocate it: each must-decline keeps its naive rewrite as a mutant whose build no longer
says `can inline`.
"""

from __future__ import annotations

import os

import pytest
from conftest import assert_declines, module, only_fix, proposals, releases, write_tree

from gorewrite.escapes import Escape
from gorewrite.proposals import PackageView
from gorewrite.rules import RULES
from gorewrite.rules.iface_direct.budget import added, over
from gorewrite.rules.iface_direct.digits import Number
from gorewrite.syntax import walk

RULE = RULES["iface-direct"]

S, B, N, U, F = (None, False), (None, True), Number(None, "int"), Number(None, "uint32"), Number(None, "bool")

# shape -> (pieces as the rule joins them, formatted, Errorf, {release minor: (-m=2 cost before, after)}[, constant
# operands]), measured
# on one-line functions (`return fmt.Sprintf(...)`, `panic(...)`) and wrappers under go1.24.11 and go1.27.3.
MEASURED = {
    "dag syntaxError": ([b"l", N, b":", S, b" ", S], True, False, {24: (72, 75), 27: (72, 81)}),
    "%s-%d": ([S, b"-", N], True, False, {24: (67, 69), 27: (67, 75)}),
    "%d:%d": ([N, b":", N], True, False, {24: (67, 133), 27: (67, 145)}),
    "%s:%d-%t": ([S, b":", N, b"-", F], True, False, {24: (69, 79), 27: (69, 89)}),
    "u%d of uint32": ([b"u", U], True, False, {24: (65, 69), 27: (65, 75)}),
    "Sprint(s, n)": ([S, N], False, False, {24: (66, 68), 27: (66, 74)}),
    "Errorf bad %d": ([b"bad ", N], True, True, {24: (65, 76)}),  # go1.27 inlines no such Errorf wrapper (87)
    "x=%d of int64": ([b"x=", N], True, False, {24: (65, 68), 27: (65, 74)}),
    "Sprintln(n, s)": ([N, b" ", S, b"\n"], False, False, {24: (66, 70), 27: (66, 76)}),
    "panic in an if": ([b"invalid code ", N], True, False, {24: (74, 77), 27: (74, 83)}),
    "if n != 1 return": ([S, b"-", N], True, False, {24: (73, 75), 27: (73, 81)}),
    "%d.%d.%d": ([N, b".", N, b".", N], True, False, {24: (69, 199), 27: (69, 217)}),
    "%t%t%d": ([F, F, N], True, False, {24: (69, 85), 27: (69, 99)}),
    "%s=%d %t": ([S, b"=", N, b" ", F], True, False, {24: (69, 79), 27: (69, 89)}),
    "%s%s%d of []byte": ([B, B, N], True, False, {24: (69, 71), 27: (69, 77)}),
    "Sprint of constants": ([b"sess:", S, b":", N], False, False, {24: (70, 70), 27: (70, 76)}, 2),
    "%s%s%d of a constant": ([S, b"/", N], True, False, {24: (69, 69), 27: (69, 75)}, 1),
    "n++ then %d": ([b"req-", N], True, False, {24: (70, 73), 27: (70, 79)}),
    # a defined type's conversion to its underlying one (int64(c), uint64(l), bool(f)) is OCONVNOP: free
    "c%d of type Code int": ([b"c", Number(None, "int", "%d", True)], True, False, {24: (65, 68), 27: (65, 74)}),
    "l%d of type Level uint8": ([b"l", Number(None, "uint8", "%d", True)], True, False, {24: (65, 69), 27: (65, 75)}),
    "f%t of type Flag bool": ([b"f", Number(None, "bool", "%t", True)], True, False, {24: (65, 12), 27: (65, 16)}),
}


@pytest.mark.parametrize("shape", MEASURED)
def test_the_bound_is_never_below_what_the_compiler_measured(shape):
    """added() is an upper bound of cost(after) - cost(before), and a close one: at most one above per integer
    (an int's conversion to int64 costs nothing, a uint32's 1), as the slack declines functions that would fit."""
    pieces, formatted, erroring, costs, *constants = MEASURED[shape]
    integers = sum(isinstance(p, Number) and p.kind != "bool" for p in pieces)
    for minor, (before, after) in costs.items():
        bound = added(pieces, minor, formatted, erroring, *constants)
        assert after - before <= bound <= after - before + integers, (shape, minor, before, after, bound)


def test_an_unmeasured_release_takes_the_budget_for_each_callee_and_nothing_for_fmts_call():
    """No inlined callee costs more than the budget, and fmt's call may be inlined at any cost below it."""
    assert added([S, b"-", N], 99, True, False) == added([S, b"-", N], 27, True, False) + (80 - 63) + 57


PARSER = """package dag

import "fmt"

type syntaxError string

type rulesParser struct {
	lineno   int
	lastWord string
}

// syntaxError stops the parse, as std's internal/dag does.
func (p *rulesParser) syntaxError(msg string) {
	panic(syntaxError(fmt.Sprintf("parsing graph: line %d: syntax error: %s near %s", p.lineno, msg, p.lastWord)))
}
"""

REPLICA = """package replica

import "fmt"

// Name is the name of a replica; the first keeps the plain name.
func Name(name string, n int) string {
	if n != 1 {
		return fmt.Sprintf("%s-%d", name, n)
	}
	return name
}
"""

IDS = """package ids

import "fmt"

type gen struct{ n int }

// Next numbers a request.
func (g *gen) Next() string {
	g.n++
	return fmt.Sprintf("req-%d", g.n)
}

// Probe numbers one request past 255, where fmt boxes by allocating.
func Probe() int {
	g := gen{n: 300}
	return len(g.Next())
}
"""

STRINGS = """package strs

import "fmt"

// Join joins a host and a port: strings alone cost the inliner less than fmt's call did.
func Join(host, port string) string { return fmt.Sprintf("%s:%s", host, port) }
"""

BIG = """package big

import "fmt"

// Describe is too costly to inline before any rewrite: nothing a caller keeps depends on it.
func Describe(name string, value, def int, set bool) string {
	if !set {
		return fmt.Sprintf("%s: %d (default)", name, def)
	}
	return fmt.Sprintf("%s: %d (default %d)", name, value, def)
}
"""


def _inlines(tmp_path, name: str, source: str, function: str) -> dict[str, bool]:
    """Does each release still say `can inline <function>` of the source? The naive mutant's check."""
    root = write_tree(tmp_path / f"naive-{name}", {"go.mod": "module example.com/naive\n\ngo 1.22\n", "p/p.go": source})
    said = {}
    for release in releases():
        out = release.run(["build", "-o", os.devnull, "-gcflags=-m", "./p"], str(root)).stderr.decode()
        said[release.version] = f"can inline {function}\n" in out
    return said


def _naive(source: str, call: str, concatenation: str) -> str:
    return source.replace('import "fmt"', 'import "strconv"').replace(call, concatenation)


def test_std_internal_dag_declines_where_go127_would_lose_the_inlining(tmp_path):
    """The census's one rejection: cost 72, 81 after under go1.27.3 (75 under go1.24.11, which alone fits)."""
    root = module(tmp_path, {"dag/dag.go": PARSER})
    found = proposals(root, RULE, list(releases()))["example.com/m/dag"]
    assert_declines(found, "the compiler inlines syntaxError (cost 72 under go1.27.3), and the concatenation may add")
    naive = _naive(
        PARSER,
        'fmt.Sprintf("parsing graph: line %d: syntax error: %s near %s", p.lineno, msg, p.lastWord)',
        '"parsing graph: line " + string(strconv.AppendInt(make([]byte, 0, 20), int64(p.lineno), 10))'
        ' + ": syntax error: " + msg + " near " + p.lastWord',
    )
    said = _inlines(tmp_path, "dag", naive, "(*rulesParser).syntaxError")
    assert said == {"go1.27.3": False, "go1.24.11": True}, said


def test_go124_alone_takes_the_dag_shape_it_keeps_inlining(tmp_path):
    """Each release's own cost and callees: go1.24 does not inline AppendInt, and the function stays within."""
    root = module(tmp_path, {"dag/dag.go": PARSER})
    older = [r for r in releases() if r.version == "go1.24.11"]
    assert only_fix(proposals(root, RULE, older)["example.com/m/dag"])


def test_a_function_just_under_the_budget_declines(tmp_path):
    """Cost 73 with an `if` around the call: 81 after under go1.27.3 (std's benchmarkName)."""
    root = module(tmp_path, {"replica/replica.go": REPLICA})
    found = proposals(root, RULE, list(releases()))["example.com/m/replica"]
    assert_declines(found, "the compiler inlines Name (cost 73 under go1.27.3)")
    appended = 'name + "-" + string(strconv.AppendInt(make([]byte, 0, 20), int64(n), 10))'
    naive = _naive(REPLICA, 'fmt.Sprintf("%s-%d", name, n)', appended)
    assert _inlines(tmp_path, "replica", naive, "Name")["go1.27.3"] is False


def test_a_function_of_two_statements_that_fits_is_rewritten_and_stays_inlined(tmp_path):
    """`g.n++` before the call: cost 70, 79 after under go1.27.3 and 73 under go1.24.11, both within 80."""
    root = module(tmp_path, {"ids/ids.go": IDS})
    fix = only_fix(proposals(root, RULE, list(releases()))["example.com/m/ids"])
    assert any(b"strconv.AppendInt" in e.new for e in fix.edits)
    appended = '"req-" + string(strconv.AppendInt(make([]byte, 0, 20), int64(g.n), 10))'
    naive = _naive(IDS, 'fmt.Sprintf("req-%d", g.n)', appended)
    assert _inlines(tmp_path, "ids", naive, "(*gen).Next") == {"go1.27.3": True, "go1.24.11": True}


def test_strings_alone_cost_less_and_need_no_cost(tmp_path):
    """A concatenation of strings costs the inliner less than fmt's call: an inlined function takes it."""
    root = module(tmp_path, {"strs/strs.go": STRINGS})
    found = proposals(root, RULE, list(releases()))["example.com/m/strs"]
    assert found and all(not hasattr(p, "reason") for p in found), found


def test_a_function_the_compiler_does_not_inline_needs_no_budget(tmp_path):
    """No `can inline` line under any release: the rewrite cannot stop an inlining (three appends, two calls)."""
    root = module(tmp_path, {"big/big.go": BIG})
    found = proposals(root, RULE, list(releases()))["example.com/m/big"]
    assert found and all(not hasattr(p, "reason") for p in found), found


def _view(source: str, inlined: dict[str, bool], costs: dict[str, int]):
    """A view of one file whose function F the releases inline or not, with the -m=2 costs given."""
    path = "/m/p/p.go"
    at = (3, 6)
    said = (Escape(path, *at, "can inline F"),)
    view = PackageView(
        package=None,
        sources={path: source.encode()},
        escapes=said if any(inlined.values()) else (),
        by_toolchain={v: said if inlined[v] else () for v in inlined},
        flows={v: {(path, *at): (f"can inline F with cost {c}",)} for v, c in costs.items()},
    )
    call = next(n for n in walk(view.tree(path).root_node) if n.type == "call_expression")
    return view, path, call


ONE = 'package p\n\nfunc F(s string, n int) string { return fmt.Sprintf("%s-%d", s, n) }\n'


def test_each_release_is_held_to_its_own_cost():
    """`%s-%d` adds at most 3 under go1.24 (AppendInt a call), 9 under go1.27 (AppendInt inlined at 63): each
    release is held to its own cost with its own callees."""
    view, path, call = _view(ONE, {"go1.24.11": True, "go1.27.3": True}, {"go1.24.11": 78, "go1.27.3": 67})
    assert "cost 78 under go1.24.11" in over(view, path, call, [S, b"-", N], "Sprintf")
    view, path, call = _view(ONE, {"go1.24.11": True, "go1.27.3": True}, {"go1.24.11": 67, "go1.27.3": 73})
    assert "cost 73 under go1.27.3" in over(view, path, call, [S, b"-", N], "Sprintf")
    view, path, call = _view(ONE, {"go1.24.11": True, "go1.27.3": True}, {"go1.24.11": 67, "go1.27.3": 67})
    assert over(view, path, call, [S, b"-", N], "Sprintf") is None


def test_a_generic_function_is_held_to_its_costliest_shape():
    """`func Sh[E ~string | ~[]byte](t *T, x E, n int) string { t.s = string(x); return fmt.Sprintf("g-%d", n) }`
    says `can inline Sh[go.shape.string] with cost 69` and then `Sh[go.shape.[]uint8] with cost 70` at its name
    (string(x) is free of a string, a conversion of bytes): 71 and 72 under go1.27.3 take the []byte shape past 80
    with +9, where the first line alone fits."""
    view, path, call = _view(ONE, {"go1.27.3": True}, {})
    lines = ("can inline F[go.shape.string] with cost 71", "can inline F[go.shape.[]uint8] with cost 72")
    view.flows["go1.27.3"] = {(path, 3, 6): lines}
    assert "cost 72 under go1.27.3" in over(view, path, call, [S, b"-", N], "Sprintf")


LITERAL = 'package p\n\nvar F = func(n int) string { return fmt.Sprintf("id-%d", n) }\n'


def test_a_func_literal_is_held_to_the_closure_budget():
    """The inliner gives a func literal 800, not 80 (`can inline (*T).Now21.func1 with cost 86` under go1.24.11 and
    go1.27.3): a literal of cost 78 takes +10 and stays inlined, and one of 795 does not."""
    view, path, call = _view(LITERAL, {"go1.27.3": True}, {})
    literal = next(n for n in walk(view.tree(path).root_node) if n.type == "func_literal")
    at = (3, literal.start_byte - view.sources[path].rfind(b"\n", 0, literal.start_byte))
    view.escapes = view.by_toolchain["go1.27.3"] = (Escape(path, *at, "can inline glob..func1"),)
    view.flows["go1.27.3"] = {(path, *at): ("can inline glob..func1 with cost 78",)}
    assert over(view, path, call, [b"id-", N], "Sprintf") is None
    view.flows["go1.27.3"] = {(path, *at): ("can inline glob..func1 with cost 795",)}
    assert "budget of 800" in over(view, path, call, [b"id-", N], "Sprintf")
    view.by_toolchain = {"go1.99.0": view.escapes}  # a release not measured: 80, as for any function
    view.flows = {"go1.99.0": {(path, *at): ("can inline glob..func1 with cost 65",)}}
    assert "budget of 80 " in over(view, path, call, [b"id-", N], "Sprintf")


def test_a_release_that_does_not_inline_the_function_is_not_held_to_the_budget():
    view, path, call = _view(ONE, {"go1.24.11": False, "go1.27.3": True}, {"go1.27.3": 67})
    assert over(view, path, call, [N, b":", N], "Sprintf") is not None  # go1.27's 67 + 78
    view, path, call = _view(ONE, {"go1.24.11": True, "go1.27.3": False}, {"go1.24.11": 67})
    assert over(view, path, call, [S, b"-", N], "Sprintf") is None  # go1.24's 67 + 4


def test_an_unknown_cost_declines_unless_the_rewrite_costs_less():
    """No -m=2 cost where a release inlines the function: a number declines, strings alone need none."""
    view, path, call = _view(ONE, {"go1.27.3": True}, {})
    assert "its cost to the inliner is not known" in over(view, path, call, [S, b"-", N], "Sprintf")
    assert over(view, path, call, [S, b"-", S], "Sprintf") is None


def test_an_unmeasured_release_declines_in_a_function_it_inlines():
    view, path, call = _view(ONE, {"go1.30.1": True}, {"go1.30.1": 60})
    assert "cost 60 under go1.30.1" in over(view, path, call, [S, b"-", N], "Sprintf")


CODE = """package code

import "fmt"

// Check panics on a status code out of range.
func Check(code int) {
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("%d", code))
	}
}
"""


def test_a_number_alone_is_bounded_as_a_concatenation_of_one(tmp_path):
    """`strconv.Itoa(code)` alone: cost 74 -> 79 under go1.27.3 (75 under go1.24.11). The concatenation's bound
    (+9) declines it under go1.27.3 although it fits: the price of bounding a piece alone at all (below)."""
    root = module(tmp_path, {"code/code.go": CODE})
    found = proposals(root, RULE, list(releases()))["example.com/m/code"]
    assert_declines(found, "the compiler inlines Check (cost 74 under go1.27.3), and the concatenation may add 9")


TOKEN = """package token

import "fmt"

type token struct {
	kind int
	r    rune
	text string
}

// String shows a character token quoted, as a parser's error names it.
func (t token) String() string {
	if t.kind == 'c' && t.text == "" {
		return fmt.Sprintf("%q", t.r)
	}
	return t.text
}
"""


def test_a_quoted_rune_alone_declines_where_it_would_stop_the_inlining(tmp_path):
    """`%q` alone becomes string(strconv.AppendQuoteRune(...)): cost 79 -> 87 under go1.24.11 and go1.27.3 alike
    (bounded at 11: AppendQuoteRune's 65 measured, budget.CALLEES).
    Left unbounded as a piece alone (reach55a), it was proposed and rejected by the verifier under both."""
    root = module(tmp_path, {"token/token.go": TOKEN})
    found = proposals(root, RULE, list(releases()))["example.com/m/token"]
    assert_declines(found, "the compiler inlines String (cost 79 under go1.24.11), and the concatenation may add 11")
    quoted = "string(strconv.AppendQuoteRune(make([]byte, 0, 12), t.r))"
    naive = _naive(TOKEN, 'fmt.Sprintf("%q", t.r)', quoted)
    assert _inlines(tmp_path, "token", naive, "token.String") == {"go1.27.3": False, "go1.24.11": False}


SESSION = """package session

import "fmt"

// Key keys a session by tenant and number.
func Key(tenant string, n int) string { return fmt.Sprint("sess:", tenant, ":", n) }
"""


def test_constant_operands_count_in_what_fmts_call_cost(tmp_path):
    """fmt's call held "sess:" and ":" as operands (a literal and a conversion to any each): cost 70 -> 76 under
    go1.27.3, within 80; without them the bound said 81 (probe iface-sprintf-ints' SessionKey, verified at lead)."""
    root = module(tmp_path, {"session/session.go": SESSION})
    assert only_fix(proposals(root, RULE, list(releases()))["example.com/m/session"])
