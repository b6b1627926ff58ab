// Package conf reads a small line-oriented configuration language and names what it reads.
package conf

import "fmt"

type syntaxError string

func (e syntaxError) Error() string { return string(e) }

type lexer struct {
	line  int
	col   int
	last  string
	depth int
}

// fail stops the parse; parse recovers syntaxError values and returns them.
func (l *lexer) fail(msg string) {
	panic(syntaxError(fmt.Sprintf("conf: line %d: %s near %s", l.line, msg, l.last)))
}

// expect stops the parse where a token is not the one wanted.
func (l *lexer) expect(got, want string) {
	if got != want {
		panic(syntaxError(fmt.Sprintf("conf: line %d: want %s", l.line, want)))
	}
}

// nested stops the parse where blocks nest too deeply.
func (l *lexer) nested() {
	if l.depth > 32 {
		panic(syntaxError(fmt.Sprintf("conf: line %d: nesting %d too deep", l.line, l.depth)))
	}
}

// Position is where the lexer is, as editors print it.
func (l *lexer) Position() string { return fmt.Sprintf("%d:%d", l.line, l.col) }
