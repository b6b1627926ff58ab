"""iface-direct where the asserted value leaves the function (leaves.py): stored in a package-level variable or a
map, returned, or sent, the value the rewrite converts keeps x on the heap as the store did, so verification
rejected each such rewrite (probes iface-hunt-assert `LocalDefaultFirst`, iface-interp `RegisterPartial`, session
56). Each must-decline keeps its naive rewrite as a mutant the compiler still reports `moved to heap`; the same
shapes whose value only has its method called are still rewritten.
"""

from __future__ import annotations

from conftest import case_suite, only_fix

from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

HEAD = """import "fmt"

type named struct{ s string }

func (n *named) String() string { return n.s }

var keep fmt.Stringer

var _ = keep
"""

SWITCH = """// Name names a value a type switch finds a Stringer.
func Name() string {
	a := named{"a"}
	var i any = &a
	switch x := i.(type) {
	case fmt.Stringer:
		%s
		return x.String()
	}
	return ""
}
"""

ASSERTED = """// Name names a value stored in a map under its role.
func Name(first string) %s {
	a := named{first}
	data := map[string]any{"user": &a}
	n := data["user"].(fmt.Stringer)
	%s
}
"""


def case(name: str, body: str) -> str:
    return f"package {name}\n\n{HEAD}\n{body}"


FIXES = {
    "switch_calls": (case("switch_calls", SWITCH % "_ = 0"), None),
    "map_calls": (case("map_calls", ASSERTED % ("string", "return n.String()")), None),
}

REASON = "the converted value would still leave the function"

DECLINES = {
    "switch_stores": (case("switch_stores", SWITCH % "keep = x"), "x is stored in keep (line 19)"),
    "map_stores": (case("map_stores", ASSERTED % ("string", "keep = n\n\treturn n.String()")), REASON),
    "map_returns": (case("map_returns", ASSERTED % ("fmt.Stringer", "return n")), "n is returned by return n"),
    "comma_ok_sent": (
        case(
            "comma_ok_sent",
            ASSERTED.replace("Name(first string) %s", "Name(first string, out chan fmt.Stringer)")
            % 'if n, ok := data["user"].(fmt.Stringer); ok {\n\t\tout <- n\n\t}',
        ).replace('\tn := data["user"].(fmt.Stringer)\n', ""),
        "n is sent in out <- n",
    ),
}


def _direct(old: str, new: str):
    """The naive rewrite: the value converted where the assertion was, the container gone."""
    return lambda s: s.replace('data := map[string]any{"user": &a}\n\t', "").replace(old, new)


NAIVE = {
    "switch_stores": (
        lambda s: s.replace("\tvar i any = &a\n", "").replace(
            "switch x := i.(type) {\n\tcase fmt.Stringer:", "{\n\t\tx := fmt.Stringer(&a)"
        ),
        "moved to heap: a",
    ),
    "map_stores": (_direct('data["user"].(fmt.Stringer)', "fmt.Stringer(&a)"), "moved to heap: a"),
    "map_returns": (_direct('data["user"].(fmt.Stringer)', "fmt.Stringer(&a)"), "moved to heap: a"),
    "comma_ok_sent": (
        _direct('if n, ok := data["user"].(fmt.Stringer); ok {', "{\n\t\tn := fmt.Stringer(&a)"),
        "moved to heap: a",
    ),
}

globals().update(case_suite("iface-leaves", RULE, FIXES, DECLINES, NAIVE))


def test_a_value_whose_method_alone_is_called_is_still_rewritten(proposed):
    for name in FIXES:
        assert only_fix(proposed[name]).rule == "iface-direct"
