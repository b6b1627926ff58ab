package p5

import "fmt"

type conv struct{}

func (conv) AppendInt(dst []byte, n int64, base int) []byte { return append(dst, "conv"...) }
func (conv) Itoa(n int) string                              { return "conv" }
func (conv) FormatBool(b bool) string                       { return "conv" }
func (conv) FormatInt(n int64, base int) string             { return "conv" }
func (conv) AppendQuoteRune(dst []byte, r rune) []byte      { return append(dst, "conv"...) }

// LocalConv shadows strconv in the enclosing function.
func LocalConv(n int, b bool) string {
	strconv := conv{}
	_ = strconv
	f := func() string { return fmt.Sprintf("n %d %t", n, b) }
	return run(f)
}

// LocalConvQ shadows strconv for a quoted rune.
func LocalConvQ(r rune) string {
	strconv := conv{}
	_ = strconv
	f := func() string { return fmt.Sprintf("r %q", r) }
	return run(f)
}

// LocalConvAlone prints one int.
func LocalConvAlone(n int) string {
	strconv := conv{}
	_ = strconv
	f := func() string { return fmt.Sprintf("%d", n) }
	return run(f)
}

//go:noinline
func run[T any](f func() T) T { return f() }
