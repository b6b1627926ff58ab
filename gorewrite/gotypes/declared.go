package main

// Whether an expression's type is the same in every build, judged from the declarations it depends on
// rather than from everything the package uses: a package that imports os (declared per GOOS) for its
// file handling still converts a `func(b []byte)` parameter the same way in every build.

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// steadyOperand reports whether e's type holds in every build of the package: a type reaches e only
// through the names it uses, so each must be the universe's (one no file of the directory redeclares),
// an import's name, of a std package the same in every build (stdSteady), or declared by the package,
// in a file every build compiles (no other build can declare that name again), from names that are
// steady in turn (its declared type, or its initializer where it has none; a type's whole declaration,
// which says what a selector reaches through embedded fields). steady keeps the names a whole walk
// found steady, for the next operand.
//
// A name declared in e's own file is compiled with e by every build that compiles e, whatever that file's build
// constraint (`q := "max"` in cgroup_linux.go): such a walk is e's alone, and steady keeps none of its names.
func (c *checked) steadyOperand(e ast.Expr, steady map[types.Object]bool) bool {
	seen := map[types.Object]bool{}
	c.home, c.homeUsed = c.fset.File(e.Pos()), false
	defer func() { c.home = nil }()
	if !c.steadyNames(e, steady, seen) {
		return false
	}
	for obj := range seen {
		if !c.homeUsed {
			steady[obj] = true
		}
	}
	return true
}

// steadyNames walks only what decides n's type: a call of a function or method without type parameters has the
// type of the callee's results whatever its arguments, a conversion its type's, an index of a map, slice, array or
// string its operand's element type whatever the index, and a field or method selected directly from a variable of
// the package's own struct type its declared type, whatever the struct's other fields (steadySelection).
func (c *checked) steadyNames(n ast.Node, steady, seen map[types.Object]bool) bool {
	ok := true
	ast.Inspect(n, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			ok = c.steadyName(c.info.Uses[n], steady, seen)
		case *ast.CallExpr:
			if c.typedByCallee(n) {
				ok = c.steadyNames(n.Fun, steady, seen)
				return false
			}
		case *ast.IndexExpr: // not `list[elem]`, a generic type's instantiation: its elements are of its type argument
			if !c.info.Types[n].IsType() && elementOf(c.info.TypeOf(n.X)) {
				ok = c.steadyNames(n.X, steady, seen)
				return false
			}
		case *ast.SelectorExpr:
			if s := c.info.Selections[n]; s != nil && len(s.Index()) > 1 && c.perBuildMethods()[n.Sel.Name] {
				ok = false // promoted: another build's method of that name on a nearer type would be selected
				return false
			}
			if c.selectsDirectly(n) {
				ok = c.steadySelection(n, steady, seen)
				return false
			}
		}
		return ok
	})
	return ok
}

// typedByCallee: the call's type is its callee's result (a function or method of no type parameters: nothing is
// inferred from the arguments) or a conversion's type.
func (c *checked) typedByCallee(call *ast.CallExpr) bool {
	if c.info.Types[call.Fun].IsType() {
		return true
	}
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	}
	fn, ok := c.info.Uses[id].(*types.Func)
	return ok && fn.Type().(*types.Signature).TypeParams().Len() == 0
}

// elementOf: indexing a value of type t gives its element type, whatever the index (not a generic
// function's or type's instantiation, nor a type parameter's core type).
func elementOf(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t.Underlying().(type) {
	case *types.Map, *types.Slice, *types.Array:
		return true
	case *types.Basic:
		return t.Underlying().(*types.Basic).Info()&types.IsString != 0
	}
	return false
}

