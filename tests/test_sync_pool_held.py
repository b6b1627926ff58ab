"""sync-pool pools a bufio Writer (Reader) over an expression that is not a local variable (held.py): a field
(`bufio.NewReader(c.conn)`, probe sync-pool-wire's `Client.ReadLine`), a package variable, a call. Outside a loop the
expression is held in a fresh local, evaluated once where the constructor's argument was, and the Get and the Put are
handed that local; inside a loop neither names it. Measured before and after under both releases. The mutants show
why the Put needs the held value: given nil it pools the caller's own bufio.Writer, which the constructor returned as
it was; naming the expression again evaluates its effect twice; declared before an earlier statement, a nil
receiver's panic comes before that statement's effect. The untyped nil declines (no local can hold it)."""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, edited, naive_mutants, proposals_by_case, releases

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = 'package {name}\n\nimport (\n\t"bufio"\n\t"bytes"\n\t"io"\n\t"strings"\n)\n\n'
HEAD += "var _, _, _ = bytes.MinRead, io.Discard, strings.NewReader\n\n"

# case -> (source, a text of the rewrite, a Go call whose result the rewrite keeps)
POOLED = {
    # the probe's RESP client: a Reader per reply over the connection field
    "field_reader": (
        """type pipe struct {
	io.Reader
	io.Writer
}

// Client is a RESP client over one connection.
type Client struct{ conn io.ReadWriter }

// ReadLine reads one reply line.
func (c *Client) ReadLine() (string, error) {
	br := bufio.NewReader(c.conn)
	line, err := br.ReadString('\\n')
	return strings.TrimSuffix(line, "\\r\\n"), err
}

// Reply reads the first line of in.
func Reply(in string) string {
	c := &Client{conn: pipe{strings.NewReader(in), io.Discard}}
	line, _ := c.ReadLine()
	return line
}
""",
        "\tsrc := c.conn\n\tbr := getBufioReader(src)\n\tdefer putBufioReader(br, src)\n",
        '{pkg}.Reply("+OK\\r\\n")',
    ),
    # a package variable: the command's output
    "package_writer": (
        """// Out is where reports go.
var Out io.Writer = io.Discard

// Report writes one name a line.
func Report(names []string) error {
	bw := bufio.NewWriter(Out)
	for _, n := range names {
		bw.WriteString(n)
		bw.WriteByte('\\n')
	}
	return bw.Flush()
}
""",
        "\tdst := Out\n\tbw := getBufioWriter(dst)\n\tdefer putBufioWriter(bw, dst)\n",
        '{pkg}.Report([]string{"a", "b"})',
    ),
    # the caller's own bufio.Writer in a field: the Get returns it as bufio did, and the Put leaves it alone
    "own_writer": (
        """// Logger writes lines to out.
type Logger struct{ out io.Writer }

// Log writes msg and a newline.
func (l *Logger) Log(msg string) {
	bw := bufio.NewWriter(l.out)
	bw.WriteString(msg)
	bw.WriteByte('\\n')
	bw.Flush()
}

// Twice logs through a caller's bufio.Writer, then through another logger, then through the first again.
func Twice() (out string) {
	defer func() {
		if recover() != nil {
			out = "panic"
		}
	}()
	var sb strings.Builder
	own := bufio.NewWriter(&sb)
	l := &Logger{out: own}
	l.Log("one")
	(&Logger{out: io.Discard}).Log("two")
	l.Log("three")
	own.Flush()
	return sb.String()
}
""",
        "\tdst := l.out\n\tbw := getBufioWriter(dst)\n\tdefer putBufioWriter(bw, dst)\n",
        "{pkg}.Twice()",
    ),
    # a call: evaluated once, where the constructor's argument was
    "effect": (
        """var opened int

// track counts the buffers handed out.
func track(b *bytes.Buffer) *bytes.Buffer {
	opened++
	return b
}

// Envelope writes an SMTP envelope through a bufio.Writer over a tracked buf.
func Envelope(from string) []byte {
	var buf bytes.Buffer
	w := bufio.NewWriter(track(&buf))
	w.WriteString("MAIL FROM:<" + from + ">\\r\\n")
	w.Flush()
	return buf.Bytes()
}

// Opened sends one envelope and says how many buffers were handed out so far.
func Opened() int {
	Envelope("a")
	return opened
}
""",
        "\tdst := track(&buf)\n\tw := getBufioWriter(dst)\n\tdefer putBufioWriter(w, dst)\n",
        '{pkg}.Envelope("a@b")',
    ),
    # a sized Writer over a field: the sized getter takes the held value
    "sized_field": (
        """// Sink batches lines to w.
type Sink struct{ w io.Writer }

// Lines writes every line through an 8 KiB Writer.
func (s *Sink) Lines(lines []string) error {
	bw := bufio.NewWriterSize(s.w, 8192)
	for _, l := range lines {
		bw.WriteString(l + "\\n")
	}
	return bw.Flush()
}

// Write writes three lines.
func Write() error { return (&Sink{w: io.Discard}).Lines([]string{"a", "b", "c"}) }
""",
        "\tdst := s.w\n\tbw := getBufioWriter8192(dst)\n\tdefer putBufioWriter8192(bw, dst)\n",
        "{pkg}.Write()",
    ),
    # in a loop: neither the Get nor the Put names the field; the reuse helper takes each peer's
    "loop_field": (
        """type peer struct{ conn io.Writer }

// Broadcast writes msg to every peer through a Writer each.
func Broadcast(peers []peer, msg string) error {
	for _, p := range peers {
		bw := bufio.NewWriter(p.conn)
		bw.WriteString(msg)
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// Send broadcasts to three peers.
func Send() error { return Broadcast([]peer{{io.Discard}, {io.Discard}, {io.Discard}}, "hello") }
""",
        "\t\tbw := reuseBufioWriter(bwp, p.conn)\n",
        "{pkg}.Send()",
    ),
}

