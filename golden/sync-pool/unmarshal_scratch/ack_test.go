package ack

import (
	"strings"
	"testing"
)

func TestReadAck(t *testing.T) {
	first, err := ReadAck(strings.NewReader(`{"ok":true,"ts":"1.5","at":"2024-01-02T03:04:05Z","meta":{"a":1},"retries":{"x":2},"warnings":["w"]}`))
	if err != nil || !first.OK || first.TS != "1.5" || string(first.Meta) != `{"a":1}` || first.Retries["x"] != 2 {
		t.Fatalf("ReadAck = %+v, %v", first, err)
	}
	second, err := ReadAck(strings.NewReader(`{"ok":false,"error":"channel_not_found","meta":{"b":22}}`))
	if err != nil || second.Error != "channel_not_found" {
		t.Fatalf("ReadAck = %+v, %v", second, err)
	}
	if string(first.Meta) != `{"a":1}` || string(first.Warn[0]) != `"w"` || first.At.Year() != 2024 {
		t.Fatalf("the first answer changed: %+v", first)
	}
	if _, err := ReadAck(strings.NewReader(`{"ok":`)); err == nil {
		t.Fatal("a truncated answer must fail")
	}
	if _, err := ReadAck(strings.NewReader(strings.Repeat(" ", 4096))); err != errTooLong {
		t.Fatalf("a long answer: %v", err)
	}
}

func TestAllocs(t *testing.T) {
	body := `{"ok":true,"ts":"1.5","meta":{"a":1}}`
	t.Logf("ReadAck: %v allocs/op", testing.AllocsPerRun(100, func() { ReadAck(strings.NewReader(body)) }))
}
