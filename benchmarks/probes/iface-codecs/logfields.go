package codecs

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
)

// User is the account a request acts as; logs show its id and name, never its email.
type User struct {
	ID    int
	Name  string
	Email string
}

func (u *User) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("id", u.ID), slog.String("name", u.Name))
}

func (u *User) String() string { return u.Name + "#" + strconv.Itoa(u.ID) }

// secret is a credential that must never reach a log line in clear.
type secret string

func (secret) LogValue() slog.Value { return slog.StringValue("[redacted]") }

// latency prints as milliseconds in our text handler.
type latency int64

func (l latency) String() string { return strconv.FormatInt(int64(l)/1e6, 10) + "ms" }

// Field is one key/value pair of a structured log line.
type Field struct {
	Key   string
	Value any
}

// formatValue renders one value the way our text handler prints it.
func formatValue(v any) string {
	switch x := v.(type) {
	case slog.LogValuer:
		return x.LogValue().String()
	case fmt.Stringer:
		return x.String()
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	}
	return fmt.Sprint(v)
}

// UserField renders the actor field of an access log line.
func UserField(id int, name string) string {
	u := User{ID: id, Name: name}
	f := Field{Key: "user", Value: &u}
	if lv, ok := f.Value.(slog.LogValuer); ok {
		return f.Key + "=" + lv.LogValue().String()
	}
	return f.Key + "=?"
}

// RedactedPair renders a credential field: its LogValue hides it.
func RedactedPair(key, token string) string {
	s := secret(token)
	var v any = s
	if lv, ok := v.(slog.LogValuer); ok {
		return key + "=" + lv.LogValue().String()
	}
	return key + "=" + token
}

// AuditLine renders an audit record's fields in order.
func AuditLine(id int, name, action string) string {
	u := User{ID: id, Name: name}
	fields := []Field{{"action", action}, {"actor", &u}}
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f.Key)
		b.WriteByte('=')
		b.WriteString(formatValue(f.Value))
	}
	return b.String()
}

// TimingLine renders a request's method, path and latency.
func TimingLine(method, path string, ns int64) string {
	l := latency(ns)
	kv := map[string]any{"method": method, "path": path, "took": l}
	return kv["method"].(string) + " " + kv["path"].(string) + " " + kv["took"].(fmt.Stringer).String()
}

// ActorName is the display name of a log line's actor, or "anonymous".
func ActorName(id int, name string) string {
	u := User{ID: id, Name: name}
	attrs := [2]any{"actor", &u}
	if s, ok := attrs[1].(fmt.Stringer); ok {
		return s.String()
	}
	return "anonymous"
}

// ColumnText renders a value for a log table column: text form first, then String.
func ColumnText(id int, name string) string {
	u := User{ID: id, Name: name}
	var v any = &u
	if s, ok := v.(fmt.Stringer); ok {
		if tm, ok := s.(slog.LogValuer); ok {
			return tm.LogValue().String()
		}
		return s.String()
	}
	return ""
}

// LogAttrs builds the attributes handed to the process logger: slog keeps them.
func LogAttrs(id int, name string) []slog.Attr {
	u := User{ID: id, Name: name}
	return []slog.Attr{slog.Any("user", &u), slog.String("kind", "login")}
}

// ResolveUser resolves a LogValuer the way slog does before handing it to a handler.
func ResolveUser(id int) string {
	u := User{ID: id, Name: "svc"}
	v := slog.AnyValue(&u).Resolve()
	return v.String()
}

// LevelTag prints the level tag of a line; custom levels print their offset.
func LevelTag(level slog.Level) string {
	var v any = level
	switch l := v.(type) {
	case fmt.Stringer:
		return "[" + l.String() + "]"
	default:
		return "[?]"
	}
}

// Labels renders a metric's label set in a fixed order.
func Labels(service string, code int, ns int64) string {
	took := latency(ns)
	labels := []any{service, code, took}
	var b strings.Builder
	for i, l := range labels {
		if i > 0 {
			b.WriteByte(',')
		}
		if s, ok := l.(fmt.Stringer); ok {
			b.WriteString(s.String())
			continue
		}
		b.WriteString(formatValue(l))
	}
	return b.String()
}