NIL = """// Empty reads from nothing.
func Empty() int {
	br := bufio.NewReader(nil)
	return br.Buffered()
}
"""

# a nil receiver: the held `c.out` panics where the constructor's argument did, after the call was counted
NIL_RECEIVER = """var calls int

// Counter writes through out.
type Counter struct{ out io.Writer }

// Count counts the call, then writes msg through c's output: a nil c panics after the count.
func (c *Counter) Count(msg string) {
	calls++
	bw := bufio.NewWriter(c.out)
	bw.WriteString(msg)
	bw.Flush()
}

// Counted calls Count on a nil Counter and says how many calls were counted when it panicked.
func Counted() (n int) {
	defer func() {
		recover()
		n = calls
	}()
	var c *Counter
	c.Count("x")
	return -1
}
"""

# the helpers as the rule adds them, for the mutants (their Put leaves the caller's own Writer alone)
HELPERS = """
var bufioWriterPool = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

func getBufioWriter(x io.Writer) *bufio.Writer {
	if b, ok := x.(*bufio.Writer); ok && b.Size() >= 4096 {
		return b
	}
	b := bufioWriterPool.Get().(*bufio.Writer)
	b.Reset(x)
	return b
}

func putBufioWriter(b *bufio.Writer, x io.Writer) {
	if b == x {
		return
	}
	b.Reset(nil)
	bufioWriterPool.Put(b)
}
"""

# case -> (the rewrite a mutant makes of the site instead, the probe it changes)
MUTANTS = {
    # the Put given nil, as for a value that can never be a bufio.Writer: it pools the caller's own
    "own_writer": (
        ("bw := bufio.NewWriter(l.out)", "bw := getBufioWriter(l.out)\n\tdefer putBufioWriter(bw, nil)"),
        "{pkg}.Twice()",
    ),
    # the Put naming the call again: track counts twice
    "effect": (
        (
            "w := bufio.NewWriter(track(&buf))",
            "w := getBufioWriter(track(&buf))\n\tdefer putBufioWriter(w, track(&buf))",
        ),
        "fmt.Sprint({pkg}.Opened())",
    ),
}


