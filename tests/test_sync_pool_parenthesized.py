"""sync-pool follows a method called on a parenthesized value, `(&vec).Collect(emit)` (what iface-direct writes
for `c.Collect(emit)` through an interface variable holding &vec, probe42c's ExposeCounter): callees.py took
every parenthesized operand for a type, `(*T).M(recv, …)`, a method expression, and declined. A value
(`(&x)`, a variable go/types names) now calls the method, whose parameters the compiler's verdicts clear;
`(*T)` stays a method expression (its first argument is the receiver: reading it as a call would pair the
literal with the wrong parameter). Each decline keeps its naive pool, shown to hand out another call's bytes.
"""

from __future__ import annotations

import pytest
from conftest import DETERMINISTIC_POOL, naive_rewrites, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
	"fmt"
	"io"
)

type vec struct {{
	names []string
	kept  []func()
}}

// Collect emits every name now.
func (v *vec) Collect(emit func(string)) {{
	for _, n := range v.names {{
		emit(n)
	}}
}}

// Later keeps keep for Flush and runs now at once.
func (v *vec) Later(keep func(), now func()) {{
	v.kept = append(v.kept, keep)
	now()
}}

// Flush runs what Later kept.
func (v *vec) Flush() {{
	for _, f := range v.kept {{
		f()
	}}
}}

var _ = fmt.Sprint
"""

POOLED = {
    # the literal runs inside Collect, which keeps nothing of it: the buffer is done with at the Put
    "value_receiver": """// Expose writes every name on its own line, in one write.
func Expose(w io.Writer, names []string) {
	v := vec{names: names}
	buf := new(bytes.Buffer)
	(&v).Collect(func(n string) {
		fmt.Fprintf(buf, "%s\\n", n)
	})
	buf.WriteTo(w)
}
""",
}

DECLINED = {
    # a method expression: its first argument is the receiver, so the literal is Later's keep, run by Flush
    "method_expression": (
        """var shared vec

// Note writes s to w, and, at the next Flush, what buf held then.
func Note(w io.Writer, s string, out *string) {
	buf := new(bytes.Buffer)
	buf.WriteString(s)
	(*vec).Later(&shared, func() { *out = buf.String() }, func() {})
	w.Write(buf.Bytes())
}
""",
        "buf is captured by a func literal that is passed to (*vec).Later, a method expression",
        'func() string { var a, b string; w := new(strings.Builder); {pkg}.Note(w, "1", &a); {pkg}.Note(w, "2", &b);'
        " {pkg}.Flush(); return a + b }()",
    ),
    # a parenthesized value whose method keeps the literal: the compiler says keep leaks
    "value_keeps": (
        """var shared vec

// Note writes s to w, and, at the next Flush, what buf held then.
func Note(w io.Writer, s string, out *string) {
	buf := new(bytes.Buffer)
	buf.WriteString(s)
	(&shared).Later(func() { *out = buf.String() }, func() {})
	w.Write(buf.Bytes())
}
""",
        "buf is captured by a func literal that is passed to (&shared).Later, whose keep",
        'func() string { var a, b string; w := new(strings.Builder); {pkg}.Note(w, "1", &a); {pkg}.Note(w, "2", &b);'
        " {pkg}.Flush(); return a + b }()",
    ),
}

FLUSH = "\n// Flush runs what Note kept.\nfunc Flush() { shared.Flush() }\n"


def _source(name: str, code: str) -> str:
    return HEAD.format(name=name) + code + (FLUSH if "shared" in code else "")


def _naive(source: str) -> str:
    """The buffer taken from a pool anyway: Get, Reset, deferred Put."""
    pooled = source.replace(
        "\tbuf := new(bytes.Buffer)\n",
        "\tbuf := naiveBuffers.Get().(*bytes.Buffer)\n\tbuf.Reset()\n\tdefer naiveBuffers.Put(buf)\n",
    )
    pooled = pooled.replace('\t"io"\n', '\t"io"\n\t"sync"\n', 1)
    return (
        pooled + DETERMINISTIC_POOL + "\nvar naiveBuffers = &naivePool{New: func() any { return new(bytes.Buffer) }}\n"
    )


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name, code) for name, code in POOLED.items()}
    cases |= {name: _source(name, code) for name, (code, _, _) in DECLINED.items()}
    return proposals_by_case(tmp_path_factory.mktemp("parenthesized"), RULE, cases)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    fixes = [r for r in results[case] if isinstance(r, Fix)]
    assert len(fixes) == 1, results[case]


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    (result,) = results[case]
    assert not isinstance(result, Fix) and DECLINED[case][1] in result.reason, result


def test_every_naive_pool_of_a_declined_case_hands_out_another_calls_bytes(tmp_path, toolchain):
    originals = {name: _source(name, code) for name, (code, _, _) in DECLINED.items()}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"
