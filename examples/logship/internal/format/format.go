// Package format renders log records as text lines.
package format

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Record is one parsed log record.
type Record struct {
	Time   time.Time
	Level  string
	Msg    string
	Fields map[string]string
}

// lineFormatter returns a function rendering a record in the named layout:
// "logfmt" (key=value pairs) or "json" (one object per line).
func lineFormatter(layout string, utc bool) func(r Record) string {
	var open, kv, sep, end string
	switch layout {
	case "json":
		open, kv, sep, end = "{", "%q:%q", ",", "}"
	case "logfmt", "":
		open, kv, sep, end = "", "%s=%s", " ", ""
	default:
		panic(fmt.Sprintf("format: unknown layout %q", layout))
	}
	return func(r Record) string {
		// Fields are sorted so that output is stable.
		t := r.Time
		if utc {
			t = t.UTC()
		}
		parts := []string{
			fmt.Sprintf(kv, "time", t.Format(time.RFC3339)),
			fmt.Sprintf(kv, "level", r.Level),
			fmt.Sprintf(kv, "msg", quote(r.Msg, layout)),
		}
		keys := make([]string, 0, len(r.Fields))
		for k := range r.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf(kv, k, quote(r.Fields[k], layout)))
		}
		return open + strings.Join(parts, sep) + end
	}
}

func quote(s, layout string) string {
	if layout != "json" && strings.ContainsAny(s, " =\"") {
		return strconv.Quote(s)
	}
	return s
}

// Line renders r in the given layout.
func Line(r Record, layout string) string {
	return lineFormatter(layout, true)(r)
}

// Lines renders every record, keeping local time when utc is false.
func Lines(rs []Record, layout string, utc bool) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = lineFormatter(layout, utc)(r)
	}
	return out
}

// Redactor masks the values of sensitive fields.
type Redactor func(r Record) Record

// NewRedactor returns a Redactor for the given field names. It is exported
// and its result is kept by callers, so it must stay a factory.
func NewRedactor(keys ...string) Redactor {
	secret := make(map[string]bool, len(keys))
	for _, k := range keys {
		secret[strings.ToLower(k)] = true
	}
	return func(r Record) Record {
		out := make(map[string]string, len(r.Fields))
		for k, v := range r.Fields {
			if secret[strings.ToLower(k)] {
				v = "***"
			}
			out[k] = v
		}
		r.Fields = out
		return r
	}
}
