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
// array's length from a proven bound, a pool's array type) must be the same in all of them;
// go/types folds constants and array lengths for this build only. A value is steady when nothing
// it derives from can differ between builds, judged conservatively:
//   - in a package whose directory holds a file only some builds compile (a //go:build line, a
//     _GOOS/_GOARCH name, cgo), only literals, predeclared names no file of the directory
//     redeclares, and constants of a predeclared type declared in files every build compiles
//     from such values: any type of the package, or a constant in a per-build file, may differ —
//     unless the constant is declared in the expression's own file: every build that compiles the
//     rewrite compiles that declaration as it is (`const maxLabel = 63` beside its guard in a
//     `//go:build linux` file);
//   - nothing sized by the target: unsafe.Sizeof/Alignof/Offsetof, ^ of a uint or uintptr;
//   - of std, everything but the packages and constants that differ by GOOS/GOARCH;
//   - of another package of the module, only a constant whose directory has no per-build file,
//     declared from literals, operators and such constants of its own directory: no other
//     package's name, no conversion or call, no ^; no array type (its length may come from anywhere).
//     Not a dependency module's (sameModule): the version a build compiles is the one its main module
//     selects, or go.work's, and a library's consumer may require another, whose value differs.

// archConsts are std constants whose value depends on GOOS or GOARCH.
var archConsts = map[string]bool{
	"math.MaxInt": true, "math.MinInt": true, "math.MaxUint": true, "strconv.IntSize": true,
	"math/bits.UintSize": true,
}

// perBuildStd: std packages whose declarations differ by GOOS or GOARCH.
func perBuildStd(path string) bool {
	switch path {
	case "syscall", "os", "runtime", "path/filepath", "unsafe", "os/signal", "net", "os/exec":
		return true
	}
	return strings.HasPrefix(path, "internal/") || strings.Contains(path, "/internal/") || strings.HasPrefix(path, "runtime/")
}

// steady reports whether e's constant value is the same in every build of the package.
func (c *checked) steady(e ast.Expr) bool {
	return c.steadyExpr(e, c.fset.File(e.Pos()), map[types.Object]bool{})
}

// steadyExpr: e is steady in every build that compiles the file home (nil: in every build).
func (c *checked) steadyExpr(e ast.Expr, home *token.File, seen map[types.Object]bool) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		if e, isExpr := n.(ast.Expr); isExpr && c.info.TypeOf(e) != nil && !c.steadyType(c.info.TypeOf(e)) {
			ok = false // `len(ks[0])` of a [][N]byte: the array length is the value
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			ok = c.steadyObject(c.info.Uses[n], home, seen)
			if obj := c.info.Uses[n]; ok && c.perBuild && obj != nil && obj.Parent() == types.Universe {
				ok = !c.redeclared()[n.Name] // `type uint16 = uint32` in a per-build file
			}
		case *ast.SelectorExpr:
			ok = c.steadyObject(c.info.Uses[n.Sel], home, seen)
		case *ast.UnaryExpr:
			if n.Op == token.XOR { // ^uint(0): as wide as the target's uint; a type of another package may be too
				t := c.info.TypeOf(n)
				if b, isBasic := t.Underlying().(*types.Basic); isBasic && b.Info()&types.IsUntyped == 0 {
					ok = b.Kind() != types.Uint && b.Kind() != types.Uintptr && c.portable(t)
				}
			}
		}
		return ok
	})
	return ok
}

// steadyObject: a name inside a constant expression (a type in a conversion or composite literal,
// a variable under len, a constant, a builtin).
func (c *checked) steadyObject(obj types.Object, home *token.File, seen map[types.Object]bool) bool {
	switch obj := obj.(type) {
	case *types.Builtin: // unsafe's are builtins too
		return obj.Name() != "Sizeof" && obj.Name() != "Alignof" && obj.Name() != "Offsetof"
	case *types.Var:
		return c.steadyType(obj.Type())
	case *types.TypeName:
		if c.perBuild && obj.Pkg() == c.pkg {
			return false
		}
		return c.steadyType(obj.Type())
	case *types.Const:
		switch {
		case obj.Pkg() == nil: // iota, true, false
			return true
		case obj.Pkg() != c.pkg:
			return c.steadyImported(obj)
		case seen[obj]:
			return true
		}
		seen[obj] = true
		_, basic := obj.Type().(*types.Basic)
		if c.perBuild && (!basic || c.constrained(obj.Pos()) && (home == nil || c.fset.File(obj.Pos()) != home)) {
			return false
		}
		value := c.constExpr(obj)
		return value != nil && c.steadyExpr(value, home, seen)
	}
	return true
}

