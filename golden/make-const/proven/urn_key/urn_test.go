package urn

import (
	"hash/fnv"
	"testing"
)

func TestBehaviour(t *testing.T) {
	u := UUID{0xf8, 0x1d, 0x4f, 0xae, 0x7d, 0xec, 0x11, 0xd0, 0xa7, 0x65, 0x00, 0xa0, 0xc9, 0x1e, 0x6b, 0xf6}
	if s := u.String(); s != "f81d4fae-7dec-11d0-a765-00a0c91e6bf6" {
		t.Fatal(s)
	}
	h := fnv.New32a()
	h.Write([]byte("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"))
	if got, want := Key(u, 1024), h.Sum32()%1024; got != want {
		t.Fatal(got, want)
	}
}

func TestAllocs(t *testing.T) {
	u := UUID{1, 2, 3}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _ = Key(u, 64) }))
}
