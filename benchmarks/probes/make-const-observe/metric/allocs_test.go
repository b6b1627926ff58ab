package metric

import (
	"strings"
	"testing"
)

func TestAllocs(t *testing.T) {
	s, err := SnakeCase("httpRequestsTotal")
	if err != nil || s != "http_requests_total" {
		t.Fatal(s, err)
	}
	long := "grpcServerHandledTotalByMethodAndCodeForTheWholeFleetOfFrontends"
	allocs(t, "SnakeCase", func() { SnakeCase(long) })
	f, err := FullName("app", "", "requests_total")
	if err != nil || f != "app_requests_total" {
		t.Fatal(f, err)
	}
	allocs(t, "FullName", func() { FullName("payments", "ledger_writer", "transactions_committed_total") })
	if Sanitize("a.b-c") != "a_b_c" {
		t.Fatal(Sanitize("a.b-c"))
	}
	allocs(t, "Sanitize", func() { Sanitize(strings.Repeat("x.", 100)) })
	if k, err := LowerKey("StatusCode"); err != nil || k != "statuscode" {
		t.Fatal(k, err)
	}
	allocs(t, "LowerKey", func() { LowerKey("KubernetesPodNameWithAVeryLongSuffix") })
	labels := []Label{{"method", "GET"}, {"code", "200"}, {"route", "/api/v1/items"}}
	if FormatLabels(labels[:1]) != `{method="GET"}` {
		t.Fatal(FormatLabels(labels[:1]))
	}
	allocs(t, "FormatLabels", func() { FormatLabels(labels) })
	m := map[string]string{"method": "GET", "code": "200", "route": "/", "zone": "a", "pod": "p-1"}
	allocs(t, "Signature", func() { Signature(m) })
	allocs(t, "SeriesKey", func() { SeriesKey("http_requests_total", m) })
	allocs(t, "Order", func() { Order(labels) })
	if n, ok := DuplicateLabel(append(labels, Label{"code", "500"})); !ok || n != "code" {
		t.Fatal(n, ok)
	}
	allocs(t, "DuplicateLabel", func() { DuplicateLabel(labels) })
}

func TestAllocsHistogram(t *testing.T) {
	h, err := NewHistogram(ExponentialBuckets(0.001, 2, 12))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		h.Observe(float64(i) / 100)
	}
	allocs(t, "Histogram.Quantile", func() { h.Quantile(0.9) })
	if LinearSpread(0, 0.1, 10, 0.05) < 0.09 {
		t.Fatal(LinearSpread(0, 0.1, 10, 0.05))
	}
	allocs(t, "LinearSpread", func() { LinearSpread(0, 0.1, 40, 0.05) })
	if CountDefault([]float64{0.3, 0.4, 0.001}) != 6 {
		t.Fatal(CountDefault([]float64{0.3, 0.4, 0.001}))
	}
	lat := []float64{0.3, 0.4, 0.001, 3}
	allocs(t, "CountDefault", func() { CountDefault(lat) })
}
