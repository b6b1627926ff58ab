package di

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
)

// recorder is a minimal in-memory http.ResponseWriter for handler tests.
type recorder struct {
	hdr     http.Header
	code    int
	body    []byte
	flushed int
}

func (r *recorder) Header() http.Header {
	if r.hdr == nil {
		r.hdr = http.Header{}
	}
	return r.hdr
}
func (r *recorder) Write(p []byte) (int, error) { r.body = append(r.body, p...); return len(p), nil }
func (r *recorder) WriteHeader(code int)        { r.code = code }
func (r *recorder) Flush()                      { r.flushed++ }

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) { s.status = code; s.ResponseWriter.WriteHeader(code) }

// Stream writes chunks and flushes after each when the writer can.
func Stream(chunks []string) int {
	rec := recorder{}
	var w http.ResponseWriter = &rec
	f, canFlush := w.(http.Flusher)
	for _, c := range chunks {
		io.WriteString(w, c)
		if canFlush {
			f.Flush()
		}
	}
	return rec.flushed
}

// CanHijack reports whether a test recorder supports hijacking (it does not).
func CanHijack() bool {
	rec := recorder{}
	var w http.ResponseWriter = &rec
	if h, ok := w.(http.Hijacker); ok {
		c, _, err := h.Hijack()
		if err == nil {
			c.Close()
		}
		return true
	}
	return false
}

// hijack is what a websocket upgrader does with a real writer: w comes from the caller.
func hijack(w http.ResponseWriter) (net.Conn, *bufio.ReadWriter, error) {
	h, ok := w.(http.Hijacker)
	if !ok {
		return nil, nil, http.ErrNotSupported
	}
	return h.Hijack()
}

// Status wraps a recorder and reports the code the handler wrote.
func Status(code int) int {
	rec := recorder{}
	sw := statusWriter{ResponseWriter: &rec}
	sw.WriteHeader(code)
	return sw.status
}

// CopyBody writes a body, using ReaderFrom when the writer has it.
func CopyBody(body string) int {
	rec := recorder{}
	var w io.Writer = &rec
	r := stringsReader(body)
	if rf, ok := w.(io.ReaderFrom); ok {
		rf.ReadFrom(r)
	} else {
		io.Copy(w, r)
	}
	return len(rec.body)
}

type ctxKey int

const (
	userKey ctxKey = iota
	traceKey
)

type user struct {
	id   int
	name string
}

func (u *user) String() string { return u.name + "#" + strconv.Itoa(u.id) }

// UserName reads a user back from a context value with a comma-ok assertion.
func UserName(ctx context.Context) string {
	if u, ok := ctx.Value(userKey).(*user); ok {
		return u.name
	}
	return "anonymous"
}

// WithUser stores a user in a context and reads it back: the context keeps it.
func WithUser(id int) string {
	u := user{id: id, name: "ann"}
	ctx := context.WithValue(context.Background(), userKey, &u)
	return UserName(ctx)
}

// Middleware chains are held as locals of a named function type.
type middleware func(http.Handler) http.Handler

// TraceID reads a trace from a values bag built in a test table.
func TraceID(id int) string {
	u := user{id: id, name: "svc"}
	bag := map[ctxKey]any{userKey: &u, traceKey: "t-1"}
	s := bag[userKey].(interface{ String() string })
	return s.String()
}

func stringsReader(s string) io.Reader { return &sreader{s: s} }

type sreader struct{ s string }

func (r *sreader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	n := copy(p, r.s)
	r.s = r.s[n:]
	return n, nil
}