// steadyType: every array length the type holds (through pointers, aliases, slices, maps,
// channels, arrays and struct fields) is steady: another package's named type only of std, a
// named type of this package only outside a package with per-build files, an unnamed array by
// steadyLength.
func (c *checked) steadyType(t types.Type) bool {
	return c.steadyWithin(t, map[types.Type]bool{})
}

func (c *checked) steadyWithin(t types.Type, seen map[types.Type]bool) bool {
	t = types.Unalias(t)
	if seen[t] {
		return true
	}
	seen[t] = true
	if named, ok := t.(*types.Named); ok {
		pkg := named.Obj().Pkg()
		if pkg != nil && pkg != c.pkg && c.stdSteady(pkg.Path()) {
			return true // std's own types: steady, per-OS packages aside
		}
		if _, array := named.Underlying().(*types.Array); array && (pkg != c.pkg || c.perBuild) {
			return false // its length is declared where another build may differ
		}
		return c.steadyWithin(named.Underlying(), seen)
	}
	switch u := t.(type) {
	case *types.Array:
		return c.steadyLength(u) && c.steadyWithin(u.Elem(), seen)
	case *types.Pointer:
		return c.steadyWithin(u.Elem(), seen)
	case *types.Slice:
		return c.steadyWithin(u.Elem(), seen)
	case *types.Chan:
		return c.steadyWithin(u.Elem(), seen)
	case *types.Map:
		return c.steadyWithin(u.Key(), seen) && c.steadyWithin(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if !c.steadyWithin(u.Field(i).Type(), seen) {
				return false
			}
		}
	}
	return true
}

func (c *checked) stdSteady(path string) bool {
	return c.isStd(path) && !perBuildStd(path)
}

