// Package logline formats the prefix, timestamp and duration parts of a log line.
package logline

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"example.com/observe/limits"
)

// Level is a log severity.
type Level uint8

const (
	Debug Level = iota
	Info
	Warn
	Error
)

var levelNames = [...]string{"DEBUG", "INFO", "WARN", "ERROR"}

var errWidth = errors.New("logline: width out of range")

// Prefix writes "LEVEL component: " to w.
func Prefix(w io.Writer, level Level, component string) error {
	if len(component) > limits.MaxComponent {
		component = component[:limits.MaxComponent]
	}
	name := levelNames[level&3]
	p := make([]byte, 0, len(name)+1+len(component)+2)
	p = append(p, name...)
	p = append(p, ' ')
	p = append(p, component...)
	p = append(p, ": "...)
	_, err := w.Write(p)
	return err
}

// Component pads a component name to a fixed column so messages line up.
func Component(component string, width int) (string, error) {
	if width < 0 || width > 64 {
		return "", errWidth
	}
	if len(component) >= width {
		return component, nil
	}
	b := make([]byte, width)
	copy(b, component)
	for i := len(component); i < width; i++ {
		b[i] = ' '
	}
	return string(b), nil
}

// LevelTag is the bracketed, upper-case tag a level gets in the console: "[WARN ]".
func LevelTag(level Level) string {
	name := levelNames[level&3]
	tag := make([]byte, len(name)+2)
	tag[0] = '['
	copy(tag[1:], name)
	tag[len(tag)-1] = ']'
	return string(tag)
}

// UnixNano formats nanoseconds since the epoch as seconds with digits fraction digits.
func UnixNano(ns int64, digits int) string {
	if digits < 0 {
		digits = 0
	}
	if digits > 9 {
		digits = 9
	}
	b := make([]byte, 0, 20+1+digits)
	b = strconv.AppendInt(b, ns/1e9, 10)
	if digits > 0 {
		frac := ns % 1e9
		if frac < 0 {
			frac = -frac
		}
		b = append(b, '.')
		s := strconv.FormatInt(frac+1e9, 10)[1:]
		b = append(b, s[:digits]...)
	}
	return string(b)
}

// Stamp formats t for the log, with nanoseconds when precise is set, and a zone suffix.
func Stamp(t time.Time, precise bool, zone string) string {
	layout := time.DateTime
	if precise {
		layout = "2006-01-02 15:04:05.000000000"
	}
	if len(zone) > 8 {
		zone = zone[:8]
	}
	buf := make([]byte, 0, len(layout)+1+len(zone))
	buf = t.AppendFormat(buf, layout)
	buf = append(buf, ' ')
	buf = append(buf, zone...)
	return string(buf)
}

// Caller is "file.go:123" for the last 40 bytes of a source path.
func Caller(file string, line int) string {
	if i := strings.LastIndexByte(file, '/'); i >= 0 {
		file = file[i+1:]
	}
	if len(file) > 40 {
		file = file[len(file)-40:]
	}
	b := make([]byte, 0, len(file)+1+20)
	b = append(b, file...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(line), 10)
	return string(b)
}

// Human prints a duration in at most precision units: "1h 2m", "3.5s".
func Human(d time.Duration, precision int) string {
	if precision < 1 {
		precision = 1
	}
	if precision > 4 {
		precision = 4
	}
	units := make([]string, 0, precision)
	for _, u := range [...]struct {
		d    time.Duration
		name string
	}{{time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}, {time.Millisecond, "ms"}} {
		if len(units) == precision {
			break
		}
		if d >= u.d {
			units = append(units, strconv.FormatInt(int64(d/u.d), 10)+u.name)
			d %= u.d
		}
	}
	if len(units) == 0 {
		return d.String()
	}
	return strings.Join(units, " ")
}

// Align right-aligns a duration's text in a column of width bytes.
func Align(d time.Duration, width int) string {
	s := d.String()
	if len(s) >= width {
		return s
	}
	b := make([]byte, width)
	n := width - len(s)
	for i := 0; i < n; i++ {
		b[i] = ' '
	}
	copy(b[n:], s)
	return string(b)
}

// KV appends key=value, quoting the value when it holds a space, to a line the caller keeps.
func KV(line []byte, key, value string) []byte {
	if len(key) > limits.MaxLabelKey {
		key = key[:limits.MaxLabelKey]
	}
	field := make([]byte, 0, len(key)+1+len(value)+2)
	field = append(field, key...)
	field = append(field, '=')
	if strings.ContainsRune(value, ' ') {
		field = strconv.AppendQuote(field, value)
	} else {
		field = append(field, value...)
	}
	return append(line, field...)
}
