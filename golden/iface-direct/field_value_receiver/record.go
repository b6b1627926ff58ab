// Package record renders latency records for an access log.
package record

import (
	"fmt"
	"time"
)

// Latency is a request's timing, printed by value.
type Latency struct {
	Start, End time.Time
	Route      string
}

func (l Latency) String() string { return fmt.Sprintf("%s took %s", l.Route, l.End.Sub(l.Start)) }

type record struct {
	level string
	value any
}

// Line renders one access-log line for a request on route between start and end.
func Line(route string, start, end time.Time) string {
	lat := Latency{Start: start, End: end, Route: route}
	rec := record{level: "info", value: lat} // want "lat escapes to heap"
	return "[" + rec.level + "] " + rec.value.(fmt.Stringer).String()
}
