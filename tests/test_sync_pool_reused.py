"""sync-pool reuses a package's Buffer pool (and a previous run's bufio pool) only when nothing but its
declaration and its two helpers names it (names.spellings): a pool gorewrite's put helper empties can still get
dirty Buffers from other code — a *sync.Pool handed on and put to, another package's Put into an exported pool, a
New set elsewhere — and a site takes its Buffer without a reset of its own; a bufio.Writer another function puts
back keeps its size through Reset. Such a Buffer pool is passed over for a pool of the site's own (reach-fresh); the
bufio pool declines. Each naive reuse shows the site another caller's bytes or buffering (session 56, probe
sync-pool-hunt)."""

from __future__ import annotations

import pytest
from conftest import assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]


def case(name: str, pool: str = "bufPool", extra: str = "") -> str:
    return f"""package {name}

import (
	"bytes"
	"fmt"
	"sync"
)

// {pool} recycles the package's scratch buffers.
var {pool} = sync.Pool{{New: func() any {{ return new(bytes.Buffer) }}}}

func getBuf() *bytes.Buffer {{ return {pool}.Get().(*bytes.Buffer) }}

// putBuf empties p, so the pool keeps nothing of its caller, and drops one grown past
// 64 KiB, so one large call does not pin its memory for every later one.
func putBuf(p *bytes.Buffer) {{
	if p.Cap() > 64<<10 {{
		return
	}}
	p.Reset()
	{pool}.Put(p)
}}
{extra}
// Line renders a key and a value.
func Line(k, v string) string {{
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "%s=%s", k, v)
	return b.String()
}}
"""


# A package whose pool only its helpers name: reused (golden reuse_buffer_pool too).
OWN = case("own")
# The pool handed on as a *sync.Pool: Discard puts a written Buffer back through it, unemptied.
RELEASED = case(
    "released",
    extra="""
var scratch = &bufPool

// Discard hands a buffer back as it is: the service's users reset what they get.
func Discard(s string) {
	b := getBuf()
	b.WriteString(s)
	release(scratch, b)
}

func release(p *sync.Pool, b *bytes.Buffer) { p.Put(b) }
""",
)
# An exported pool: another package may put its Buffers back unemptied.
EXPORTED = case("exported", pool="Pool")
# Its New set elsewhere: an empty pool makes Buffers that start with a prompt.
RENEWED = case(
    "renewed",
    extra="""
func init() {
	bufPool.New = func() any { return bytes.NewBufferString("# ") }
}
""",
)

# A previous run's bufio.Writer pool, which Spare also fills with 16-byte Writers: Reset keeps a Writer's size.
BUFIO = """package spare

import (
	"bufio"
	"io"
	"sync"
)

// Counter counts the Writes it gets.
type Counter struct{ N int }

func (c *Counter) Write(p []byte) (int, error) { c.N++; return len(p), nil }

// bufioWriterPool recycles bufio.Writers and their 4 KiB buffers; putBufioWriter resets each to nil,
// so the pool keeps nothing of its caller.
var bufioWriterPool = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

// getBufioWriter is bufio.NewWriter(x) from the pool: x itself when it already is a large enough
// Writer.
func getBufioWriter(x io.Writer) *bufio.Writer {
	if b, ok := x.(*bufio.Writer); ok && b.Size() >= 4096 {
		return b
	}
	b := bufioWriterPool.Get().(*bufio.Writer)
	b.Reset(x)
	return b
}

// putBufioWriter returns b to the pool, unless it is x itself (the caller's own Writer).
func putBufioWriter(b *bufio.Writer, x io.Writer) {
	if b == x {
		return
	}
	b.Reset(nil)
	bufioWriterPool.Put(b)
}

// Spare leaves a small Writer for the next caller.
func Spare() { bufioWriterPool.Put(bufio.NewWriterSize(nil, 16)) }

// Lines writes each line, buffered, and flushes once.
func Lines(w io.Writer, lines []string) error {
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\\n')
	}
	return bw.Flush()
}
"""

