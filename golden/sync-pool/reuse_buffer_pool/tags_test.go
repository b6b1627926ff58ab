package tags

import "testing"

func TestAttrs(t *testing.T) {
	if got := Attrs([][2]string{{"id", "a"}, {"title", `"q"`}}); got != ` id="a" title="&#34;q&#34;"` {
		t.Fatalf("Attrs = %q", got)
	}
	if got := Attrs(nil); got != "" {
		t.Fatalf("a second Attrs = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	pairs := [][2]string{{"id", "main"}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Attrs(pairs) }))
}
