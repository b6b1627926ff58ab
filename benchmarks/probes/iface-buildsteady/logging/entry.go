// Package logging is a small leveled logger with a text formatter.
package logging

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"
)

// Level orders log entries.
type Level uint32

const (
	ErrorLevel Level = iota
	WarnLevel
	InfoLevel
	DebugLevel
)

// String is the level's name.
func (l Level) String() string {
	switch l {
	case ErrorLevel:
		return "error"
	case WarnLevel:
		return "warning"
	case InfoLevel:
		return "info"
	}
	return "debug"
}

// Entry is one log record.
type Entry struct {
	Time    time.Time
	Level   Level
	Message string
	Caller  *runtime.Frame
	Out     io.Writer
	term    terminal // per-OS console state
}

// Formatter renders entries as text.
type Formatter struct {
	DisableColors bool
	Prefix        string
}

// Format renders the entry as "[LEVEL] message".
func (f *Formatter) Format(b *bytes.Buffer, entry *Entry) {
	levelText := strings.ToUpper(entry.Level.String())
	fmt.Fprintf(b, "[%s] %s\n", levelText, entry.Message)
}

// Short is a four-letter level tag.
func (f *Formatter) Short(entry *Entry) string {
	levelText := strings.ToUpper(entry.Level.String())[0:4]
	return fmt.Sprintf("%s|%s", levelText, entry.Message)
}

// Message formats the message alone, a field of the entry.
func Message(e Entry) string {
	return fmt.Sprintf("msg=%s", e.Message)
}

// LevelOf shows the level's value: a Level has String, fmt calls it.
func LevelOf(e Entry) string {
	return fmt.Sprintf("level=%v", e.Level)
}

// Prefixed writes the formatter's prefix and the message.
func (f Formatter) Prefixed(b *bytes.Buffer, msg string) {
	fmt.Fprintf(b, "%s%s\n", f.Prefix, msg)
}

// Console names the console kind, declared per OS.
func Console(e Entry) string {
	kind := e.term.kind
	return fmt.Sprintf("console=%v", kind)
}

// Location is the caller's file and line for an entry with a caller.
func Location(e *Entry) string {
	if e.Caller == nil {
		return ""
	}
	file := e.Caller.File
	return fmt.Sprintf("%s:%d", file, e.Caller.Line)
}

// Fields renders key=value pairs in order.
func Fields(keys []string, data map[string]string) string {
	var b bytes.Buffer
	for _, k := range keys {
		v := data[k]
		fmt.Fprintf(&b, " %s=%s", k, v)
	}
	return b.String()
}
