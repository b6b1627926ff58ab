package anticheat

import (
	"io"
	"sync"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAnticheat(t *testing.T) {
	by := map[string][]Sample{
		"ann": {{Player: "ann", Speed: 20}, {Player: "ann", Speed: 30}, {Player: "ann", Shots: 40}},
		"bob": {{Player: "bob", Speed: 5}},
	}
	vs := CheckAll(by, Config{})
	if len(vs) != 2 {
		t.Fatal(vs)
	}
	kicks, next := Strict(by, Config{})
	if kicks != 1 || next.Strikes != 2 {
		t.Fatal(kicks, next)
	}
	in := make(chan []Sample)
	out := make(chan Verdict, 1)
	var mu sync.Mutex
	cfg := Monitor(in, Config{}, &mu, out)
	mu.Lock()
	cfg.MaxSpeed = 4
	mu.Unlock()
	in <- by["bob"]
	if v := <-out; v.Strikes != 1 {
		t.Fatal(v)
	}
	close(in)
	lower := make(chan float32, 1)
	lower <- 1
	if n := Live([][]Sample{by["ann"], by["bob"]}, Config{Strikes: 1}, lower); n < 1 {
		t.Fatal(n)
	}
	if err := Report(io.Discard, vs); err != nil {
		t.Fatal(err)
	}
	samples := []Sample{{Shots: 20}, {Shots: 3}}
	if Rates(samples, Config{Window: time.Second}) != 1 {
		t.Fatal("rates")
	}
	allocs(t, "CheckAll", func() { CheckAll(by, Config{}) })
	allocs(t, "Strict", func() { Strict(by, Config{}) })
	allocs(t, "Report", func() { Report(io.Discard, vs) })
	allocs(t, "Rates", func() { Rates(samples, Config{}) })
}
