package ratelimit

import (
	"testing"
	"time"
)

func TestAllocs(t *testing.T) {
	now := time.Unix(1700000000, 0)
	stamps := []time.Time{now, now.Add(-time.Second), now.Add(-1500 * time.Millisecond), now.Add(-90 * time.Second)}
	if PeakRate(stamps, now, time.Minute) != 2 {
		t.Fatal(PeakRate(stamps, now, time.Minute))
	}
	allocs(t, "PeakRate", func() { PeakRate(stamps, now, 100*time.Second) })
	counts := []int{1, 5, 2, 7, 3, 3, 9, 1}
	if Smooth(counts, 2) != 6 {
		t.Fatal(Smooth(counts, 2))
	}
	allocs(t, "Smooth", func() { Smooth(counts, 12) })
	if k := BucketKey("acme", "/v1/x", 17); k != "acme|/v1/x|17" {
		t.Fatal(k)
	}
	allocs(t, "BucketKey", func() { BucketKey("tenant-acme-corporation", "/api/v2/orders/{id}/items", 1700000000) })
	if Shed([]float64{1, 9, 3}, 2) != 2 {
		t.Fatal("Shed")
	}
	if Retry(1500*time.Millisecond, 10) != "12" {
		t.Fatal(Retry(1500*time.Millisecond, 10))
	}
	allocs(t, "Retry", func() { Retry(90*time.Second, 3) })
}
