package wire

import "testing"

func TestAppendMessage(t *testing.T) {
	out := AppendMessage(nil, "orders", 7, "created")
	out = AppendMessage(out, "users", 12, "gone")
	if want := "\x11orders#7: created\x0eusers#12: gone"; string(out) != want {
		t.Fatalf("AppendMessage = %q, want %q", out, want)
	}
}

func TestAllocsPerRun(t *testing.T) {
	dst := make([]byte, 0, 256)
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { AppendMessage(dst[:0], "orders", 7, "created") }))
}
