package envelope

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestSend(t *testing.T) {
	for i := 0; i < 3; i++ {
		var out bytes.Buffer
		if err := Send(&out, "ana", "notes.txt", strings.NewReader("line 1\nline 2\n")); err != nil {
			t.Fatal(err)
		}
		if got := out.String(); got != "FROM ana NAME notes.txt\nline 1\nline 2\n" {
			t.Fatalf("Send = %q", got)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	r := strings.NewReader("")
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		r.Reset("some body text")
		Send(io.Discard, "ana", "notes.txt", r)
	}))
}