// steadyLength: an array type's length is steady when every spelling of that type in the package
// (`[N]T`, `[...]T{…}`) has a steady N; a type the package never spells comes from the other
// packages' objects it uses (`sha256.Sum256`'s [32]byte): steady when each of those is std's.
func (c *checked) steadyLength(t *types.Array) bool {
	if c.arrays == nil {
		c.arrays = map[int64][]spelling{}
		for _, f := range c.files {
			ast.Inspect(f, func(n ast.Node) bool {
				a, isArray := n.(*ast.ArrayType)
				u, typed := c.info.TypeOf(a).(*types.Array)
				if isArray && a.Len != nil && typed {
					_, ellipsis := a.Len.(*ast.Ellipsis)
					steady := !c.constrained(a.Pos()) && (ellipsis || c.steadyExpr(a.Len, nil, map[types.Object]bool{}))
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
	std, ok := c.sources(t)
	return ok && (spelled || std)
}

// spelling is one array type the package writes, and whether its length is steady.
type spelling struct {
	array  *types.Array
	steady bool
}

// sources: whether another package's object the package uses carries the array type, and false
// when one that is not std's (but a per-build std package) does: its length may come from anywhere.
func (c *checked) sources(t *types.Array) (found, ok bool) {
	if known, seen := c.carried[t]; seen {
		return known[0], known[1]
	}
	defer func() { c.carried[t] = [2]bool{found, ok} }()
	for _, obj := range c.info.Uses {
		if obj.Pkg() == nil || obj.Pkg() == c.pkg || !carries(obj.Type(), t, map[types.Type]bool{}) {
			continue
		}
		if !c.stdSteady(obj.Pkg().Path()) {
			return false, false
		}
		found = true
	}
	return found, true
}

// carries: u holds the array type anywhere (a function's results, pointers, slices, maps,
// channels, arrays, struct fields, a named type's underlying type).
func carries(u types.Type, t *types.Array, seen map[types.Type]bool) bool {
	u = types.Unalias(u)
	if seen[u] {
		return false
	}
	seen[u] = true
	if types.Identical(u.Underlying(), t) {
		return true
	}
	switch v := u.Underlying().(type) {
	case *types.Signature:
		for i := 0; i < v.Results().Len(); i++ {
			if carries(v.Results().At(i).Type(), t, seen) {
				return true
			}
		}
	case *types.Pointer:
		return carries(v.Elem(), t, seen)
	case *types.Slice:
		return carries(v.Elem(), t, seen)
	case *types.Chan:
		return carries(v.Elem(), t, seen)
	case *types.Array:
		return carries(v.Elem(), t, seen)
	case *types.Map:
		return carries(v.Key(), t, seen) || carries(v.Elem(), t, seen)
	case *types.Struct:
		for i := 0; i < v.NumFields(); i++ {
			if carries(v.Field(i).Type(), t, seen) {
				return true
			}
		}
	}
	return false
}

// constExpr is the expression a constant of the package is declared with; nil if not found.
func (c *checked) constExpr(obj *types.Const) ast.Expr {
	if c.consts == nil {
		c.consts = map[types.Object]ast.Expr{}
		for _, f := range c.files {
			ast.Inspect(f, func(n ast.Node) bool {
				if gen, ok := n.(*ast.GenDecl); ok && gen.Tok == token.CONST {
					constValues(gen, func(name *ast.Ident, value ast.Expr) {
						if value != nil {
							c.consts[c.info.Defs[name]] = value
						}
					})
				}
				return true
			})
		}
	}
	return c.consts[obj]
}

// steadyImported: a constant of another package (see the top of the file).
func (c *checked) steadyImported(obj *types.Const) bool {
	path := obj.Pkg().Path()
	if c.isStd(path) {
		return !archConsts[path+"."+obj.Name()] && !perBuildStd(path)
	}
	dir, ok := c.importedDir(obj)
	return ok && sameModule(c.dir, dir) && !dirPerBuild(dir) && steadyIn(dir, obj.Name(), map[string]bool{}, false)
}

// basicImported: a constant of another package of the module (sameModule: not a dependency's) has a predeclared type in every build (steadyOperand) when
// steadyImported's walk holds (its directory has no per-build file, so every build compiles the same declaration, from
// literals, operators and that directory's constants) and no declaration on the way names a type other than a
// predeclared one the directory does not redeclare: untyped (`const MaxHeaderValue = 256`, an int wherever it is
// boxed), or `const Max int64 = 1 << 20`. A type of the package (`const Max Size = 256`) may have methods fmt calls,
// and one it imports with a dot may differ by build: those decline.
func (c *checked) basicImported(obj *types.Const) bool {
	if _, basic := types.Unalias(obj.Type()).(*types.Basic); !basic || c.isStd(obj.Pkg().Path()) {
		return false
	}
	dir, ok := c.importedDir(obj)
	return ok && sameModule(c.dir, dir) && !dirPerBuild(dir) && steadyIn(dir, obj.Name(), map[string]bool{}, true)
}

// steadyIn: the constant of the package in dir is declared once, untyped or with a type of its own
// package, by literals, operators and steady constants of the same directory; with predeclared, each type
// named on the way is a predeclared one no file of the directory redeclares (basicImported).
func steadyIn(dir, name string, seen map[string]bool, predeclared bool) bool {
	if seen[name] {
		return true
	}
	seen[name] = true
	decl, ok := dirConsts(dir)[name]
	if !ok || decl.value == nil {
		return false
	}
	if decl.typ != nil {
		id, local := decl.typ.(*ast.Ident)
		if !local || predeclared && (types.Universe.Lookup(id.Name) == nil || dirNames(dir)[id.Name]) {
			return false
		}
	}
	steady := true
	ast.Inspect(decl.value, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr, *ast.CallExpr, *ast.CompositeLit, *ast.IndexExpr:
			steady = false
		case *ast.UnaryExpr:
			steady = steady && n.Op != token.XOR
		case *ast.Ident:
			if n.Name != "iota" && n.Name != "true" && n.Name != "false" {
				steady = steady && steadyIn(dir, n.Name, seen, predeclared)
			}
		}
		return steady
	})
	return steady
}

// dirConst is one constant a directory declares: its type (nil if untyped) and expression (nil
// when declared more than once or without one).
type dirConst struct {
	typ, value ast.Expr
}

var dirIndex = map[string]map[string]dirConst{}

// dirTypeIndex: per directory, each type's declared type expression (nil when declared more than once, or
// generic); filled by dirConsts in the same pass.
var dirTypeIndex = map[string]map[string]ast.Expr{}

// dirConsts: the top-level constants of the directory's non-test files.
func dirConsts(dir string) map[string]dirConst {
	if index, ok := dirIndex[dir]; ok {
		return index
	}
	index, typeIndex := map[string]dirConst{}, map[string]ast.Expr{}
	files, _ := sourceFiles(dir)
	for _, path := range files {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, decl := range f.Decls {
			if gen, ok := decl.(*ast.GenDecl); ok && gen.Tok == token.CONST {
				constValues(gen, func(name *ast.Ident, value ast.Expr) {
					if _, again := index[name.Name]; again {
						value = nil
					}
					index[name.Name] = dirConst{specType(gen, name), value}
				})
			}
			if gen, ok := decl.(*ast.GenDecl); ok && gen.Tok == token.TYPE {
				for _, spec := range gen.Specs {
					ts := spec.(*ast.TypeSpec)
					_, again := typeIndex[ts.Name.Name]
					typeIndex[ts.Name.Name] = ts.Type
					if again || ts.TypeParams != nil {
						typeIndex[ts.Name.Name] = nil
					}
				}
			}
		}
	}
	dirIndex[dir], dirTypeIndex[dir] = index, typeIndex
	return index
}

// importedPortable: a type of another package is the same integer type in every build when it is std's (per-OS
// packages aside), or declared once, in a directory without per-build files, as a predeclared type or a chain of
// that directory's own types down to one (`type Bytes int`; not `type Size other.Size`, whose package may differ).
func (c *checked) importedPortable(obj *types.TypeName) bool {
	if path := obj.Pkg().Path(); c.isStd(path) {
		return !perBuildStd(path)
	}
	dir, ok := c.importedDir(obj)
	if !ok || dirPerBuild(dir) {
		return false
	}
	name := obj.Name()
	dirConsts(dir) // fills dirTypeIndex[dir]
	for range 16 {
		declared, ok := dirTypeIndex[dir][name]
		id, isIdent := declared.(*ast.Ident)
		if !ok || !isIdent {
			return false
		}
		if _, local := dirTypeIndex[dir][id.Name]; !local {
			return types.Universe.Lookup(id.Name) != nil
		}
		name = id.Name
	}
	return false
}

// importedDir: the directory of obj's package, as go list gives it for an import of the package; not the
// one its position names, which a //line directive in a per-build file (`//line ../gen/count.go:3`, as generated
// code has) may point at another directory, whose files no build of the package compiles.
func (c *checked) importedDir(obj types.Object) (string, bool) {
	dir, ok := c.dirs[obj.Pkg().Path()]
	return dir, ok && filepath.IsAbs(dir)
}

// specType is the type the spec declaring name gives (the group's last one for a repetition).
func specType(gen *ast.GenDecl, name *ast.Ident) ast.Expr {
	var typ ast.Expr
	for _, spec := range gen.Specs {
		vs := spec.(*ast.ValueSpec)
		if len(vs.Values) > 0 {
			typ = vs.Type
		}
		for _, n := range vs.Names {
			if n == name {
				return typ
			}
		}
	}
	return nil
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

// redeclared: the top-level names any non-test file of the package's directory declares, this
// build's or not (a predeclared name one of them redeclares differs between builds).
func (c *checked) redeclared() map[string]bool {
	if c.names == nil {
		c.names = map[string]bool{}
		files, _ := sourceFiles(c.dir)
		for _, path := range files {
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
			if err != nil {
				continue
			}
			for _, decl := range f.Decls {
				declaredNames(decl, c.names)
			}
		}
	}
	return c.names
}

func declaredNames(decl ast.Decl, names map[string]bool) {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names[d.Name.Name] = true
		}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch sp := spec.(type) {
			case *ast.TypeSpec:
				names[sp.Name.Name] = true
			case *ast.ValueSpec:
				for _, n := range sp.Names {
					names[n.Name] = true
				}
			}
		}
	}
}

var dirBuilds = map[string]bool{}

// dirPerBuild: the directory holds a non-test Go file only some builds compile (a build
// constraint, a _GOOS/_GOARCH name, cgo), or cannot be read.
func dirPerBuild(dir string) bool {
	if found, ok := dirBuilds[dir]; ok {
		return found
	}
	files, err := sourceFiles(dir)
	found := err != nil || len(files) == 0
	for _, path := range files {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil || fileConstrained(f, path) {
			found = true
			break
		}
		for _, spec := range f.Imports {
			found = found || spec.Path.Value == `"C"`
		}
	}
	dirBuilds[dir] = found
	return found
}

// sourceFiles: the directory's non-test Go files, every build's.
func sourceFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	kept := files[:0]
	for _, path := range files {
		if !strings.HasSuffix(path, "_test.go") {
			kept = append(kept, path)
		}
	}
	return kept, err
}

