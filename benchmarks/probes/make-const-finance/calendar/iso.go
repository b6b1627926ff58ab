// Package calendar formats and parses the ISO 8601 dates, week dates and durations the billing calendar uses.
package calendar

import (
	"errors"
	"time"
)

// monthDays is the length of each month in a common year, January first.
var monthDays = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// monthAbbr are the three-letter month names.
var monthAbbr = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

var errDate = errors.New("calendar: bad date")

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn is the number of days of month m (1-12) of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if leap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	default:
		return 31
	}
}

// MonthGrid lays out a month as weeks of seven days (0 = a blank cell), Monday first, and returns how many
// business days it has.
func MonthGrid(y int, m time.Month) int {
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Weekday()
	lead := (int(first) + 6) % 7
	n := daysIn(y, m)
	cells := make([]int, lead+n)
	for d := 1; d <= n; d++ {
		cells[lead+d-1] = d
	}
	business := 0
	for i, d := range cells {
		if d != 0 && i%7 < 5 {
			business++
		}
	}
	return business
}

// DayFlags marks the days of month m that fall on a weekend, by the common-year table.
func DayFlags(m time.Month) int {
	if m < time.January || m > time.December {
		return 0
	}
	n := monthDays[m-1]
	weekend := make([]bool, n)
	for d := range weekend {
		weekend[d] = d%7 >= 5
	}
	c := 0
	for _, w := range weekend {
		if w {
			c++
		}
	}
	return c
}

// put2 and put4 write zero-padded numbers.
func put2(b []byte, v int) []byte { return append(b, byte('0'+v/10%10), byte('0'+v%10)) }

func put4(b []byte, v int) []byte {
	return append(b, byte('0'+v/1000%10), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}

// Date renders YYYY-MM-DD, or the basic form YYYYMMDD.
func Date(t time.Time, basic bool) string {
	size := 10
	if basic {
		size = 8
	}
	b := make([]byte, 0, size)
	b = put4(b, t.Year())
	if !basic {
		b = append(b, '-')
	}
	b = put2(b, int(t.Month()))
	if !basic {
		b = append(b, '-')
	}
	b = put2(b, t.Day())
	return string(b)
}

// Week renders the ISO week date, "2026-W49-6".
func Week(t time.Time) string {
	y, w := t.ISOWeek()
	wd := (int(t.Weekday())+6)%7 + 1
	b := make([]byte, 0, 10)
	b = put4(b, y)
	b = append(b, '-', 'W')
	b = put2(b, w)
	b = append(b, '-', byte('0'+wd))
	return string(b)
}

// Stamp renders "05 Dec 2026" for statements.
func Stamp(t time.Time) string {
	abbr := monthAbbr[t.Month()-1]
	b := make([]byte, 0, 3+len(abbr)+5)
	b = put2(b, t.Day())
	b = append(b, ' ')
	b = append(b, abbr...)
	b = append(b, ' ')
	b = put4(b, t.Year())
	return string(b)
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (time.Time, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, errDate
	}
	digits := make([]int, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, errDate
		}
		digits = append(digits, int(s[i]-'0'))
	}
	y := digits[0]*1000 + digits[1]*100 + digits[2]*10 + digits[3]
	m := time.Month(digits[4]*10 + digits[5])
	d := digits[6]*10 + digits[7]
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return time.Time{}, errDate
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
}
