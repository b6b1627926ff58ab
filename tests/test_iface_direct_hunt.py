"""iface-direct's assertion rewrites against the shapes session 56's hunt (hunt-assert) tried to break them with.

A differential hunt over ~90 functions (a stored value written, addressed, bumped by a pointer method or a closure
defined before the store; containers aliased, sorted, reversed, copied into, passed on; map entries overwritten,
deleted, cleared; keyed and hole-holding literals; typed nils; embedded and nested fields; goroutines, defer, goto;
generics; constants read back) found no wrong rewrite. These are its cases no other test held, each must-decline
with the naive rewrite a rule missing the proof would make, and the one fix it verified that no test pinned:

- a type switch whose default is listed first takes the case that matches (Go tries default last);
- a map keyed by a type parameter: go/types finds no duplicate among the constant keys `0.1` and
  `0.10000000149011612`, which are one key under float32 (the later entry wins) and two under float64, so which
  entry `kv[0.1]` reads depends on the type argument (gotypes' literalKind says nothing of a literal with a type
  parameter: the map cannot go);
- a case or comma-ok assertion to a type parameter, and a pointer to a type parameter's value asked for an
  interface: the type argument decides, which go/types cannot;
- a value stored, then changed before the assertion by an element write, a pointer method or a closure declared
  before the store (every write of the variable counts, wherever it stands).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix
from test_iface_direct import RULE

HEAD = """package {name}

import (
	"fmt"
	"strconv"
)

// Named is a pointer Stringer, as most services' entities are.
type Named struct{{ Name string }}

func (n *Named) String() string {{ return "named:" + n.Name }}

// Counter is a value Stringer with a pointer method that changes it.
type Counter struct{{ N int }}

func (c Counter) String() string {{ return "counter(" + strconv.Itoa(c.N) + ")" }}
func (c *Counter) Inc()          {{ c.N++ }}

// Vec is an array Stringer.
type Vec [3]int

func (v Vec) String() string {{ return strconv.Itoa(v[0]) + " " + strconv.Itoa(v[1]) + " " + strconv.Itoa(v[2]) }}

type event struct {{
	Kind    string
	Payload any
}}

var (
	keep any
	_    fmt.Stringer = (*Named)(nil)
)
"""


def package(name: str, body: str) -> str:
    return HEAD.format(name=name) + "\n" + body


FIXES = {
    # Go tries the default last wherever it is listed: the Stringer case is taken
    "default_first": (
        package(
            "default_first",
            """// Describe names an event's payload.
func Describe() string {
	a := Named{"a"}
	ev := event{Kind: "k", Payload: &a}
	switch x := ev.Payload.(type) {
	default:
		keep = x
		return "default"
	case fmt.Stringer:
		return x.String()
	}
}
""",
        ),
        "\t{\n\t\tx := fmt.Stringer(&a)\n\t\treturn x.String()\n\t}\n",
        "{pkg}.Describe()",
    ),
}

DECLINES = {
    "float32_keys": (
        package(
            "float32_keys",
            """// Weight reads back the entry stored under 0.1.
func Weight[K ~float32 | ~float64]() string {
	a, b := Named{"a"}, Named{"b"}
	kv := map[K]any{0.1: &a, 0.10000000149011612: &b}
	return kv[0.1].(fmt.Stringer).String()
}

// Weights reads it back under both float types.
func Weights() string { return Weight[float32]() + " " + Weight[float64]() }
""",
        ),
        "go/types does not say what map[K]any builds",
    ),
    "type_param_case": (
        package(
            "type_param_case",
            """// Classify says whether the payload is of the type asked for.
func Classify[T any]() string {
	a := Named{"a"}
	ev := event{Payload: &a}
	switch p := ev.Payload.(type) {
	case T:
		keep = p
		return "the T"
	case fmt.Stringer:
		return p.String()
	}
	return "none"
}

// Classified classifies as a Named pointer and as an int.
func Classified() string { return Classify[*Named]() + " " + Classify[int]() }
""",
        ),
        "go/types cannot tell whether the case T",
    ),
    "type_param_ok": (
        package(
            "type_param_ok",
            """// Pick returns the value if it is of the type asked for.
func Pick[T any]() string {
	a := Named{"a"}
	var i any = &a
	if p, ok := i.(T); ok {
		keep = p
		return "the T"
	}
	if s, ok := i.(fmt.Stringer); ok {
		return s.String()
	}
	return "none"
}

