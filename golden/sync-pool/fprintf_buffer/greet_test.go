package greet

import "testing"

func TestRender(t *testing.T) {
	if got := Render("gopher"); got != "hello gopher" {
		t.Fatalf("Render = %q", got)
	}
	if got := Render("go"); got != "hello go" {
		t.Fatalf("a second Render = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Render("gopher") }))
}
