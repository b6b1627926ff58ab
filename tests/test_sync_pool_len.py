"""Retention follows a helper's `len(p)`: the builtin reads the slice header only and keeps nothing, so a
Buffer whose storage goes to the package's framing helper (`writeFrame(w, buf.Bytes())`, which writes a length
prefix and then p: probe43's RPC framing) is pooled; it was declined with "whose p is passed to the builtin len".
Any other builtin still declines: `cap(p)` shows the capacity a pooled Buffer keeps from an earlier, longer
call (its naive pool is kept below and says another number). Allocation evidence under both releases below."""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEADER = 'import (\n\t"bytes"\n\t"encoding/binary"\n\t"fmt"\n\t"io"\n)\n'

FRAMED = """
// writeFrame writes p with a 4-byte big-endian length prefix.
func writeFrame(w io.Writer, p []byte) error {
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(p)))
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	_, err := w.Write(p)
	return err
}

// Send writes one message as a frame.
func Send(w io.Writer, method string, seq int) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s #%d", method, seq)
	return writeFrame(w, buf.Bytes())
}
"""

SPARE = """
// frameRoom writes p and says how much room its storage had.
func frameRoom(w io.Writer, p []byte) int {
	w.Write(p)
	return cap(p) - len(p)
}

var _ = binary.BigEndian

// Send writes one message and returns the room left in its buffer.
func Send(w io.Writer, method string, seq int) int {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s #%d", method, seq)
	return frameRoom(w, buf.Bytes())
}
"""


# the probes import neither io nor bytes
SINK = "\n// Sink discards what is written.\nvar Sink = io.Discard\n"


def case(name: str, body: str) -> str:
    return f"package {name}\n\n{HEADER}{SINK}{body}"


FIXES = {"len_in_helper": case("len_in_helper", FRAMED)}
DECLINES = {"cap_in_helper": (case("cap_in_helper", SPARE), "is passed to the builtin cap")}

POOL = """
var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}
"""


def _pooled(source: str) -> str:
    source = source.replace('"io"\n', '"io"\n\t"sync"\n', 1).replace("\n// Send", POOL + "\n// Send", 1)
    source = source.replace("\tvar buf bytes.Buffer\n", "\tbuf := pool.Get().(*bytes.Buffer)\n\tbuf.Reset()\n")
    source = source.replace("\tdefer pool.Put(buf)\n", "")
    source = source.replace("fmt.Fprintf(&buf,", "defer pool.Put(buf)\n\tfmt.Fprintf(buf,")
    return source


# a long call first grows the pooled Buffer: the next, short one sees room a fresh Buffer does not have
SEQUENCE = 'fmt.Sprint({pkg}.Send({pkg}.Sink, strings.Repeat("x", 300), 1), {pkg}.Send({pkg}.Sink, "get", 2))'
NAIVE = {"cap_in_helper": (_pooled, SEQUENCE)}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**FIXES, **{name: code for name, (code, _) in DECLINES.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("pool-len"), RULE, cases)


def test_a_helper_that_takes_len_keeps_nothing(proposed):
    (fix,) = [p for p in proposed["len_in_helper"] if isinstance(p, Fix)]
    rewritten = edited(FIXES["len_in_helper"], fix)
    assert "buf := getBuffer()\n\tdefer putBuffer(buf)\n" in rewritten, rewritten


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("pool-len-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_pool_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_pool_allocates_less_under_both_releases(tmp_path, proposed):
    (fix,) = [p for p in proposed["len_in_helper"] if isinstance(p, Fix)]
    source = FIXES["len_in_helper"]
    calls = {"len_in_helper": (source, edited(source, fix), 'fmt.Sprint({pkg}.Send({pkg}.Sink, "get", 2))')}
    for version, measured in allocs_of(tmp_path, calls).items():
        before, after, was, now = measured["len_in_helper"]
        assert after < before and was == now, (version, measured)
        print(version, before, "->", after)
