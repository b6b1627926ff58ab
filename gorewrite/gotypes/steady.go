package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
)

// A rewrite is compiled by every build of the package, so a number written into it (a stack
// array's length from a proven bound, a pool's array type) must be the same in all of them. A
// constant or an array length is steady when its value does: declared, down to its literals, in
// files every build compiles, from nothing sized by the target (unsafe.Sizeof, ^uint(0), a
// conversion to a type declared per build) nor by another package's constant other than std's
// fixed ones. go/types folds them all to numbers of this build only.

// archConsts are std constants whose value depends on GOOS or GOARCH.
var archConsts = map[string]bool{
	"math.MaxInt": true, "math.MinInt": true, "math.MaxUint": true, "strconv.IntSize": true,
	"math/bits.UintSize": true, "runtime.GOOS": true, "runtime.GOARCH": true, "runtime.Compiler": true,
	"os.PathSeparator": true, "os.PathListSeparator": true, "os.DevNull": true,
	"path/filepath.Separator": true, "path/filepath.ListSeparator": true,
}

// steady reports whether e's constant value is the same in every build of the package.
func (c *checked) steady(e ast.Expr) bool {
	return c.steadyIn(e, map[types.Object]bool{})
}

func (c *checked) steadyIn(e ast.Expr, seen map[types.Object]bool) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			ok = c.steadyObject(c.info.Uses[n], seen)
		case *ast.SelectorExpr:
			ok = c.steadyObject(c.info.Uses[n.Sel], seen)
		case *ast.UnaryExpr:
			if n.Op == token.XOR { // ^uint(0): as wide as the target's uint
				if b, isBasic := c.info.TypeOf(n).Underlying().(*types.Basic); isBasic && b.Info()&types.IsUntyped == 0 {
					ok = b.Kind() != types.Uint && b.Kind() != types.Uintptr
				}
			}
		}
		return ok
	})
	return ok
}

// steadyObject: a name inside a constant expression. Package unsafe's functions, a type or
// constant declared per build, another package's constant (but std's fixed ones) are not steady.
func (c *checked) steadyObject(obj types.Object, seen map[types.Object]bool) bool {
	switch obj := obj.(type) {
	case *types.Builtin: // unsafe's are builtins too
		return obj.Name() != "Sizeof" && obj.Name() != "Alignof" && obj.Name() != "Offsetof"
	case *types.Var: // len(a) of an array variable is a constant
		return c.steadyType(obj.Type())
	case *types.TypeName:
		if obj.Pkg() != c.pkg {
			return obj.Pkg() == nil || obj.Pkg().Path() != "unsafe"
		}
		return c.portable(obj.Type()) || !c.constrained(obj.Pos())
	case *types.Const:
		if obj.Pkg() != c.pkg {
			return obj.Pkg() != nil && c.steadyImported(obj)
		}
		if seen[obj] {
			return true
		}
		seen[obj] = true
		value := c.constExpr(obj)
		return !c.constrained(obj.Pos()) && value != nil && c.steadyIn(value, seen)
	}
	return true
}

// constExpr is the expression a constant of the package is declared with (the group's last one
// for an implicit repetition, `B` in `const (A = iota; B)`); nil if not found.
func (c *checked) constExpr(obj *types.Const) ast.Expr {
	if c.consts == nil {
		c.consts = map[types.Object]ast.Expr{}
		for _, f := range c.files {
			for _, decl := range f.Decls {
				gen, isGen := decl.(*ast.GenDecl)
				if !isGen || gen.Tok != token.CONST {
					continue
				}
				constValues(gen, func(name *ast.Ident, value ast.Expr) {
					if value != nil {
						c.consts[c.info.Defs[name]] = value
					}
				})
			}
		}
	}
	if e, ok := c.consts[obj]; ok {
		return e
	}
	return localConst(c, obj)
}

