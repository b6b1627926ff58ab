package token

import (
	"bytes"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	pw := []byte("correct horse battery staple")
	salt := bytes.Repeat([]byte{7}, 32)
	allocs(t, "Derive", func() { Derive(pw, salt, 4) })
	block := bytes.Repeat([]byte{4}, BlockSize)
	allocs(t, "CheckPad", func() { CheckPad(block) })
	tok := "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCD"
	allocs(t, "Group", func() { Group(tok) })
	id := bytes.Repeat([]byte{0xa5}, 16)
	allocs(t, "Crockford", func() { Crockford(id) })
	msg := bytes.Repeat([]byte("m"), 200)
	dst := make([]byte, 200)
	var key [32]byte
	allocs(t, "Keystream", func() { Keystream(dst, msg, key) })
	allocs(t, "Wrap", func() { Wrap(bytes.Repeat([]byte{1}, 24)) })
}

func TestToken(t *testing.T) {
	if g, _ := Group("ABCDEFGHIJ"); g != "ABCD-EFGH-IJ" {
		t.Fatal(g)
	}
	if n, err := CheckPad(Pad([]byte("0123456789"))); n != 10 || err != nil {
		t.Fatal(n, err)
	}
	if c, _ := Crockford([]byte{0xff}); c != "ZW" {
		t.Fatal(c)
	}
}

func TestAllocsConfigured(t *testing.T) {
	g, _ := NewGenerator(48)
	allocs(t, "Generator.Token", func() { g.Token() })
}
