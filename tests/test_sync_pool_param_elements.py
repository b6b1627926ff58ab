"""sync-pool through the package's own decoding helpers (gorewrite/param_elements.py): a scratch handed to a
function of the package that reads it through subslices and elements (`binary.BigEndian.Uint16(b[0:2])`, `b[2]`,
`crc32.ChecksumIEEE(b[4:])`) keeps nothing of it, and is hoisted or pooled. Each positive's rewrite keeps what the
code returns; each must-decline (a subslice returned, stored, an element's address, a slice of an element's array)
is declined, and its naive rewrite changes what the code returns."""

from __future__ import annotations

import pytest
from conftest import edited, naive_rewrites, proposal_at, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
)

var _, _, _ = binary.Size, crc32.ChecksumIEEE, fmt.Sprint

// Records is count 8-byte records: a kind, its index, a 2-byte length, then 4 bytes of the index.
func Records(count int) io.Reader {
	var out []byte
	for i := 0; i < count; i++ {
		out = append(out, byte('a'+i), byte(i), 0, byte(i*3), byte(i), byte(i), byte(i), byte(i))
	}
	return bytes.NewReader(out)
}

"""

# Each positive: its source, the site's line, and a probe whose value the rewrite keeps.
FIXED = {
    # a decoding helper: fields read through subslices and elements, a checksum of a tail
    "decoded": (
        """type header struct {
	kind   byte
	length uint16
	sum    uint32
}

func parse(b []byte) header {
	return header{kind: b[0], length: binary.BigEndian.Uint16(b[2:4]), sum: crc32.ChecksumIEEE((b)[4:][:4])}
}

func Lengths(r io.Reader, count int) []uint16 {
	var out []uint16
	for i := 0; i < count; i++ {
		hdr := make([]byte, 8)
		if _, err := io.ReadFull(r, hdr); err != nil {
			break
		}
		h := parse(hdr)
		out = append(out, h.length+uint16(h.kind)+uint16(h.sum%7))
	}
	return out
}
""",
        "\t\thdr := make([]byte, 8)",
        "func() string { return fmt.Sprint({pkg}.Lengths({pkg}.Records(4), 4)) }()",
    ),
    # a record decoder too large to inline: the compiler's flow names the call, whose body retention read
    "record": (
        """var errBad = fmt.Errorf("bad record")

type record struct {
	kind, seq byte
	length    uint16
	sum       uint32
	parity    byte
}

func decode(b []byte) (record, error) {
	if b[0] < 'a' || b[0] > 'z' {
		return record{}, errBad
	}
	var parity byte
	for _, c := range b[4:] {
		parity ^= c
	}
	r := record{kind: b[0], seq: b[1], length: binary.BigEndian.Uint16(b[2:4]), parity: parity}
	r.sum = crc32.ChecksumIEEE(b[:4]) ^ crc32.ChecksumIEEE(b[4:8])
	if r.sum == 0 {
		return record{}, errBad
	}
	return r, nil
}

func Parities(r io.Reader, count int) ([]byte, error) {
	var out []byte
	for i := 0; i < count; i++ {
		hdr := make([]byte, 8)
		if _, err := io.ReadFull(r, hdr); err != nil {
			return out, err
		}
		rec, err := decode(hdr)
		if err != nil {
			return out, err
		}
		out = append(out, rec.kind, rec.parity, byte(rec.length), byte(rec.sum))
	}
	return out, nil
}
""",
        "\t\thdr := make([]byte, 8)",
        "func() string { return fmt.Sprint({pkg}.Parities({pkg}.Records(4), 4)) }()",
    ),
    # a helper that writes elements and hands a subslice to io.Writer's Write
    "written": (
        """func frame(w io.Writer, b []byte, kind byte, n int) error {
	b[0] = 0x80 | kind
	b[1]++
	_, err := w.Write(b[:n])
	return err
}

func Frames(w io.Writer, kinds []byte) error {
	for _, k := range kinds {
		var hdr [8]byte
		if err := frame(w, hdr[:], k, 2); err != nil {
			return err
		}
	}
	return nil
}
""",
        "\t\tvar hdr [8]byte",
        'func() string { var b strings.Builder; {pkg}.Frames(&b, []byte("abc"));'
        ' return fmt.Sprintf("%x", b.String()) }()',
    ),
}

# Each must-decline: its source, the site's line, part of the reason, and a probe the naive rewrite changes.
DECLINED = {
    # the helper returns a subslice, and the caller keeps it
    "returned": (
        """func tail(b []byte) []byte {
	return b[4:]
}

