"""iface-direct's range loops whose body breaks out of the loop (breaks.py): in the type switch ranged.py puts
the body into, a plain `break` would end the switch and the loop would go on, so each break that leaves the
loop names the loop's label — its own when it has one, else a fresh one. A break that ends a statement
inside the body (an inner loop, switch or select) stays as it is. Each case runs beside its original with the
same result; the naive rewrites (the plain break kept, or every break labelled) change what the code does.
AllocsPerRun under both releases.
"""

from __future__ import annotations

import re

import pytest
from conftest import allocs_of, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case
from test_iface_direct_ranged import BREAK, BREAK_BODY, BREAK_LOOP, case, switched

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

FAILING = """type failing struct{ after int }

func (f *failing) Write(p []byte) (int, error) {
	if f.after--; f.after < 0 {
		return 0, io.ErrShortWrite
	}
	return len(p), nil
}
"""

INNER = case(
    "inner",
    FAILING
    + """
// Copy writes each sink p up to its first '.', until a sink fails; the bytes and lines the counters saw.
func Copy(p []byte) int {
	f := failing{1}
	var b Bytes
	var l Lines
	for _, w := range []io.Writer{&b, &f, &l} {
		n := 0
		for _, c := range p {
			if c == '.' {
				break
			}
			n++
		}
		if _, err := w.Write(p[:n]); err != nil {
			break
		}
	}
	return b.n*10 + l.n
}
""",
)
INNER_LOOP = "\tfor _, w := range []io.Writer{&b, &f, &l} {\n"

LABELLED = case(
    "labelled",
    FAILING
    + """
// Copy writes p to each sink until one fails; the bytes the counter saw.
func Copy(p []byte) int {
	f := failing{0}
	var b Bytes
sinks:
	for _, w := range []io.Writer{&f, &b} {
		if _, err := w.Write(p); err != nil {
			break
		}
		continue sinks
	}
	return b.n
}
""",
)

TAKEN = case(
    "taken",
    FAILING
    + """
// Copy writes p to each sink until one fails, after a first loop of its own label.
func Copy(p []byte) int {
	f := failing{0}
	var b Bytes
	loop := 0
	for _, w := range []io.Writer{&f, &b} {
		loop++
		if _, err := w.Write(p); err != nil {
			break
		}
	}
	return b.n*10 + loop
}
""",
)

CASES = {"first_error": BREAK, "inner": INNER, "labelled": LABELLED, "taken": TAKEN}
CALL = '{pkg}.Copy([]byte("ab.c\\n"))'


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("iface-breaks"), RULE, CASES)


def rewritten(proposed, name: str) -> str:
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    assert "each break that leaves the loop naming its label" in fix.summary, fix
    return edited(CASES[name], fix)


def test_a_break_that_leaves_the_loop_names_a_fresh_label(proposed):
    source = rewritten(proposed, "first_error")
    assert "\tloop:\n\tfor _, w := range" in source and source.count("break loop") == 2, source
    assert not re.search(r"break\n", source), source


def test_a_break_that_ends_an_inner_loop_stays_plain(proposed):
    source = rewritten(proposed, "inner")
    assert source.count("break loop") == 3 and source.count("break\n") == 3, source  # 3 cases, inner break each


def test_a_labelled_loop_keeps_its_label(proposed):
    source = rewritten(proposed, "labelled")
    assert "loop:" not in source and source.count("break sinks") == 2, source


def test_the_fresh_label_is_no_word_of_the_function(proposed):
    source = rewritten(proposed, "taken")
    assert "\tloop2:\n\tfor" in source and source.count("break loop2") == 2, source


def test_same_results_and_fewer_allocations_under_both_releases(tmp_path, proposed):
    cases = {name: (CASES[name], rewritten(proposed, name), CALL) for name in CASES}
    for version, measured in allocs_of(tmp_path, cases).items():
        for name, (before, after, *results) in measured.items():
            assert results[0] == results[1], (version, name, results)
            assert after < before, (version, name, measured)
            print(version, name, before, "->", after)


# The naive rewrites: the plain break kept, ending the switch (the counter gets the bytes the failure stopped),
# and every break labelled, the inner loop's too (the loop ends at the first '.').
NAIVE = {
    "first_error": (
        lambda s: switched(s, BREAK_LOOP, BREAK_BODY, ["*failing", "*Bytes"]),
        'fmt.Sprint({pkg}.Copy([]byte("abc")))',
    ),
    "inner": (
        lambda s: s.replace(INNER_LOOP, "loop:\n" + INNER_LOOP).replace("\t\t\t\tbreak\n", "\t\t\t\tbreak loop\n"),
        f"fmt.Sprint({CALL})",
    ),
}


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {name: (CASES[name], "") for name in NAIVE}
    return naive_mutants(tmp_path_factory.mktemp("iface-breaks-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, CASES[name], NAIVE[name], name)
