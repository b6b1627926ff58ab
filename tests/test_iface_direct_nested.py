"""iface-direct on nested narrowing (nested.py): `if e, ok := p.node.(Expr); ok { if s, ok := e.(fmt.Stringer); ok
{ … } }`. The outer rewrite declares `e := Expr(&lit)`; e is declared by the assertion and only read, so it holds
`&lit` at every read, and each assertion of it is rewritten as one of the stored value is, in the same fix (the
conversion, or a failing check dropped as never run); calls through e stay, and e goes when nothing reads it. The
outer rewrite alone, kept as the fallback, left lit on the heap under go1.24.11 (iface-codecs' ColumnText, rejected
every time before). A variable written in the block (`e = &q` when quoted) is not rewritten with it: the naive
nested rewrite converts the old value and prints the wrong text. AllocsPerRun under both releases."""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, module, naive_rewrites, only_fix, releases
from test_iface_direct import RULE

HEAD = """package {name}

import (
	"fmt"
	"strconv"
)

type Node interface{{ Pos() int }}

type Expr interface {{
	Node
	exprNode()
}}

type Lit struct {{
	at   int
	text string
}}

func (l *Lit) Pos() int       {{ return l.at }}
func (*Lit) exprNode()        {{}}
func (l *Lit) String() string {{ return l.text }}

type parsed struct {{
	node Node
	rest string
}}

var _ = strconv.Itoa
var _ fmt.Stringer
"""


def package(name: str, body: str) -> str:
    return HEAD.format(name=name) + "\n" + body


FIXES = {
    # the inner assertion goes to the conversion, and e, which nothing reads then, goes too
    "narrowed": (
        package(
            "narrowed",
            """// Describe prints a literal the parser produced: an expression's text when it has one.
func Describe(at int, text string) string {
	lit := Lit{at: at, text: text}
	p := parsed{node: &lit}
	if e, ok := p.node.(Expr); ok {
		if s, ok := e.(fmt.Stringer); ok {
			return "expr " + s.String()
		}
		return "expr"
	}
	return "node"
}
""",
        ),
        '\t{\n\t\t{\n\t\t\ts := fmt.Stringer(&lit)\n\t\t\treturn "expr " + s.String()\n\t\t}\n\t}\n}\n',
        '{pkg}.Describe(3, "x")',
    ),
    # e is called through too: it stays, a direct conversion every release devirtualizes
    "narrowed_call": (
        package(
            "narrowed_call",
            """// Locate prints where an expression starts, with its text when it has one.
func Locate(at int, text string) string {
	lit := Lit{at: at, text: text}
	p := parsed{node: &lit}
	if e, ok := p.node.(Expr); ok {
		if s, ok := e.(fmt.Stringer); ok {
			return s.String() + "@" + strconv.Itoa(e.Pos())
		}
		return "@" + strconv.Itoa(e.Pos())
	}
	return "?"
}
""",
        ),
        "\t\te := Expr(&lit)\n\t\t{\n\t\t\ts := fmt.Stringer(&lit)\n"
        '\t\t\treturn s.String() + "@" + strconv.Itoa(e.Pos())',
        '{pkg}.Locate(3, "x")',
    ),
    # the inner check fails (*Lit has no Len): it goes as never run
    "narrowed_failing": (
        package(
            "narrowed_failing",
            """// Width is the width of an expression: its length when it knows one, else its text's.
func Width(at int, text string) int {
	lit := Lit{at: at, text: text}
	p := parsed{node: &lit}
	if e, ok := p.node.(Expr); ok {
		if l, ok := e.(interface{ Len() int }); ok {
			return l.Len()
		}
		return len(e.(fmt.Stringer).String())
	}
	return 0
}
""",
        ),
        "\t{\n\t\treturn len(fmt.Stringer(&lit).String())\n\t}\n}\n",
        '{pkg}.Width(3, "xyz")',
    ),
}

# e is rebound in the block before its assertion: it no longer holds &lit there
REBOUND = package(
    "rebound",
    """// Quote prints a literal, or its quoted form when asked.
func Quote(at int, text string, quoted bool) string {
	lit := Lit{at: at, text: text}
	q := Lit{at: at, text: strconv.Quote(text)}
	p := parsed{node: &lit}
	if e, ok := p.node.(Expr); ok {
		if quoted {
			e = &q
		}
		if s, ok := e.(fmt.Stringer); ok {
			return s.String()
		}
		return "expr"
	}
	return "node"
}
""",
)

