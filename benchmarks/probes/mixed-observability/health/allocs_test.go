package health

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestAllocs(t *testing.T) {
	ctx := context.Background()
	checks := []Check{
		{"db", func(context.Context) error { return nil }},
		{"disk", func(context.Context) error { return errors.New("full") }},
	}
	res := RunAll(ctx, checks, Policy{})
	if res[0].Err != nil || res[1].Err == nil {
		t.Fatal(res)
	}
	allocs(t, "RunAll", func() { RunAll(ctx, checks, Policy{}) })
	crit := Policy{Critical: map[string]bool{"db": true}}
	if !Healthy(ctx, checks, crit) {
		t.Fatal("healthy")
	}
	allocs(t, "Healthy", func() { Healthy(ctx, checks, crit) })
	var b strings.Builder
	Report(&b, res)
	if !strings.HasPrefix(b.String(), "disk") {
		t.Fatal(b.String())
	}
	if Line(res) != "disk=false, db=true" {
		t.Fatal(Line(res))
	}
	allocs(t, "Line", func() { Line(res) })
	if Slowest(ctx, checks, res) > time.Second {
		t.Fatal("slow")
	}
	allocs(t, "Slowest", func() { Slowest(ctx, checks, res) })
	ok, label := Quorum(ctx, checks[:1], "agent")
	if !ok || label != "AGENT" {
		t.Fatal(ok, label)
	}
}

func TestWatchSetter(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runs := make(chan time.Duration, 10)
	set := Watch(ctx, nil, time.Hour, func([]Result) { runs <- 0 })
	set(time.Millisecond)
	select {
	case <-runs:
	case <-time.After(5 * time.Second):
		t.Fatal("the loop never saw the new interval")
	}
}
