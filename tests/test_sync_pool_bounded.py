"""sync-pool pools a variable-size scratch `make([]byte, n)` whose size the code bounds (`if n > maxFrame {
return … }`, gorewrite/bounds.py) and that is on the heap only for io (bounded.py): `s := p[:n:n]` from a
pool of `*[K]byte`, cleared as make gave it. What it pools, what it declines and why, and for each decline
the naive pool it must not become: one that panics where make did not, or hands a caller another call's
bytes; and the zeroing a naive pool without it would miss."""

from __future__ import annotations

import re

import pytest
from conftest import (
    DETERMINISTIC_POOL,
    edited,
    gorewrite,
    module,
    naive_rewrites,
    proposals,
    proposals_by_case,
    releases,
)

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"net"
	"strings"
)

var _, _, _, _, _ = binary.BigEndian, crc32.ChecksumIEEE, io.EOF, net.Dial, strings.NewReader

const (
	maxFrame    = 16 << 10
	maxDatagram = 1500
)

var errTooLarge = errors.New("too large")

"""

POOLED = {
    # A length-prefixed frame reader: the size comes off the wire, the guard bounds it.
    "frame_reader": """func Skip(r io.Reader) error {
	var h [4]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint32(h[:])
	if n > maxFrame {
		return errTooLarge
	}
	scratch := make([]byte, n) // site
	_, err := io.ReadFull(r, scratch)
	return err
}
""",
    # A writer building header+payload for one Write.
    "frame_writer": """func Send(w io.Writer, payload []byte) error {
	if len(payload) > maxFrame {
		return errTooLarge
	}
	buf := make([]byte, 4+len(payload), 4+len(payload)) // site
	binary.BigEndian.PutUint32(buf, uint32(len(payload)))
	copy(buf[4:], payload)
	_, err := w.Write(buf)
	return err
}
""",
    # A UDP datagram over a connected socket (net.Conn's Write rests on io.Writer's contract).
    "datagram": """func SendDatagram(c net.Conn, seq uint16, payload []byte) error {
	n := 2 + len(payload)
	if n > maxDatagram {
		return errTooLarge
	}
	pkt := make([]byte, n) // site
	binary.BigEndian.PutUint16(pkt, seq)
	copy(pkt[2:], payload)
	_, err := c.Write(pkt)
	return err
}
""",
    # A short read leaves make's zeros past m, which the checksum reads: the pooled slice must be cleared.
    "short_read": """func Sum(r io.Reader, n int) uint32 {
	if n < 0 || n > maxFrame {
		return 0
	}
	buf := make([]byte, n) // site
	io.ReadFull(r, buf)
	return crc32.ChecksumIEEE(buf)
}

func Probe() string {
	a := Sum(strings.NewReader(strings.Repeat("x", 2000)), 2000)
	b := Sum(strings.NewReader("y"), 2000)
	return string(rune(a%64+48)) + string(rune(b%64+48))
}
""",
    # The exported function checks the length, its unexported helper reads the frame: every call bounds n
    # (callers.py).
    "helper_bounded": """func Skip(r io.Reader, n int) error {
	if n < 0 || n > maxFrame {
		return errTooLarge
	}
	return drain(r, n)
}

func drain(r io.Reader, n int) error {
	scratch := make([]byte, n) // site
	_, err := io.ReadFull(r, scratch)
	return err
}
""",
}

# Each must-decline: its code, the reason, and a probe whose value the naive pool changes.
DECLINED = {
    # The guard does not leave for every caller: n is unbounded when strict is false.
    "unbounded": (
        """func Relay(w io.Writer, r io.Reader, n int, strict bool) error {
	if strict && n > maxFrame {
		return errTooLarge
	}
	buf := make([]byte, n) // site
	if _, err := io.ReadFull(r, buf); err != nil {
		return err
	}
	_, err := w.Write(buf)
	return err
}

