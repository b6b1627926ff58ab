package render

import (
	"bytes"
	"strings"
	"testing"
)

func TestPretty(t *testing.T) {
	var out bytes.Buffer
	Pretty(&out, []any{1, []any{"a", strings.Repeat("b", 300)}})
	Pretty(&out, 7)
	want := "[\n  1,\n  [\n    a,\n    " + strings.Repeat("b", 300) + ",\n  ],\n]\n7\n"
	if got := out.String(); got != want {
		t.Fatalf("Pretty wrote %q", got)
	}
}

func TestTable(t *testing.T) {
	var out bytes.Buffer
	Table(&out, []string{"name", "n"}, [][]string{{"alpha", "1"}, {"b", strings.Repeat("9", 200)}})
	out.Reset()
	Table(&out, []string{"k"}, nil)
	if got := out.String(); got != "| k |\n|---|\n" {
		t.Fatalf("Table wrote %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	header, rows := []string{"name", "n"}, [][]string{{"alpha", "1"}, {"b", "22"}}
	v := []any{1, []any{"a", "b"}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		Pretty(discard{}, v)
		Table(discard{}, header, rows)
	}))
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
