package scale

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	rs := []Reading{{"a/raw", 1}, {"b/raw", 2}, {"c", 3}}
	next := Rescale(rs, "mV", 1000)
	if next != "V" || fmt.Sprint(rs) != "[{a/mV 1000} {b/mV 2000} {c/mV 3000}]" {
		t.Fatal(next, rs)
	}
	if next := Rescale(nil, "A", 1); next != "A" { // no reading: no goroutine, no wait
		t.Fatal(next)
	}
}

func TestAllocs(t *testing.T) {
	rs := []Reading{{"a", 1}, {"b", 2}, {"c", 3}}
	t.Logf("allocs=%v", testing.AllocsPerRun(50, func() { rs[0].Sensor, rs[1].Sensor, rs[2].Sensor = "a", "b", "c"; Rescale(rs, "V", 1) }))
}