func Probe() (s string) {
	defer func() {
		if recover() != nil {
			s = "panic"
		}
	}()
	if Relay(io.Discard, strings.NewReader(strings.Repeat("x", 20000)), 20000, false) != nil {
		return "error"
	}
	return "ok"
}
""",
        "make([]byte, n) is pooled only with a bound: its size n is not bounded",
    ),
    # The slice is kept past the call: the next call's bytes show through it.
    "kept": (
        """var last []byte

func Read(r io.Reader, n int) error {
	if n < 0 || n > maxFrame {
		return errTooLarge
	}
	buf := make([]byte, n) // site
	_, err := io.ReadFull(r, buf)
	last = buf
	return err
}

func Probe() string {
	Read(strings.NewReader(strings.Repeat("a", 600)), 600)
	first := last
	Read(strings.NewReader(strings.Repeat("b", 600)), 600)
	return string(first[:3])
}
""",
        "buf is stored in the package-level last: it outlives the call",
    ),
    # One caller of the helper checks the length, the other does not.
    "helper_unguarded": (
        """func Skip(r io.Reader, n int) error {
	if n < 0 || n > maxFrame {
		return errTooLarge
	}
	return drain(r, n)
}

func Stream(r io.Reader, n int) error { return drain(r, n) }

func drain(r io.Reader, n int) error {
	scratch := make([]byte, n) // site
	_, err := io.ReadFull(r, scratch)
	return err
}

func Probe() (s string) {
	defer func() {
		if recover() != nil {
			s = "panic"
		}
	}()
	if Stream(strings.NewReader(strings.Repeat("x", 20000)), 20000) != nil {
		return "error"
	}
	return "ok"
}
""",
        "make([]byte, n) is pooled only with a bound: its size n is not bounded",
    ),
}

# Declined with a message, no naive pool to fail: beyond what gorewrite pools, or what it cannot evaluate again.
MESSAGES = {
    "too_small": (
        """func Small(w io.Writer, n int) error {
	if n > 100 {
		return errTooLarge
	}
	buf := make([]byte, n)
	_, err := w.Write(buf)
	return err
}
""",
        "its size n is bounded by 100 bytes: below 512 a pool was not measured faster than make",
    ),
    "too_large": (
        """func Large(w io.Writer, n int) error {
	if n > 1<<20 {
		return errTooLarge
	}
	buf := make([]byte, n)
	_, err := w.Write(buf)
	return err
}
""",
        "its size n is bounded by 1048576 bytes, more than the 65536 gorewrite pools for a scratch buffer",
    ),
    "called_size": (
        """type frame struct{ n int }

func (f *frame) size() int { return f.n }

