package events

import (
	"go/ast"
	"go/token"
	"strconv"
)

// callCounter counts call expressions; it is an ast.Visitor.
type callCounter struct{ n int }

func (c *callCounter) Visit(n ast.Node) ast.Visitor {
	if _, ok := n.(*ast.CallExpr); ok {
		c.n++
	}
	return c
}

// identSet collects identifier names.
type identSet struct{ names map[string]bool }

func (s *identSet) Visit(n ast.Node) ast.Visitor {
	if id, ok := n.(*ast.Ident); ok {
		s.names[id.Name] = true
	}
	return s
}

// CountCalls walks a file with a counter; ast.Walk calls it dynamically.
func CountCalls(f ast.Node) int {
	var c callCounter
	ast.Walk(&c, f)
	return c.n
}

// Idents walks with both visitors in turn.
func Idents(f ast.Node) (int, int) {
	var c callCounter
	s := identSet{names: map[string]bool{}}
	for _, v := range []ast.Visitor{&c, &s} {
		ast.Walk(v, f)
	}
	return c.n, len(s.names)
}

// Const evaluates an integer constant expression tree.
func Const(e ast.Expr) (int64, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.INT {
			return 0, false
		}
		v, err := strconv.ParseInt(x.Value, 0, 64)
		return v, err == nil
	case *ast.ParenExpr:
		return Const(x.X)
	case *ast.BinaryExpr:
		a, ok1 := Const(x.X)
		b, ok2 := Const(x.Y)
		if !ok1 || !ok2 {
			return 0, false
		}
		switch x.Op {
		case token.ADD:
			return a + b, true
		case token.MUL:
			return a * b, true
		}
	}
	return 0, false
}

// Sum builds `a + b` as a tree and folds it.
func Sum(a, b int) int64 {
	x := ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(a)}
	y := ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(b)}
	bin := ast.BinaryExpr{X: &x, Op: token.ADD, Y: &y}
	v, _ := Const(&bin)
	return v
}

// LitValue reads back the literal on the left of a binary expression it builds.
func LitValue(a int) string {
	x := ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(a)}
	one := ast.BasicLit{Kind: token.INT, Value: "1"}
	bin := ast.BinaryExpr{X: &x, Op: token.ADD, Y: &one}
	if lit, ok := bin.X.(*ast.BasicLit); ok {
		return lit.Value
	}
	return ""
}

// IsExprNode tells whether an identifier node is an expression, through ast.Node.
func IsExprNode(name string) bool {
	id := ast.Ident{Name: name}
	var n ast.Node = &id
	_, ok := n.(ast.Expr)
	return ok
}

// Span gives the width of a selector expression it builds from two names.
func Span(pkg, sel string) int {
	p := ast.Ident{Name: pkg, NamePos: 1}
	s := ast.Ident{Name: sel, NamePos: token.Pos(len(pkg) + 2)}
	se := ast.SelectorExpr{X: &p, Sel: &s}
	return int(se.X.End()-se.X.Pos()) + 1 + len(sel)
}

// Exported reports whether the name a small identifier node holds is exported, by a switch on the node.
func Exported(name string) bool {
	id := ast.Ident{Name: name}
	nodes := [...]ast.Node{&id}
	switch n := nodes[0].(type) {
	case *ast.Ident:
		return n.IsExported()
	case *ast.SelectorExpr:
		return n.Sel.IsExported()
	}
	return false
}
