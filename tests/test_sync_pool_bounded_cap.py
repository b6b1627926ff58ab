"""sync-pool pools a bounded `make([]byte, n, c)` (bounded.py): `hint = min(max(hint, 0), 4096); b :=
make([]byte, 0, hint)` then appends and one Write becomes `b := bp[:0:hint]` and `clear(b[:hint])` from a
pool of `*[4096]byte`. The rewrite keeps what each probe returns; each naive pool changes it: one without
the clear shows another call's bytes in the spare capacity (`b[:cap(b)]`), one without the capacity
(`bp[:0]`) changes cap(b), and one of a slice kept past the call hands a caller the next call's bytes."""

from __future__ import annotations

import re

import pytest
from conftest import DETERMINISTIC_POOL, edited, gorewrite, module, naive_rewrites, proposals_by_case, releases

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"io"
	"strconv"
	"strings"
)

var _, _, _ = io.EOF, strconv.Itoa, strings.Repeat

"""

# The probe's repro: one line per int, built by appends into make's capacity, written once.
LINES = """func WriteInts(w io.Writer, xs []int, hint int) error {
	hint = min(max(hint, 0), 4096)
	b := make([]byte, 0, hint) // site
	for _, x := range xs {
		b = strconv.AppendInt(b, int64(x), 10)
		b = append(b, '\\n')
	}
	_, err := w.Write(b)
	return err
}
"""

POOLED = {
    "lines": LINES
    + """
func Probe() string {
	var out strings.Builder
	WriteInts(&out, []int{1, 22, 333}, 600)
	WriteInts(&out, []int{4444, -5}, 2)
	return out.String()
}
""",
    # The spare capacity written out: make's zeros past the appended bytes.
    "pad": """func Pad(w io.Writer, s string, width int) error {
	width = min(max(width, 0), 1024)
	buf := make([]byte, 0, width) // site
	buf = append(buf, s...)
	_, err := w.Write(buf[:cap(buf)])
	return err
}

func Probe() string {
	var out strings.Builder
	Pad(&out, "xxxxxxxx", 8)
	Pad(&out, "y", 8)
	return strconv.Quote(out.String())
}
""",
    # The capacity itself written: hint's, not the pooled array's.
    "caps": """func Caps(w io.Writer, hint int) error {
	hint = min(max(hint, 0), 4096)
	b := make([]byte, 0, hint) // site
	b = strconv.AppendInt(b, int64(cap(b)), 10)
	_, err := w.Write(b)
	return err
}

func Probe() string {
	var out strings.Builder
	Caps(&out, 700)
	return out.String()
}
""",
    # A length above the capacity panics in make and in the pooled slice expression alike.
    "longer": """func Frame(w io.Writer, n, c int) error {
	c = min(max(c, 0), 2048)
	buf := make([]byte, n, c) // site
	_, err := w.Write(buf)
	return err
}

func Probe() (s string) {
	defer func() {
		if recover() != nil {
			s += " panic"
		}
	}()
	var out strings.Builder
	Frame(&out, 3, 600)
	s = strconv.Quote(out.String())
	Frame(&out, 700, 600)
	return s + " no panic"
}
""",
}

# Each must-decline: its code, the reason, and a probe (Probe) whose value the naive pool changes.
DECLINED = {
    # The line is kept past the call: the next call's bytes show through it.
    "kept": (
        """var last []byte

func WriteInts(w io.Writer, xs []int, hint int) error {
	hint = min(max(hint, 0), 4096)
	b := make([]byte, 0, hint) // site
	for _, x := range xs {
		b = strconv.AppendInt(b, int64(x), 10)
	}
	last = b
	_, err := w.Write(b)
	return err
}

func Probe() string {
	WriteInts(io.Discard, []int{111}, 600)
	first := last
	WriteInts(io.Discard, []int{222}, 600)
	return string(first)
}
""",
        "b is stored in the package-level last: it outlives the call",
    ),
    # An alias, appended to and kept: the pooled array's bytes, until an append grows past the capacity.
    "kept_append": (
        """var last []byte

func Line(w io.Writer, x, hint int) error {
	hint = min(max(hint, 0), 4096)
	b := make([]byte, 0, hint) // site
	line := b[:0]
	line = append(line, strconv.Itoa(x)...)
	last = line
	_, err := w.Write(line)
	return err
}

func Probe() string {
	Line(io.Discard, 111, 600)
	first := last
	Line(io.Discard, 222, 600)
	return string(first)
}
""",
        "b is assigned to line, which on line 18 is stored in the package-level last: it outlives the call",
    ),
    # An unbounded capacity: a naive pool of one array size panics where make did not.
    "unbounded": (
        """func Frame(w io.Writer, c int) error {
	b := make([]byte, 0, c) // site
	b = append(b, "frame"...)
	_, err := w.Write(b)
	return err
}

