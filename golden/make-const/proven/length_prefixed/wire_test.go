package wire

import (
	"strings"
	"testing"
)

var message = append([]byte{48}, strings.Repeat("Content-Type/", 4)[:48]...)

func TestBehaviour(t *testing.T) {
	got, next, err := Field(message, 0)
	if err != nil || next != 49 || got != strings.ToLower(string(message[1:])) {
		t.Fatal(got, next, err)
	}
	long := append([]byte{255}, strings.Repeat("AB", 128)...)
	if got, next, err := Field(long, 0); err != nil || next != 256 || got != strings.Repeat("ab", 128)[:255] {
		t.Fatal(got, next, err)
	}
	if _, _, err := Field([]byte{2, 'a', '\n'}, 0); err == nil {
		t.Fatal("a control byte was accepted")
	}
	if _, _, err := Field([]byte{5, 'a'}, 0); err == nil {
		t.Fatal("a short field was accepted")
	}
	if _, _, err := Field(message, len(message)); err == nil {
		t.Fatal("an offset past the end was accepted")
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Field(message, 0) }))
}
