package loader

import "testing"

func TestBehaviour(t *testing.T) {
	var l Loader
	got := ""
	l.Start("/etc/app.conf", func(s string) { got = s })
	if got != "/etc/app.conf?v=2" {
		t.Fatal(got)
	}
}
