package lex

import "testing"

func TestAllocs(t *testing.T) {
	l := New([]byte("foo 12 + bar"))
	if !l.MatchSeq(Ident, Number, Punct) {
		t.Fatal("MatchSeq")
	}
	allocs(t, "MatchSeq", func() { l.MatchSeq(Ident, Number, Punct, Ident) })
	if s, p, err := ReadIdent([]byte("hello world"), 0); s != "hello" || p != 5 || err != nil {
		t.Fatal("ReadIdent", s, p, err)
	}
	allocs(t, "ReadIdent", func() { ReadIdent([]byte("hello world"), 0) })
	if k, ok := LookupKeyword("Return"); !ok || k != Keyword {
		t.Fatal("LookupKeyword")
	}
	allocs(t, "LookupKeyword", func() { LookupKeyword("Interface") })
	if s, err := Unquote(`a\tb\x41\\`); s != "a\tbA\\" || err != nil {
		t.Fatalf("Unquote %q %v", s, err)
	}
	allocs(t, "Unquote", func() { Unquote(`hello\tworld\n and a longer tail of text to go past 32 bytes`) })
	if v, err := ParseInt("1_000_000"); v != 1000000 || err != nil {
		t.Fatal("ParseInt", v, err)
	}
	allocs(t, "ParseInt", func() { ParseInt("1_000_000") })
	if r, err := EscapeRune(`\u00e9`); r != 'é' || err != nil {
		t.Fatal("EscapeRune", r, err)
	}
	allocs(t, "EscapeRune", func() { EscapeRune(`\U0001F600`) })
	if f, err := FloatDigits("3.141_592_653_589_793_238_462_643_383_279_502_884"); f < 3.14 || err != nil {
		t.Fatal("FloatDigits", f, err)
	}
	allocs(t, "FloatDigits", func() { FloatDigits("3.141_592_653_589_793_238_462_643_383_279_502_884") })
	if n := CountKinds([][]byte{[]byte("a b 1"), []byte("c")}); n != 3 {
		t.Fatal("CountKinds", n)
	}
}
