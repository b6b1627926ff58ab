package jsonl

import (
	"bytes"
	"io"
	"testing"
)

var records = []Record{{"a<b", 1}, {"c", 2}}

func TestWrite(t *testing.T) {
	var out bytes.Buffer
	if err := Write(&out, records); err != nil || out.String() != "{\"name\":\"a<b\",\"count\":1}\n{\"name\":\"c\",\"count\":2}\n" {
		t.Fatalf("Write = %q, %v", out.String(), err)
	}
	out.Reset()
	if err := Write(&out, records[1:]); err != nil || out.String() != "{\"name\":\"c\",\"count\":2}\n" {
		t.Fatalf("a second Write = %q, %v", out.String(), err)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Write(io.Discard, records) }))
}
