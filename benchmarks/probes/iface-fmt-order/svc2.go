package svc

import (
	"bytes"
	"fmt"
	"strings"
)

// ---- generics ----

type Region string

func (r Region) String() string { return "region(" + string(r) + ")" }

func Key[S ~string](kind string, s S) string {
	return fmt.Sprintf("%s:%s", kind, s)
}

func KeyV[S ~string](kind string, s S) string {
	return fmt.Sprintf("%s:%v", kind, s)
}

func ErrKey[S ~string](s S) error {
	return fmt.Errorf("bad key %s", s)
}

func WriteKey[S ~string | ~[]byte](b *bytes.Buffer, k string, s S) {
	fmt.Fprintf(b, "%s=%s\n", k, s)
}

func KeyRegion(s string) string {
	return Key("k", Region(s)) + KeyV("k", Region(s)) + ErrKey(Region(s)).Error()
}

func KeyPlain(s string) string { return Key("k", s) + KeyV("k", s) }

func WriteKeyRegion(s string) string {
	var b bytes.Buffer
	WriteKey(&b, "k", Region(s))
	WriteKey(&b, "k", s)
	return b.String()
}

// ---- defer / go ----

type logger struct {
	buf    *bytes.Buffer
	prefix string
	lines  int
}

func (l *logger) Request(method, path string) (out string) {
	b := l.buf
	status := "pending"
	defer func() { out = b.String() }()
	defer fmt.Fprintf(b, "%s %s -> %s\n", method, path, status)
	status = "done"
	path = "/changed"
	b.WriteString("start;")
	return ""
}

func (l *logger) Async(method string, done chan struct{}) {
	go func() {
		fmt.Fprintf(l.buf, "%s|%s\n", l.prefix, method)
		close(done)
	}()
}

// ---- non-inlined writer with ints ----

type frameWriter struct {
	b     *bytes.Buffer
	count int
}

func (w *frameWriter) Frame(kind string, id int, body string, final bool) {
	if w.b == nil {
		w.b = new(bytes.Buffer)
	}
	for i := 0; i < 2; i++ {
		w.count++
	}
	fmt.Fprintf(w.b, "%s#%d:%s;%t\n", kind, id, body, final)
	w.count += len(body)
}

func FrameOut(kind string, id int, body string, final bool) string {
	var w frameWriter
	w.Frame(kind, id, body, final)
	w.Frame(body, -id, kind, !final)
	return fmt.Sprint(w.count, "|", w.b.String())
}

func CSVLine(sb *strings.Builder, fields []string, sep string) int {
	n := 0
	for i, f := range fields {
		if i > 0 {
			sb.WriteString(sep)
		}
		n += len(f)
		fmt.Fprintf(sb, "%s[%s]", f, sep)
	}
	sb.WriteString("\n")
	return n
}

func CSVOut(fields []string) string {
	var sb strings.Builder
	CSVLine(&sb, fields, ";")
	return sb.String()
}

// ---- errors at package level, in init, in loops ----

var prefix = initPrefix()

func initPrefix() string { return "svc" }

var ErrClosed = fmt.Errorf("%s: closed", prefix)

var ErrTimeout error

func init() {
	ErrTimeout = fmt.Errorf("%s: timeout", prefix)
}

func Validate(cfg map[string]string, keys []string) []error {
	var errs []error
	for _, k := range keys {
		if cfg[k] == "" {
			errs = append(errs, fmt.Errorf("config: missing %s", k))
		}
	}
	return errs
}

func IsClosed(err error) bool { return err == ErrClosed }

func ErrsOut(keys []string) string {
	errs := Validate(map[string]string{"a": "1"}, keys)
	s := fmt.Sprint(len(errs))
	for _, e := range errs {
		s += describe2(e)
	}
	return s + fmt.Sprint(IsClosed(ErrClosed), ErrClosed, ErrTimeout)
}

func describe2(e error) string { return fmt.Sprintf("%T:%v;", e, e) }

// ---- conditions and switches ----

type cursor struct {
	pos   int
	parts []string
}

func (c *cursor) advance() string { c.pos++; return "a" }

func (c *cursor) Match(want string) bool {
	if fmt.Sprintf("%s/%s", c.parts[0], c.advance()) == want {
		return true
	}
	return false
}

func (c *cursor) Describe() string {
	switch s := fmt.Sprintf("%s@%s", c.advance(), c.parts[c.pos]); s {
	case "a@x":
		return "hit"
	default:
		return s
	}
}

func Index2(xs []string, i int, c *cursor) string {
	return fmt.Sprintf("%s+%s", xs[i], c.advance())
}

// a key changed by a call beside a map read
func MapKeyChanged(m map[string]string) string {
	k := "a"
	next := func() string { k = "b"; return "n" }
	return fmt.Sprintf("%s %s %s", m[k], next(), m[k])
}

// a global string read beside a method value that writes it
var mode = "idle"

type server struct{}

func (server) Start() string { mode = "running"; return "started" }

func Status(s server) string {
	start := s.Start
	return fmt.Sprintf("mode=%s start=%s mode=%s", mode, start(), mode)
}