func Tails(r io.Reader, count int) [][]byte {
	var out [][]byte
	for i := 0; i < count; i++ {
		hdr := make([]byte, 8)
		if _, err := io.ReadFull(r, hdr); err != nil {
			break
		}
		out = append(out, tail(hdr))
	}
	return out
}
""",
        "\t\thdr := make([]byte, 8)",
        "tail",
        "func() string { return fmt.Sprint({pkg}.Tails({pkg}.Records(3), 3)) }()",
    ),
    # the helper stores a subslice in a package variable
    "stored": (
        """var lastKind []byte

func remember(b []byte) {
	lastKind = b[0:2]
}

func Firsts(r io.Reader, count int) string {
	var out string
	for i := 0; i < count; i++ {
		hdr := make([]byte, 8)
		if _, err := io.ReadFull(r, hdr); err != nil {
			break
		}
		if i == 0 {
			remember(hdr)
		}
		out += fmt.Sprint(lastKind)
	}
	return out
}
""",
        "\t\thdr := make([]byte, 8)",
        "remember",
        "func() string { return {pkg}.Firsts({pkg}.Records(3), 3) }()",
    ),
    # the helper returns an element's address, which the caller keeps
    "element_address": (
        """func kindOf(b []byte) *byte {
	return &b[0]
}

func Kinds(r io.Reader, count int) []*byte {
	var out []*byte
	for i := 0; i < count; i++ {
		hdr := make([]byte, 8)
		if _, err := io.ReadFull(r, hdr); err != nil {
			break
		}
		out = append(out, kindOf(hdr))
	}
	return out
}
""",
        "\t\thdr := make([]byte, 8)",
        "kindOf",
        "func() string { s := ''; for _, k := range {pkg}.Kinds({pkg}.Records(3), 3) { s += string(*k) }; return s }()",
    ),
}
DECLINED["element_address"] = (
    *DECLINED["element_address"][:3],
    'func() string { s := ""; for _, k := range {pkg}.Kinds({pkg}.Records(3), 3) { s += string(*k) }; return s }()',
)


def _source(name: str, code: str) -> str:
    return HEAD.replace("{name}", name) + code


def _naive(source: str, site: str) -> str:
    """The naive hoisting: the scratch made once before the function's loop, with no reset."""
    indent = site[: len(site) - len(site.lstrip())]
    var = site.strip().split()[0 if ":=" in site else 1]
    source = source.replace(site, f"{indent}{var} := {var}p[:]", 1)
    at = source.index("\tfor ", source.index("\nfunc ", source.index(site.strip().split()[0]) if False else 0))
    at = source.index("\tfor ", source.rindex("\nfunc ", 0, source.index(f"{var} := {var}p[:]")))
    line = source.rindex("\n", 0, at) + 1
    return source[:line] + f"\t{var}p := new([8]byte)\n" + source[line:]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name, code) for name, (code, _, _) in FIXED.items()}
    cases |= {name: _source(name, code) for name, (code, _, _, _) in DECLINED.items()}
    return proposals_by_case(tmp_path_factory.mktemp("param_elements"), RULE, cases)


def _at(results, case: str, code: str, line: str):
    return proposal_at(results[case], _source(case, code), line)


@pytest.mark.parametrize("case", sorted(FIXED))
def test_a_scratch_read_through_the_packages_helper_is_hoisted(results, case):
    code, line, _ = FIXED[case]
    fix = _at(results, case, code, line)
    assert isinstance(fix, Fix) and "once per call" in fix.summary, fix


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_a_helper_keeping_a_slice_or_an_element_address_declines(results, case):
    code, line, callee, _ = DECLINED[case]
    result = _at(results, case, code, line)
    assert not isinstance(result, Fix) and callee in result.reason, result


