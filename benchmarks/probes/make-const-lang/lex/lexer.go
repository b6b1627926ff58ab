// Package lex is a small lexer and literal scanner.
package lex

import (
	"errors"
	"slices"

	"example.com/langtool/limits"
)

// Kind is a token kind.
type Kind uint8

// Token kinds.
const (
	EOF Kind = iota
	Ident
	Number
	String
	Punct
	Keyword
)

// Token is one lexeme.
type Token struct {
	Kind Kind
	Pos  int
	Text string
}

// Lexer splits a source into tokens with a fixed lookahead.
type Lexer struct {
	src   []byte
	pos   int
	ahead [limits.Lookahead]Token
	n     int
}

var errIdentTooLong = errors.New("lex: identifier too long")

const maxKeywordLen = 9

var keywords = map[string]Kind{"func": Keyword, "return": Keyword, "if": Keyword, "else": Keyword, "for": Keyword, "var": Keyword, "interface": Keyword}

// New returns a lexer over src.
func New(src []byte) *Lexer { return &Lexer{src: src} }

func isLetter(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (l *Lexer) scan() Token {
	for l.pos < len(l.src) && l.src[l.pos] == ' ' {
		l.pos++
	}
	if l.pos >= len(l.src) {
		return Token{Kind: EOF, Pos: l.pos}
	}
	start := l.pos
	c := l.src[l.pos]
	switch {
	case isLetter(c):
		for l.pos < len(l.src) && (isLetter(l.src[l.pos]) || isDigit(l.src[l.pos])) {
			l.pos++
		}
		return Token{Kind: Ident, Pos: start, Text: string(l.src[start:l.pos])}
	case isDigit(c):
		for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
			l.pos++
		}
		return Token{Kind: Number, Pos: start, Text: string(l.src[start:l.pos])}
	}
	l.pos++
	return Token{Kind: Punct, Pos: start, Text: string(l.src[start:l.pos])}
}

// Peek returns the i-th token ahead, i < limits.Lookahead.
func (l *Lexer) Peek(i int) Token {
	for l.n <= i {
		l.ahead[l.n] = l.scan()
		l.n++
	}
	return l.ahead[i]
}

// MatchSeq reports whether the next tokens have the given kinds.
func (l *Lexer) MatchSeq(kinds ...Kind) bool {
	if len(kinds) > len(l.ahead) {
		return false
	}
	got := make([]Kind, len(kinds))
	for i := range got {
		got[i] = l.Peek(i).Kind
	}
	return slices.Equal(got, kinds)
}

// ReadIdent reads an identifier at pos and returns it and the position after it.
func ReadIdent(src []byte, pos int) (string, int, error) {
	n := 0
	for pos+n < len(src) && (isLetter(src[pos+n]) || n > 0 && isDigit(src[pos+n])) {
		n++
	}
	if n > limits.MaxIdent {
		return "", pos, errIdentTooLong
	}
	name := make([]byte, n)
	copy(name, src[pos:pos+n])
	return string(name), pos + n, nil
}

// LookupKeyword folds word to lower case and looks it up.
func LookupKeyword(word string) (Kind, bool) {
	if len(word) > maxKeywordLen {
		return Ident, false
	}
	buf := make([]byte, len(word))
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	k, ok := keywords[string(buf)]
	return k, ok
}

// All lexes the whole source; the tokens are the caller's.
func (l *Lexer) All() []Token {
	toks := make([]Token, 0, len(l.src)/4+1)
	for {
		t := l.scan()
		toks = append(toks, t)
		if t.Kind == EOF {
			return toks
		}
	}
}

// CountKinds lexes each source on its own goroutine and sums the identifiers.
func CountKinds(srcs [][]byte) int {
	if len(srcs) > 8 {
		srcs = srcs[:8]
	}
	counts := make([]int, len(srcs))
	done := make(chan struct{})
	for i, src := range srcs {
		go func(i int, src []byte) {
			for _, t := range New(src).All() {
				if t.Kind == Ident {
					counts[i]++
				}
			}
			done <- struct{}{}
		}(i, src)
	}
	for range srcs {
		<-done
	}
	total := 0
	for _, c := range counts {
		total += c
	}
	return total
}