def _source(name: str, body: str) -> str:
    return HEAD.format(name=name) + body


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    cases = {n: _source(n, c[0]) for n, c in POOLED.items()} | {"nil_reader": _source("nil_reader", NIL)}
    cases["nil_receiver"] = _source("nil_receiver", NIL_RECEIVER)
    return proposals_by_case(tmp_path_factory.mktemp("held"), RULE, cases)


def _wrapper_fix(found: list) -> Fix:
    (fix,) = [p for p in found if isinstance(p, Fix) and "bufio" in p.summary]
    return fix


@pytest.mark.parametrize("name", sorted(POOLED))
def test_a_wrapper_over_an_expression_is_pooled_with_the_expression_held_once(found, name):
    source, shown, _ = POOLED[name]
    rewritten = edited(_source(name, source), _wrapper_fix(found[name]))
    assert shown in rewritten, rewritten


def test_the_pooled_wrappers_allocate_less_and_compute_the_same(found, tmp_path):
    cases = {}
    for name, (source, _, call) in POOLED.items():
        original = _source(name, source)
        cases[name] = (original, edited(original, _wrapper_fix(found[name])), call)
    measured = allocs_of(tmp_path, cases)
    for toolchain in releases():
        for name in POOLED:
            before, after, result, rewritten = measured[toolchain.version][name]
            assert result == rewritten, (toolchain.version, name, result, rewritten)
            assert after < before, (toolchain.version, name, before, after)
            print(toolchain.version, name, before, "->", after)


def test_the_untyped_nil_declines(found):
    wrapper = [p for p in found["nil_reader"] if isinstance(p, Declined) and "bufio" in p.site.message]
    assert_declines(wrapper, "the wrapped io.Reader is the untyped nil, which no local can hold")


def test_the_untyped_nil_held_does_not_compile(tmp_path, toolchain):
    naive = _source("nil_reader", NIL).replace("br := bufio.NewReader(nil)", "src := nil\n\tbr := bufio.NewReader(src)")
    built, _ = naive_mutants(
        tmp_path, toolchain, {"nil_reader": (_source("nil_reader", NIL),)}, {"nil_reader": (lambda _: naive, "nil")}
    )
    assert "use of untyped nil" in built, built


def test_each_mutant_changes_what_the_case_computes(tmp_path, toolchain):
    def mutant(name: str):
        old, new = MUTANTS[name][0]
        head = HEAD.format(name=name).replace('\t"bufio"\n', '\t"bufio"\n\t"sync"\n')
        return lambda source: source.replace(HEAD.format(name=name), head, 1).replace(old, new, 1) + HELPERS

    cases = {n: (_source(n, POOLED[n][0]),) for n in MUTANTS}
    _, values = naive_mutants(tmp_path, toolchain, cases, {n: (mutant(n), m[1]) for n, m in MUTANTS.items()})
    for name in MUTANTS:
        before, after = values[name]
        assert before != after, (name, before)


def test_the_held_expression_panics_where_the_constructor_argument_did(found, tmp_path, toolchain):
    """The hold is declared just before the site: a nil receiver's `c.out` panics after `calls++` as before. The
    mutant declares it at the top of the function, before the count: Counted reads 0 where the original read 1."""
    original = _source("nil_receiver", NIL_RECEIVER)
    rewritten = edited(original, _wrapper_fix(found["nil_receiver"]))
    assert "\tcalls++\n\tdst := c.out\n\tbw := getBufioWriter(dst)\n" in rewritten, rewritten
    hoisted = rewritten.replace("\tcalls++\n\tdst := c.out\n", "\tdst := c.out\n\tcalls++\n", 1)
    cases = {n: (_source(n, NIL_RECEIVER),) for n in ("nil_receiver", "nil_hoisted")}
    naive = {
        "nil_receiver": (lambda _: rewritten, "fmt.Sprint({pkg}.Counted())"),
        "nil_hoisted": (
            lambda _: hoisted.replace("package nil_receiver", "package nil_hoisted", 1),
            "fmt.Sprint({pkg}.Counted())",
        ),
    }
    _, values = naive_mutants(tmp_path, toolchain, cases, naive)
    assert values["nil_receiver"] == ('"1"', '"1"'), values
    assert values["nil_hoisted"] == ('"1"', '"0"'), values
