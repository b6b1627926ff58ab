package hooks

import (
	"bytes"
	"io"
	"log"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var got bytes.Buffer
	log.SetOutput(&got)
	log.SetFlags(0)
	defer log.SetOutput(io.Discard)
	plugins := []*Plugin{{Name: "a"}, {Name: "b"}}
	Install(plugins, "")
	plugins[1].OnClose()
	plugins[0].OnClose()
	if got.String() != "default: closing plugin b\ndefault: closing plugin a\n" {
		t.Fatal(got.String())
	}
}

func TestAllocs(t *testing.T) {
	plugins := []*Plugin{{Name: "a"}, {Name: "b"}, {Name: "c"}}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Install(plugins, "srv") }))
}
