// Package token prints the tokens a scanner hands back, narrowing each node it carries.
package token

import (
	"fmt"
	"strconv"
)

type Node interface{ Pos() int }

type Expr interface {
	Node
	exprNode()
}

type Number struct {
	at     int
	digits string
}

func (n *Number) Pos() int       { return n.at }
func (*Number) exprNode()        {}
func (n *Number) String() string { return n.digits }

type scanned struct {
	node Node
	line int
}

// Echo prints a scanned number the way a REPL echoes an expression: its text and where it starts.
func Echo(at int, digits string) string {
	num := Number{at: at, digits: digits} // want "moved to heap: num"
	tok := scanned{node: &num, line: 1}
	if e, ok := tok.node.(Expr); ok {
		if s, ok := e.(fmt.Stringer); ok {
			return s.String() + " @" + strconv.Itoa(e.Pos())
		}
		return "expr @" + strconv.Itoa(e.Pos())
	}
	return "?"
}
