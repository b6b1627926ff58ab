"""A builtin is the universe's only where go/types says so (gorewrite/builtins.py), never by its name's text: the
package may declare its own `len`, `copy`, `string` or `panic` (review adv41b). Four wrong rewrites verified
before: closure's table of forwarding literals passed to the package's `func len(any) int` (which tells the
rewritten table's type apart); sync-pool's `var scratch [4096]byte` passed to it (which is handed the pooled
pointer instead of the array); sync-pool's `bytes.NewBuffer(nil)` of a local `nil := []byte("hello, ")` (the nil
tree-sitter parses whatever it names), pooled empty; and a pooled Buffer's storage formatted as the package's own
`type string []byte`, which go/types writes "string" too, whose Format keeps it. Each declined, its naive rewrite
shown to change what the code returns, and the same code with the universe's name still rewritten."""

from __future__ import annotations

import pytest
from conftest import (
    assert_declines,
    assert_naive_is_wrong,
    naive_mutants,
    proposals_by_case,
    write_tree,
)

from gorewrite import builtins, packages, typeinfo
from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.syntax import parse, walk

OWN_LEN = """
// len counts the operations of a table of the expected shape, none of any other.
func len(table any) int {
	if t, ok := table.(map[string]func(int) int); ok {
		n := 0
		for range t {
			n++
		}
		return n
	}
	return 0
}
"""
TABLE = (
    """package table

// Counter is a running total.
type Counter struct{ n int }

func (c *Counter) add(d int) int { c.n += d; return c.n }
func (c *Counter) sub(d int) int { c.n -= d; return c.n }

// Run applies op to c, -1 when the table is empty.
func Run(c *Counter, op string, d int) int {
	ops := map[string]func(int) int{
		"add": func(d int) int { return c.add(d) },
		"sub": func(d int) int { return c.sub(d) },
	}
	if len(ops) == 0 {
		return -1
	}
	return ops[op](d)
}
"""
    + OWN_LEN
)
SCRATCH = """package scratch

import "io"

// Body drains at most limit bytes of r through a stack array, and says how long its array is.
func Body(r io.Reader, limit int64) (int64, int, error) {
	var scratch [4096]byte
	n, err := io.CopyBuffer(io.Discard, io.LimitReader(r, limit), scratch[:])
	return n, len(scratch), err
}

// len counts the bytes of an array; anything else has none.
func len(v any) int {
	if _, ok := v.([4096]byte); ok {
		return 4096
	}
	return 0
}
"""
PREFIXED = """package prefixed

import (
	"bytes"
	"fmt"
)

// Line renders one greeting after the house prefix, the Buffer's first contents.
func Line(name string) string {
	nil := []byte("hello, ")
	buf := bytes.NewBuffer(nil)
	fmt.Fprintf(buf, "%s! (%d)", name, len(nil))
	return buf.String()
}
"""
FORMATTED = """package formatted

import (
	"bytes"
	"fmt"
	"io"
)

// string is the package's own bytes type: it formats itself, and remembers the last one formatted.
type string []byte

// Kept is the last string formatted.
var Kept string

// Format writes s and keeps it.
func (s string) Format(f fmt.State, verb rune) {
	Kept = s
	f.Write(s)
}

func show(w io.Writer, s string) { fmt.Fprint(w, s) }

// Line writes word twenty times to w.
func Line(w io.Writer, word []byte) {
	b := new(bytes.Buffer)
	for i := 0; i < 20; i++ {
		fmt.Fprintf(b, "%s", word)
	}
	show(w, b.Bytes())
}
"""
_TEXT = FORMATTED.replace("string", "text")
METHODLESS = _TEXT.split("// Format writes")[0] + _TEXT.split("f.Write(s)\n}\n")[1]  # text has no methods
# case -> (source, rule, the reason it declines, the same code with the universe's name, which is rewritten)
DECLINES = {
    "table": (TABLE, "closure", "ops is used other than by calling its elements", TABLE.replace(OWN_LEN, "\n")),
    "scratch": (SCRATCH, "sync-pool", "scratch is used as an array value", SCRATCH.split("\n// len counts")[0]),
    "prefixed": (
        PREFIXED,
        "sync-pool",
        "bytes.NewBuffer(nil) starts with contents",
        PREFIXED.replace("\tnil := ", "\tprefix := ").replace("len(nil)", "len(prefix)"),
    ),
    "formatted": (
        FORMATTED,
        "sync-pool",
        "which formats it as a string, whose methods (formatted.go:16) fmt may call",
        METHODLESS,
    ),
}


def table_methods(source: str) -> str:
    """What closure verified before: the table holds method expressions, the receiver passed at the call."""
    source = source.replace("map[string]func(int) int{", "map[string]func(*Counter, int) int{", 1)
    source = source.replace("func(d int) int { return c.add(d) }", "(*Counter).add")
    source = source.replace("func(d int) int { return c.sub(d) }", "(*Counter).sub")
    return source.replace("return ops[op](d)", "return ops[op](c, d)")


