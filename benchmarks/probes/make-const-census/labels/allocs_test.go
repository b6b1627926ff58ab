package labels

import "testing"

func TestAllocs(t *testing.T) {
	ls := []Label{{"zone", "eu"}, {"app", "broker"}, {"pod", "broker-7"}}
	allocs(t, "Fingerprint", func() { Fingerprint(ls) })
	if s, err := Sanitize("http.requests-total"); err != nil || s != "http_requests_total" {
		t.Fatal(s, err)
	}
	allocs(t, "Sanitize", func() { Sanitize("http.requests-total") })
	allocs(t, "Series", func() { Series("up", ls) })
	allocs(t, "Truncate", func() { Truncate("some label value") })
	allocs(t, "Hostname", func() { Hostname() })
	if n, err := Tenant("t-0042"); err != nil || n != 42 {
		t.Fatal(n, err)
	}
	allocs(t, "Tenant", func() { Tenant("t-0042") })
	allocs(t, "Level", func() { Level(30) })
	allocs(t, "Columns", func() { Columns(ls, 10) })
	vals := []float64{5, 1, 4, 2, 3, 9, 8, 7, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18}
	if m := Window(vals); m != 11 {
		t.Fatal(m)
	}
	allocs(t, "Window", func() { Window(vals) })
	allocs(t, "Merge", func() { Merge(ls, ls) })
	allocs(t, "Exemplar", func() { Exemplar("4bf92f3577b34da6a3ce929d0e0e4736") })
}
