// Package dialer dials a peer with options a composition root fills in, logging through the configured logger.
package dialer

import (
	"strings"
	"time"
)

// Logger is the logging dependency a client takes.
type Logger interface{ Log(msg string) int }

type lineLogger struct {
	prefix string
	lines  int
}

func (l *lineLogger) Log(msg string) int {
	l.lines++
	return len(l.prefix) + len(msg)
}

// Options configures a client.
type Options struct {
	Timeout  time.Duration
	MaxFrame int
	Logger   any
}

// Dial logs the dial of addr through the default options' logger and says how many bytes the line took.
func Dial(addr string) int {
	lg := lineLogger{prefix: "client: "} // want "moved to heap: lg"
	opts := Options{Timeout: 5 * time.Second, MaxFrame: 1 << 20, Logger: &lg}
	return opts.Logger.(Logger).Log("dial " + strings.TrimSpace(addr))
}
