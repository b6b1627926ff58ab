// Package audit logs a change and keeps its payload for the caller.
package audit

import "fmt"

type change struct{ field, from, to string }

func (c *change) String() string { return c.field + ": " + c.from + " -> " + c.to }

type entry struct {
	actor   string
	payload any
}

// Record logs the change and returns the payload for the audit store.
func Record(actor, field, from, to string) (string, any) {
	c := change{field, from, to} // want "moved to heap: c" // declined "e.payload is read elsewhere"
	e := entry{actor: actor, payload: &c}
	line := e.actor + " " + e.payload.(fmt.Stringer).String()
	return line, e.payload
}
