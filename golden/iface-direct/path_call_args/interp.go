// Package interp evaluates a call node whose arguments an array literal in a field holds.
package interp

import "strconv"

type Expr interface{ Eval() int }

type Stringer interface{ String() string }

type Lit struct{ v int }

func (l *Lit) Eval() int      { return l.v }
func (l *Lit) String() string { return strconv.Itoa(l.v) }

type Call struct {
	Fn   string
	Args [2]Expr
}

// Add prints `a + b = sum` the way a REPL echoes a call it evaluated.
func Add(a, b int) string {
	lhs := Lit{v: a} // want "moved to heap: lhs"
	rhs := Lit{v: b} // want "moved to heap: rhs"
	call := Call{Fn: "+", Args: [2]Expr{&lhs, &rhs}}
	sum := call.Args[0].Eval() + call.Args[1].Eval()
	return call.Args[0].(Stringer).String() + " + " + call.Args[1].(Stringer).String() + " = " + strconv.Itoa(sum)
}
