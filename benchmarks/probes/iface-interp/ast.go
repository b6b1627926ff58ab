package interp

import (
	"fmt"
	"strconv"
)

// Node is any node of an expression tree; Expr is one that yields a value.
type Node interface{ Pos() int }

type Expr interface {
	Node
	exprNode()
}

type Num struct {
	At int
	V  int
}

type Ident struct {
	At   int
	Name string
}

type Binary struct {
	At   int
	Op   byte
	L, R Expr
}

type Paren struct {
	At int
	X  Expr
}

func (n *Num) Pos() int    { return n.At }
func (n *Ident) Pos() int  { return n.At }
func (n *Binary) Pos() int { return n.At }
func (n *Paren) Pos() int  { return n.At }
func (*Num) exprNode()     {}
func (*Ident) exprNode()   {}
func (*Binary) exprNode()  {}
func (*Paren) exprNode()   {}

func (n *Num) String() string   { return strconv.Itoa(n.V) }
func (n *Ident) String() string { return n.Name }

// Visitor is called for each node; Walk visits the children when it returns true.
type Visitor interface{ Visit(n Node) bool }

// Walk visits n and its children depth first.
func Walk(n Node, v Visitor) {
	if !v.Visit(n) {
		return
	}
	switch x := n.(type) {
	case *Binary:
		Walk(x.L, v)
		Walk(x.R, v)
	case *Paren:
		Walk(x.X, v)
	}
}

type identCounter struct{ idents, nums int }

func (c *identCounter) Visit(n Node) bool {
	switch n.(type) {
	case *Ident:
		c.idents++
	case *Num:
		c.nums++
	}
	return true
}

func (c *identCounter) Total() int { return c.idents + c.nums }

// FoldAdd folds a constant addition, the way a constant folder narrows both operands.
func FoldAdd(a, b int) (int, bool) {
	l := Num{At: 1, V: a}
	r := Num{At: 3, V: b}
	bin := Binary{At: 2, Op: '+', L: &l, R: &r}
	if x, ok := bin.L.(*Num); ok {
		if y, ok := bin.R.(*Num); ok {
			return x.V + y.V, true
		}
	}
	return 0, false
}

// DescribeLiteral narrows a node to an expression, then asks for its text form.
func DescribeLiteral(v int) string {
	lit := Num{At: 1, V: v}
	var n Node = &lit
	if e, ok := n.(Expr); ok {
		if s, ok := e.(fmt.Stringer); ok {
			return "expr " + s.String()
		}
		return "expr"
	}
	return "node"
}

// IdentKind names the kind of a parsed identifier node.
func IdentKind(name string) string {
	id := Ident{At: 3, Name: name}
	var n Node = &id
	switch x := n.(type) {
	case *Num:
		return "number " + strconv.Itoa(x.V)
	case *Ident:
		return "ident " + x.Name
	default:
		return "other"
	}
}

// CountLeaves walks a tree with a counting visitor and reads its total back.
func CountLeaves(e Expr) int {
	var c identCounter
	var v Visitor = &c
	Walk(e, v)
	if t, ok := v.(interface{ Total() int }); ok {
		return t.Total()
	}
	return 0
}

// Unparen strips one pair of parentheses from a freshly parsed operand.
func Unparen(v int) int {
	inner := Num{At: 2, V: v}
	p := Paren{At: 1, X: &inner}
	if n, ok := p.X.(*Num); ok {
		return n.V
	}
	return -1
}

// OperandPositions reports where both operands of a binary node start.
func OperandPositions(a, b int) int {
	l := Num{At: 4, V: a}
	r := Ident{At: 8, Name: "x"}
	bin := Binary{At: 6, Op: '*', L: &l, R: &r}
	return bin.L.Pos()*100 + bin.R.Pos()
}

// BinaryText prints a binary node with its operands' text forms.
func BinaryText(a int, name string) string {
	l := Num{At: 1, V: a}
	r := Ident{At: 5, Name: name}
	bin := Binary{At: 3, Op: '-', L: &l, R: &r}
	ls, lok := bin.L.(fmt.Stringer)
	rs, rok := bin.R.(fmt.Stringer)
	if !lok || !rok {
		return "?"
	}
	return ls.String() + " " + string(bin.Op) + " " + rs.String()
}

// lastTree keeps the last tree a REPL evaluated.
var lastTree Expr

// Remember keeps the parsed node for the REPL's history: a real escape.
func Remember(v int) int {
	n := Num{At: 1, V: v}
	var e Expr = &n
	lastTree = e
	if x, ok := e.(*Num); ok {
		return x.V
	}
	return 0
}
