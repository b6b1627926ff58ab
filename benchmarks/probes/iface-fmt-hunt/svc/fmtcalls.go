package svc

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"os"
	"time"

	"example.com/hunt/ids"
)

type Conn struct {
	Host string
	Port int
	Name string
	Sum  [4]byte
	Raw  []byte
	tags []string
}

var ErrBase = fmt.Errorf("base %s", prefix)

var prefix = "svc"

var seq int

func next() string {
	seq++
	return "n"
}

func UserKey(id UserID) string                 { return fmt.Sprintf("user:%d", id) }
func UserKeyV(id UserID) string                { return fmt.Sprintf("user:%v", id) }
func UserHex(id UserID) string                 { return fmt.Sprintf("user:%x", id) }
func UserOct(id UserID) string                 { return fmt.Sprintf("o%o", id) }
func UserBin(id UserID) string                 { return fmt.Sprintf("b%b", id) }
func StatusV(s Status) string                  { return fmt.Sprintf("status=%v", s) }
func StatusS(s Status) string                  { return fmt.Sprintf("status=%s;", s) }
func ModeV(m Mode) string                      { return fmt.Sprintf("mode=%v", m) }
func ModeD(m Mode) string                      { return fmt.Sprintf("mode=%d", m) }
func LevelV(l Level) string                    { return fmt.Sprintf("level=%v", l) }
func LevelD(l Level) string                    { return fmt.Sprintf("level=%d", l) }
func FlagV(f Flag) string                      { return fmt.Sprintf("flag=%v", f) }
func FlagT(f Flag) string                      { return fmt.Sprintf("flag=%t", f) }
func PortD(p Port) string                      { return fmt.Sprintf("port=%d", p) }
func GlyphC(g Glyph) string                    { return fmt.Sprintf("g=%c", g) }
func GlyphQ(g Glyph) string                    { return fmt.Sprintf("g=%q", g) }
func GlyphX(g Glyph) string                    { return fmt.Sprintf("g=%x", g) }
func KindV(k Kind) string                      { return fmt.Sprintf("k=%v", k) }
func RefV(r Ref) string                        { return fmt.Sprintf("r=%v", r) }
func RefX(r ids.ID) string                     { return fmt.Sprintf("r=%x", r) }
func SmallC(s Small) string                    { return fmt.Sprintf("c=%c", s) }
func SmallX(s Small) string                    { return fmt.Sprintf("c=%x", s) }
func PlainV(p Plain) string                    { return fmt.Sprintf("p=%v", p) }
func PlainX(p Plain) string                    { return fmt.Sprintf("p=%x", p) }
func CountC(c Count) string                    { return fmt.Sprintf("c=%c", c) }
func CountQ(c Count) string                    { return fmt.Sprintf("c=%q", c) }
func RuneQ(r rune) string                      { return fmt.Sprintf("r=%q", r) }
func RuneC(r rune) string                      { return fmt.Sprintf("r=%c", r) }
func Int16C(r int16) string                    { return fmt.Sprintf("r=%c", r) }
func Int8Q(r int8) string                      { return fmt.Sprintf("r=%q", r) }
func NegHex(n int64) string                    { return fmt.Sprintf("n=%x", n) }
func PlusD(n int) string                       { return fmt.Sprintf("n=%+d", n) }
func SpaceX(s string) string                   { return fmt.Sprintf("n=% x", s) }
func WidthD(n int) string                      { return fmt.Sprintf("n=%5d|", n) }
func LeftS(s string) string                    { return fmt.Sprintf("n=%-5s|", s) }
func SharpX(n int) string                      { return fmt.Sprintf("n=%#x", n) }
func StarD(w, n int) string                    { return fmt.Sprintf("n=%*d", w, n) }
func WrongVerb(s string) string                { return fmt.Sprintf("n=%d", s) }
func Missing(s string) string                  { return fmt.Sprintf("%s %s", s) }
func Extra(a, b string) string                 { return fmt.Sprintf("%s", a, b) }
func NilV() string                             { return fmt.Sprintf("%v", nil) }
func MonthD(m time.Month) string               { return fmt.Sprintf("m=%d", m) }
func MonthX(m time.Month) string               { return fmt.Sprintf("m=%x", m) }
func StateD(c http.ConnState) string           { return fmt.Sprintf("st=%d", c) }
func ModeBits(m os.FileMode) string            { return fmt.Sprintf("fm=%o", m) }
func SumHex(c *Conn) string                    { return fmt.Sprintf("sum=%x", c.Sum) }
func SumLocal(b []byte) string                 { s := sha256.Sum256(b); return fmt.Sprintf("%s/%x", prefix, s) }
func HostPort(c *Conn) string                  { return fmt.Sprintf("%s:%d", c.Host, c.Port) }
func RawS(c *Conn) string                      { return fmt.Sprintf("[%s]", c.Raw) }
func Sprint2(a, b int) string                  { return fmt.Sprint(a, b) }
func SprintMixed(a int, s Plain, b int) string { return fmt.Sprint(a, s, b) }
func SprintBool(a int, f bool) string          { return fmt.Sprint(a, f) }
func SprintStrs(a, b string) string            { return fmt.Sprint(a, b) }
func SprintStatus(a Status, n int) string      { return fmt.Sprint(a, n) }
func SprintRune(r rune, n int) string          { return fmt.Sprint(r, n) }
func SprintlnMix(a int, s string) string       { return fmt.Sprintln(a, s) }
func SprintConst(n int) string                 { return fmt.Sprint(n, "x", 3, 4) }
func ErrUser(id UserID, name string) error     { return fmt.Errorf("user %d: %s", id, name) }
func ErrHost(c *Conn) error                    { return fmt.Errorf("dial %s:%d", c.Host, c.Port) }
func ErrWrap(err error) error                  { return fmt.Errorf("wrap: %w", err) }
func ErrV(err error) error                     { return fmt.Errorf("v: %v", err) }

