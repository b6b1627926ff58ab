"""iface-direct on a range over a literal of `any` whose body asserts the variable before calling through it
(ranged_asserted.py): `for _, c := range checks { if !c.(check).Check(s) { … } }` over `checks := []any{&ne, &as}`.
Every element's type implements check (go/types), so the assertion never fails and calls that type's Check: in
the type switch's cases, `c.(check).Check(s)` is `c.Check(s)`. Declined, each with its naive rewrite: an element of
a value type whose Check has a pointer receiver (it does not implement check: the assertion panics where the naive
case's `c.Check(s)` takes c's address and answers). A comma-ok assertion is decided per case
(tests/test_iface_direct_ranged_optional.py). AllocsPerRun under both releases.
"""

from __future__ import annotations

import pytest
from conftest import assert_declines, case_suite, edited, module, only_fix, proposals, releases
from test_iface_direct import RULE

HEAD = """package {name}

type check interface{{ Check(string) bool }}

type nonEmpty struct{{ min int }}

func (n *nonEmpty) Check(s string) bool {{ return len(s) >= n.min }}

type ascii struct{{ strict bool }}

func (a *ascii) Check(s string) bool {{
	for i := 0; i < len(s); i++ {{
		if s[i] >= 0x80 {{
			return !a.strict
		}}
	}}
	return true
}}
"""


def package(name: str, body: str) -> str:
    return HEAD.format(name=name) + "\n" + body


FIXES = {
    "valid_all": (
        package(
            "valid_all",
            """// ValidAll runs a table of checks boxed in a slice of any.
func ValidAll(s string) bool {
	ne := nonEmpty{min: 1}
	as := ascii{strict: true}
	checks := []any{&ne, &as}
	for _, c := range checks {
		if !c.(check).Check(s) {
			return false
		}
	}
	return true
}

// Both validates an ASCII and a non-ASCII word.
func Both() bool { return ValidAll("abc") && !ValidAll("é") }
""",
        ),
        "case *nonEmpty:\nif !c.Check(s) {\n",  # the edit's text, before gofmt
        "{pkg}.Both()",
    ),
}

DECLINES = {
    # as is a value: *ascii has Check, ascii does not, so the assertion panics on the second element
    "value_element": (
        package(
            "value_element",
            """// ValidAll runs a table of checks boxed in a slice of any.
func ValidAll(s string) bool {
	ne := nonEmpty{min: 1}
	as := ascii{strict: true}
	checks := []any{&ne, as}
	for _, c := range checks {
		if !c.(check).Check(s) {
			return false
		}
	}
	return true
}
""",
        ),
        "as does not implement check",
    ),
}

SWITCH = "\t\tswitch c := c.(type) {{\n\t\tcase *nonEmpty:\n{body}\t\tcase {second}:\n{body}\t\t}}\n"
NAIVE = {
    "value_element": (
        lambda s: s.replace(
            "\t\tif !c.(check).Check(s) {\n\t\t\treturn false\n\t\t}\n",
            SWITCH.format(body="\t\t\tif !c.Check(s) {\n\t\t\t\treturn false\n\t\t\t}\n", second="ascii"),
        ),
        'fmt.Sprint(func() (r any) { defer func() { r = recover() }(); return {pkg}.ValidAll("abc") }())',
    ),
}


globals().update(case_suite("iface-ranged-asserted", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_the_assertion_is_the_variable_in_each_case(proposed, name):
    source, expected, _ = FIXES[name]
    after = edited(source, only_fix(proposed[name]))
    assert expected in after and ".(check)" not in after, after


# --- another build (adv44f): ascii's Check declared in a `//go:build !lax` file. The original builds under -tags lax
# (its assertion panics there at run time); the case's `c.Check(s)` does not compile there, so the rule declines,
# and the rewrite it made before (valid_all's, kept as the naive one) fails that build.


def lax(source: str) -> dict[str, str]:
    """valid_all as package lax, ascii's Check moved to a file the lax build leaves out."""
    source = source.replace("package valid_all", "package lax")
    start = source.index("func (a *ascii) Check")
    method = source[start : source.index("\n}\n", start) + 3]
    return {"lax/lax.go": source.replace(method, ""), "lax/strict.go": "//go:build !lax\n\npackage lax\n\n" + method}


def test_declines_a_method_another_build_leaves_out(tmp_path):
    root = module(tmp_path, lax(FIXES["valid_all"][0]))
    found = proposals(root, RULE, toolchains=[releases()[1]])["example.com/m/lax"]
    assert_declines(found, "declared in strict.go, which another build may leave out")


def test_the_naive_rewrite_does_not_build_without_the_method(tmp_path, proposed):
    source = FIXES["valid_all"][0]
    built = []
    for version, code in (("original", source), ("naive", edited(source, only_fix(proposed["valid_all"])))):
        done = releases()[0].run(["build", "-tags", "lax", "./..."], str(module(tmp_path / version, lax(code))))
        built.append((done.returncode == 0, done.stderr.decode()))
    assert [ok for ok, _ in built] == [True, False], built
    assert "has no field or method Check" in built[1][1], built
