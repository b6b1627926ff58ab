package report

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

var services = []Service{{"api", true, 12}, {"db", false, 250}}

func TestWrite(t *testing.T) {
	for i := 0; i < 3; i++ {
		var out bytes.Buffer
		if err := Write(&out, services); err != nil {
			t.Fatal(err)
		}
		want := "api          up      12ms\ndb           down   250ms\n--\n"
		if out.String() != want {
			t.Fatalf("Write = %q", out.String())
		}
	}
	if err := Write(io.Discard, nil); !errors.Is(err, errNoServices) {
		t.Fatalf("Write(nil) = %v", err)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Write(io.Discard, services) }))
}
