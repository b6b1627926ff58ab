package p2

import (
	"fmt"
	"strings"
)

type upperHex struct{}

func (upperHex) AppendEncode(dst, src []byte) []byte {
	const digits = "0123456789ABCDEF"
	for _, b := range src {
		dst = append(dst, digits[b>>4], digits[b&15])
	}
	return dst
}

type conv struct{}

func (conv) AppendInt(dst []byte, n int64, base int) []byte { return append(dst, "conv"...) }
func (conv) Itoa(n int) string                              { return "conv" }
func (conv) FormatBool(b bool) string                       { return "conv" }
func (conv) AppendQuoteRune(dst []byte, r rune) []byte      { return append(dst, "conv"...) }

// LocalRune declares its own rune inside the function.
func LocalRune(r int16) string {
	type rune = int8
	var _ rune
	return fmt.Sprintf("glyph %c", r)
}

// LocalRuneLit declares rune in the enclosing function of the literal.
func LocalRuneLit(r int16) string {
	type rune = int8
	var _ rune
	f := func() string { return fmt.Sprintf("glyph %c", r) }
	return f()
}

// LocalHex declares a hex value.
func LocalHex(sum [4]byte) string {
	hex := upperHex{}
	_ = hex
	return fmt.Sprintf("sum %x", sum)
}

// LocalHexLit has the hex in the enclosing function.
func LocalHexLit(sum [4]byte) string {
	hex := upperHex{}
	_ = hex
	f := func() string { return fmt.Sprintf("sum %x", sum) }
	return f()
}

// LocalConv shadows strconv in the enclosing function.
func LocalConv(n int, b bool) string {
	strconv := conv{}
	_ = strconv
	f := func() string { return fmt.Sprintf("n %d %t", n, b) }
	return f()
}

// LocalConvQ shadows strconv for a quoted rune.
func LocalConvQ(r rune) string {
	strconv := conv{}
	_ = strconv
	f := func() string { return fmt.Sprintf("r %q", r) }
	return f()
}

// LocalString declares string as a type alias inside.
func LocalString(s Name) string {
	type string = Name
	var out string = Name(fmt.Sprintf("s %s", s))
	return strings.ToUpper(stringOf(out))
}

func stringOf(n Name) string { return string(n) }

// Name is methodless.
type Name string

// LocalInt64 declares int64 inside.
func LocalInt64(n int8) string {
	type int64 = int8
	var _ int64
	return fmt.Sprintf("n %d", n)
}

// LocalByte shadows byte for hex.
func LocalByte(sum [2]byte) string {
	type byte = uint8
	return fmt.Sprintf("sum %x", sum)
}

// LocalMake shadows make.
func LocalMake(n int) string {
	make := func(t []byte, a, b int) []byte { return []byte("MADE") }
	_ = make
	f := func() string { return fmt.Sprintf("n-%d", n) }
	return f()
}

// GenericC prints a type parameter with %c.
func GenericC[T ~int32](r T) string { return fmt.Sprintf("c %c", r) }

// GenericV prints a type parameter with %v.
func GenericV[T ~int64 | ~string](r T) string { return fmt.Sprintf("v %v", r) }

// NoVerb ends in a percent.
func NoVerb(n int) string { return fmt.Sprintf("%d%", n) }

// Bang uses ! as a verb.
func Bang(n int) string { return fmt.Sprintf("%!-%d", n, n) }

// Percents holds flagged percents.
func Percents(n int) string { return fmt.Sprintf("%5%%d%-3%|%s", n, "x") }

// Consts prints constants.
func Consts(s string) string {
	const big = 1 << 62
	return fmt.Sprintf("%s %d %x %v %d %v %o", s, big, -255, 'x', byte('a'), true, uint64(1<<64-1))
}

// ConstSprint prints constants through Sprint.
func ConstSprint(s string) string { return fmt.Sprint(true, 1, s, 2, 'x', "") }

// EmptyS prints an empty string between numbers.
func EmptyS(a, b int, e string) string { return fmt.Sprint(a, e, b) }

// MultiByte formats around runes.
func MultiByte(n int, s string) string { return fmt.Sprintf("→%d←%s☃", n, s) }
