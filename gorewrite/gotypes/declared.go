package main

// Whether an expression's type is the same in every build, judged from the declarations it depends on
// rather than from everything the package uses: a package that imports os (declared per GOOS) for its
// file handling still converts a `func(b []byte)` parameter the same way in every build.

import (
	"go/ast"
	"go/token"
	"go/types"
)

// steadyOperand reports whether e's type holds in every build of the package: a type reaches e only
// through the names it uses, so each must be the universe's (one no file of the directory redeclares),
// an import's name, of a std package the same in every build (stdSteady), or declared by the package,
// in a file every build compiles (no other build can declare that name again), from names that are
// steady in turn (its declared type, or its initializer where it has none; a type's whole declaration,
// which says what a selector reaches through embedded fields). steady keeps the names a whole walk
// found steady, for the next operand.
func (c *checked) steadyOperand(e ast.Expr, steady map[types.Object]bool) bool {
	seen := map[types.Object]bool{}
	if !c.steadyNames(e, steady, seen) {
		return false
	}
	for obj := range seen {
		steady[obj] = true
	}
	return true
}

func (c *checked) steadyNames(n ast.Node, steady, seen map[types.Object]bool) bool {
	ok := true
	ast.Inspect(n, func(n ast.Node) bool {
		if id, isIdent := n.(*ast.Ident); isIdent && ok {
			ok = c.steadyName(c.info.Uses[id], steady, seen)
		}
		return ok
	})
	return ok
}

func (c *checked) steadyName(obj types.Object, steady, seen map[types.Object]bool) bool {
	if obj != nil && obj.Parent() == types.Universe && c.perBuild && c.redeclared()[obj.Name()] {
		return false // `type byte = rune` in a file another build compiles
	}
	if _, isImport := obj.(*types.PkgName); obj == nil || isImport || obj.Pkg() == nil || steady[obj] || seen[obj] {
		return true // not a use (a name being declared), an import's name, the universe's, or already walked
	}
	if obj.Pkg() != c.pkg {
		return c.stdSteady(obj.Pkg().Path())
	}
	if c.constrained(obj.Pos()) { // a file only some builds compile: another may declare the name otherwise
		return false
	}
	seen[obj] = true
	parts, found := c.declarations()[obj.Pos()]
	if !found {
		return false
	}
	for _, part := range parts {
		if !c.steadyNames(part, steady, seen) {
			return false
		}
	}
	return true
}

// declarations maps the position of each name the package declares to the syntax its type comes from;
// a name declared in a shape not listed has none, and is not steady.
func (c *checked) declarations() map[token.Pos][]ast.Node {
	if c.declared != nil {
		return c.declared
	}
	c.declared = map[token.Pos][]ast.Node{}
	for _, f := range c.files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if id, ok := n.(*ast.Ident); ok && c.info.Defs[id] != nil {
				if parts := typeParts(stack); parts != nil {
					c.declared[id.Pos()] = parts
				}
			}
			if sw, ok := n.(*ast.TypeSwitchStmt); ok {
				c.switchParts(sw)
			}
			stack = append(stack, n)
			return true
		})
	}
	return c.declared
}

// typeParts is what gives a name declared under stack (its innermost node last) its type.
func typeParts(stack []ast.Node) []ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch d := stack[i].(type) {
		case *ast.Field: // a parameter, result, receiver, struct field, method or type parameter
			return []ast.Node{d.Type}
		case *ast.ValueSpec:
			if gen, ok := stack[i-1].(*ast.GenDecl); ok && gen.Tok == token.CONST {
				return []ast.Node{gen} // a constant may repeat an earlier spec's type and value
			}
			return []ast.Node{d}
		case *ast.AssignStmt:
			return exprNodes(d.Rhs)
		case *ast.RangeStmt:
			return []ast.Node{d.X}
		case *ast.TypeSpec:
			return []ast.Node{d}
		case *ast.FuncDecl: // its signature; a receiver's type parameter is a Field's name of its own
			return []ast.Node{d.Type}
		}
	}
	return nil
}

// switchParts: a type switch's `x := y.(type)` declares an x in each clause, of the clause's type or y's.
func (c *checked) switchParts(sw *ast.TypeSwitchStmt) {
	assign, ok := sw.Assign.(*ast.AssignStmt)
	if !ok || len(assign.Lhs) != 1 {
		return
	}
	parts := exprNodes(assign.Rhs)
	for _, clause := range sw.Body.List {
		parts = append(parts, exprNodes(clause.(*ast.CaseClause).List)...)
	}
	c.declared[assign.Lhs[0].Pos()] = parts
}

func exprNodes(exprs []ast.Expr) []ast.Node {
	nodes := []ast.Node{}
	for _, e := range exprs {
		nodes = append(nodes, e)
	}
	return nodes
}
