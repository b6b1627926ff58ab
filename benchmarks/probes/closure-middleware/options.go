package mw

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"text/template"
	"time"
)

// Config configures a Server.
type Config struct {
	Addr    string
	Timeout time.Duration
	MaxBody int64
	Prefix  string
	OnError func(error)
	Headers map[string]string
}

// Option changes a Config.
type Option func(*Config)

// WithTimeout sets the request timeout.
func WithTimeout(d time.Duration) Option { return func(c *Config) { c.Timeout = d } }

// WithPrefix sets the path prefix, normalised.
func WithPrefix(p string) Option {
	p = "/" + strings.Trim(p, "/")
	return func(c *Config) { c.Prefix = p }
}

// NewConfig applies opts over the defaults.
func NewConfig(opts ...Option) Config {
	c := Config{Addr: ":8080", Timeout: 30 * time.Second, MaxBody: 1 << 20}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Server serves with a Config.
type Server struct {
	cfg     Config
	tmpl    func() *template.Template
	banner  func() string
	started func()
	h       http.Handler
}

// NewServer builds a Server; its page template is parsed on first use.
func NewServer(src string, opts ...Option) *Server {
	s := &Server{cfg: NewConfig(opts...)}
	name := "page"
	if s.cfg.Prefix != "" {
		name = strings.TrimPrefix(s.cfg.Prefix, "/")
	}
	s.tmpl = sync.OnceValue(func() *template.Template {
		return template.Must(template.New(name).Parse(src))
	})
	return s
}

// Banner sets a banner computed once, from the host at the time of the first call.
func (s *Server) Banner(host string, port int) {
	if port == 0 {
		port = 80
	}
	s.banner = sync.OnceValue(func() string {
		return host + ":" + itoa(port)
	})
	host = strings.ToLower(host)
	s.cfg.Addr = host
}

// OnStart sets a hook run once; it logs the address known at that time.
func (s *Server) OnStart(logf func(string, ...any)) {
	addr := s.cfg.Addr
	if addr == "" {
		addr = ":http"
	}
	s.started = sync.OnceFunc(func() { logf("listening on %s", addr) })
}

// Lazy returns a getter for a value computed once from seed.
func Lazy(seed []string, sep string) func() string {
	if sep == "" {
		sep = ","
	}
	return sync.OnceValue(func() string { return strings.Join(seed, sep) })
}

// Deadline runs f with a context that expires after d, reporting a timeout through onTimeout.
func Deadline(ctx context.Context, d time.Duration, f func(context.Context) error, onTimeout func(string)) error {
	what := "request"
	if d > time.Minute {
		what = "slow request"
	}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	stop := context.AfterFunc(ctx, func() {
		if ctx.Err() == context.DeadlineExceeded {
			onTimeout(what)
		}
	})
	defer stop()
	return f(ctx)
}

type ctxKey int

const userKey ctxKey = 0

// WithUser stores the user in the request's context.
func WithUser(r *http.Request, user string) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), userKey, user))
}

// User reads the user back.
func User(ctx context.Context) (string, bool) {
	u, ok := ctx.Value(userKey).(string)
	return u, ok
}

// Authenticated answers 401 unless lookup knows the request's token; the realm is
// normalised before the handler is made.
func Authenticated(realm string, lookup func(string) (string, bool), next http.Handler) http.Handler {
	realm = strings.TrimSpace(realm)
	if realm == "" {
		realm = "restricted"
	}
	challenge := `Bearer realm="` + realm + `"`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		user, ok := lookup(tok)
		if !ok {
			w.Header().Set("WWW-Authenticate", challenge)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, WithUser(r, user))
	})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
