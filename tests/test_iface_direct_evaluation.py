"""iface-direct's proofs that what a rewrite drops or moves is evaluated as before, decided from go/types,
not from spelling: a map literal's key may panic whatever its type is spelled (go/types says it is a
map), `len` may be the package's own; an assertion under `defer` keeps its evaluation time; and a value
boxed in code that never ran is no escape the fix removed.
"""

from __future__ import annotations

import json

import pytest
from conftest import (
    assert_declines,
    assert_naive_is_wrong,
    edited,
    gorewrite,
    module,
    naive_mutants,
    naive_rewrites,
    proposals_by_case,
)

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

BOX = """
// Box holds a size.
type Box struct{ n int }

func (b *Box) Size() int { return b.n }

type sizer interface{ Size() int }
"""


def case(name: str, body: str, imports: str = "") -> str:
    return f"package {name}\n{imports}\n{BOX}\n{body}"


DECLINES = {
    # a named map type: an `any` key may be unhashable, the literal panics, dropping it drops the panic
    "named_map": (
        case(
            "named_map",
            """// Tags are the labels a value is filed under.
type Tags map[any]bool

type holder struct {
	tags Tags
	v    any
}

// Size files the box under key and reads its size back.
func Size(key any) int {
	var b Box
	h := holder{tags: Tags{key: true}, v: &b}
	return h.v.(sizer).Size()
}
""",
        ),
        "removing it would skip Tags{key: true}",
    ),
    # an alias spells no map either
    "alias_map": (
        case(
            "alias_map",
            """// Tags are the labels a value is filed under.
type Tags = map[any]bool

// Size files the box under key and reads its size back.
func Size(key any) int {
	var b Box
	h := []any{&b, Tags{key: true}}
	return h[0].(sizer).Size()
}
""",
        ),
        "removing it would skip Tags{key: true}",
    ),
    # a type parameter's literal: go/types gives no one type, so what it builds is unknown
    "type_parameter_literal": (
        case(
            "type_parameter_literal",
            """// Size files the box under key in a M and reads its size back.
func Size[M ~map[any]bool](key any) int {
	var b Box
	h := []any{&b, M{key: true}}
	return h[0].(sizer).Size()
}

// Sized is Size with a plain map.
func Sized(key any) int { return Size[map[any]bool](key) }
""",
        ),
        "go/types does not say what M builds",
    ),
    # the package's own len may change an element: only Go's builtin len leaves them alone
    "shadowed_len": (
        case(
            "shadowed_len",
            """// Other is what the package's len puts in the first slot.
type Other struct{}

func (Other) Size() int { return -1 }

func len(s []any) int { s[0] = Other{}; return 1 }

// Size reads the box back after counting the slots.
func Size() int {
	var b Box
	h := []any{&b, 2}
	n := len(h)
	return h[0].(sizer).Size() + n
}
""",
        ),
        "h is used other than by len, cap or reading one element by a constant index (line",
    ),
}

RECOVERED = "func() (got string) {{ defer func() {{ got = fmt.Sprint(recover()) }}(); {call}; return }}()"


def dropped(declaration: str, assertion: str, conversion: str):
    return lambda source: source.replace(declaration, "").replace(assertion, conversion)


NAIVE = {
    "named_map": (
        dropped("\th := holder{tags: Tags{key: true}, v: &b}\n", "h.v.(sizer)", "sizer(&b)"),
        RECOVERED.format(call="{pkg}.Size([]int{1})"),
    ),
    "alias_map": (
        dropped("\th := []any{&b, Tags{key: true}}\n", "h[0].(sizer)", "sizer(&b)"),
        RECOVERED.format(call="{pkg}.Size([]int{1})"),
    ),
    "type_parameter_literal": (
        dropped("\th := []any{&b, M{key: true}}\n", "h[0].(sizer)", "sizer(&b)"),
        RECOVERED.format(call="{pkg}.Sized([]int{1})"),
    ),
    "shadowed_len": (lambda source: source.replace("h[0].(sizer)", "sizer(&b)"), "fmt.Sprint({pkg}.Size())"),
}

