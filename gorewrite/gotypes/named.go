package main

import (
	"go/ast"
	"go/token"
	"go/types"
)

// namedOperand is a fmt operand whose type is a defined type without type parameters whose underlying type is an
// integer, bool or string type: printArg's type switch matches only predeclared types, so fmt prints it by
// printValue, by its kind, the bytes its underlying type's value prints, unless handleMethods calls a method of
// it (iface_direct/methodless.py reads every file of File's directory for those).
type namedOperand struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Basic string `json:"basic"` // the underlying type's name ("int64", "byte", "bool", "string")
	Name  string `json:"name"`  // the defined type's name
	Pkg   string `json:"pkg"`   // its package's import path
	File  string `json:"file"`  // the file declaring it ("" when unknown)
	Std   bool   `json:"std"`   // declared in an imported std package, read in one release's GOROOT
}

// namedBasic describes the operand a of fmt's call as a namedOperand, if it is one.
func (c *checked) namedBasic(a ast.Expr, tf *token.File) (namedOperand, bool) {
	n, ok := types.Unalias(c.info.TypeOf(a)).(*types.Named)
	if !ok || n.TypeParams().Len() > 0 || n.TypeArgs().Len() > 0 || n.Obj().Pkg() == nil {
		return namedOperand{}, false
	}
	b, ok := n.Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsUntyped != 0 || b.Info()&(types.IsInteger|types.IsBoolean|types.IsString) == 0 {
		return namedOperand{}, false
	}
	pkg := n.Obj().Pkg().Path()
	std := c.isStd(pkg) // an import go list calls Standard: its files are one GOROOT's
	file := c.declaredIn(n.Obj())
	return namedOperand{tf.Offset(a.Pos()), tf.Offset(a.End()), b.Name(), n.Obj().Name(), pkg, file, std}, true
}