def test_the_rewrite_keeps_every_value_and_the_naive_hoisting_changes_the_declined_ones(results, tmp_path, toolchain):
    originals, rewritten, probes = {}, {}, {}
    for case, (code, line, probe) in FIXED.items():
        originals[case], probes[case] = _source(case, code), probe
        rewritten[case] = edited(originals[case], _at(results, case, code, line))
    for case, (code, line, _, probe) in DECLINED.items():
        originals[case], probes[case] = _source(case, code), probe
        rewritten[case] = _naive(originals[case], line)
    built, values = naive_rewrites(tmp_path, toolchain, originals, rewritten, probes)
    assert values.keys() == probes.keys(), built
    for case, (before, after) in values.items():
        if case in FIXED:
            assert before == after, f"{case}: the rewrite gives {after}, the original {before}"
        else:
            assert before != after, f"{case}: the naive hoisting gives the same {before}"


# retention.kept of a call of the package's own helper, followed into its body: what param_elements.py clears
HELPERS = """package h

import "hash/crc32"

var (
	sinkRow []byte
	seen    = map[*[8]byte]bool{}
	last       *[8]byte
	everything [2]*[8]byte
)

// lastOf keeps what g's elements point to: ranged over, each element is copied, and it is a pointer.
func lastOf(g *[2]*[8]byte) {
	for _, p := range g {
		last = p
	}
}

// row keeps a slice of one of g's elements: an element that is an array is no copy once sliced.
func row(g *[4][8]byte) { sinkRow = g[1][:] }

// mark keeps p itself, as a map's key: p indexes, it is not what is indexed.
func mark(p *[8]byte) { seen[p] = true }

// keepAll copies the pointers ps holds, its content, into a package variable.
func keepAll(ps []*[8]byte) { copy(everything[:], ps) }

// sum reads through subslices, elements, a range clause and copy only.
func sum(b []byte) uint32 {
	var t [2]byte
	copy(t[:], b[6:])
	copy(b[6:], "zz")
	n := crc32.ChecksumIEEE(b[1:][:4]) + uint32(b[0]) + uint32((b)[2:][1]) + uint32(t[1])
	for _, c := range b[4:] {
		n += uint32(c)
	}
	return n
}

// sumArray reads an array through its pointer the same way.
func sumArray(p *[8]byte) uint32 { return crc32.ChecksumIEEE(p[:4]) + uint32(p[5]) }

func Use() uint32 {
	var g [4][8]byte
	row(&g)
	var a [8]byte
	mark(&a)
	var ptrs [2]*[8]byte
	lastOf(&ptrs)
	keepAll(ptrs[:])
	var c [8]byte
	s := make([]byte, 8)
	return sum(s) + sumArray(&c)
}
"""

KEPT = {
    "row(&g)": "row",
    "mark(&a)": "mark",
    "lastOf(&ptrs)": "lastOf",
    "keepAll(ptrs[:])": "keepAll",
    "sum(s)": None,
    "sumArray(&c)": None,
}


def test_retention_follows_subslices_and_basic_elements_only(tmp_path):
    from conftest import module, proposals, releases

    from gorewrite.proposals import Candidate, Rule
    from gorewrite.retention import kept
    from gorewrite.syntax import text, walk

    answers: dict = {}

    def find(view):
        heap = [e for e in view.escapes if e.heap and e.path in view.package.files]
        return [Candidate("asker", heap[0], heap[0].path, (0, len(HELPERS.encode())))]

    def propose(view, candidates):
        for call in walk(view.tree(candidates[0].path).root_node):
            if call.type == "call_expression" and text(call).decode() in KEPT:
                answers[text(call).decode()] = kept(view, call, 0, contents=True)
        return []

    proposals(module(tmp_path, {"h.go": HELPERS}), Rule("asker", "asks", (), find, propose, retention=True), releases())
    assert answers.keys() == KEPT.keys(), answers
    for call, callee in KEPT.items():
        said = answers[call]
        assert (said is None) if callee is None else (said is not None and callee in said), (call, said)