# `defer h.v.(noter).Note()` evaluates the assertion, an interface holding &r, at the statement, as
# `defer noter(&r).Note()` does: both read r (a value method's copy, a promoted method's pointer)
# when the call runs, so this rewrite keeps behaviour where a method call's (calls.py) would not
DEFERRED = case(
    "deferred",
    """// Meter counts the bytes written to it.
type Meter struct{ n int }

func (m *Meter) Write(p []byte) (int, error) { m.n += len(p); return len(p), nil }

// Route writes to whichever meter it points at.
type Route struct{ *Meter }

// Rec notes its count when told to.
type Rec struct{ n int }

var seen int

func (r Rec) Note() { seen = r.n }

type noter interface{ Note() }

type holder struct {
	id int
	v  any
}

// Last returns the count the deferred note saw: the one set after the defer.
func Last() int {
	func() {
		var r Rec
		h := holder{id: 1, v: &r}
		defer h.v.(noter).Note()
		r.n = 7
	}()
	return seen
}

// Split writes on leaving, to the meter the route points at by then: both counts.
func Split() string {
	var a, b Meter
	func() {
		r := Route{&a}
		h := holder{id: 2, v: &r}
		defer h.v.(io.Writer).Write([]byte("abc"))
		r.Meter = &b
	}()
	return fmt.Sprint(+a.n, b.n)
}
""",
    'import (\n\t"fmt"\n\t"io"\n)\n',
)

# the value boxed in code only a failed assertion ran (any(title)) is declined on its own: deleted
# with that code, it never ran, so the fix removed one escape, &a's
DEAD = """package dead

import "fmt"

type Account struct{ Name string }

func (a *Account) Display() string { return a.Name }

type displayer interface{ Display() string }

// Line reads the account back; a failed read names the title.
func Line(a Account, title string) string {
	args := []any{&a}
	d, ok := args[0].(displayer)
	if !ok {
		v := any(title)
		return v.(fmt.Stringer).String()
	}
	return d.Display()
}

// Stringers names a use of fmt the dead code's removal leaves.
var Stringers = []fmt.Stringer{}
"""


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in DECLINES.items()} | {"deferred": DEFERRED}
    return proposals_by_case(tmp_path_factory.mktemp("iface-evaluation"), RULE, cases)


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-evaluation-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)
    assert name == "shadowed_len" or "unhashable" in mutants[1][name][0]


def test_a_deferred_assertion_keeps_its_evaluation_time(proposed, tmp_path, toolchain):
    fixes = [p for p in proposed["deferred"] if isinstance(p, Fix)]
    assert len(fixes) == 2, proposed["deferred"]
    rewritten = edited(DEFERRED, Fix(RULE.name, tuple(e for f in fixes for e in f.edits), (), ""))
    assert "defer noter(&r).Note()" in rewritten and "defer io.Writer(&r).Write(" in rewritten
    probe = 'fmt.Sprint({pkg}.Last(), " ", {pkg}.Split())'
    _, values = naive_rewrites(
        tmp_path, toolchain, {"deferred": DEFERRED}, {"deferred": rewritten}, {"deferred": probe}
    )
    assert values["deferred"] == ('"7 0 3"', '"7 0 3"')


def test_code_that_never_ran_is_not_counted_removed(tmp_path, toolchain):
    root = module(tmp_path, {"dead/dead.go": DEAD})
    data = json.loads(gorewrite("fix", "--dry-run", "--format", "json", "--rule", "iface-direct", cwd=root).stdout)
    (verified,) = [o for o in data["outcomes"] if o["status"] == "verified"]
    assert [t["message"] for t in verified["targets"]] == ["moved to heap: a"]
    assert verified["removed"] == {toolchain.version: 1}
    declined = [o for o in data["outcomes"] if o["status"] == "declined"]
    assert [o["line"] for o in declined] == [16], declined
