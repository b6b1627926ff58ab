package notify

import (
	"testing"
	"time"
)

func TestBehaviour(t *testing.T) {
	var got string
	if s := Later(time.Millisecond, "#ops", "disk full", func(m string) { got = m }); s != "sent" || got != "#ops: disk full" {
		t.Fatal(s, got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(50, func() { _ = Later(0, "#ops", "disk full", func(string) {}) }))
}
