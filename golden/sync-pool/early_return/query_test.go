package query

import "testing"

func TestEncode(t *testing.T) {
	if got, err := Encode([][2]string{{"q", "go pool"}, {"n", "1"}}); err != nil || got != "q=go+pool&n=1" {
		t.Fatalf("Encode = %q, %v", got, err)
	}
	if _, err := Encode([][2]string{{"a", "1"}, {"", "x"}}); err == nil {
		t.Fatal("an empty key is not an error")
	}
	if got, err := Encode([][2]string{{"k", "v"}}); err != nil || got != "k=v" {
		t.Fatalf("Encode after an error = %q, %v", got, err)
	}
}

func TestAllocsPerRun(t *testing.T) {
	pairs := [][2]string{{"q", "gopher"}, {"page", "2"}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Encode(pairs) }))
}