def scratch_pooled(source: str) -> str:
    """What sync-pool verified before: the array taken from a pool, as a pointer."""
    source = source.replace('import "io"', 'import (\n\t"io"\n\t"sync"\n)\n\nvar pool sync.Pool', 1)
    return source.replace(
        "\tvar scratch [4096]byte\n",
        "\tscratch, _ := pool.Get().(*[4096]byte)\n\tif scratch == nil {\n\t\tscratch = new([4096]byte)\n\t}\n"
        "\tdefer pool.Put(scratch)\n\t*scratch = [4096]byte{}\n",
    )


def prefix_dropped(source: str) -> str:
    """What sync-pool verified before: an empty pooled Buffer for `bytes.NewBuffer(nil)`, the local nil taken for
    the universe's."""
    source = source.replace(
        '\t"fmt"\n)', '\t"fmt"\n\t"sync"\n)\n\nvar pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}', 1
    )
    return source.replace(
        "\tbuf := bytes.NewBuffer(nil)\n",
        "\tbuf := pool.Get().(*bytes.Buffer)\n\tdefer func() { buf.Reset(); pool.Put(buf) }()\n",
    )


def buffer_pooled(source: str) -> str:
    """What sync-pool verified before: the Buffer from a pool, emptied and put back when Line returns."""
    source = source.replace(
        '\t"io"\n)', '\t"io"\n\t"sync"\n)\n\nvar pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}', 1
    )
    return source.replace(
        "\tb := new(bytes.Buffer)\n", "\tb := pool.Get().(*bytes.Buffer)\n\tdefer func() { b.Reset(); pool.Put(b) }()\n"
    )


NAIVE = {
    "table": (table_methods, '{pkg}.Run(&{pkg}.Counter{}, "add", 3)'),  # 3, then -1
    "scratch": (scratch_pooled, 'func() int { _, n, _ := {pkg}.Body(strings.NewReader("x"), 1); return n }()'),
    "prefixed": (prefix_dropped, '{pkg}.Line("ann")'),  # "hello, ann! (7)", then "ann! (7)"
    # the first line as Kept held it, read after a second line: a's, then the pooled storage's b's
    "formatted": (
        buffer_pooled,
        'func() string { {pkg}.Line(new(strings.Builder), []byte("a")); k := []byte({pkg}.Kept); '
        '{pkg}.Line(new(strings.Builder), []byte("b")); return fmt.Sprintf("%x", k) }()',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    found = {}
    for name, (source, rule, _, universe) in DECLINES.items():
        cases = {name: source, f"{name}universe": universe}
        found |= proposals_by_case(tmp_path_factory.mktemp(f"shadowed-{name}"), RULES[rule], cases)
    return found


@pytest.mark.parametrize("name", list(DECLINES))
def test_the_packages_own_name_is_declined(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][2])


@pytest.mark.parametrize("name", list(DECLINES))
def test_the_universes_name_is_still_rewritten(proposed, name):
    assert any(isinstance(p, Fix) for p in proposed.get(f"{name}universe", [])), proposed.get(f"{name}universe")


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    cases = {name: (source, reason) for name, (source, _, reason, _) in DECLINES.items()}
    return naive_mutants(tmp_path_factory.mktemp("shadowed-naive"), toolchain, cases, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_changes_what_the_code_returns(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


SHADOWS = """package shadows

type string []byte

func copy(p []byte) { Kept = p }

func panic(v any) {}

var Kept []byte

func Own(p []byte) (int, string) {
	len := func(p []byte) int { Kept = p; return 0 }
	copy(p)
	panic(p)
	return len(p), string(p)
}
"""
UNIVERSE = """package universe

func Universe(p []byte, n int) (int, int, string, []byte) {
	q := make([]byte, (len)(p))
	copy(q, p)
	if n < 0 {
		panic(n)
	}
	return len(p), cap(p), (string)(p), append(q, p...)
}
"""


def test_called_names_the_universes_builtins_only(tmp_path, toolchain):
    """Every call of Own is of a declaration of the package or the function (a type string, a func copy and
    panic, a local len): none is a builtin. Universe's are, parenthesised too."""
    files = {"shadows/shadows.go": SHADOWS, "universe/universe.go": UNIVERSE}
    root = write_tree(tmp_path, {"go.mod": "module example.com/s\n\ngo 1.22\n", **files})
    said = {}
    for pkg in packages.load(toolchain, ["./..."], str(root)):
        path = pkg.files[0]
        source = (root / path).read_bytes()
        info = typeinfo.load(toolchain, pkg, {path: [(0, len(source))]}, str(root))
        assert info.error is None
        calls = [n for n in walk(parse(source).root_node) if n.type == "call_expression"]
        said[pkg.name] = [builtins.called(info, path, call) for call in calls]
    assert said["shadows"] == [None, None, None, None], said
    assert sorted(filter(None, said["universe"])) == ["append", "cap", "copy", "len", "len", "make", "panic", "string"]