func BoolLeftOfCall(ok bool) string {
	flip := func() string { ok = !ok; return "f" }
	return fmt.Sprintf("%t %s", ok, flip())
}

func SumLeftOfCall(c *Conn) string {
	bump := func() string { c.Sum[0]++; return "b" }
	return fmt.Sprintf("%x %s", c.Sum, bump())
}

func RuneLeftOfCall(r rune) string {
	bump := func() string { r++; return "b" }
	return fmt.Sprintf("%c%s", r, bump())
}

func PlainLeftOfCall(p Plain) string {
	set := func() string { p = "changed"; return "s" }
	return fmt.Sprintf("%s %s", p, set())
}

func StatusLeftOfCall(p Status) string {
	set := func() string { p = "changed"; return "s" }
	return fmt.Sprintf("[%s] %s", string(p), set())
}

func IndexLeftOfCall(parts []string, i int) string {
	g := func() string { parts = parts[:0]; return "g" }
	return fmt.Sprintf("%s %s", parts[i], g())
}

func SliceLeftOfCall(s string) string {
	g := func() string { s = "zz"; return "g" }
	return fmt.Sprintf("%s %s", s[1:], g())
}

func LenLeftOfCall(items []string) string {
	g := func() string { items = append(items, "x"); return "g" }
	return fmt.Sprintf("%d %s", len(items), g())
}

func CallThenInt(n int) string {
	g := func() string { n += 10; return "g" }
	return fmt.Sprintf("%s %d", g(), n)
}

func MapLeftOfCall(m map[string]string) string {
	g := func() string { m["k"] = "new"; return "g" }
	return fmt.Sprintf("%s %s", m["k"], g())
}

func NilThenIndex(c *Conn, xs []string, n int) string {
	return fmt.Sprintf("%s %s", c.Name, xs[n])
}

func NilThenCall(c *Conn) string {
	return fmt.Sprintf("%s %s", c.Name, next())
}

func Divided(key string, xs []string, n, d int) (int, string) {
	return n / d, fmt.Sprintf("%s=%s", key, xs[n])
}

func Generic[T ~int64](id T) string     { return fmt.Sprintf("id:%d", id) }
func GenericS[S ~string](a, b S) string { return fmt.Sprint(a, b) }

func ErrCompare(name string) bool {
	a := fmt.Errorf("missing %s", name)
	b := a
	return a == b
}

func Tags(c *Conn, i int) string { return fmt.Sprintf("tag=%s", c.tags[i]) }

func CallInt(c *Conn) string {
	return fmt.Sprintf("%d-%s", c.count(), c.Name)
}

func (c *Conn) count() int { c.Port++; return c.Port }

func Elapsed(d time.Duration) string { return fmt.Sprintf("%dms", d.Milliseconds()) }

func DurD(d time.Duration) string { return fmt.Sprintf("ns=%d", d) }
func DurV(d time.Duration) string { return fmt.Sprintf("d=%v", d) }
