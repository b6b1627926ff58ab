// Package sqltext builds SQL fragments and small text values.
package sqltext

import (
	"errors"
	"strconv"

	"example.com/numfin/limits"
)

var errTooMany = errors.New("sqltext: too many parameters")

// Placeholders returns "$1,$2,...,$n" for an IN list.
func Placeholders(n int) (string, error) {
	if n <= 0 {
		return "", nil
	}
	if n > limits.MaxParams {
		return "", errTooMany
	}
	b := make([]byte, 0, 4*n)
	for i := 1; i <= n; i++ {
		if i > 1 {
			b = append(b, ',')
		}
		b = append(b, '$')
		b = strconv.AppendInt(b, int64(i), 10)
	}
	return string(b), nil
}

// Values returns "($1,$2),($3,$4),..." for a multi-row INSERT of rows×cols parameters.
func Values(rows, cols int) (string, error) {
	if rows <= 0 || cols <= 0 {
		return "", nil
	}
	if rows*cols > limits.MaxParams {
		return "", errTooMany
	}
	b := make([]byte, 0, rows*(cols*4+3))
	p := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			b = append(b, ',')
		}
		b = append(b, '(')
		for c := 0; c < cols; c++ {
			if c > 0 {
				b = append(b, ',')
			}
			b = append(b, '$')
			b = strconv.AppendInt(b, int64(p), 10)
			p++
		}
		b = append(b, ')')
	}
	return string(b), nil
}

// Args flattens rows into one argument list for the driver (kept by the caller).
func Args(rows [][]any) []any {
	n := 0
	for _, r := range rows {
		n += len(r)
	}
	out := make([]any, 0, n)
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// Columns quotes up to MaxParams column names into a comma-separated list.
func Columns(names []string) string {
	if len(names) > limits.MaxParams {
		names = names[:limits.MaxParams]
	}
	size := 0
	for _, n := range names {
		size += len(n) + 3
	}
	b := make([]byte, 0, size)
	for i, n := range names {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, n...)
		b = append(b, '"')
	}
	return string(b)
}

// Date formats a calendar date as ISO-8601, with a UTC time when withTime is set.
func Date(y, m, d, hh, mm, ss int, withTime bool) string {
	n := len("2006-01-02")
	if withTime {
		n = len("2006-01-02T15:04:05Z")
	}
	b := make([]byte, 0, n)
	b = appendInt(b, y, 4)
	b = append(b, '-')
	b = appendInt(b, m, 2)
	b = append(b, '-')
	b = appendInt(b, d, 2)
	if withTime {
		b = append(b, 'T')
		b = appendInt(b, hh, 2)
		b = append(b, ':')
		b = appendInt(b, mm, 2)
		b = append(b, ':')
		b = appendInt(b, ss, 2)
		b = append(b, 'Z')
	}
	return string(b)
}

func appendInt(b []byte, v, width int) []byte {
	var tmp [8]byte
	i := len(tmp)
	for v > 0 || i > len(tmp)-width {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[i:]...)
}

// Week formats an ISO week date, 2024-W05-3, with a precision of year, week or day.
func Week(y, w, d int, precision string) string {
	var n int
	switch precision {
	case "year":
		n = 4
	case "week":
		n = 8
	case "day":
		n = 10
	default:
		return ""
	}
	b := make([]byte, 0, n+2)
	b = appendInt(b, y, 4)
	if n > 4 {
		b = append(b, "-W"...)
		b = appendInt(b, w, 2)
	}
	if n > 8 {
		b = append(b, '-')
		b = appendInt(b, d, 1)
	}
	return string(b)
}