func Called(w io.Writer, f *frame) error {
	if f.size() > maxFrame {
		return errTooLarge
	}
	buf := make([]byte, f.size())
	_, err := w.Write(buf)
	return err
}
""",
        "its size f.size() is not a local value gorewrite can evaluate again after the pool's Get",
    ),
    # The array must hold the capacity: a bound of the length alone says nothing of it.
    "length_bounded": (
        """func Spare(w io.Writer, n, c int) error {
	if n < 0 || n > maxFrame {
		return errTooLarge
	}
	buf := make([]byte, n, c)
	_, err := w.Write(buf)
	return err
}
""",
        "make([]byte, n, c) is pooled only with a bound: its capacity c is not bounded",
    ),
}

SITE = re.compile(r"^\t(\w+) := make\(\[\]byte, (.*)\) // site$", re.M)
NAIVE_POOL = DETERMINISTIC_POOL + "\nvar naiveArrays = &naivePool{New: func() any { return new([16384]byte) }}\n"


def _naive(source: str, zero: bool = True) -> str:
    """The source with its marked site taken from a pool of the guard's array anyway: Get, deferred Put,
    `p[:n:n]`, cleared unless zero is false."""

    def make(m: re.Match) -> str:
        var, n = m[1], m[2].split(", ")[0]
        clear = f"\n\tclear({var})" if zero else ""
        return (
            f"\t{var}p := naiveArrays.Get().(*[16384]byte)\n\tdefer naiveArrays.Put({var}p)\n"
            f"\t{var} := {var}p[:{n}:{n}]{clear}"
        )

    pooled, count = SITE.subn(make, source)
    assert count == 1, source
    return pooled.replace('\t"io"\n', '\t"io"\n\t"sync"\n', 1) + NAIVE_POOL


def _source(name: str, code: str) -> str:
    return HEAD.format(name=name) + code


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name, code) for name, code in POOLED.items()}
    cases |= {name: _source(name, code) for name, (code, _) in DECLINED.items()}
    cases |= {name: _source(name, code) for name, (code, _) in MESSAGES.items()}
    return proposals_by_case(tmp_path_factory.mktemp("bounded"), RULE, cases)


def _fix(results, case) -> Fix:
    fixes = [r for r in results[case] if isinstance(r, Fix)]
    others = [r for r in results[case] if not isinstance(r, Fix)]
    assert len(fixes) == 1 and all("moved to heap: h" in r.site.message for r in others), results[case]
    return fixes[0]


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    """The array of the bound, `v := p[:n:n]` (make's length and capacity), cleared as make gave it."""
    fix = _fix(results, case)
    inserted = "".join(e.new.decode() for e in fix.edits)
    var, sizes = SITE.search(POOLED[case]).groups()
    n = sizes.split(", ")[0]
    size = {"datagram": 1500, "frame_writer": 16388}.get(case, 16384)
    assert f"new([{size}]byte)" in inserted and f"{var} := {var}p[:{n}:{n}]\n\tclear({var})" in inserted, inserted


@pytest.mark.parametrize("case", sorted(DECLINED) + sorted(MESSAGES))
def test_declined(results, case):
    (result,) = results[case]
    expected = DECLINED[case][1] if case in DECLINED else MESSAGES[case][1]
    assert not isinstance(result, Fix) and expected in result.reason, result


def test_naive_pools_panic_or_show_another_calls_bytes_and_the_fix_does_not(results, tmp_path, toolchain):
    """The declined cases' naive pools change their probes (a panic where make did not, the second call's
    bytes); short_read's naive pool without the clear shows the first call's bytes past a short read, and
    gorewrite's own rewrite of it gives what the original gives."""
    originals = {name: _source(name, code) for name, (code, _) in DECLINED.items()}
    naive = {name: _naive(source) for name, source in originals.items()}
    originals["short_read"] = originals["short_read_fixed"] = _source("short_read", POOLED["short_read"])
    naive["short_read"] = _naive(originals["short_read"], zero=False)
    naive["short_read_fixed"] = edited(originals["short_read"], _fix(results, "short_read"))
    originals["short_read_fixed"] = originals["short_read_fixed"].replace(
        "package short_read", "package short_read_fixed"
    )
    naive["short_read_fixed"] = naive["short_read_fixed"].replace("package short_read", "package short_read_fixed")
    probes = {name: "{pkg}.Probe()" for name in originals}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == originals.keys(), built
    fixed = values.pop("short_read_fixed")
    assert fixed[0] == fixed[1], fixed
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"


def test_a_package_clear_or_an_old_go_line_zeroes_the_whole_array(tmp_path):
    """`clear` is the builtin only where the package declares none and go.mod says go1.21+: else the
    rewrite zeroes the array as it does for a constant make."""
    code = _source("shadow", POOLED["frame_reader"]) + "\nfunc clear(b []byte) {}\n"
    (found,) = proposals(module(tmp_path, {"shadow/shadow.go": code}), RULE).values()
    (fix,) = [r for r in found if isinstance(r, Fix)]
    inserted = "".join(e.new.decode() for e in fix.edits)
    assert "*scratchp = [16384]byte{} // the zeros make gave" in inserted and "clear(scratch)" not in inserted


def test_go124_reads_as_non_constant_size_and_both_releases_pool(tmp_path):
    """go1.24 prints a variable-size make's flow as `(non-constant size)` alone: accepted beside go1.27's
    flow through io.ReadFull, the uses having been cleared."""
    root = module(tmp_path, {"frames/frames.go": _source("frames", POOLED["frame_reader"] + POOLED["frame_writer"])})
    (found,) = proposals(root, RULE, list(releases())).values()
    fixes = [r for r in found if isinstance(r, Fix)]
    assert len(fixes) == 1 and len(fixes[0].targets) == 2, found


ALLOCS = """package frames

import (
	"bytes"
	"io"
	"testing"
)

func TestAllocs(t *testing.T) {
	payload := bytes.Repeat([]byte("p"), 1000)
	var out bytes.Buffer
	for i := 0; i < 3; i++ {
		Send(&out, payload)
	}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Send(io.Discard, payload) }))
	if !bytes.Equal(out.Bytes()[:4], []byte{0, 0, 3, 232}) || out.Len() != 3*1004 {
		t.Fatal("frames differ")
	}
}
"""


def test_a_bounded_frame_writer_allocates_nothing_after_the_fix(tmp_path):
    """AllocsPerRun of Send under go1.24.11 and go1.27.3: 1 before, 0 after the verified fix."""
    source = _source("frames", POOLED["frame_writer"])
    root = module(tmp_path, {"frames/frames.go": source, "frames/frames_test.go": ALLOCS})
    newest, older = releases()

    def allocs() -> list[str]:
        found = []
        for toolchain in (older, newest):
            done = toolchain.run(["test", "-count=1", "-v", "./frames"], str(root))
            assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
            found += re.findall(r"allocs=(\S+)", done.stdout.decode())
        return found

    assert allocs() == ["1", "1"]
    done = gorewrite(
        "fix", "--rule", "sync-pool", "--toolchain", older.version, "--toolchain", newest.version, cwd=root
    )
    assert done.returncode == 0 and "1 applied" in done.stderr, done.stderr
    assert allocs() == ["0", "0"]


def test_a_bounded_site_shares_the_pool_of_a_constant_make_of_its_size(tmp_path):
    """Skip's `make([]byte, n)`, n <= maxFrame, and Relay's `make([]byte, maxFrame)` need one array type: one
    pool, two sites."""
    relay = """func Relay(w io.Writer, r io.Reader) error {
	buf := make([]byte, maxFrame)
	_, err := io.CopyBuffer(w, r, buf)
	return err
}
"""
    root = module(tmp_path, {"frames/frames.go": _source("frames", POOLED["frame_reader"] + relay)})
    (found,) = proposals(root, RULE).values()
    (fix,) = [r for r in found if isinstance(r, Fix)]
    inserted = "".join(e.new.decode() for e in fix.edits)
    assert len(fix.targets) == 2 and inserted.count("sync.Pool{") == 1, inserted
    assert "scratch := scratchp[:n:n]\n\tclear(scratch)" in inserted and "buf := bufp[:maxFrame]" in inserted, inserted


PACKAGE_LITERAL = """package frames

import "io"

const maxFrame = 4096

// Skip is a func literal of a package-level var: there is no function declaration for a pool to serve.
var Skip = func(r io.Reader, n int) error {
	if n < 0 || n > maxFrame {
		return io.ErrShortBuffer
	}
	scratch := make([]byte, n)
	_, err := io.ReadFull(r, scratch)
	return err
}
"""


def test_a_site_in_a_package_level_func_literal_is_not_a_site(tmp_path):
    """std's first census run crashed here: the site's enclosing function declaration is None."""
    found = proposals(module(tmp_path, {"frames/frames.go": PACKAGE_LITERAL}), RULE)
    assert not any(isinstance(p, Fix) for each in found.values() for p in each), found
