package nmea

import (
	"strings"
	"testing"
	"time"
)

func TestAllocs(t *testing.T) {
	s, err := Sentence([]string{"GPGLL", "4916.45", "N", "12311.12", "W", "225444", "A"})
	if err != nil || s != "$GPGLL,4916.45,N,12311.12,W,225444,A*31" {
		t.Fatal("Sentence", s, err)
	}
	if Verify(s) != nil {
		t.Fatal("Verify", Verify(s))
	}
	fields := []string{"GPGSV", "3", "1", "11", "03", "03", "111", "00", "04", "15", "270", "00", "06", "01", "010", "00", "13", "06", "292", "00"}
	allocs(t, "Sentence", func() { Sentence(fields) })
	allocs(t, "Verify", func() { Verify(s) })
	f := Fix{time.Date(2024, 5, 1, 12, 35, 19, 0, time.UTC), 48.1173, 11.5167, 545.4, 8}
	g := GGA(f, 3)
	if !strings.HasPrefix(g, "$GPGGA,123519.00,4807.038,N,01131.002,E,1,8,0.9,545.4,M,,M,,*") {
		t.Fatal("GGA", g)
	}
	allocs(t, "GGA", func() { GGA(f, 6) })
	if n, err := FieldCount("$GPGLL,4916.45,N,,,225444,A"); err != nil || n != 5 {
		t.Fatal("FieldCount", n, err)
	}
}