// localConst finds a constant declared inside a function body.
func localConst(c *checked, obj *types.Const) ast.Expr {
	var found ast.Expr
	for _, f := range c.files {
		if f.Pos() > obj.Pos() || obj.Pos() >= f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok && found == nil {
				for i, name := range vs.Names {
					if c.info.Defs[name] == obj && i < len(vs.Values) {
						found = vs.Values[i]
					}
				}
			}
			return found == nil
		})
	}
	return found
}

// steadyType: a type whose array length (through a pointer) is steady, or no array at all.
func (c *checked) steadyType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if _, ok := t.Underlying().(*types.Array); !ok {
		return true
	}
	if named, ok := t.(*types.Named); ok && named.Obj().Pkg() != c.pkg {
		return named.Obj().Pkg() != nil && isStd(named.Obj().Pkg().Path())
	}
	return c.steadyLength(t.Underlying().(*types.Array))
}

// steadyLength: an array type's length is steady when every spelling of that type in the package
// (`[N]T`, `[...]T{…}`) is in a file every build compiles, with a steady N; a type the package
// never spells comes from another package's declaration, which it cannot see: not steady.
func (c *checked) steadyLength(t *types.Array) bool {
	if c.arrays == nil {
		c.arrays = map[int64][]spelling{}
		for _, f := range c.files {
			ast.Inspect(f, func(n ast.Node) bool {
				a, isArray := n.(*ast.ArrayType)
				u, typed := c.info.TypeOf(a).(*types.Array)
				if isArray && a.Len != nil && typed {
					_, ellipsis := a.Len.(*ast.Ellipsis)
					steady := !c.constrained(a.Pos()) && (ellipsis || c.steady(a.Len))
					c.arrays[u.Len()] = append(c.arrays[u.Len()], spelling{u, steady})
				}
				return true
			})
		}
	}
	spelled := false
	for _, s := range c.arrays[t.Len()] {
		if types.Identical(s.array, t) {
			if !s.steady {
				return false
			}
			spelled = true
		}
	}
	return spelled || c.steadySources(t)
}

// steadySources: an array type the package never spells comes from the other packages' objects it
// uses (`sha256.Sum256`'s [32]byte result): steady when at least one does and each that does is
// std's (but a per-build package's) or declared in a file of another module every build compiles.
func (c *checked) steadySources(t *types.Array) bool {
	found := false
	for _, obj := range c.info.Uses {
		if obj.Pkg() == nil || obj.Pkg() == c.pkg || !carries(obj.Type(), t) {
			continue
		}
		path := obj.Pkg().Path()
		file := c.fset.Position(obj.Pos()).Filename
		if isStd(path) && perBuildStd(path) || !isStd(path) && !unconstrainedOnDisk(file) {
			return false
		}
		found = true
	}
	return found
}

// carries: t is the array, a pointer to it, or a function returning one of those.
func carries(u types.Type, t *types.Array) bool {
	if sig, ok := u.(*types.Signature); ok {
		for i := 0; i < sig.Results().Len(); i++ {
			if carries(sig.Results().At(i).Type(), t) {
				return true
			}
		}
		return false
	}
	if p, ok := u.Underlying().(*types.Pointer); ok {
		u = p.Elem()
	}
	return types.Identical(u.Underlying(), t)
}

// unconstrainedOnDisk: the source file (an absolute path the export data names) exists and no
// build constraint restricts it.
func unconstrainedOnDisk(path string) bool {
	if !filepath.IsAbs(path) {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments|parser.PackageClauseOnly)
	return err == nil && !fileConstrained(f, path)
}

// spelling is one array type the package writes, and whether its length is steady.
type spelling struct {
	array  *types.Array
	steady bool
}

func isStd(path string) bool {
	for i := 0; i < len(path); i++ {
		if path[i] == '/' {
			break
		}
		if path[i] == '.' {
			return false
		}
	}
	return true
}

