package calendar

import (
	"strconv"
	"time"
)

// unit is one designator of an ISO 8601 duration.
type unit uint8

const (
	years unit = iota
	months
	days
	hours
	minutes
	seconds
)

// unitLetters are the designators, by unit.
var unitLetters = [...]byte{years: 'Y', months: 'M', days: 'D', hours: 'H', minutes: 'M', seconds: 'S'}

// fieldWidth is the most digits a field of a billing period ever takes.
func fieldWidth(u unit) int {
	switch u {
	case years:
		return 4
	case months, days:
		return 3
	default:
		return 10
	}
}

// Period is a calendar period: years, months and days plus a clock part.
type Period struct {
	Y, M, D int
	Clock   time.Duration
}

// ISO renders the period as "P1Y2M10DT2H30M".
func (p Period) ISO() string {
	h := int64(p.Clock / time.Hour)
	mi := int64(p.Clock % time.Hour / time.Minute)
	s := int64(p.Clock % time.Minute / time.Second)
	vals := [...]int64{int64(p.Y), int64(p.M), int64(p.D), h, mi, s}
	b := make([]byte, 0, 2+len(vals)*(20+1))
	b = append(b, 'P')
	for u, v := range vals {
		if unit(u) == hours {
			b = append(b, 'T')
		}
		if v == 0 {
			continue
		}
		b = strconv.AppendInt(b, v, 10)
		b = append(b, unitLetters[u])
	}
	if len(b) == 1 || b[len(b)-1] == 'T' {
		b = append(b, '0', 'D')
	}
	return string(b)
}

// Field renders one field zero-padded to its unit's width, as fixed-width export files want.
func Field(v int, u unit) string {
	w := fieldWidth(u)
	b := make([]byte, w)
	for i := w - 1; i >= 0; i-- {
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b)
}

// Clock renders hh:mm:ss, or hh:mm when seconds are zero.
func Clock(d time.Duration) string {
	size := 8
	if d%time.Minute == 0 {
		size = 5
	}
	n := size
	b := make([]byte, n)
	h, m, s := int(d/time.Hour)%100, int(d/time.Minute)%60, int(d/time.Second)%60
	b[0], b[1], b[2] = byte('0'+h/10), byte('0'+h%10), ':'
	b[3], b[4] = byte('0'+m/10), byte('0'+m%10)
	if n == 8 {
		b[5], b[6], b[7] = ':', byte('0'+s/10), byte('0'+s%10)
	}
	return string(b)
}

// Schedule lists the due dates of count instalments from start, one period apart; the dates are returned.
func Schedule(start time.Time, p Period, count int) []time.Time {
	out := make([]time.Time, 0, count)
	t := start
	for i := 0; i < count; i++ {
		out = append(out, t)
		t = t.AddDate(p.Y, p.M, p.D).Add(p.Clock)
	}
	return out
}

// Spread counts, for a year, how many instalments fall in each month when paid every step days.
func Spread(year, step int) [12]int {
	var by [12]int
	if step <= 0 {
		return by
	}
	total := 365
	if leap(year) {
		total = 366
	}
	n := (total + step - 1) / step
	due := make([]int, n)
	for i := range due {
		due[i] = i * step
	}
	start := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, d := range due {
		by[start.AddDate(0, 0, d).Month()-1]++
	}
	return by
}
