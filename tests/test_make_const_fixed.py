"""make-const where every path gives the make one length and capacity: the array sliced whole (`dstBuf[:]`),
or to a constant length, says what `dstBuf[:n:n]` says with less code. On go1.24.11 that keeps a small function
within the inliner's budget (`Format`: cost 82 of 80 as `[:n:n]`, rejected as "too costly to inline"; 68 as
`[:]`). A size the code bounds only from above, or whose evaluation could panic (a variable divisor, a method
of a nil receiver), keeps `[:n:n]`: the naive `[:]` gives another length for the one, loses the panic for the
other (go test shows both). `[:]` never drops the file's last read of a local or an import (it would not
compile)."""

from __future__ import annotations

from conftest import OLDER, module, releases
from conftest import in_process as gorewrite

IDS = """package ids

import (
	"encoding/hex"
	"errors"
)

const idBytes = 12

var ErrShort = errors.New("short id")

// Format renders the first 12 bytes of raw as a 24-character hex id.
func Format(raw []byte) (string, error) {
	if len(raw) < idBytes {
		return "", ErrShort
	}
	dst := make([]byte, hex.EncodedLen(idBytes))
	hex.Encode(dst, raw[:idBytes])
	return string(dst), nil
}

// Pad right-pads a name of at most 24 bytes with dots to exactly 24.
func Pad(name string) string {
	if len(name) > 24 {
		return name
	}
	out := make([]byte, len(name))
	copy(out, name)
	for len(out) < 24 {
		out = append(out, '.')
	}
	return string(out)
}

// Halves copies the first half of a 64-byte block split in d parts, d being 2.
func Halves(block []byte, d int) string {
	n := len(block)
	if n != 64 || d != 2 {
		return ""
	}
	out := make([]byte, n/d)
	copy(out, block)
	return string(out)
}
"""

# `[:]` would drop the size's evaluation: a method on a nil *Encoding panics, and the file's only read of hex
# and of n (`imported and not used`, `declared and not used`): each keeps `[:n:n]`.
KEPT = """package ids

import (
	"encoding/base64"
	"encoding/hex"
)

// Width is the length of three bytes in enc; a nil enc panics.
func Width(enc *base64.Encoding) int {
	dst := make([]byte, enc.EncodedLen(3))
	return copy(dst, "abcd")
}

// Zeros is a 24-character hex id of zero bytes.
func Zeros() string {
	b := make([]byte, hex.EncodedLen(idBytes))
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}

// Dashes is a ruler of exactly 16 dashes, or nothing.
func Dashes(width int) string {
	if width != 16 {
		return ""
	}
	n := width
	b := make([]byte, n)
	for i := range b {
		b[i] = '-'
	}
	return string(b)
}
"""

IDS_TEST = """package ids

import (
	"strings"
	"testing"
)

func TestNil(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("Width(nil) did not panic")
		}
	}()
	Width(nil)
}

func TestSame(t *testing.T) {
	raw := []byte("0123456789abcdef")
	if got, err := Format(raw); got != "303132333435363738396162" || err != nil {
		t.Fatalf("Format: %q %v", got, err)
	}
	if got := Pad("ab"); got != "ab......................" {
		t.Fatalf("Pad: %q", got)
	}
	if got := Halves([]byte(strings.Repeat("x", 64)), 2); got != strings.Repeat("x", 32) {
		t.Fatalf("Halves: %q", got)
	}
}

// format is called through a variable: not inlined (an inlined Format's make is a constant size already)
var format = Format

func TestAllocs(t *testing.T) {
	raw := []byte("0123456789abcdef")
	// the string result allocates; the scratch buffer must not
	if got := testing.AllocsPerRun(100, func() { format(raw) }); got != 1 {
		t.Fatalf("Format: %v allocations", got)
	}
}
"""


def test_a_fixed_size_is_sliced_whole_and_stays_inlinable_on_go1_24(tmp_path):
    root = module(tmp_path, {"ids/ids.go": IDS, "ids/kept.go": KEPT, "ids/ids_test.go": IDS_TEST})
    newest, older = releases()
    for toolchain in (newest, older):
        done = toolchain.run(["test", "-count=1", "-run", "TestSame|TestNil", "./ids"], str(root))
        assert done.returncode == 0, done.stdout
    before = older.run(["test", "-count=1", "-run", "TestAllocs", "./ids"], str(root))
    assert before.returncode != 0 and b"Format: 2 allocations" in before.stdout, before.stdout

    done = gorewrite("fix", "-v", "--rule", "make-const", "--toolchain", OLDER, cwd=root)
    assert done.returncode == 0, done.stderr
    assert "applied  ids/ids.go:17: give make([]byte, hex.EncodedLen(idBytes)) a 24-element" in done.stderr
    rewritten = (root / "ids/ids.go").read_text()
    assert "var dstBuf [24]byte\n\tdst := dstBuf[:]\n" in rewritten, rewritten
    assert "out := outBuf[:len(name):len(name)]" in rewritten, rewritten  # at most 24: not fixed
    assert "out := outBuf[: n/d : n/d]" in rewritten, rewritten  # fixed, but kept: a variable divisor could panic
    kept = (root / "ids/kept.go").read_text()
    assert "dst := dstBuf[:enc.EncodedLen(3):enc.EncodedLen(3)]" in kept, kept
    assert "b := bBuf[:hex.EncodedLen(idBytes):hex.EncodedLen(idBytes)]" in kept and "b := bBuf[:n:n]" in kept, kept
    assert "make(" not in kept, kept
    for toolchain in (newest, older):
        done = toolchain.run(["test", "-count=1", "./ids"], str(root))
        assert done.returncode == 0, (toolchain.version, done.stdout)
    inlined = older.run(["build", "-gcflags=-m", "./ids"], str(root))
    assert b"can inline Format" in inlined.stderr, inlined.stderr

    # the naive whole slice for a size bounded only from above: Pad's result is 24 bytes, the name lost
    naive = rewritten.replace("out := outBuf[:len(name):len(name)]", "out := outBuf[:]")
    (root / "ids/ids.go").write_text(naive)
    done = newest.run(["test", "-count=1", "-run", "TestSame", "./ids"], str(root))
    assert done.returncode != 0 and b"Pad:" in done.stdout, done.stdout
    (root / "ids/ids.go").write_text(rewritten)
    # the naive whole slice for a method's result: Width(nil) no longer panics
    (root / "ids/kept.go").write_text(kept.replace("dstBuf[:enc.EncodedLen(3):enc.EncodedLen(3)]", "dstBuf[:]"))
    done = newest.run(["test", "-count=1", "-run", "TestNil", "./ids"], str(root))
    assert done.returncode != 0 and b"did not panic" in done.stdout, done.stdout
