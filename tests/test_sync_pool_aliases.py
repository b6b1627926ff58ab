"""sync-pool follows a buffer's local aliases (`line := buf[:n]`) and the std table's io.ReadFull and
crc32 entries: what it now pools, what it still declines and why, and, for each decline, the naive
pool it must not become, whose caller then reads another call's bytes."""

from __future__ import annotations

import re

import pytest
from conftest import naive_rewrites, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
)

var _, _, _, _ = bytes.IndexByte, binary.BigEndian, crc32.ChecksumIEEE, io.EOF

"""

POOLED = {
    # the Buffer's storage only ranged over: the range evaluates b.Bytes() once and copies each byte (probe34c)
    "bytes_ranged": """func Checksum(keys []string) uint32 {
	var b bytes.Buffer
	for _, k := range keys {
		io.WriteString(&b, k)
		b.WriteByte(';')
	}
	var sum uint32
	for _, c := range b.Bytes() {
		sum = sum*31 + uint32(c)
	}
	return sum
}
""",
    # B7: filled by io.ReadFull, which hands buf only to r.Read(buf[n:]).
    "read_full": """func Echo(w io.Writer, r io.Reader) {
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(r, buf)
	w.Write(buf[:n])
}
""",
    # B8: a local alias, only sliced, indexed, passed where buf could be and copied out by string().
    "line_alias": """func ReadSimple(r io.Reader) (string, error) {
	buf := make([]byte, 512)
	n, err := r.Read(buf)
	if err != nil && n == 0 {
		return "", err
	}
	line := buf[:n]
	end := bytes.IndexByte(line, '\\r')
	if len(line) < 3 || line[0] != '+' || end < 0 {
		return "", io.ErrUnexpectedEOF
	}
	return string(line[1:end]), nil
}
""",
    # An alias of an alias, declared by var, and two aliases assigned each other: followed once each.
    "alias_chain": """func Words(r io.Reader) (int, error) {
	buf := make([]byte, 1024)
	n, err := r.Read(buf)
	var rest = buf[:n]
	word := rest
	for len(rest) > 0 {
		i := bytes.IndexByte(rest, ' ')
		if i < 0 {
			break
		}
		word, rest = rest[:i], rest[i+1:]
		rest, word = word[:0], rest
	}
	return len(word), err
}
""",
    # B9's shape on a scratch buffer: the flow names crc32, which the table clears; the alias is what it gets.
    "crc_alias": """func Verify(r io.Reader) (string, error) {
	var head [8]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return "", err
	}
	n, want := binary.BigEndian.Uint32(head[:4]), binary.BigEndian.Uint32(head[4:])
	buf := make([]byte, 4096)
	if n > uint32(len(buf)) {
		return "", io.ErrShortBuffer
	}
	body := buf[:n]
	if _, err := io.ReadFull(r, body); err != nil {
		return "", err
	}
	if crc32.ChecksumIEEE(body) != want {
		return "", io.ErrUnexpectedEOF
	}
	return string(body), nil
}
""",
    # B9: too large for the stack, checksummed.
    "crc_staging": """func Join(frames [][]byte) uint32 {
	staging := make([]byte, 0, 128<<10)
	for _, f := range frames {
		staging = append(staging, byte(len(f)))
		staging = append(staging, f...)
	}
	return crc32.ChecksumIEEE(staging)
}
""",
}

# Each must-decline: the reason, and a probe whose value the naive pool changes (the first call's
# result, read after a second call has reused the pooled array).
DECLINED = {
    "returned_alias": (
        """func First(r io.Reader) []byte {
	buf := make([]byte, 512)
	n, _ := r.Read(buf)
	line := buf[:n]
	return line[1:]
}
""",
        "buf is assigned to line, which on line 16 is returned: it outlives the call",
        'func() string { a := {pkg}.First(strings.NewReader("+one")); {pkg}.First(strings.NewReader("+two"));'
        " return string(a) }()",
    ),
    "stored_alias": (
        """var first []byte

func Greet(r io.Reader) int {
	buf := make([]byte, 512)
	n, _ := r.Read(buf)
	line := buf[:n]
	word := line[1:]
	if first == nil {
		first = word
	}
	return n
}

func First() string { return string(first) }
""",
        "buf is assigned to line, which on line 18 is assigned to word, which on line 20 is stored in the"
        " package-level first",
        'func() string { {pkg}.Greet(strings.NewReader("+one")); {pkg}.Greet(strings.NewReader("+two"));'
        " return {pkg}.First() }()",
    ),
    "named_result": (
        """func Line(r io.Reader) (line []byte) {
	buf := make([]byte, 512)
	n, _ := r.Read(buf)
	line = buf[:n]
	return
}
""",
        "buf is assigned to line: the alias may be used after the pool's Put",
        'func() string { a := {pkg}.Line(strings.NewReader("one")); {pkg}.Line(strings.NewReader("two"));'
        " return string(a) }()",
    ),
    "captured_alias": (
        """func Later(r io.Reader) func() string {
	buf := make([]byte, 512)
	n, _ := r.Read(buf)
	line := buf[:n]
	return func() string { return string(line) }
}
""",
        "buf is assigned to line, which on line 16 is captured by a func literal",
        'func() string { a := {pkg}.Later(strings.NewReader("one")); {pkg}.Later(strings.NewReader("two"));'
        " return a() }()",
    ),
}

# Beyond MAX_ALIASES: declined for the analysis' bound, not for safety (no naive pool to fail).
TOO_DEEP = """func Deep(r io.Reader) int {
	buf := make([]byte, 512)
	n, _ := r.Read(buf)
	a := buf[:n]
	b := a
	c := b
	d := c
	e := d
	return len(e)
}
"""

SITE = re.compile(r"^\tbuf := make\(\[\]byte, 512\)$", re.M)
NAIVE_POOL = """
var naivePool = sync.Pool{New: func() any { return new([512]byte) }}
"""


def _naive(source: str) -> str:
    """The source with its 512-byte buffer taken from a pool anyway: Get, zero, deferred Put."""
    pooled, count = SITE.subn(
        "\tbufp := naivePool.Get().(*[512]byte)\n\tdefer naivePool.Put(bufp)\n\t*bufp = [512]byte{}\n\tbuf := bufp[:]",
        source,
    )
    assert count == 1, source
    return pooled.replace('\t"io"\n', '\t"io"\n\t"sync"\n', 1) + NAIVE_POOL


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: HEAD.format(name=name) + code for name, code in POOLED.items()}
    cases |= {name: HEAD.format(name=name) + code for name, (code, _, _) in DECLINED.items()}
    cases["too_deep"] = HEAD.format(name="too_deep") + TOO_DEEP
    return proposals_by_case(tmp_path_factory.mktemp("aliases"), RULE, cases)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    # crc_alias's 8-byte `var head [8]byte` is a site too: too small to pool, said so.
    fixes = [r for r in results[case] if isinstance(r, Fix)]
    others = [r for r in results[case] if not isinstance(r, Fix)]
    assert len(fixes) == 1 and all("moved to heap: head" in r.site.message for r in others), results[case]


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    (result,) = results[case]
    assert not isinstance(result, Fix) and DECLINED[case][1] in result.reason, result


def test_aliases_are_followed_only_so_deep(results):
    (result,) = results["too_deep"]
    assert not isinstance(result, Fix) and "gorewrite follows at most 4 local aliases" in result.reason, result


def test_every_naive_pool_of_a_declined_alias_hands_out_another_calls_bytes(tmp_path, toolchain):
    originals = {name: HEAD.format(name=name) + code for name, (code, _, _) in DECLINED.items()}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"
