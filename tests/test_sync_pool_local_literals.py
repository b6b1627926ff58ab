"""sync-pool pools a Buffer captured by a func literal held in a local and only called in the function that
declares it (local_literals.py: `indent := func(d int) {…}`, the probe44 pretty-printer's helper closure), in
the site's function or in a helper the Buffer is passed to. For each decline, the naive pool it must not
become: the literal runs after the Put and writes into the Buffer the next caller gets."""

from __future__ import annotations

import re

import pytest
from conftest import DETERMINISTIC_POOL, naive_rewrites, proposal_at, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
)

var _, _, _, _ = bytes.MinRead, io.EOF, strings.Repeat, sync.NewCond

"""

POOLED = {
    # the probe's Pretty: the helper's literal captures its parameter and is only called
    "helper_indent": """func pretty(buf *bytes.Buffer, v any, depth int) {
	indent := func(d int) {
		for i := 0; i < d; i++ {
			buf.WriteString("  ")
		}
	}
	switch x := v.(type) {
	case []any:
		buf.WriteString("[\\n")
		for _, e := range x {
			indent(depth + 1)
			pretty(buf, e, depth+1)
			buf.WriteString(",\\n")
		}
		indent(depth)
		buf.WriteByte(']')
	default:
		fmt.Fprintf(buf, "%v", x)
	}
}

func Pretty(w io.Writer, v any) error {
	var buf bytes.Buffer // site
	pretty(&buf, v, 0)
	_, err := w.Write(buf.Bytes())
	return err
}
""",
    # a Markdown row writer declared in the site's function, called in a loop and after it
    "site_row": """func Table(w io.Writer, header []string, rows [][]string) error {
	buf := new(bytes.Buffer) // site
	row := func(cells []string) {
		for _, c := range cells {
			fmt.Fprintf(buf, "| %s ", c)
		}
		buf.WriteString("|\\n")
	}
	row(header)
	buf.WriteString(strings.Repeat("|---", len(header)) + "|\\n")
	for _, r := range rows {
		row(r)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
""",
    # a literal declared inside another held literal, each only called where it is declared
    "nested": """func Render(groups map[string][]string) string {
	var sb strings.Builder // site
	group := func(name string, items []string) {
		item := func(s string) { fmt.Fprintf(&sb, "  - %s\\n", s) }
		fmt.Fprintf(&sb, "%s:\\n", name)
		for _, it := range items {
			item(it)
		}
	}
	group("a", groups["a"])
	group("b", groups["b"])
	return sb.String()
}
""",
}

# Each must-decline: its source, the reason, the naive pool's source and a probe whose value the naive pool changes.
DECLINED = {
    # the literal outlives the call as a value: kept in a package variable and called after the Put
    "held_and_kept": (
        """var Again func(string)

func Title(s string) string {
	var buf bytes.Buffer // site
	emit := func(x string) { fmt.Fprintf(&buf, "[%s]", x) }
	emit(s)
	Again = emit
	return buf.String()
}
""",
        "is held in emit, which is used as a value (line 19): it may run after the pool's Put",
        'func() string { {pkg}.Title("a"); {pkg}.Again("late"); return {pkg}.Title("b") }()',
    ),
    # the held literal is called in another literal, which a package hook runs later
    "called_later": (
        """var Hooks []func()

func Title(s string) string {
	var buf bytes.Buffer // site
	emit := func(x string) { fmt.Fprintf(&buf, "[%s]", x) }
	emit(s)
	Hooks = append(Hooks, func() { emit("late") })
	return buf.String()
}
""",
        "is held in emit, which is called in a func literal (line 19): it may run after the pool's Put",
        'func() string { {pkg}.Title("a"); {pkg}.Hooks[0](); return {pkg}.Title("b") }()',
    ),
    # in a helper: the held literal is called by a goroutine that outlives the helper and its caller
    "helper_goroutine": (
        """var Done = make(chan bool)

func note(buf *bytes.Buffer, s string) {
	emit := func(x string) { fmt.Fprintf(buf, "<%s>", x) }
	emit(s)
	go func() { <-Done; emit("late"); Done <- true }()
}

func Note(s string) string {
	var buf bytes.Buffer // site
	note(&buf, s)
	return buf.String()
}
""",
        "is held in emit, which is called in a func literal (line 18): it may outlive the call",
        'func() string { {pkg}.Note("a"); {pkg}.Done <- true; <-{pkg}.Done; return {pkg}.Note("b") }()',
    ),
    # in a helper: the literal is assigned to a variable declared before it, and that escapes
    "helper_assigned": (
        """var Flush func()

func note(buf *bytes.Buffer, s string) {
	var emit func(string)
	emit = func(x string) { fmt.Fprintf(buf, "<%s>", x) }
	emit(s)
	Flush = func() { emit("late") }
}

func Note(s string) string {
	var buf bytes.Buffer // site
	note(&buf, s)
	return buf.String()
}
""",
        "is captured by a func literal that is not handed straight to a call nor held in a local",
        'func() string { {pkg}.Note("a"); {pkg}.Flush(); return {pkg}.Note("b") }()',
    ),
}

SITE = re.compile(r"^\t(?:var (\w+) bytes\.Buffer|(\w+) := new\(bytes\.Buffer\)) // site$", re.M)
NAIVE = (
    DETERMINISTIC_POOL
    + """
var naiveBuffers = &naivePool{New: func() any { return new(bytes.Buffer) }}

func naivePut(b *bytes.Buffer) { b.Reset(); naiveBuffers.Put(b) }
"""
)


def _source(name: str, code: str) -> str:
    return HEAD.format(name=name) + code


def _naive(source: str) -> str:
    """The source with its site's Buffer taken from a pool anyway: Get, deferred Put (which empties it)."""
    name = next(n for n in SITE.search(source).groups() if n)
    source = re.sub(rf"&{name}\b", name, source)
    source = SITE.sub(rf"\t{name} := naiveBuffers.Get().(*bytes.Buffer)\n\tdefer naivePut({name})", source)
    return source + NAIVE


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name, code) for name, code in POOLED.items()}
    cases |= {name: _source(name, code) for name, (code, _, _) in DECLINED.items()}
    return proposals_by_case(tmp_path_factory.mktemp("local_literals"), RULE, cases)


def _site(results, name: str, code: str):
    source = _source(name, code)
    line = next(line for line in source.splitlines() if line.endswith("// site"))
    return proposal_at(results[name], source, line)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    assert isinstance(_site(results, case, POOLED[case]), Fix), results[case]


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    code, reason, _ = DECLINED[case]
    result = _site(results, case, code)
    assert not isinstance(result, Fix) and reason in result.reason, result


def test_every_naive_pool_of_a_declined_case_changes_what_its_callers_see(tmp_path, toolchain):
    originals = {name: _source(name, code) for name, (code, _, _) in DECLINED.items()}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"
