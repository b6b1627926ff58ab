// Package stamp writes the timestamp and level that start a log line.
package stamp

import "time"

// Sum returns the FNV-1a hash of the line's prefix: the time, compact or with nanoseconds and zone, and the level.
func Sum(t time.Time, precise bool, level byte) uint32 {
	layout := time.DateTime
	if precise {
		layout = time.RFC3339Nano
	}
	b := make([]byte, 0, len(layout)+8) // want(<go1.25) "make\\(\\[\\]byte, 0, len\\(layout\\) \\+ 8\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, len\\(layout\\) \\+ 8\\) does not escape"
	b = t.AppendFormat(b, layout)
	b = append(b, ' ', '[', level, ']', ' ')
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}
