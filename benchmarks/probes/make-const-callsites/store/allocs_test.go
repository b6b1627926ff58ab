package store

import (
	"bytes"
	"strings"
	"testing"
)

// TestAllocs logs the allocations of each exported writer for inputs its checks admit.
func TestAllocs(t *testing.T) {
	var w bytes.Buffer
	w.Grow(1 << 16)
	name := strings.Repeat("n", maxName)
	key, value := bytes.Repeat([]byte("k"), maxKey), bytes.Repeat([]byte("v"), maxValue)
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"Store", func() { Store(&w, name) }},
		{"Put", func() { Put(&w, key, value) }},
		{"Path", func() { Path(&w, []string{name[:maxSegment], "a b"}) }},
		{"Indent", func() { Indent(&w, 40) }},
		{"Tag", func() { Tag(&w, "abcdefgh") }},
	} {
		w.Reset()
		t.Logf("%s: %v allocs/op", c.name, testing.AllocsPerRun(100, func() { w.Reset(); c.f() }))
	}
}