// stdDeps adds to std what the package's std imports import, and so on: std imports only std, so a type the
// package reaches through one (`r.URL.RawQuery` of an *http.Request, a net/url field) is std's too. Not a vendored
// package (`vendor/golang.org/x/sys/cpu`), whose path perBuildStd does not know.
func (c *checked) stdDeps(pkg *types.Package) {
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		for _, dep := range p.Imports() {
			if path := dep.Path(); !c.std[path] && !strings.HasPrefix(path, "vendor/") {
				c.std[path] = true
				visit(dep)
			}
		}
	}
	for _, p := range pkg.Imports() {
		if c.std[p.Path()] {
			visit(p)
		}
	}
}

// isStd: go list says the package is std's (the request's Std). Not a guess from the path: a module
// named without a dot (`module myapp`) is the user's, and its per-build constants and arrays are not
// std's steady ones. A package the request does not list (an indirect import) counts as std only when a listed
// std package imports it (stdDeps).
func (c *checked) isStd(path string) bool {
	return c.std[path]
}

// declaredOnce: a function, variable or constant of a std package that differs by build (runtime, os, path/filepath)
// has one type in every build when its package's directory declares it in a file every build compiles (no build
// constraint, no _GOOS/_GOARCH name, no cgo), as a function without receiver or with an explicit type, whose type
// names only predeclared names no file of the directory redeclares: `func Caller(skip int) (pc uintptr, file
// string, line int, ok bool)`, `func Hostname() (name string, err error)`. Every build compiles that declaration as
// it is, and no build can declare the name again. A per-build value (`const GOOS string = goos.GOOS`) keeps its
// type; only its value differs, which steady (a constant's value) judges apart.
func (c *checked) declaredOnce(obj types.Object) bool {
	if obj.Parent() != obj.Pkg().Scope() {
		return false // a method or a field: dirTypes holds the package's top-level functions, variables and constants
	}
	dir, ok := c.importedDir(obj)
	if !ok {
		return false
	}
	decl, ok := dirTypes(dir)[obj.Name()]
	if !ok || decl == nil {
		return false
	}
	steady := true
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Field: // its names are a parameter's or a result's, not types
			ast.Inspect(n.Type, walk)
			return false
		case *ast.Ident: // also rejects another package's name (`time.Duration`) and an instantiation (`iter.Seq[string]`)
			steady = steady && types.Universe.Lookup(n.Name) != nil && !dirNames(dir)[n.Name]
		}
		return steady
	}
	ast.Inspect(decl, walk)
	return steady
}

