package mail

import "testing"

func TestHeader(t *testing.T) {
	if got := Header("a@go.dev", "b@go.dev", "hi"); got != "From: a@go.dev\r\nTo: b@go.dev\r\nSubject: hi\r\n\r\n" {
		t.Fatalf("Header = %q", got)
	}
	if got := Header("c", "d", "e"); got != "From: c\r\nTo: d\r\nSubject: e\r\n\r\n" {
		t.Fatalf("a second Header = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Header("a@go.dev", "b@go.dev", "hi") }))
}