# The hoist spells the array's length as the site does where that names a package-level constant (hoists.py).
NAMED = """package named

import "io"

const (
	recLen  = 8
	kindLen = 4
)

func Kinds(r io.Reader, count int) []byte {
	var out []byte
	for i := 0; i < count; i++ {
		hdr := make([]byte, recLen)
		if _, err := io.ReadFull(r, hdr); err != nil {
			break
		}
		out = append(out, hdr[0])
	}
	return out
}

func Seqs(r io.Reader, count int) []byte {
	var out []byte
	for i := 0; i < count; i++ {
		var hdr [recLen]byte
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			break
		}
		out = append(out, hdr[1])
	}
	return out
}

func Locals(r io.Reader, count int) []byte {
	var out []byte
	for i := 0; i < count; i++ {
		const size = 8
		hdr := make([]byte, size)
		if _, err := io.ReadFull(r, hdr); err != nil {
			break
		}
		out = append(out, hdr[2])
	}
	return out
}

// Caps' array is its capacity's: recLen, not kindLen.
func Caps(r io.Reader, count int) []byte {
	var out []byte
	for i := 0; i < count; i++ {
		hdr := make([]byte, kindLen, recLen)
		if _, err := io.ReadFull(r, hdr); err != nil {
			break
		}
		out = append(out, hdr[3], byte(cap(hdr)))
	}
	return out
}

// Lens' length names the loop's tbl: before the loop `len(tbl)` is the other one's, 32.
func Lens(r io.Reader, count int) []byte {
	var tbl [32]byte
	out := tbl[:0]
	for i := 0; i < count; i++ {
		var tbl [recLen]byte
		hdr := make([]byte, len(tbl))
		if _, err := io.ReadFull(r, hdr); err != nil {
			break
		}
		out = append(out, hdr[3]+tbl[0], byte(cap(hdr)))
	}
	return out
}
"""


def test_a_hoist_keeps_a_package_constants_name_and_not_a_local_ones(tmp_path):
    found = proposals_by_case(tmp_path, RULE, {"named": NAMED})["named"]
    fixes = {f.targets[0].line: edited(NAMED, f) for f in found if isinstance(f, Fix)}
    lines = NAMED.splitlines()
    kinds, seqs, local, caps, lens = (
        lines.index(t) + 1
        for t in (
            "\t\thdr := make([]byte, recLen)",
            "\t\tvar hdr [recLen]byte",
            "\t\thdr := make([]byte, size)",
            "\t\thdr := make([]byte, kindLen, recLen)",
            "\t\thdr := make([]byte, len(tbl))",
        )
    )
    assert "\tvar hdrp *[recLen]byte\n" in fixes[kinds] and "hdrp = new([recLen]byte)" in fixes[kinds], fixes[kinds]
    assert "*hdrp = [recLen]byte{} // the zeros make gave" in fixes[kinds], fixes[kinds]
    assert "\t\t*hdr = [recLen]byte{}\n" in fixes[seqs], fixes[seqs]
    locals_ = fixes[local].split("func Locals")[1].split("// Caps")[0]
    assert "\tvar hdrp *[8]byte\n" in locals_ and "recLen" not in locals_, fixes[local]
    # the capacity names the array, and a length that is no name of a constant (`len(tbl)`) keeps the number
    assert "\tvar hdrp *[recLen]byte\n" in fixes[caps].split("func Caps")[1], fixes[caps]
    assert "\tvar hdrp *[8]byte\n" in fixes[lens].split("func Lens")[1], fixes[lens]


# go/types spells the package's own types unqualified: where the package declares `byte`, `[]byte` and `*[4]byte`
# hold that type, here an array, which `p[1][:]` slices in place (param_elements._shadowed).
SHADOWED = """package s

// byte is the package's own: an array of ints.
type byte [2]int

var sink []int

func row(p *[4]byte) { sink = p[1][:] }

func Use() int {
	var g [4]byte
	row(&g)
	return len(sink)
}
"""


def test_an_element_type_named_as_a_basic_one_by_the_package_is_not_basic(tmp_path):
    from conftest import module, proposals, releases

    from gorewrite.proposals import Candidate, Rule
    from gorewrite.retention import kept
    from gorewrite.syntax import text, walk

    answers: dict = {}

    def find(view):
        heap = [e for e in view.escapes if e.heap and e.path in view.package.files]
        return [Candidate("asker", heap[0], heap[0].path, (0, len(SHADOWED.encode())))]

    def propose(view, candidates):
        calls = walk(view.tree(candidates[0].path).root_node)
        call = next(c for c in calls if c.type == "call_expression" and text(c) == b"row(&g)")
        answers.update({contents: kept(view, call, 0, contents=contents) for contents in (True, False)})
        return []

    asker = Rule("asker", "asks", (), find, propose, retention=True)
    proposals(module(tmp_path, {"s.go": SHADOWED}), asker, releases())
    assert answers.keys() == {True, False}, answers
    assert all(said is not None and "row" in said for said in answers.values()), answers
