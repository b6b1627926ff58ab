// Package logfmt formats log lines with a level tag.
package logfmt

import (
	"strings"
	"time"
)

// Level is a log severity.
type Level int

// Severities, lowest first.
const (
	Debug Level = iota
	Info
	Warn
	Error
)

// levelPrefix returns a formatter that prefixes a message with the level tag,
// optionally colored for a terminal.
//
// The factory is small enough to be inlined into Line and TermLine, where the
// closure then does not escape: rewriting it into a plain function gains
// nothing at run time even though the out-of-line copy reports an escape.
func levelPrefix(l Level, color bool) func(t time.Time, msg string) string {
	var tag, code string
	switch l {
	case Debug:
		tag, code = "DEBUG", "\x1b[37m"
	case Info:
		tag, code = "INFO", "\x1b[32m"
	case Warn:
		tag, code = "WARN", "\x1b[33m"
	default:
		tag, code = "ERROR", "\x1b[31m"
	}
	if !color {
		code = ""
	}
	return func(t time.Time, msg string) string { // want "func literal escapes to heap" // declined "compiler inlines"
		var b strings.Builder
		b.WriteString(t.UTC().Format(time.RFC3339))
		b.WriteByte(' ')
		b.WriteString(code)
		b.WriteString(tag)
		if code != "" {
			b.WriteString("\x1b[0m")
		}
		b.WriteByte(' ')
		b.WriteString(strings.TrimRight(msg, "\n"))
		return b.String()
	}
}

// Line formats one log line for a file (no color).
func Line(l Level, t time.Time, msg string) string {
	return levelPrefix(l, false)(t, msg) // want "func literal does not escape"
}

// TermLine formats one log line for a terminal.
func TermLine(l Level, t time.Time, msg string) string {
	return levelPrefix(l, true)(t, msg) // want "func literal does not escape"
}
