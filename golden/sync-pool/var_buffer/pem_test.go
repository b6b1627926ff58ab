package pemlite

import (
	"encoding/pem"
	"testing"
)

func TestEncode(t *testing.T) {
	for _, body := range [][]byte{[]byte("hello"), make([]byte, 100)} {
		want := string(pem.EncodeToMemory(&pem.Block{Type: "TEST", Bytes: body}))
		if got := Encode("TEST", body); got != want {
			t.Fatalf("Encode = %q, want %q", got, want)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	body := make([]byte, 48)
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Encode("KEY", body) }))
}
