//go:build go1.25

package arena

import "testing"

func TestResync(t *testing.T) {
	ps := players(3)
	if e := Resync(ps, 1, func(int) string { return "s" }); e != 2 {
		t.Fatal(e)
	}
	drain(ps)
	allocs(t, "Resync", func() { Resync(ps, 1, func(int) string { return "s" }); drain(ps) })
}
