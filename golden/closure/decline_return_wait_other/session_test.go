package session

import "testing"

func TestBehaviour(t *testing.T) {
	var got string
	release := make(chan struct{})
	label, stopped, err := Begin(release, func(s string) { got = s }, func() error { return nil })
	close(release)
	<-stopped
	if label != "ready" || err != nil || got != "log:ready" {
		t.Fatal(label, err, got)
	}
}
