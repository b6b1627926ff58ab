package calendar

import (
	"testing"
	"time"
)

func TestAllocs(t *testing.T) {
	if n := MonthGrid(2026, time.February); n != 20 {
		t.Fatalf("MonthGrid = %d", n)
	}
	allocs(t, "MonthGrid", func() { MonthGrid(2026, time.August) })
	if n := DayFlags(time.March); n != 8 {
		t.Fatalf("DayFlags = %d", n)
	}
	allocs(t, "DayFlags", func() { DayFlags(time.March) })
	day := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	if s := Date(day, false); s != "2026-12-05" {
		t.Fatalf("Date = %q", s)
	}
	if s := Week(day); s != "2026-W49-6" {
		t.Fatalf("Week = %q", s)
	}
	if s := Stamp(day); s != "05 Dec 2026" {
		t.Fatalf("Stamp = %q", s)
	}
	if d, err := ParseDate("2024-02-29"); err != nil || d.Day() != 29 {
		t.Fatalf("ParseDate = %v %v", d, err)
	}
	allocs(t, "ParseDate", func() { ParseDate("2024-02-29") })
	p := Period{Y: 1, M: 2, D: 10, Clock: 2*time.Hour + 30*time.Minute}
	if s := p.ISO(); s != "P1Y2M10DT2H30M" {
		t.Fatalf("ISO = %q", s)
	}
	allocs(t, "ISO", func() { p.ISO() })
	if s := Field(42, seconds); s != "0000000042" {
		t.Fatalf("Field = %q", s)
	}
	allocs(t, "Field", func() { Field(42, seconds) })
	if s := Clock(90 * time.Minute); s != "01:30" {
		t.Fatalf("Clock = %q", s)
	}
	if len(Schedule(day, Period{M: 1}, 3)) != 3 {
		t.Fatal("Schedule")
	}
	if by := Spread(2026, 7); by[0] != 5 {
		t.Fatalf("Spread = %v", by)
	}
	allocs(t, "Spread", func() { Spread(2026, 7) })
}
