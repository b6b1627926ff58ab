"""sync-pool's bounded scratch with a guard written through a conversion (bounds.py): `Bytes(len(body)) >
MaxMsg` of a `type Bytes int` bounds 5+len(body) and pools it; a narrowing conversion (uint16(len(body)), a
named type over an int16) wraps and bounds nothing, and its naive pool panics where make did not."""

from __future__ import annotations

import pytest
from conftest import DETERMINISTIC_POOL, naive_rewrites, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]


def request(name: str, condition: str) -> str:
    """A writer of one request (a 5-byte header and the body) that refuses a body the guard rejects."""
    return f"""package {name}

import (
	"io"
	"strings"
)

// Bytes is a size as the API states it: an int underneath.
type Bytes int

// Short is a size a 16-bit signed field carries.
type Short int16

const MaxMsg Bytes = 16 << 10

// WriteRequest writes method and body as one message.
func WriteRequest(w io.Writer, method byte, body []byte) error {{
	if {condition} {{
		return io.ErrShortBuffer
	}}
	msg := make([]byte, 5+len(body))
	msg[4] = method
	copy(msg[5:], body)
	_, err := w.Write(msg)
	return err
}}

// Probe writes a 70000-byte body: refused, or written, but never a panic.
func Probe() (s string) {{
	defer func() {{
		if recover() != nil {{
			s = "panic"
		}}
	}}()
	var out strings.Builder
	if WriteRequest(&out, 1, make([]byte, 70000)) != nil {{
		return "refused"
	}}
	return "written"
}}
"""


POOLED = {
    "named_guard": request("named_guard", "Bytes(len(body)) > MaxMsg"),
    "named_guard_flipped": request("named_guard_flipped", "MaxMsg < Bytes(len(body))"),
}
# uint16(70000) is 4464, Short(70000) is 4464: both guards pass a 70000-byte body
DECLINED = {
    "uint16_guard": request("uint16_guard", "uint16(len(body)) > uint16(MaxMsg)"),
    "named_narrower": request("named_narrower", "Short(len(body)) > Short(MaxMsg)"),
}
NAIVE_POOL = DETERMINISTIC_POOL + "\nvar naiveArrays = &naivePool{New: func() any { return new([16389]byte) }}\n"


def naive(source: str) -> str:
    """The site taken from a pool of the guard's array anyway: Get, deferred Put, `p[:n:n]`, cleared."""
    pooled = source.replace(
        "\tmsg := make([]byte, 5+len(body))\n",
        "\tmsgp := naiveArrays.Get().(*[16389]byte)\n\tdefer naiveArrays.Put(msgp)\n"
        "\tmsg := msgp[: 5+len(body) : 5+len(body)]\n\tclear(msg)\n",
        1,
    )
    assert pooled != source
    return pooled.replace('\t"io"\n', '\t"io"\n\t"sync"\n', 1) + NAIVE_POOL


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("bounded-conversions"), RULE, {**POOLED, **DECLINED})


@pytest.mark.parametrize("case", sorted(POOLED))
def test_a_guard_through_a_value_keeping_conversion_pools_the_bound(results, case):
    (fix,) = [r for r in results[case] if isinstance(r, Fix)]
    inserted = "".join(e.new.decode() for e in fix.edits)
    assert "new([16389]byte)" in inserted and "msg := msgp[:5+len(body):5+len(body)]\n\tclear(msg)" in inserted, (
        inserted
    )


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_a_guard_through_a_narrowing_conversion_bounds_nothing(results, case):
    # Probe's Builder, which WriteRequest only writes to, may be pooled: the make is what must not be
    found = [r for r in results[case] if not isinstance(r, Fix) or any("make(" in t.message for t in r.targets)]
    assert found and not any(isinstance(r, Fix) for r in found), found
    assert any("its size 5+len(body) is not bounded" in r.reason for r in found), found


def test_the_naive_pool_panics_where_make_did_not(tmp_path, toolchain):
    originals = dict(DECLINED)
    _, values = naive_rewrites(
        tmp_path,
        toolchain,
        originals,
        {n: naive(s) for n, s in originals.items()},
        dict.fromkeys(originals, "{pkg}.Probe()"),
    )
    assert values == dict.fromkeys(originals, ('"written"', '"panic"')), values
