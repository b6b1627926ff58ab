package header

import "testing"

func TestBlock(t *testing.T) {
	if got := Block(map[string]string{"Host": "go.dev", "Accept": "*/*"}); got != "Accept: */*\r\nHost: go.dev\r\nX-Fields: 2\r\n\r\n" {
		t.Fatalf("Block = %q", got)
	}
	if got := Block(nil); got != "X-Fields: 0\r\n\r\n" {
		t.Fatalf("a second Block = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	fields := map[string]string{"Host": "go.dev"}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Block(fields) }))
}