// Picked picks as a Named pointer and as an int.
func Picked() string { return Pick[*Named]() + " " + Pick[int]() }
""",
        ),
        "the assertion is to T",
    ),
    "type_param_pointer": (
        package(
            "type_param_pointer",
            """// Show describes a value by its pointer's String, if it has one.
func Show[T any](x T) string {
	var i any = &x
	if s, ok := i.(fmt.Stringer); ok {
		return "stringer " + s.String()
	}
	return "plain"
}

// Shown shows a Named and an int.
func Shown() string { return Show(Named{"n"}) + " " + Show(1) }
""",
        ),
        "",
    ),
    "element_written": (
        package(
            "element_written",
            """// Snapshot formats a vector as it was before its first element is reset.
func Snapshot(n int) string {
	v := Vec{n, 2, 3}
	var i any = v
	v[0] = 99
	return i.(fmt.Stringer).String() + "/" + strconv.Itoa(v[0])
}
""",
        ),
        "v may change after it is stored (line",
    ),
    "pointer_method": (
        package(
            "pointer_method",
            """// Before formats a counter as it was before its increment.
func Before(n int) string {
	c := Counter{n}
	var i any = c
	c.Inc()
	return i.(fmt.Stringer).String()
}
""",
        ),
        "c may change after it is stored: its address is taken",
    ),
    "closure_before": (
        package(
            "closure_before",
            """// Bumped formats a counter as it was before a bump declared earlier ran.
func Bumped(n int) string {
	c := Counter{n}
	bump := func() { c.N += 10 }
	var i any = c
	bump()
	return i.(fmt.Stringer).String()
}
""",
        ),
        "c may change after it is stored",
    ),
}

NAIVE = {
    # the entry read as the one spelled 0.1: float32 makes both keys one, holding &b
    "float32_keys": (
        lambda s: s.replace(
            "\tkv := map[K]any{0.1: &a, 0.10000000149011612: &b}\n\treturn kv[0.1].(fmt.Stringer).String()\n",
            "\t_ = b\n\treturn fmt.Stringer(&a).String()\n",
        ),
        "{pkg}.Weights()",
    ),
    # the case T passed over as *Named is not T: with T = *Named it is the case Go takes
    "type_param_case": (
        lambda s: s.replace(
            "\tev := event{Payload: &a}\n\tswitch p := ev.Payload.(type) {\n\tcase T:\n\t\tkeep = p\n"
            '\t\treturn "the T"\n\tcase fmt.Stringer:\n\t\treturn p.String()\n\t}\n\treturn "none"\n',
            "\t{\n\t\tp := fmt.Stringer(&a)\n\t\treturn p.String()\n\t}\n",
        ),
        "{pkg}.Classified()",
    ),
    # the assertion to T dropped as never run
    "type_param_ok": (
        lambda s: s.replace(
            '\tvar i any = &a\n\tif p, ok := i.(T); ok {\n\t\tkeep = p\n\t\treturn "the T"\n\t}\n'
            '\tif s, ok := i.(fmt.Stringer); ok {\n\t\treturn s.String()\n\t}\n\treturn "none"\n',
            "\t{\n\t\ts := fmt.Stringer(&a)\n\t\treturn s.String()\n\t}\n",
        ),
        "{pkg}.Picked()",
    ),
    # *T has no methods, yet *Named, its instance, is a Stringer
    "type_param_pointer": (
        lambda s: s.replace(
            '\tvar i any = &x\n\tif s, ok := i.(fmt.Stringer); ok {\n\t\treturn "stringer " + s.String()\n\t}\n',
            "\t_ = &x\n",
        ),
        "{pkg}.Shown()",
    ),
    "element_written": (
        lambda s: s.replace("\tvar i any = v\n", "").replace("i.(fmt.Stringer)", "fmt.Stringer(v)"),
        "{pkg}.Snapshot(1)",
    ),
    "pointer_method": (
        lambda s: s.replace("\tvar i any = c\n", "").replace("i.(fmt.Stringer)", "fmt.Stringer(c)"),
        "{pkg}.Before(1)",
    ),
    "closure_before": (
        lambda s: s.replace("\tvar i any = c\n", "").replace("i.(fmt.Stringer)", "fmt.Stringer(c)"),
        "{pkg}.Bumped(1)",
    ),
}

globals().update(case_suite("iface-hunt", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_the_switch_keeps_the_case_go_takes(proposed, name):
    source, expected, _ = FIXES[name]
    rewritten = edited(source, only_fix(proposed[name]))
    assert expected in rewritten, rewritten
    assert "default" not in rewritten.split("func Describe")[1], rewritten
