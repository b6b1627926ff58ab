package route

import "testing"

func TestBehaviour(t *testing.T) {
	c := &Console{name: "db"}
	if got := Run(c, " status "); got != "db up" {
		t.Fatal(got)
	}
	if got := c.Commands()["version"](); got != "db v1" {
		t.Fatal(got)
	}
}
