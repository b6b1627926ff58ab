package start

import "testing"

func TestBehaviour(t *testing.T) {
	if got := Run(Config{Prefix: "early:"}); got != "late:" {
		t.Fatal(got)
	}
}
