package codec

import (
	"bytes"
	"crypto/sha256"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	src := bytes.Repeat([]byte{0xab}, 32)
	allocs(t, "Base58", func() { Base58(src) })
	allocs(t, "Base58Check", func() { Base58Check(0, src[:20], sha256.Sum256) })
	data := ConvertBits(src[:20])
	allocs(t, "Bech32", func() { Bech32("bc", data) })
	allocs(t, "HRP", func() { HRP("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4") })
	allocs(t, "Base32Grouped", func() { Base32Grouped(src[:20]) })
	allocs(t, "Ungroup", func() { Ungroup("jbsw y3dp ehpk 3pxp") })
}

func TestCodec(t *testing.T) {
	if s, _ := Base58([]byte("hello world")); s != "StV1DL6CwTryKyV" {
		t.Fatal(s)
	}
	if s, _ := Base58([]byte{0, 0, 1}); s != "112" {
		t.Fatal(s)
	}
	if s, _ := Base58(bytes.Repeat([]byte{0xff}, 64)); len(s) != 88 {
		t.Fatal(len(s), s)
	}
	if s, _ := Bech32("A", nil); s != "a12uel5l" {
		t.Fatal(s)
	}
	if h, _ := HRP("BC1QW508"); h != "bc" {
		t.Fatal(h)
	}
	if g, _ := Base32Grouped([]byte("Hello!")); g != "JBSW Y3DP EE" {
		t.Fatal(g)
	}
	if u, _ := Ungroup("jbsw-y3dp ee"); u != "JBSWY3DPEE" {
		t.Fatal(u)
	}
}