func Probe() (s string) {
	defer func() {
		if recover() != nil {
			s = "panic"
		}
	}()
	Frame(io.Discard, 20000)
	return "ok"
}
""",
        "make([]byte, 0, c) is pooled only with a bound: its capacity c is not bounded",
    ),
}

SITE = re.compile(r"^\t(\w+) := make\(\[\]byte, (\w+), (\w+)\) // site$", re.M)
NAIVE_POOL = DETERMINISTIC_POOL + "\nvar naiveArrays = &naivePool{New: func() any { return new([4096]byte) }}\n"


def _naive(source: str, clear: bool = True, capped: bool = True) -> str:
    """The source with its site taken from a pool of 4096-byte arrays anyway: Get, deferred Put, `p[:n:c]`
    and its clear, less what is turned off (`p[:n]`, the array's capacity, without capped)."""

    def make(m: re.Match) -> str:
        var, n, c = m.groups()
        zeros = f"\n\tclear({var}p[:])" if clear else ""
        sliced = f"{n}:{c}" if capped else n
        return (
            f"\t{var}p := naiveArrays.Get().(*[4096]byte)\n\tdefer naiveArrays.Put({var}p){zeros}\n"
            f"\t{var} := {var}p[:{sliced}]"
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
    return proposals_by_case(tmp_path_factory.mktemp("capped"), RULE, cases)


def _fix(results, case) -> Fix:
    """The case's one fix; the probe's strings.Builder (`moved to heap: out`) is declined beside it."""
    (fix,) = [r for r in results[case] if isinstance(r, Fix)]
    assert all("moved to heap: out" in r.site.message for r in results[case] if r is not fix), results[case]
    return fix


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled_with_makes_length_and_capacity_and_zeros(results, case):
    """The array of the capacity's bound, `v := p[:n:c]`, cleared over the whole capacity."""
    inserted = "".join(e.new.decode() for e in _fix(results, case).edits)
    var, n, c = SITE.search(POOLED[case]).groups()
    size = {"pad": 1024, "longer": 2048}.get(case, 4096)
    assert f"new([{size}]byte)" in inserted and f"{var} := {var}p[:{n}:{c}]\n\tclear({var}[:{c}])" in inserted


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    (result,) = results[case]
    assert not isinstance(result, Fix) and DECLINED[case][1] in result.reason, result


def test_the_fix_keeps_each_probe_and_each_naive_pool_changes_it(results, tmp_path, toolchain):
    """gorewrite's rewrites give what the originals give (a panic where make panics included); the
    naive pools do not: no clear (pad), no capacity (caps), a pooled slice kept or an unbounded one."""
    originals, rewritten = {}, {}

    def add(name: str, case: str, source: str) -> None:
        originals[name] = _source(name, (POOLED | {c: code for c, (code, _) in DECLINED.items()})[case])
        rewritten[name] = source.replace(f"package {case}\n", f"package {name}\n", 1)

    for case in POOLED:
        add(f"{case}_fixed", case, edited(_source(case, POOLED[case]), _fix(results, case)))
    add("pad_unzeroed", "pad", _naive(_source("pad", POOLED["pad"]), clear=False))
    add("caps_uncapped", "caps", _naive(_source("caps", POOLED["caps"]), capped=False))
    for case, (code, _) in DECLINED.items():
        add(f"{case}_naive", case, _naive(_source(case, code)))
    built, values = naive_rewrites(tmp_path, toolchain, originals, rewritten, {n: "{pkg}.Probe()" for n in originals})
    assert values.keys() == originals.keys(), built
    assert values["longer_fixed"][0].endswith(' panic"') and "no panic" not in values["longer_fixed"][0], values
    for name, (before, after) in values.items():
        assert (before == after) == name.endswith("_fixed"), (name, before, after)


ALLOCS = """package lines

import (
	"io"
	"testing"
)

func TestAllocs(t *testing.T) {
	xs := []int{1, 22, 333, 4444, 55555}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { WriteInts(io.Discard, xs, 64) }))
}
"""


def test_the_repro_allocates_nothing_after_the_fix(tmp_path):
    """AllocsPerRun of WriteInts under go1.24.11 and go1.27.3: 1 before, 0 after the verified fix."""
    root = module(tmp_path, {"lines/lines.go": _source("lines", LINES), "lines/lines_test.go": ALLOCS})
    newest, older = releases()

    def allocs() -> list[str]:
        found = []
        for toolchain in (older, newest):
            done = toolchain.run(["test", "-count=1", "-v", "./lines"], str(root))
            assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
            found += re.findall(r"allocs=(\S+)", done.stdout.decode())
        return found

    assert allocs() == ["1", "1"]
    done = gorewrite(
        "fix", "--rule", "sync-pool", "--toolchain", older.version, "--toolchain", newest.version, cwd=root
    )
    assert done.returncode == 0 and "1 applied" in done.stderr, done.stderr
    assert allocs() == ["0", "0"]
