package svc

import (
	"bytes"
	"fmt"
	"strings"
)

// ---- request ids / counters ----

type idGen struct {
	prefix string
	n      int
	last   string
}

func (g *idGen) next() string {
	g.n++
	g.last = g.prefix + "-x"
	g.prefix = g.prefix + "+"
	return "id"
}

func (g *idGen) bump() int { g.n += 10; return g.n }

func LabelAfterNext(g *idGen) string {
	return fmt.Sprintf("%s/%s", g.next(), g.prefix)
}

func LabelBeforeNext(g *idGen) string {
	return fmt.Sprintf("%s/%s", g.prefix, g.next())
}

func CountAfterNext(g *idGen) string {
	return fmt.Sprintf("%s#%d", g.next(), g.n)
}

func CountBeforeNext(g *idGen) string {
	return fmt.Sprintf("%d#%s", g.n, g.next())
}

func LastAndBump(g *idGen) string {
	return fmt.Sprintf("%s:%d:%s", g.last, g.bump(), g.last)
}

var currentUser = "anon"

func login(u string) string { currentUser = u; return "ok" }

func GlobalBeforeCall(u string) string {
	return fmt.Sprintf("%s -> %s (%s)", currentUser, login(u), currentUser)
}

// ---- maps and slices beside calls ----

func setKey(m map[string]string, k, v string) string {
	m[k] = v
	return v
}

func MapBeforeWrite(m map[string]string, v string) string {
	return fmt.Sprintf("%s|%s|%s", m["k"], setKey(m, "k", v), m["k"])
}

func push(s *[]string, v string) string { *s = append(*s, v); return v }

func LenBesidePush(s []string, v string) string {
	return fmt.Sprintf("%s:%d:%s", push(&s, v), len(s), s[0])
}

func LenBeforePush(s []string, v string) string {
	return fmt.Sprintf("%d:%s", len(s), push(&s, v))
}

func inc(i *int) string { *i++; return "i" }

func IndexBesideInc(parts []string, i int) string {
	return fmt.Sprintf("%s %s %s", parts[i], inc(&i), parts[i])
}

func fill(b []byte) string {
	for i := range b {
		b[i] = 'z'
	}
	return "f"
}

func BytesBeforeFill(b []byte) string {
	return fmt.Sprintf("[%s][%s][%s]", string(b), fill(b), b)
}

func SliceBeforeFill(b []byte, n int) string {
	return fmt.Sprintf("<%s>%s", b[:n], fill(b))
}

func StringSliceBeside(s string, n int, g *idGen) string {
	return fmt.Sprintf("%s %s", s[n:], g.next())
}

func regrow(b *[]byte) string { *b = []byte("NEW"); return "r" }

func BytesReassigned(b []byte) string {
	return fmt.Sprintf("%s %s %s", b, regrow(&b), b)
}

// ---- channels ----

func Recv2(ch chan string) string {
	return fmt.Sprintf("%s,%s", <-ch, <-ch)
}

func RecvBeside(ch chan string, s string) string {
	return fmt.Sprintf("%s,%s", s, <-ch)
}

// ---- panics ----

type node struct{ name string }

func NilFieldAndCall(p *node, f func() string) string {
	return fmt.Sprintf("%s=%s", p.name, f())
}

func IndexAndCall(xs []string, i int, f func() string) string {
	return fmt.Sprintf("%s=%s", xs[i], f())
}

func NilFieldAndIndex(p *node, xs []string, i int) string {
	return fmt.Sprintf("%s=%s", p.name, xs[i])
}

func DivAndSprintf(a, b int, s string, p *node) (int, string) {
	return a / b, fmt.Sprintf("%s:%s", s, p.name)
}

func AssertAndField(v any, p *node) (string, string) {
	return v.(string), fmt.Sprintf("<%s>", p.name)
}

func LenOfNilPtrField(p *node, f func() string) string {
	return fmt.Sprintf("%d:%s", len(p.name), f())
}

func MethodValue(g *idGen) string {
	f := g.next
	return fmt.Sprintf("%s.%s", g.prefix, f())
}

// ---- errors ----

var ErrBase = fmt.Errorf("base %s", currentUser)

func NotFound(id string) error {
	return fmt.Errorf("user %s not found", id)
}

func ErrWithCall(g *idGen) error {
	return fmt.Errorf("%s failed after %s (%d)", g.prefix, g.next(), g.n)
}

func ErrBeforeCall(g *idGen) error {
	return fmt.Errorf("%d failed after %s", g.n, g.next())
}

const wrapFmt = "wrap %s: %w"

func Wrapped(name string, err error) error {
	return fmt.Errorf(wrapFmt, name, err)
}

func ErrV(name string, err error) error {
	return fmt.Errorf("%s: %v", name, err)
}

func ErrBytes(b []byte) error {
	return fmt.Errorf("bad frame %s", b)
}

func ErrPair(a, b string) (error, error) {
	return fmt.Errorf("e %s", a), fmt.Errorf("e %s", a+b)
}

func ErrNilField(p *node, g *idGen) error {
	return fmt.Errorf("%s %s", p.name, g.next())
}

// ---- writers ----

func Header(b *bytes.Buffer, k, v string) {
	fmt.Fprintf(b, "%s: %s\r\n", k, v)
}

func HeaderN(b *bytes.Buffer, k string, n int) {
	fmt.Fprintf(b, "%s=%d;%s\n", k, n, k)
}

func HeaderLen(b *bytes.Buffer, k string) {
	fmt.Fprintf(b, "%d:%s\n", b.Len(), k)
}

type Level int

var out = new(bytes.Buffer)

func (l Level) String() string {
	return fmt.Sprint("L", int(l), "@", out.Len())
}

func LogLine(name string, l Level) string {
	out.Reset()
	fmt.Fprintf(out, "%s %v %s\n", name, l, name)
	return out.String()
}

type column struct{ b *bytes.Buffer }

func (c column) String() string {
	return strings.Repeat(".", 12-c.b.Len()%12)
}

func Aligned(b *bytes.Buffer, k, v string) {
	fmt.Fprintf(b, "%s%v%s\n", k, column{b}, v)
}

type boom int

func (boom) String() string { panic("boom") }

func Boom(b *bytes.Buffer, k string) {
	fmt.Fprintf(b, "%s %v\n", k, boom(1))
}

func BuilderLine(b *strings.Builder, k, v string) {
	fmt.Fprintf(b, "%s=%s;", k, v)
}

func Recovered(b *bytes.Buffer, k string, p *node) (s string) {
	defer func() {
		if recover() != nil {
			s = "panic:" + b.String()
		}
	}()
	fmt.Fprintf(b, "%s=%s;", k, p.name)
	return b.String()
}

func RecoveredEmbedded(b *bytes.Buffer, k string, h hdr) (s string) {
	defer func() {
		if recover() != nil {
			s = "panic:" + b.String()
		}
	}()
	fmt.Fprintf(b, "%s=%s;", k, h.Name)
	return b.String()
}

type meta struct{ Name string }
type hdr struct{ *meta }

func FreshBytes(k string, v []byte) string {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "%s=%s;", k, v)
	return b.String()
}

type errWriter struct {
	w   *bytes.Buffer
	err error
}

func CSVRow(b *bytes.Buffer, cells []string) {
	for i, c := range cells {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(b, "%s", c)
	}
	fmt.Fprintf(b, "\n")
}
