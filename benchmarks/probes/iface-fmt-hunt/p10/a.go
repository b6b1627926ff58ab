package p10

import "fmt"

type Conn struct{ Name string }

var Global = "old"

//go:noinline
func setm(m map[string]string) string { m["k"] = "new"; return "g" }

//go:noinline
func setp(p []string) string { p[0] = "new"; return "g" }

//go:noinline
func setc(c *Conn) string { c.Name = "new"; return "g" }

//go:noinline
func setg() string { Global = "new"; return "g" }

//go:noinline
func setb(b []byte) string { b[0] = 'N'; return "g" }

func MapLeft(m map[string]string) string   { return fmt.Sprintf("%s %s", m["k"], setm(m)) }
func IndexLeft(p []string) string          { return fmt.Sprintf("%s %s", p[0], setp(p)) }
func FieldLeft(c *Conn) string             { return fmt.Sprintf("%s %s", c.Name, setc(c)) }
func GlobalLeft() string                   { return fmt.Sprintf("%s %s", Global, setg()) }
func BytesLeft(b []byte) string            { return fmt.Sprintf("%s %s", b, setb(b)) }
func SliceLeft(b []byte) string            { return fmt.Sprintf("%s %s", b[:2], setb(b)) }
func ConvLeft(b []byte) string             { return fmt.Sprintf("%s %s", string(b), setb(b)) }
func ArrLeft(a *[2]string) string          { return fmt.Sprintf("%s %s", a[0], setp(a[:])) }
func SprintMap(m map[string]string) string { return fmt.Sprint(m["k"], setm(m)) }
func ErrMap(m map[string]string) error     { return fmt.Errorf("%s %s", m["k"], setm(m)) }

func MapLeft2(name string, m map[string]string) string {
	return fmt.Sprintf("%s %s %s", name, m["k"], setm(m))
}
func IndexLeft2(name string, p []string) string { return fmt.Sprintf("%s %s %s", name, p[0], setp(p)) }
func ArrLeft2(name string, a *[2]string) string {
	return fmt.Sprintf("%s %s %s", name, a[0], setp(a[:]))
}
func SliceLeft2(name string, b []byte) string { return fmt.Sprintf("%s %s %s", name, b[:2], setb(b)) }
func ConvLeft2(name string, b []byte) string {
	return fmt.Sprintf("%s %s %s", name, string(b), setb(b))
}
func LenLeft2(name string, m map[string]string) string {
	return fmt.Sprintf("%s %s %d", name, setm(m), len(m))
}
func ErrMap2(name string, m map[string]string) error {
	return fmt.Errorf("%s %s %s", name, m["k"], setm(m))
}