var dirDeclared = map[string]map[string]ast.Expr{}
var dirTopNames = map[string]map[string]bool{}

// dirTypes: per top-level function (without receiver) or typed variable or constant of the directory's non-test
// files, every build's, the type expression it is declared with; nil when declared more than once, in a file only
// some builds compile, without a type, or generic. dirNames: every top-level name the files declare.
func dirTypes(dir string) map[string]ast.Expr {
	if index, ok := dirDeclared[dir]; ok {
		return index
	}
	index, names := map[string]ast.Expr{}, map[string]bool{}
	files, _ := sourceFiles(dir)
	for _, path := range files {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			continue
		}
		perBuild := fileConstrained(f, path) || importsC(f)
		for _, decl := range f.Decls {
			declaredNames(decl, names)
			declaredTypes(decl, func(name string, typ ast.Expr) {
				if _, again := index[name]; again || perBuild {
					typ = nil
				}
				index[name] = typ
			})
		}
	}
	dirDeclared[dir], dirTopNames[dir] = index, names
	return index
}

func dirNames(dir string) map[string]bool {
	dirTypes(dir)
	return dirTopNames[dir]
}

// declaredTypes calls each with every top-level function or variable or constant decl declares, and its declared
// type expression (nil: none, or generic).
func declaredTypes(decl ast.Decl, each func(name string, typ ast.Expr)) {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			var typ ast.Expr = d.Type
			if d.Type.TypeParams != nil {
				typ = nil
			}
			each(d.Name.Name, typ)
		}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok {
				for _, n := range vs.Names {
					each(n.Name, vs.Type)
				}
			}
		}
	}
}

func importsC(f *ast.File) bool {
	for _, spec := range f.Imports {
		if spec.Path.Value == `"C"` {
			return true
		}
	}
	return false
}
