package metrics

import (
	"strings"
	"testing"
)

func TestExpose(t *testing.T) {
	var out strings.Builder
	cs := []Counter{{"reqs", "requests served", `code="200"`, 3}}
	for range 2 {
		out.Reset()
		if err := Expose(&out, cs); err != nil {
			t.Fatal(err)
		}
		want := "# HELP reqs requests served\n# TYPE reqs counter\nreqs{code=\"200\"} 3\n"
		if out.String() != want {
			t.Fatalf("Expose = %q", out.String())
		}
	}
	if got := Line(cs[0]); got != `reqs{code="200"}=3` {
		t.Fatalf("Line = %q", got)
	}
}
