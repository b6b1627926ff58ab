// Package event formats structured log events whose payload may describe itself.
package event

import "fmt"

// Event is one log record: a kind and an optional payload.
type Event struct {
	Kind    string
	Payload any
}

// Health is the state of a downstream service.
type Health struct {
	Failures int
}

func (h *Health) String() string {
	if h.Failures == 0 {
		return "healthy"
	}
	return "degraded"
}

// CheckLine renders the log line for a health check that saw failures.
func CheckLine(failures int) string {
	health := Health{Failures: failures} // want "moved to heap: health"
	ev := Event{Kind: "check", Payload: &health}
	line := "event"
	if ev.Kind == "check" {
		line = "health check"
	}
	// keep: the payload describes itself when it can
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		line += ": " + s.String()
	}
	return line
}
