package tabkit

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Routes serves the table: one route per column listing its values.
func Routes(mux *http.ServeMux, t *Table, base string) {
	base = strings.TrimSuffix(base, "/")
	for i, c := range t.Cols {
		mux.HandleFunc(base+"/"+c, func(w http.ResponseWriter, r *http.Request) {
			for _, row := range t.Rows {
				if i < len(row.Fields) {
					fmt.Fprintln(w, row.Fields[i])
				}
			}
		})
	}
}

// WithHeader adds a header to every response of next.
func WithHeader(next http.Handler, key, value string) http.Handler {
	if key == "" {
		key = "X-Tabkit"
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(key, value)
		next.ServeHTTP(w, r)
	})
}

// Limit rejects requests asking for more than max rows (query "n").
func Limit(max int, next http.HandlerFunc) http.HandlerFunc {
	if max <= 0 {
		max = 1000
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if n, err := strconv.Atoi(r.URL.Query().Get("n")); err == nil && n > max {
			http.Error(w, "too many rows", http.StatusBadRequest)
			return
		}
		next(w, r)
	}
}

// Timed logs how long each request took through logf.
func Timed(next http.Handler, logf func(string, ...any)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		defer func() { logf("%s %s %v", r.Method, r.URL.Path, time.Since(start)) }()
		next.ServeHTTP(w, r)
	})
}

// Counter counts requests by path; the count handler reports them.
type Counter struct {
	hits map[string]int
}

// Wrap counts each request before serving it.
func (c *Counter) Wrap(next http.Handler) http.Handler {
	if c.hits == nil {
		c.hits = make(map[string]int)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.hits[r.URL.Path]++
		next.ServeHTTP(w, r)
	})
}

// Mount registers a handler per named report and returns how many were mounted;
// the shared title is fixed up before any handler can run.
func Mount(mux *http.ServeMux, reports map[string]func() string, title string) int {
	n := 0
	for name, render := range reports {
		mux.HandleFunc("/"+name, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "%s: %s\n", title, render())
		})
		n++
	}
	return n
}
