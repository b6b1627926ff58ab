package mail

import "testing"

func TestLines(t *testing.T) {
	if got := Address("Gopher", "gopher@go.dev"); got != "Gopher <gopher@go.dev>" {
		t.Fatalf("Address = %q", got)
	}
	if got := Subject("golang-dev", "pools"); got != "[golang-dev] pools" {
		t.Fatalf("Subject = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Address("Gopher", "gopher@go.dev") }))
}
