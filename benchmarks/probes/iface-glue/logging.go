package glue

import (
	"context"
	"encoding"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
)

// UserID renders as a log value without its secret parts.
type UserID struct {
	Tenant string
	N      int
}

func (u UserID) LogValue() slog.Value {
	return slog.StringValue(u.Tenant + "/" + strconv.Itoa(u.N))
}

func (u *UserID) String() string { return u.Tenant + ":" + strconv.Itoa(u.N) }

// Level is a textual log level.
type Level int

func (l *Level) MarshalText() ([]byte, error) {
	switch *l {
	case 0:
		return []byte("INFO"), nil
	case 1:
		return []byte("WARN"), nil
	}
	return []byte("ERROR"), nil
}

func (l *Level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "INFO":
		*l = 0
	case "WARN":
		*l = 1
	default:
		*l = 2
	}
	return nil
}

// lineHandler is a small slog.Handler writing key=value lines.
type lineHandler struct {
	w     io.Writer
	attrs []slog.Attr
}

func (h *lineHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h *lineHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool {
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteByte('=')
		b.WriteString(a.Value.Resolve().String())
		return true
	})
	b.WriteByte('\n')
	_, err := io.WriteString(h.w, b.String())
	return err
}

func (h *lineHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &lineHandler{w: h.w, attrs: append(h.attrs[:len(h.attrs):len(h.attrs)], as...)}
}

func (h *lineHandler) WithGroup(string) slog.Handler { return h }

// Resolve renders a log attribute's value, asking LogValuer first, then Stringer.
func Resolve(tenant string, n int) string {
	u := UserID{Tenant: tenant, N: n}
	var v any = &u
	if lv, ok := v.(slog.LogValuer); ok {
		return lv.LogValue().String()
	}
	if s, ok := v.(fmt.Stringer); ok {
		return s.String()
	}
	return "?"
}

// LevelText marshals a level found in a field map, asserting TextMarshaler.
func LevelText(l Level) string {
	fields := map[string]any{"level": &l}
	if tm, ok := fields["level"].(encoding.TextMarshaler); ok {
		b, _ := tm.MarshalText()
		return string(b)
	}
	return "unknown"
}

// ParseLevel unmarshals a level through an attr that carries the target.
func ParseLevel(s string) Level {
	var l Level
	a := attr{key: "level", target: &l}
	if u, ok := a.target.(encoding.TextUnmarshaler); ok {
		_ = u.UnmarshalText([]byte(s))
	}
	return l
}

type attr struct {
	key    string
	target any
}

// Pairs renders alternating key/value args the way slog's args are read.
func Pairs(args ...any) string {
	var b strings.Builder
	for i := 0; i+1 < len(args); i += 2 {
		k, _ := args[i].(string)
		b.WriteString(k)
		b.WriteByte('=')
		switch v := args[i+1].(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		case fmt.Stringer:
			b.WriteString(v.String())
		default:
			b.WriteString("?")
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// Describe formats a user through an attr's value, the way a handler asks for a Stringer.
func Describe(tenant string, n int) string {
	u := UserID{Tenant: tenant, N: n}
	kv := []any{"user", &u}
	if s, ok := kv[1].(fmt.Stringer); ok {
		return kv[0].(string) + "=" + s.String()
	}
	return "user=?"
}

// AuditTo writes a line through a handler held in a struct; the handler is really called dynamically.
func AuditTo(w io.Writer, msg string) error {
	h := &lineHandler{w: w}
	lg := logger{h: h}
	return lg.h.Handle(context.Background(), slog.NewRecord(timeZero, slog.LevelInfo, msg, 0))
}

type logger struct {
	h slog.Handler
}

// StartAsync logs from a goroutine that really reads the level after the caller changes it.
func StartAsync(done chan<- string) *Level {
	lvl := new(Level)
	var box any = lvl
	go func() {
		tm := box.(encoding.TextMarshaler)
		b, _ := tm.MarshalText()
		done <- string(b)
	}()
	return lvl
}
