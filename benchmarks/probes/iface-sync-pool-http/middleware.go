package probe43

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"
	"time"
)

type ctxKey int

const (
	userKey ctxKey = iota
	requestIDKey
)

// User is the authenticated caller.
type User struct {
	ID    string
	Roles []string
}

func (u *User) String() string { return "user:" + u.ID }

// HasRole reports whether the user holds role.
func (u *User) HasRole(role string) bool {
	for _, r := range u.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// statusRecorder captures the status a handler writes.
type statusRecorder struct {
	http.ResponseWriter
	status int
	n      int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	n, err := r.ResponseWriter.Write(p)
	r.n += n
	return n, err
}

func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// LogLine formats one access-log line.
func LogLine(method, path string, status, n int, d time.Duration) string {
	var sb strings.Builder
	sb.Grow(64)
	sb.WriteString(method)
	sb.WriteByte(' ')
	sb.WriteString(path)
	fmt.Fprintf(&sb, " %d %dB %s", status, n, d.Round(time.Microsecond))
	return sb.String()
}

// Logging wraps next with an access log.
func Logging(logger *log.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(&rec, r)
		logger.Print(LogLine(r.Method, r.URL.Path, rec.status, rec.n, time.Since(start)))
	})
}

// WithUser stores the caller in the request context.
func WithUser(r *http.Request, u *User) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), userKey, u))
}

// UserFrom reads the caller back.
func UserFrom(ctx context.Context) (*User, bool) {
	u, ok := ctx.Value(userKey).(*User)
	return u, ok
}

// Authorize checks a role against a locally decoded user.
func Authorize(id string, roles []string, want string) (string, bool) {
	u := User{ID: id, Roles: roles}
	vals := map[ctxKey]any{userKey: &u, requestIDKey: "req-1"}
	caller := vals[userKey].(*User)
	if !caller.HasRole(want) {
		return "", false
	}
	return vals[userKey].(fmt.Stringer).String(), true
}

// Describe renders who made a request for the audit log.
func Describe(id string) string {
	u := User{ID: id}
	var who any = &u
	if s, ok := who.(fmt.Stringer); ok {
		return "by " + s.String()
	}
	return "by anonymous"
}

// hookSet is the middleware's configuration.
type hookSet struct {
	Before func(*http.Request)
	After  io.Writer
	Name   string
}

// Audit writes a line to the audit sink configured for the middleware.
func Audit(method, path string) int {
	var sink bytes.Buffer
	hooks := hookSet{Name: "audit", After: &sink}
	hooks.After.Write([]byte(method))
	hooks.After.Write([]byte(" "))
	hooks.After.Write([]byte(path))
	return sink.Len()
}

// RequestID reads the request id set by an upstream middleware.
func RequestID(ctx context.Context) string {
	if id, ok := ctx.Value(requestIDKey).(string); ok {
		return id
	}
	return "-"
}

// Timed reports slow handlers on a goroutine that reads the recorder later.
func Timed(w http.ResponseWriter, r *http.Request, next http.Handler, slow chan<- string) {
	rec := statusRecorder{ResponseWriter: w}
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(time.Second):
			slow <- fmt.Sprint(rec.status)
		}
	}()
	next.ServeHTTP(&rec, r)
	rec.status = 0
	close(done)
}
