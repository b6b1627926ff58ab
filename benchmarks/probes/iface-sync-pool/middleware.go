package probe41

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Handler is the service's own small handler interface.
type Handler interface {
	Serve(req string) string
}

type Middleware interface {
	Wrap(next Handler) Handler
}

type echo struct{}

func (echo) Serve(req string) string { return req }

type prefixer struct{ tag string }

func (p *prefixer) Wrap(next Handler) Handler { return prefixed{p.tag, next} }

type prefixed struct {
	tag  string
	next Handler
}

func (p prefixed) Serve(req string) string { return p.tag + p.next.Serve(req) }

type counter struct{ n int }

func (c *counter) Wrap(next Handler) Handler { c.n++; return next }

// Chain builds a chain from options held in an any-typed settings bag.
func Chain(tag string) string {
	pre := prefixer{tag: tag}
	var cnt counter
	settings := map[string]any{"prefix": &pre, "count": &cnt}
	h := Handler(echo{})
	h = settings["prefix"].(Middleware).Wrap(h)
	h = settings["count"].(Middleware).Wrap(h)
	return h.Serve("x")
}

type serverOptions struct {
	logger  any
	timeout time.Duration
	retries int
}

type Option func(*serverOptions)

func WithRetries(n int) Option { return func(o *serverOptions) { o.retries = n } }

type Logger interface {
	Log(msg string)
}

type lineLogger struct{ lines int }

func (l *lineLogger) Log(msg string) { l.lines += len(msg) }

// Dial applies functional options over a default options struct with an any logger.
func Dial(addr string, opts ...Option) int {
	var ll lineLogger
	o := serverOptions{logger: &ll, timeout: time.Second}
	for _, opt := range opts {
		opt(&o)
	}
	o.logger.(Logger).Log("dial " + addr)
	return ll.lines + o.retries
}

// Announce stores the logger in an any field and asserts it back; nothing else touches the struct.
func Announce(addr string) int {
	var ll lineLogger
	o := serverOptions{logger: &ll, timeout: time.Second}
	if l, ok := o.logger.(Logger); ok {
		l.Log("announce " + addr)
	}
	return ll.lines + int(o.timeout/time.Second)
}

// statusRecorder wraps http.ResponseWriter.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) { r.status = code; r.ResponseWriter.WriteHeader(code) }

type RetryPolicy interface {
	Next(attempt int) time.Duration
}

type constBackoff struct{ d time.Duration }

func (c constBackoff) Next(int) time.Duration { return c.d }

type expBackoff struct{ base time.Duration }

func (e *expBackoff) Next(a int) time.Duration { return e.base << a }

// TotalBackoff is a strategy chosen from a slice of any.
func TotalBackoff(attempts int) time.Duration {
	exp := expBackoff{base: time.Millisecond}
	strategies := []any{&exp, constBackoff{d: time.Second}}
	var total time.Duration
	for i := 0; i < attempts; i++ {
		total += strategies[0].(RetryPolicy).Next(i)
	}
	return total
}

// Describe a request via a Stringer kept in an any-typed context slot.
type reqID struct{ n int }

func (r *reqID) String() string { return fmt.Sprint("req-", r.n) }

type slot struct {
	key string
	val any
}

func Describe(n int) string {
	id := reqID{n: n}
	s := slot{key: "id", val: &id}
	switch v := s.val.(type) {
	case fmt.Stringer:
		return s.key + "=" + v.String()
	case string:
		return s.key + "=" + v
	}
	return s.key
}

// Spawned observes a later write: the goroutine reads cfg after the caller changes it.
func Spawned(done chan<- string) {
	var ll lineLogger
	o := serverOptions{logger: &ll}
	go func() {
		o.logger.(Logger).Log("bg")
		done <- fmt.Sprint(ll.lines)
	}()
	o.logger = nil
}

// Pipeline holds stages as any elements, reads them back by index chosen at run time.
type Stage interface{ Apply(string) string }
type upper struct{}

func (upper) Apply(s string) string { return strings.ToUpper(s) }

type trim struct{ cut string }

func (t *trim) Apply(s string) string { return strings.TrimSpace(strings.TrimPrefix(s, t.cut)) }

func RunStages(in string, pick int) string {
	t := trim{cut: "#"}
	stages := []any{&t, upper{}}
	return stages[pick].(Stage).Apply(in)
}

func RunBoth(in string) string {
	t := trim{cut: "#"}
	u := upper{}
	stages := []any{&t, u}
	in = stages[0].(Stage).Apply(in)
	return stages[1].(Stage).Apply(in)
}

// Hook is read back through an any-typed local inside a helper.
func Hooked(w io.Writer, msg string) error {
	var sb strings.Builder
	var sink any = &sb
	if ws, ok := sink.(io.StringWriter); ok {
		ws.WriteString(msg)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
