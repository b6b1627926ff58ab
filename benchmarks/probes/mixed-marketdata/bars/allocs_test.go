package bars

import (
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

var t0 = time.Unix(1700000000, 0)

var series = [][]Tick{
	{{"A", 100, 5, t0}, {"A", 104, 1, t0}, {"A", 98, 2, t0}},
	{{"B", 50, 10, t0}, {"B", 52, 10, t0}},
}

func TestAllocs(t *testing.T) {
	bars := Aggregate(append(series[0], series[1]...), Config{Workers: 2})
	if a := bars["A"]; a.Open != 100 || a.High != 104 || a.Low != 98 || a.Close != 98 || a.Volume != 8 {
		t.Fatal(a)
	}
	v := Volumes(series, 2)
	if v[0] != 4 || v[1] != 10 {
		t.Fatal(v[:2])
	}
	allocs(t, "Volumes", func() { Volumes(series, 2) })
	if p := VWAP(series); p != 100 {
		t.Fatal(p)
	}
	allocs(t, "VWAP", func() { VWAP(series) })
	r := Ranges(series, Config{MinQty: 0})
	if r[1] != 2 {
		t.Fatal(r)
	}
	n, label := Counts(series)
	if n != 5 || label != "complete" {
		t.Fatal(n, label)
	}
	allocs(t, "Counts", func() { Counts(series) })
}