# the outer block goes on after the inner if (`kind = "expr"`) and the function after it: its tail is no dead code
# the nested rewrite may drop, or `return kind` after the plain block would be unreachable (go vet)
TAIL_GOES_ON = package(
    "tail_goes_on",
    """// Label prints an expression's text, or what kind of node it is.
func Label(at int, text string) string {
	lit := Lit{at: at, text: text}
	p := parsed{node: &lit}
	kind := "node"
	if e, ok := p.node.(Expr); ok {
		if s, ok := e.(fmt.Stringer); ok {
			return s.String()
		}
		kind = "expr"
	}
	return kind
}
""",
)

OUTER_ONLY = {"rebound": (REBOUND, None), "tail_goes_on": (TAIL_GOES_ON, None)}

globals().update(case_suite("iface-nested", RULE, FIXES | OUTER_ONLY, {}, {}))


@pytest.mark.parametrize("name", list(FIXES))
def test_the_inner_assertions_go_with_the_outer_one(proposed, name):
    source, expected, _ = FIXES[name]
    fix = only_fix(proposed[name])
    assert expected in edited(source, fix), edited(source, fix)
    assert len(fix.instead) == 1 and "e.(" in edited(source, fix.instead[0]), fix.instead


def test_a_rebound_variable_keeps_its_assertion(proposed):
    """The outer rewrite alone: the inner assertion still reads e, which may hold &q."""
    fix = only_fix(proposed["rebound"])
    assert "e.(fmt.Stringer)" in edited(REBOUND, fix) and not fix.instead, edited(REBOUND, fix)


def test_the_naive_nested_rewrite_of_a_rebound_variable_is_wrong(tmp_path):
    """Converting &lit where e was rebound to &q prints the unquoted text."""
    naive = REBOUND.replace(
        "\tif e, ok := p.node.(Expr); ok {\n\t\tif quoted {\n\t\t\te = &q\n\t\t}\n"
        '\t\tif s, ok := e.(fmt.Stringer); ok {\n\t\t\treturn s.String()\n\t\t}\n\t\treturn "expr"\n\t}\n'
        '\treturn "node"\n',
        "\t_, _ = p, quoted\n\t_ = q\n\t{\n\t\ts := fmt.Stringer(&lit)\n\t\treturn s.String()\n\t}\n",
    )
    assert naive != REBOUND
    built, values = naive_rewrites(
        tmp_path, releases()[1], {"rebound": REBOUND}, {"rebound": naive}, {"rebound": '{pkg}.Quote(1, "a", true)'}
    )
    before, after = values["rebound"]
    assert before != after, (built, before, after)


def test_a_tail_that_goes_on_keeps_the_inner_assertion(proposed):
    """The outer block does not end the function: the inner if's tail stays, and so does its assertion."""
    fix = only_fix(proposed["tail_goes_on"])
    assert "e.(fmt.Stringer)" in edited(TAIL_GOES_ON, fix) and not fix.instead, edited(TAIL_GOES_ON, fix)


def test_the_naive_tail_drop_leaves_code_unreachable(tmp_path, toolchain):
    """Dropping `kind = "expr"` as dead makes the block always return: go vet reports `return kind` unreachable."""
    naive = TAIL_GOES_ON.replace("\tp := parsed{node: &lit}\n", "").replace(
        "\tif e, ok := p.node.(Expr); ok {\n\t\tif s, ok := e.(fmt.Stringer); ok {\n\t\t\treturn s.String()\n\t\t}\n"
        '\t\tkind = "expr"\n\t}\n',
        "\t{\n\t\t{\n\t\t\ts := fmt.Stringer(&lit)\n\t\t\treturn s.String()\n\t\t}\n\t}\n",
    )
    assert "kind = " not in naive and "s := fmt.Stringer(&lit)" in naive, naive
    root = module(
        tmp_path,
        {
            "before/a.go": TAIL_GOES_ON.replace("package tail_goes_on", "package before"),
            "naive/a.go": naive.replace("package tail_goes_on", "package naive"),
        },
    )
    assert toolchain.run(["vet", "./before"], str(root)).returncode == 0
    vetted = toolchain.run(["vet", "./naive"], str(root))
    assert vetted.returncode != 0 and b"unreachable code" in vetted.stderr, vetted.stderr.decode()
