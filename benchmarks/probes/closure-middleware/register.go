package mw

import (
	"fmt"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Static registers a handler per file under dir; dir is cleaned first.
func Static(rt *Router, dir string, files []string, read func(string) ([]byte, error)) {
	dir = path.Clean("/" + dir)
	for _, f := range files {
		rt.HandleFunc(http.MethodGet, "/static/"+f, func(w http.ResponseWriter, r *http.Request) {
			b, err := read(path.Join(dir, f))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Write(b)
		})
	}
}

// LengthRules builds a max-length rule per field; max defaults to 255.
func LengthRules(fields []string, max int) []FieldRule {
	if max <= 0 {
		max = 255
	}
	rules := make([]FieldRule, 0, len(fields))
	for _, f := range fields {
		rules = append(rules, FieldRule{Field: f, Check: func(s string) error {
			if len(s) > max {
				return fmt.Errorf("longer than %d", max)
			}
			return nil
		}})
	}
	return rules
}

// Limits are request limits read from the environment.
type Limits struct {
	MaxBody  int64
	MaxQuery int
	Timeout  time.Duration
}

// Load reads the limits from env, keeping the defaults for missing keys.
func (l *Limits) Load(env map[string]string) error {
	if v, ok := env["MAX_BODY"]; ok {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return fmt.Errorf("MAX_BODY: %w", err)
		}
		l.MaxBody = n
	}
	if v, ok := env["MAX_QUERY"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("MAX_QUERY: %w", err)
		}
		l.MaxQuery = n
	}
	return nil
}

// Guard registers a limit-checking wrapper around each handler; the limits come from env.
func Guard(rt *Router, env map[string]string, handlers map[string]http.Handler) error {
	lim := Limits{MaxBody: 1 << 20, MaxQuery: 2048, Timeout: 10 * time.Second}
	if err := lim.Load(env); err != nil {
		return err
	}
	for p, h := range handlers {
		rt.Handle(http.MethodPost, p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.ContentLength > lim.MaxBody || len(r.URL.RawQuery) > lim.MaxQuery {
				http.Error(w, "too large", http.StatusRequestEntityTooLarge)
				return
			}
			h.ServeHTTP(w, r)
		}))
	}
	return nil
}

// CloseLogged opens each name and closes it when the function returns, logging with tag.
func CloseLogged(names []string, tag string, open func(string) (interface{ Close() error }, error), logf func(string, ...any)) int {
	tag = strings.ToUpper(tag)
	n := 0
	for _, name := range names {
		c, err := open(name)
		if err != nil {
			continue
		}
		n++
		defer func() {
			c.Close()
			logf("[%s] closed %s", tag, name)
		}()
	}
	return n
}

// Templates returns lazily-built page bodies, one per name, under root.
func Templates(names []string, root string, build func(string) string) map[string]func() string {
	root = strings.TrimSuffix(root, "/")
	out := make(map[string]func() string, len(names))
	for _, n := range names {
		out[n] = sync.OnceValue(func() string { return build(root + "/" + n) })
	}
	return out
}

// Tagged wraps each handler so its responses carry the service's tag; the tag grows
// per batch, and every handler reads it when it serves.
func Tagged(rt *Router, batches [][]string, tag string, h http.Handler) {
	for i, b := range batches {
		for _, p := range b {
			rt.Handle(http.MethodGet, p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-Tag", tag)
				h.ServeHTTP(w, r)
			}))
		}
		tag = tag + "." + strconv.Itoa(i)
	}
}

// Prefixed registers each route under prefix, which the Group normalises.
func (g *Group) Prefixed(routes map[string]http.HandlerFunc, logf func(string, ...any)) {
	prefix := g.prefix
	if !strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	for p, f := range routes {
		g.rt.Handle(http.MethodGet, prefix+p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			logf("%s%s", prefix, p)
			f(w, r)
		}))
	}
}
