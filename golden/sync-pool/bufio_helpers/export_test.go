package export

import (
	"bytes"
	"io"
	"testing"
)

var records = []Record{{1, "ana", 9.5}, {2, "bo", 7.25}}

func TestWrite(t *testing.T) {
	for i := 0; i < 3; i++ {
		var out bytes.Buffer
		if err := Write(&out, records); err != nil {
			t.Fatal(err)
		}
		if got := out.String(); got != "id,name,score\n1,ana,9.50\n2,bo,7.25\n" {
			t.Fatalf("Write = %q", got)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Write(io.Discard, records) }))
}