func (c *checked) steadyName(obj types.Object, steady, seen map[types.Object]bool) bool {
	if obj != nil && obj.Parent() == types.Universe && c.perBuild && c.redeclared()[obj.Name()] {
		return false // `type byte = rune` in a file another build compiles
	}
	if _, isImport := obj.(*types.PkgName); obj == nil || isImport || obj.Pkg() == nil || steady[obj] || seen[obj] {
		return true // not a use (a name being declared), an import's name, the universe's, or already walked
	}
	if obj.Pkg() != c.pkg {
		if k, isConst := obj.(*types.Const); isConst && !c.isStd(obj.Pkg().Path()) {
			return c.basicImported(k) // `limits.MaxHeaderValue` of the module's own limits package
		}
		return c.stdSteady(obj.Pkg().Path()) || c.isStd(obj.Pkg().Path()) && c.declaredOnce(obj)
	}
	if c.constrained(obj.Pos()) { // a file only some builds compile: another may declare the name otherwise
		if c.home == nil || c.fset.File(obj.Pos()) != c.home {
			return false
		}
		c.homeUsed = true
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

// sameModule: both directories lie in one module's tree, under the one go.mod nearest each, and neither in a
// vendor/ directory of it (a dependency's copy). A dependency module, a go.work module or a replacement has a
// go.mod of its own. Symbolic links resolved: go list's Dir and a file's path may spell one directory two ways.
func sameModule(dir, other string) bool {
	dirs := []string{resolved(dir), resolved(other)}
	root := moduleRoot(dirs[0])
	if root == "" || root != moduleRoot(dirs[1]) {
		return false
	}
	for _, d := range dirs {
		rel, err := filepath.Rel(root, d)
		if err != nil || slices.Contains(strings.Split(filepath.ToSlash(rel), "/"), "vendor") {
			return false
		}
	}
	return true
}

func resolved(dir string) string {
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return r
	}
	return dir
}

// moduleRoot: the directory of the go.mod nearest dir, walking up; "" for none.
func moduleRoot(dir string) string {
	if dir == "" || !filepath.IsAbs(dir) {
		return ""
	}
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if info, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !info.IsDir() {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
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
			if d.Type != nil {
				return []ast.Node{d.Type} // `var n T = v`: T, whatever v
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

// selectsDirectly: sel selects a field or method declared on its operand's type itself, not promoted through an
// embedded field: where that type's declaration is every build's (steadyStruct), it alone decides what sel is, as
// no other build can declare another field or method of that name on it (two of one name do not compile).
func (c *checked) selectsDirectly(sel *ast.SelectorExpr) bool {
	s := c.info.Selections[sel]
	return s != nil && len(s.Index()) == 1
}

// steadySelection: x.f has f's declared type in every build when x is, in every build, of the same struct type of
// the package (steadyStruct): the field's declaration is then every build's, and only its type's names need be
// steady, not those of the struct's other fields (a `handle sysHandle` declared per OS beside `Host string`).
func (c *checked) steadySelection(sel *ast.SelectorExpr, steady, seen map[types.Object]bool) bool {
	return c.steadyName(c.info.Uses[sel.Sel], steady, seen) && (c.steadyStruct(sel.X) || c.wholeSteady(sel.X, steady, seen))
}

// wholeSteady walks x as steadyNames does, but without treating x itself as a direct field selection again.
func (c *checked) wholeSteady(x ast.Expr, steady, seen map[types.Object]bool) bool {
	if sel, ok := x.(*ast.SelectorExpr); ok && c.selectsDirectly(sel) {
		return c.steadySelection(sel, steady, seen)
	}
	return c.steadyNames(x, steady, seen)
}

// steadyStruct: x is a variable, or a direct field of such (x.f), declared in a file every build compiles with the
// type T or *T, T a struct type the package declares by a struct type of its own (not `type T other`, whose fields
// another build may declare otherwise): x is of that one type in every build, whose field list is every build's.
func (c *checked) steadyStruct(x ast.Expr) bool {
	var obj types.Object
	switch x := x.(type) {
	case *ast.Ident:
		obj = c.info.Uses[x]
	case *ast.SelectorExpr:
		if !c.selectsDirectly(x) || !c.steadyStruct(x.X) {
			return false
		}
		obj = c.info.Uses[x.Sel]
	}
	v, ok := obj.(*types.Var)
	if !ok || c.constrained(v.Pos()) {
		return false
	}
	parts := c.declarations()[v.Pos()]
	if len(parts) == 0 {
		return false
	}
	typ, ok := parts[0].(ast.Expr)
	if star, isStar := typ.(*ast.StarExpr); ok && isStar {
		typ = star.X
	}
	id, ok := typ.(*ast.Ident)
	if !ok {
		return false
	}
	name, ok := c.info.Uses[id].(*types.TypeName)
	if !ok || c.typeSpec(name) == nil {
		return false
	}
	_, isStruct := c.typeSpec(name).Type.(*ast.StructType)
	return isStruct
}

// perBuildMethods: the names of the methods the package declares in files only some builds compile (any of them,
// this build's or not; a cgo file compiles only with cgo; a _test.go file only with `go test`, whose build of the
// package is another: `func (Info) Name() label` in a test file shadows a promoted Name there).
func (c *checked) perBuildMethods() map[string]bool {
	if c.methods != nil {
		return c.methods
	}
	c.methods = map[string]bool{}
	files, _ := sourceFiles(c.dir)
	tests, _ := filepath.Glob(filepath.Join(c.dir, "*_test.go"))
	for _, path := range append(files, tests...) {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil || !fileConstrained(f, path) && !importsC(f) && !strings.HasSuffix(path, "_test.go") {
			continue
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv != nil {
				c.methods[fn.Name.Name] = true
			}
		}
	}
	return c.methods
}