# Pools other code can fill: the site passes them over for a pool of its own.
PASSED_OVER = {"released": RELEASED, "exported": EXPORTED, "renewed": RENEWED}
DECLINES = {"spare": (BUFIO, "the package already uses a name of bufioWriterPool")}
# What each naive mutant stands for (naive_mutants reads the code).
CASES = {**{name: (code, "") for name, code in PASSED_OVER.items()}, **DECLINES}

# The naive reuse: the site takes the package's helpers, as a pool only they name allows.
REUSE = ("\tb := new(bytes.Buffer)\n", "\tb := getBuf()\n\tdefer putBuf(b)\n")
STRINGER = "interface{ WriteString(string) (int, error) }"
NAIVE = {
    "released": (
        lambda s: s.replace(*REUSE),
        'func() string { {pkg}.Discard("hello, "); return {pkg}.Line("k", "v") }()',
    ),
    "exported": (
        lambda s: s.replace(*REUSE),
        "func() string { x := {pkg}.Pool.Get(); x.(" + STRINGER + ').WriteString("hello, "); {pkg}.Pool.Put(x);'
        ' return {pkg}.Line("k", "v") }()',
    ),
    "renewed": (lambda s: s.replace(*REUSE), '{pkg}.Line("k", "v")'),
    # the 16-byte Writer Spare left flushes twice where bufio.NewWriter's flushed once
    "spare": (
        lambda s: s.replace(
            "\tbw := bufio.NewWriter(w)\n", "\tbw := getBufioWriter(w)\n\tdefer putBufioWriter(bw, w)\n"
        ),
        'func() int { {pkg}.Spare(); c := &{pkg}.Counter{}; {pkg}.Lines(c, []string{"aaaaaaaaaa", "bbbbbbbbbb"});'
        " return c.N }()",
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {"own": OWN, **{name: code for name, (code, _) in CASES.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("pool-reused"), RULE, cases)


def test_a_pool_only_its_helpers_name_is_reused(proposed):
    (fix,) = [p for p in proposed["own"] if isinstance(p, Fix)]
    rewritten = edited(OWN, fix)
    assert "\tb := getBuf()\n\tdefer putBuf(b)\n" in rewritten and rewritten.count("sync.Pool{") == 1, rewritten


@pytest.mark.parametrize("name", list(PASSED_OVER))
def test_a_pool_others_fill_is_passed_over_for_one_of_its_own(proposed, name):
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    rewritten = edited(PASSED_OVER[name], fix)
    line = rewritten.split("func Line")[1]
    assert "getBuf()" not in line and rewritten.count("sync.Pool{") == 2, rewritten


# A site added after the run that gave released's Line a pool of its own.
SECOND = """
// Pair renders a key and two values.
func Pair(k, v, w string) string {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "%s=%s,%s", k, v, w)
	return b.String()
}
"""


def test_a_second_run_reuses_the_pool_of_its_own_not_a_third(proposed, tmp_path):
    """The run after: bufPool, which Discard still fills, comes first in the file and is passed over again; the pool
    the first run made (only its declaration and helpers name it) serves the new site, with no third pool."""
    (fix,) = [p for p in proposed["released"] if isinstance(p, Fix)]
    again = edited(RELEASED, fix).replace("package released", "package again") + SECOND
    found = proposals_by_case(tmp_path, RULE, {"again": again})["again"]
    (second,) = [p for p in found if isinstance(p, Fix)]
    rewritten = edited(again, second)
    pair = rewritten.split("func Pair")[1]
    assert rewritten.count("sync.Pool{") == 2 and "\tb := getBuffer()\n\tdefer putBuffer(b)\n" in pair, rewritten


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("pool-reused-naive"), toolchain, CASES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_reuse_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, CASES[name][0], NAIVE[name], name)
