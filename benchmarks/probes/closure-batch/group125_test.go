//go:build go1.25

package batch

import "testing"

func TestAllocsUpper(t *testing.T) {
	allocs(t, "Upper", func() { Upper([]string{"a", "b"}, "") })
	if j, s := Upper([]string{"a", "b"}, ""); j != "A,B," || s != "" {
		t.Fatal(j, s)
	}
}
