package svc

import (
	"crypto/sha256"
	"fmt"
)

type lexer struct {
	r    rune
	cp   uint32
	on   bool
	sum  [32]byte
	name string
}

func (l *lexer) step() string { l.r++; l.cp++; l.on = !l.on; l.sum[0]++; return "s" }

func QuoteBefore(l *lexer) string { return fmt.Sprintf("%q %s", l.r, l.step()) }

func CharBefore(l *lexer) string { return fmt.Sprintf("%c %s", l.r, l.step()) }

func CharU32Before(l *lexer) string { return fmt.Sprintf("%c|%s", l.cp, l.step()) }

func BoolBefore(l *lexer) string { return fmt.Sprintf("%t %s", l.on, l.step()) }

func SumBefore(l *lexer) string { return fmt.Sprintf("%x %s", l.sum, l.step()) }

func SumAfter(l *lexer) string { return fmt.Sprintf("%s %x", l.step(), l.sum) }

func SumLocal(data []byte, f func() string) string {
	sum := sha256.Sum256(data)
	g := func() string { sum[0] = 0xff; return f() }
	return fmt.Sprintf("%x-%s", sum, g())
}

func RuneLocal(r rune) string {
	next := func() string { r = 'Z'; return "n" }
	return fmt.Sprintf("%c%s%c", r, next(), r)
}

func HexLocal(id uint64) string {
	next := func() string { id = 255; return "n" }
	return fmt.Sprintf("%x-%s-%x", id, next(), id)
}

func SliceBound(s string, i int) string {
	adv := func() string { i += 2; return "a" }
	return fmt.Sprintf("%s|%s|%s", s[i:], adv(), s[i:])
}

func BytesBound(b []byte, i int) string {
	adv := func() string { i++; b[len(b)-1] = '!'; return "a" }
	return fmt.Sprintf("%s|%s|%s", string(b[i:]), adv(), b[:i])
}

func Sprintln2(a string, n int, f func() string) string {
	return fmt.Sprintln(a, f(), n)
}

func Sprint3(a string, n int, on bool) string {
	bump := func() string { n++; on = !on; a = "A"; return "b" }
	return fmt.Sprint(bump(), a, n, on, n)
}
