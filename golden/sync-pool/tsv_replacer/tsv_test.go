package tsv

import (
	"bytes"
	"testing"
)

func TestExport(t *testing.T) {
	for range 3 {
		var out bytes.Buffer
		if err := Export(&out, []string{"id", "note"}, [][]string{{"1", "a\tb"}, {"2", "line\nbreak"}}); err != nil {
			t.Fatal(err)
		}
		if want := "id\tnote\n1\ta b\n2\tline break\n"; out.String() != want {
			t.Fatalf("Export wrote %q, want %q", out.String(), want)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	var out bytes.Buffer
	rows := [][]string{{"1", "a\tb"}, {"2", "plain"}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { out.Reset(); Export(&out, []string{"id", "note"}, rows) }))
}