// steadyImported: a constant of another package. A std one is steady unless its package or the
// constant is sized by the target or declared per OS (archConsts, perBuildStd); another module's
// is steady when the file the export data names for it is on disk, compiled by every build, and
// declares it from literals and constants of its own directory that are steady in turn.
func (c *checked) steadyImported(obj *types.Const) bool {
	path := obj.Pkg().Path()
	if isStd(path) {
		return !archConsts[path+"."+obj.Name()] && !perBuildStd(path)
	}
	file := c.fset.Position(obj.Pos()).Filename
	if file == "" || !filepath.IsAbs(file) {
		return false
	}
	return steadyIn(filepath.Dir(file), obj.Name(), map[string]bool{})
}

// perBuildStd: std packages whose constants differ by GOOS or GOARCH.
func perBuildStd(path string) bool {
	switch path {
	case "syscall", "os", "runtime", "path/filepath", "unsafe", "os/signal", "net":
		return true
	}
	return strings.HasPrefix(path, "internal/") || strings.Contains(path, "/internal/") || strings.HasPrefix(path, "runtime/")
}

// steadyIn: the constant name of the package in dir is declared once, in a file every build
// compiles, by an expression of literals, operators and steady constants of the same directory.
func steadyIn(dir, name string, seen map[string]bool) bool {
	if seen[name] {
		return true
	}
	seen[name] = true
	value, ok := dirConst(dir, name)
	if !ok {
		return false
	}
	steady := true
	ast.Inspect(value, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr, *ast.CallExpr: // another package's name, a conversion or builtin call
			if call, isCall := n.(*ast.CallExpr); isCall {
				if id, isIdent := call.Fun.(*ast.Ident); isIdent && (id.Name == "len" || id.Name == "cap") {
					return steady
				}
			}
			steady = false
		case *ast.UnaryExpr:
			steady = steady && n.Op != token.XOR
		case *ast.Ident:
			if n.Name != "iota" && n.Name != "true" && n.Name != "false" {
				steady = steady && steadyIn(dir, n.Name, seen)
			}
		}
		return steady
	})
	return steady
}

// dirConst is the expression the directory's one top-level constant of that name is declared with,
// in a non-test file no build constraint restricts (the group's last one for an implicit repetition).
func dirConst(dir, name string) (ast.Expr, bool) {
	index, ok := dirIndex[dir]
	if !ok {
		index = map[string]ast.Expr{}
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments|parser.SkipObjectResolution)
			if strings.HasSuffix(path, "_test.go") || err != nil {
				continue
			}
			for _, decl := range f.Decls {
				if gen, isGen := decl.(*ast.GenDecl); isGen && gen.Tok == token.CONST {
					indexConsts(index, gen, fileConstrained(f, path))
				}
			}
		}
		dirIndex[dir] = index
	}
	value := index[name]
	return value, value != nil
}

// dirIndex: per directory, each constant's expression; nil for one declared more than once, in a
// constrained file, or without an expression.
var dirIndex = map[string]map[string]ast.Expr{}

func indexConsts(index map[string]ast.Expr, gen *ast.GenDecl, constrained bool) {
	constValues(gen, func(name *ast.Ident, value ast.Expr) {
		if _, again := index[name.Name]; again || constrained {
			value = nil
		}
		index[name.Name] = value
	})
}

// constValues calls each with every name a const declaration declares and the expression it gets:
// its own, or the group's last one for an implicit repetition (`B` in `const (A = iota; B)`); nil
// for none.
func constValues(gen *ast.GenDecl, each func(name *ast.Ident, value ast.Expr)) {
	var last []ast.Expr
	for _, spec := range gen.Specs {
		vs := spec.(*ast.ValueSpec)
		if len(vs.Values) > 0 {
			last = vs.Values
		}
		for i, name := range vs.Names {
			var value ast.Expr
			if i < len(last) {
				value = last[i]
			}
			each(name, value)
		}
	}
}
