package events

import (
	"strings"
	"testing"
)

func TestReadBatch(t *testing.T) {
	first, err := ReadBatch(strings.NewReader(`{"events":[{"id":"1","type":"t","data":{"k":"abc","n":[1,"x"]}}],"meta":"m1"}`))
	if err != nil || len(first.Events) != 1 || first.Events[0].Data["k"] != "abc" || first.Meta != "m1" {
		t.Fatalf("ReadBatch = %+v, %v", first, err)
	}
	second, err := ReadBatch(strings.NewReader(`{"events":[{"id":"2","type":"u","data":{"k":"xyz","n":[2,"y"]}}],"meta":"m2"}`))
	if err != nil || second.Events[0].ID != "2" {
		t.Fatalf("ReadBatch = %+v, %v", second, err)
	}
	n := first.Events[0].Data["n"].([]any)
	if first.Events[0].Data["k"] != "abc" || n[1] != "x" || first.Meta != "m1" {
		t.Fatalf("the first batch changed: %+v", first)
	}
	if _, err := ReadBatch(strings.NewReader(strings.Repeat(" ", 8192))); err != errTooLong {
		t.Fatalf("a long batch: %v", err)
	}
}

func TestAllocs(t *testing.T) {
	body := `{"events":[{"id":"1","type":"t","data":{"k":"v"}}],"meta":{"x":[1,"y"]}}`
	t.Logf("ReadBatch: %v allocs/op", testing.AllocsPerRun(100, func() { ReadBatch(strings.NewReader(body)) }))
}
