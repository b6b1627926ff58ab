// Package loglevel names a log level held in a local any before it is described.
package loglevel

import "strconv"

// Level is a log severity.
type Level int

func (l *Level) String() string {
	if *l < 3 {
		return "low-" + strconv.Itoa(int(*l))
	}
	return "high"
}

type stringer interface{ String() string }

// Describe names the level, or says it has no name.
func Describe(n int) string {
	lvl := Level(n) // want(<go1.26) "moved to heap: lvl"
	var v any = &lvl
	switch x := v.(type) {
	case stringer:
		return x.String()
	default:
		return "unnamed"
	}
}
