package events

import (
	"errors"
	"testing"

	"example.com/probes/mixed-controller/api"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestEvents(t *testing.T) {
	var sink MemorySink
	r := NewRecorder(&sink)
	o := &api.Object{ObjectMeta: api.ObjectMeta{Namespace: "prod", Name: "web"}}
	r.Eventf(o, "Warning", "FailedSync", "sync %s: %v", "web", errors.New("conflict"))
	r.Eventf(o, "Warning", "FailedSync", "again")
	r.Scaled(o, 1, 3)
	if sink.Len() != 3 || sink.Events[1].Count != 2 || sink.Events[2].Message != "scaled from 1 to 3" {
		t.Fatal(sink.Events)
	}
	if got := Describe(sink.Events[2]); got != "scaled from 1 to 3" {
		t.Fatal(got)
	}
	if got := Describe(Event{Payload: errors.New("x")}); got != "error: x" {
		t.Fatal(got)
	}
	if got := ScaleMessage(2, 4); got != "Scaled: scaled from 2 to 4" {
		t.Fatal(got)
	}
	var a, b MemorySink
	sinks := []Sink{&a, &b}
	if e := Broadcast(sinks, Event{Reason: "Synced"}); e.Count != 1 || a.Len() != 1 || b.Events[0].Count != 1 {
		t.Fatal(e)
	}
	if got := Fields(Event{Object: "prod/web", Reason: "Synced", Count: 2}); got != "object=prod/web reason=Synced count=2" {
		t.Fatal(got)
	}
	allocs(t, "ScaleMessage", func() { ScaleMessage(2, 4) })
	allocs(t, "Fields", func() { Fields(Event{Object: "prod/web", Reason: "Synced", Count: 2}) })
	var quiet Discard
	qs := []Sink{quiet, quiet}
	allocs(t, "Broadcast", func() { Broadcast(qs, Event{Reason: "Synced"}) })
}

type Discard struct{}

func (Discard) Record(Event) {}
