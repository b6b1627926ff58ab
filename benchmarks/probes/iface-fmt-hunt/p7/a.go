package p7

import "fmt"

const sep = "\xff|\x00"

func Invalid(s string) string          { return fmt.Sprintf("\xff%s\xfe", s) }
func InvalidOp(s string) string        { return fmt.Sprintf("%s%s%s", s, "\xc3", s) }
func Sep(a, b string) string           { return fmt.Sprintf("%s%s%s", a, sep, b) }
func Raw(s string) string              { return fmt.Sprintf(`a\n%s\t"q"`, s) }
func Bom(s string) string              { return fmt.Sprintf("\ufeff%s\u2028\r", s) }
func Nul(s string) string              { return fmt.Sprintf("%s\x00%s", s, s) }
func Quote(s string) string            { return fmt.Sprintf("\"%s\" \\ %s`", s, "`x`") }
func Float1(s string) string           { return fmt.Sprintf("%s %d", s, 1e3) }
func Float2(s string) string           { return fmt.Sprintf("%s %v", s, 2.0) }
func Float3(s string) string           { return fmt.Sprintf("%s %v", s, 'a'*1.0) }
func Cplx(s string) string             { return fmt.Sprintf("%s %v", s, 1+0i) }
func Shift(s string, n uint) string    { return fmt.Sprintf("%s %d", s, 1<<n) }
func Byte(s string) string             { return fmt.Sprintf("%s %v %c %q", s, byte(200), 'é', '\'') }
func Sprintln2(s string, n int) string { return fmt.Sprintln(s, n, "\xff", true) }
func Pct(s string) string              { return fmt.Sprintf("%s%%%%d%5%", s) }
func Combining(s string) string        { return fmt.Sprintf("e\u0301%s\U0001F600", s) }
func Tab(s string, b []byte) string    { return fmt.Sprint(s, "\t", b == nil) }
