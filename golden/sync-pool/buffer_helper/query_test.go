package query

import "testing"

func TestEncode(t *testing.T) {
	if got := Encode(map[string]string{"q": "go pool", "n": "2"}); got != "n=2&q=go+pool" {
		t.Fatalf("Encode = %q", got)
	}
	if got := Encode(map[string]string{"a": "b"}); got != "a=b" {
		t.Fatalf("a second Encode = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	pairs := map[string]string{"q": "go"}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Encode(pairs) }))
}
