package cli

import (
	"bytes"
	"io"
	"testing"
)

var replicas = []Replica{{"web-1", "v1.4.2", 0}, {"web-2", "v1.4.2", 12}}

func TestStatus(t *testing.T) {
	for i := 0; i < 3; i++ {
		var out bytes.Buffer
		(&Command{out: &out}).Status(replicas)
		want := "  HOST| VERSION| RESTARTS|\n web-1|  v1.4.2|        0|\n web-2|  v1.4.2|       12|\n"
		if out.String() != want {
			t.Fatalf("Status = %q", out.String())
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	c := &Command{out: io.Discard}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { c.Status(replicas) }))
}
