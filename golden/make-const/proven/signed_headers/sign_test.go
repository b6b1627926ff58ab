package sign

import (
	"fmt"
	"hash/fnv"
	"testing"
)

func want(order []string, signed map[string]string) uint64 {
	h := fnv.New64a()
	for _, name := range order {
		fmt.Fprintf(h, "%s:%s\n", name, signed[name])
	}
	return h.Sum64()
}

func TestBehaviour(t *testing.T) {
	signed := map[string]string{"x-date": "20261204", "host": "example.com", "content-type": "text/plain"}
	got, err := Digest(signed)
	if err != nil || got != want([]string{"content-type", "host", "x-date"}, signed) {
		t.Fatalf("Digest = %#x, %v", got, err)
	}
	full := map[string]string{}
	for i := range maxSigned {
		full[fmt.Sprintf("h%02d", i)] = "v"
	}
	if _, err := Digest(full); err != nil {
		t.Fatalf("Digest(%d headers): %v", maxSigned, err)
	}
	full["h99"] = "v"
	if _, err := Digest(full); err != errTooMany {
		t.Fatalf("Digest(%d headers) = %v, want errTooMany", len(full), err)
	}
}

func TestAllocs(t *testing.T) {
	signed := map[string]string{}
	for i := range 12 {
		signed[fmt.Sprintf("x-amz-h%02d", i)] = "value"
	}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Digest(signed) }))
}
