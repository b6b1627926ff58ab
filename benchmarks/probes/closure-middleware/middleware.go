package mw

import (
	"fmt"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Chain wraps h in mws, the first outermost.
func Chain(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// HandlerE is a handler that returns its error.
type HandlerE func(w http.ResponseWriter, r *http.Request) error

// ServeHTTP reports the error as a 500 and turns a panic into one too.
func (h HandlerE) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var err error
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}()
	err = h(w, r)
}

// Recovered calls f and turns a panic into an error naming op.
func Recovered(op string, f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: panic: %v", op, p)
		}
	}()
	return f()
}

// Logger logs each request with its duration.
func Logger(l *log.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		defer func() { l.Printf("%s %s %v", r.Method, r.URL.Path, time.Since(start)) }()
		next.ServeHTTP(w, r)
	})
}

// statusWriter records the status a handler writes.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Status calls next and returns the status it wrote.
func Status(next http.Handler, w http.ResponseWriter, r *http.Request) int {
	sw := statusWriter{ResponseWriter: w, status: http.StatusOK}
	next.ServeHTTP(&sw, r)
	return sw.status
}

// Stopwatch times a series of named steps, reporting each through report.
func Stopwatch(steps []string, run func(string) error, report func(string, time.Duration)) error {
	for _, s := range steps {
		start := time.Now()
		err := func() error {
			defer func() { report(s, time.Since(start)) }()
			return run(s)
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// CloseAll closes every closer when the function returns, logging the failures in order.
func CloseAll(names []string, open func(string) (interface{ Close() error }, error), logf func(string, ...any)) int {
	n := 0
	for _, name := range names {
		c, err := open(name)
		if err != nil {
			continue
		}
		n++
		defer func() {
			if err := c.Close(); err != nil {
				logf("close %s: %v", name, err)
			}
		}()
	}
	return n
}

// Trace records the depth of nested calls, reporting each exit with the final label.
func Trace(labels []string, emit func(string)) {
	label := "start"
	for i, l := range labels {
		label = l
		defer func() { emit(strconv.Itoa(i) + ":" + label) }()
	}
}

// headerMW returns a middleware that sets key to value.
func headerMW(key, value string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set(key, value)
			next.ServeHTTP(w, r)
		})
	}
}

// Secure adds the usual security headers; the HSTS age is normalised first.
func Secure(next http.Handler, hstsAge int) http.Handler {
	if hstsAge <= 0 {
		hstsAge = 31536000
	}
	h := next
	h = headerMW("X-Content-Type-Options", "nosniff")(h)
	h = headerMW("Strict-Transport-Security", "max-age="+strconv.Itoa(hstsAge))(h)
	return h
}

// MethodFilter answers 405 for methods not in allowed.
func MethodFilter(allowed []string, next http.Handler) http.Handler {
	for i, m := range allowed {
		allowed[i] = strings.ToUpper(m)
	}
	allow := strings.Join(allowed, ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, m := range allowed {
			if m == r.Method {
				next.ServeHTTP(w, r)
				return
			}
		}
		w.Header().Set("Allow", allow)
		w.WriteHeader(http.StatusMethodNotAllowed)
	})
}

// Retained keeps the last body prefix each request sent, for a debug page.
type Retained struct {
	last []byte
}

// Capture wraps next, keeping up to max bytes of each request body.
func (rt *Retained) Capture(max int, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, max)
		n, _ := r.Body.Read(buf)
		rt.last = buf[:n]
		next.ServeHTTP(w, r)
	})
}
