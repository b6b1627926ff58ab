package logger

import "testing"

func TestBehaviour(t *testing.T) {
	got := make(chan string, 1)
	release := make(chan struct{})
	label, err := Start(release, func(s string) { got <- s }, true)
	close(release)
	if line := <-got; label != "aborted" || err != nil || line != "log:aborted" {
		t.Fatal(label, err, line)
	}
	release = make(chan struct{})
	close(release)
	if label, err := Start(release, func(s string) { got <- s }, false); label != "ready" || err != nil || <-got != "log:pending" {
		t.Fatal(label, err)
	}
}
