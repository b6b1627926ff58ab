package main

// What a type assertion or a type switch on a boxed concrete value selects, by go/types, so that a
// rule never takes a case from the syntax: the identity of the types involved (types.Identical,
// aliases and named types resolved), which of them implement which asserted interface, the
// constant value of any expression (a map key `keyAt` is the entry "at"), the field a
// positional element of a struct literal initialises, and what a composite literal builds.

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
)

// typeKey is an expression's type by identity: two expressions of identical types (types.Identical)
// have the same ID within one response.
type typeKey struct {
	Start int `json:"start"`
	End   int `json:"end"`
	ID    int `json:"id"`
}

// constText is a constant expression's value, as "<constant.Kind>:<ExactString>".
type constText struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
}

// selected is a field a variable's selector chain reaches (selection).
type selected struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Type     string `json:"type"`
	Indirect bool   `json:"indirect"`
}

// fieldOf is the field a positional element of a struct literal initialises.
type fieldOf struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Name     string `json:"name"`
	Iface    bool   `json:"iface"`    // the field's type is an interface (not a type parameter)
	Embedded bool   `json:"embedded"` // the struct embeds a field (this one or another)
}

type boxFacts struct {
	Types      map[string][]typeKey   `json:"types"`
	Implements [][2]int               `json:"implements"` // (ID of a concrete type, ID of an asserted interface)
	Values     map[string][]constText `json:"values"`
	Fields     map[string][]fieldOf   `json:"fields"`
	Literals   map[string][]constText `json:"literals"` // "map", "struct", "slice" or "array": the literal's type's
	// underlying type, which its spelling (a named type, an alias) need not show; none with type parameters
	Bytes map[string][]constText `json:"bytes"` // "string": a conversion string(x) len(x) bytes long (bytesConversion)
	// Boxed: by file, the type a steady constant has where go/types gave it one (an untyped constant boxed in an
	// interface gets its default type: `2` of `map[string]any{"n": 2}` is an int; a named type's constant has
	// that type: `Descending` a SortOrder), its ID as Types' are
	Boxed map[string][]typeKey `json:"boxed"`
	// Predeclared: by file, the spans of Boxed's constants whose type is one of Go's predeclared types (an alias of
	// one too): no method of the program formats them (a named type's constant may have String).
	Predeclared map[string][][2]int `json:"predeclared"`
	// Printed: by file, the spans of arguments of fmt's functions whose type holds in every build (steadyOperand):
	// a variable another build declares otherwise may be of a type whose String fmt calls there.
	Printed map[string][][2]int `json:"printed"`
	// Named: by file, the arguments of fmt's functions of a defined integer, bool or string type (named.go).
	Named map[string][]namedOperand `json:"named"`
	// Selected: by file, the arguments of fmt's functions (and the operand of an `&` argument) that select a field
	// of a variable through fields alone (`l.From`, `g.buf`): the field's type, and whether a pointer lies on the
	// way (go/types' Selection.Indirect on any link), where evaluating it may panic.
	Selected map[string][]selected `json:"selected"`
	// Methods: by ID of a concrete type, each method of its method set by go/types' Id (its name, or for an
	// unexported one "path.name": two packages' unexported methods of one name are two methods of the set): the
	// files whose declarations give the type the method (the method's, and each named struct's an embedding
	// path passes); "" when unknown.
	Methods map[int]map[string][]string `json:"methods"`
	Wants   map[int][]string            `json:"wants"` // by ID of an asserted interface, its methods' Ids
	// Origins: by ID of a concrete type, the files declaring its named type and each named type or alias its
	// embedded fields reach, at any depth ("" when unknown): another build of their packages may give it more methods.
	// By ID of an asserted interface: the files declaring it (named, or an alias) and each named interface or alias
	// it embeds, at any depth: another build may declare them otherwise, with other methods.
	Origins map[int][]string `json:"origins"`
}

// boxes describes, inside the requested ranges: the type of each `x`, `&x` and composite literal of a
// concrete type without type parameters, and of each type a type assertion or a type switch case names; which of
// those concrete types implement which of those interfaces; every steady constant's value; the
// fields of positional struct literal elements; the kind of each composite literal.
func (c *checked) boxes(ranges map[string][][2]int) boxFacts {
	facts := boxFacts{Types: map[string][]typeKey{}, Values: map[string][]constText{}, Fields: map[string][]fieldOf{},
		Literals: map[string][]constText{}, Bytes: map[string][]constText{}, Boxed: map[string][]typeKey{},
		Predeclared: map[string][][2]int{}, Printed: map[string][][2]int{}, Selected: map[string][]selected{},
		Named: map[string][]namedOperand{}}
	var seen []types.Type
	steady := map[types.Object]bool{} // names steadyOperand found steady
	id := func(t types.Type) int {
		for i, s := range seen {
			if types.Identical(s, t) {
				return i
			}
		}
		seen = append(seen, t)
		return len(seen) - 1
	}
	concrete, asserted := map[int]types.Type{}, map[int]*types.Interface{}
	for _, f := range c.files {
		tf := c.fset.File(f.Pos())
		spans, ok := ranges[tf.Name()]
		if !ok {
			continue
		}
		keys, values, fields, literals, bytes := []typeKey{}, []constText{}, []fieldOf{}, []constText{}, []constText{}
		boxed, predeclared, printed, chains := []typeKey{}, [][2]int{}, [][2]int{}, []selected{}
		named := []namedOperand{}
		key := func(e ast.Expr, t types.Type) {
			if t == nil || hasTypeParam(t) {
				return
			}
			n := id(t)
			if i, ok := t.Underlying().(*types.Interface); ok {
				asserted[n] = i
			} else {
				concrete[n] = t
			}
			keys = append(keys, typeKey{tf.Offset(e.Pos()), tf.Offset(e.End()), n})
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || !overlaps(spans, tf.Offset(n.Pos()), tf.Offset(n.End())) {
				return false
			}
			if !inside(spans, tf.Offset(n.Pos())) {
				return true
			}
			switch n := n.(type) {
			case *ast.Ident:
				if v, ok := c.info.ObjectOf(n).(*types.Var); ok && !types.IsInterface(v.Type()) {
					key(n, v.Type())
				}
			case *ast.UnaryExpr:
				if t := c.info.TypeOf(n); n.Op == token.AND && t != nil && !types.IsInterface(t) {
					key(n, t)
				}
			case *ast.TypeAssertExpr:
				if n.Type != nil {
					key(n.Type, c.info.TypeOf(n.Type))
				}
			case *ast.TypeSwitchStmt:
				for _, clause := range n.Body.List {
					for _, e := range clause.(*ast.CaseClause).List {
						if c.info.Types[e].IsType() {
							key(e, c.info.TypeOf(e))
						}
					}
				}
			case *ast.CallExpr:
				for _, a := range c.fmtOperands(n) {
					if c.steadyOperand(a, steady) {
						printed = append(printed, [2]int{tf.Offset(a.Pos()), tf.Offset(a.End())})
					}
					if o, ok := c.namedBasic(a, tf); ok {
						named = append(named, o)
					}
					if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
						a = u.X
					}
					if indirect, ok := c.selection(a); ok {
						t := types.TypeString(c.info.TypeOf(a), nil)
						chains = append(chains, selected{tf.Offset(a.Pos()), tf.Offset(a.End()), t, indirect})
					}
				}
				if !c.perBuild && c.bytesConversion(n) && c.steadyOperand(n.Args[0], steady) {
					bytes = append(bytes, constText{tf.Offset(n.Pos()), tf.Offset(n.End()), "string"})
				}
			case *ast.CompositeLit:
				if t := c.info.TypeOf(n); t != nil && !types.IsInterface(t) {
					key(n, t) // a value a literal boxes as it builds: `[]Handler{trim{}, &lo}`
				}
				fields = append(fields, c.positional(tf.Offset, n)...)
				if kind := literalKind(c.info.TypeOf(n)); kind != "" {
					literals = append(literals, constText{tf.Offset(n.Pos()), tf.Offset(n.End()), kind})
				}
			}
			if e, ok := n.(ast.Expr); ok {
				if v := c.info.Types[e].Value; v != nil && c.steady(e) {
					text := fmt.Sprintf("%d:%s", v.Kind(), v.ExactString())
					values = append(values, constText{tf.Offset(e.Pos()), tf.Offset(e.End()), text})
					t := c.info.TypeOf(e) // a named type's constant boxes as that type: `Descending` as a SortOrder
					if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsUntyped == 0 {
						boxed = append(boxed, typeKey{tf.Offset(e.Pos()), tf.Offset(e.End()), id(t)})
						if _, ok := types.Unalias(t).(*types.Basic); ok {
							predeclared = append(predeclared, [2]int{tf.Offset(e.Pos()), tf.Offset(e.End())})
						}
					}
				}
			}
			return true
		})
		facts.Types[tf.Name()], facts.Values[tf.Name()], facts.Fields[tf.Name()] = keys, values, fields
		facts.Literals[tf.Name()], facts.Bytes[tf.Name()], facts.Boxed[tf.Name()] = literals, bytes, boxed
		facts.Predeclared[tf.Name()], facts.Printed[tf.Name()], facts.Selected[tf.Name()] = predeclared, printed, chains
		facts.Named[tf.Name()] = named
	}
	facts.Methods, facts.Wants, facts.Origins = map[int]map[string][]string{}, map[int][]string{}, map[int][]string{}
	for ci, ct := range concrete {
		facts.Methods[ci], facts.Origins[ci] = c.methodFiles(ct), c.typeOrigins(ct, map[types.Type]bool{})
	}
	for ii, it := range asserted {
		facts.Origins[ii] = c.typeOrigins(seen[ii], map[types.Type]bool{})
		for i := 0; i < it.NumMethods(); i++ {
			facts.Wants[ii] = append(facts.Wants[ii], it.Method(i).Id())
		}
	}
	for ci, ct := range concrete {
		for ii, it := range asserted {
			if types.Implements(ct, it) {
				facts.Implements = append(facts.Implements, [2]int{ci, ii})
			}
		}
	}
	return facts
}

// methodFiles: each method of t's method set by Id, with the files of this package whose declarations give t the
// method: the method's, and each named type's an embedding path passes through ("" when unknown).
func (c *checked) methodFiles(t types.Type) map[string][]string {
	found := map[string][]string{}
	set := types.NewMethodSet(t)
	for i := 0; i < set.Len(); i++ {
		sel := set.At(i)
		files := []string{c.declaredIn(sel.Obj())}
		cur := t
		for _, at := range sel.Index()[:len(sel.Index())-1] {
			if p, ok := cur.Underlying().(*types.Pointer); ok {
				cur = p.Elem()
			}
			if n, ok := types.Unalias(cur).(*types.Named); ok {
				files = append(files, c.declaredIn(n.Obj()))
			}
			s, ok := cur.Underlying().(*types.Struct)
			if !ok {
				files = append(files, "")
				break
			}
			cur = s.Field(at).Type()
		}
		found[sel.Obj().Id()] = files
	}
	return found
}

// literalDecl: is the named type, if a struct or interface, declared by a type literal (`type Sink struct{…}`), not
// from another named type (`type Sink inner`, whose struct go/types gives but whose declaration it does not)?
func (c *checked) literalDecl(n *types.Named, file string) bool {
	switch n.Underlying().(type) {
	case *types.Struct, *types.Interface:
	default:
		return true // no embedded field or interface promotes a method to it
	}
	var spec *ast.TypeSpec
	if n.Obj().Pkg() == c.pkg {
		spec = c.typeSpec(n.Obj())
	} else {
		spec, _ = c.declaration(n.Obj(), file).(*ast.TypeSpec)
	}
	if spec == nil {
		return false
	}
	switch ast.Unparen(spec.Type).(type) {
	case *ast.StructType, *ast.InterfaceType:
		return true
	}
	return false
}

// parsedFile: another package's file declaration read (nil file: unreadable, or not Go).
type parsedFile struct {
	fset *token.FileSet
	file *ast.File
}

// declaration: the type spec, func decl or field of file that declares another package's obj on the line export data
// places it at, nil when none does (a //line directive of a file some build leaves out may name one every build has).
func (c *checked) declaration(obj types.Object, file string) ast.Node {
	at := c.fset.Position(obj.Pos())
	read, done := c.read[file]
	if !done && file != "" {
		read.fset = token.NewFileSet()
		read.file, _ = parser.ParseFile(read.fset, file, nil, parser.SkipObjectResolution)
		c.read[file] = read
	}
	fset, f := read.fset, read.file
	if f == nil {
		return nil
	}
	var found ast.Node
	here := func(id *ast.Ident) bool {
		p := fset.Position(id.Pos())
		return id.Name == obj.Name() && p.Line == at.Line // export data keeps no column
	}
	ast.Inspect(f, func(node ast.Node) bool {
		switch d := node.(type) {
		case *ast.TypeSpec:
			if here(d.Name) {
				found = d
			}
		case *ast.FuncDecl:
			if here(d.Name) {
				found = d
			}
		case *ast.Field:
			for _, name := range d.Names {
				if here(name) {
					found = d
				}
			}
		}
		return found == nil
	})
	return found
}

// typeOrigins: the files declaring t's named type or alias and each named type or alias its embedded fields, or an
// interface's embedded types, reach (through pointers, structs and interfaces, at any depth), whose packages'
// declarations give t its methods; "" when unknown; none for Go's universe (`error`: one in every build). Never nil.
func (c *checked) typeOrigins(t types.Type, seen map[types.Type]bool) []string {
	files := []string{}
	for a, ok := t.(*types.Alias); ok; a, ok = t.(*types.Alias) { // `type E = dep.Sink`: E may differ per build
		rhs, known := any(a).(interface{ Rhs() types.Type }) // go1.23's
		if a.Obj().Pkg() != nil {
			files = append(files, c.declaredIn(a.Obj()))
		}
		if !known {
			return append(files, "")
		}
		t = rhs.Rhs()
	}
	if p, ok := t.(*types.Pointer); ok {
		return append(files, c.typeOrigins(p.Elem(), seen)...)
	}
	if seen[t] {
		return files
	}
	seen[t] = true
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		file := c.declaredIn(n.Obj())
		files = append(files, file)
		if !c.literalDecl(n, file) { // `type Sink inner`: inner's underlying, which another build may declare otherwise
			return append(files, "")
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if u.Field(i).Embedded() {
				files = append(files, c.typeOrigins(u.Field(i).Type(), seen)...)
			}
		}
	case *types.Interface:
		for i := 0; i < u.NumEmbeddeds(); i++ {
			files = append(files, c.typeOrigins(u.EmbeddedType(i), seen)...)
		}
	}
	return files
}

// declaredIn: the file declaring obj (another package's as its export data names it); "" when unknown (cgo's).
func (c *checked) declaredIn(obj types.Object) string {
	if !obj.Pos().IsValid() {
		return ""
	}
	if obj.Pkg() != c.pkg { // export data's file (std's under "$GOROOT"), in the directory go list gives the import
		file := filepath.FromSlash(c.fset.Position(obj.Pos()).Filename)
		dir, ok := c.importedDir(obj)
		if rest, std := strings.CutPrefix(file, "$GOROOT"); std {
			// not build.Default.GOROOT: the helper is built once and serves every toolchain of the release
			if !ok || !strings.HasSuffix(dir, filepath.Dir(rest)) {
				return ""
			}
			return filepath.Join(dir, filepath.Base(rest))
		}
		if !ok || filepath.Dir(file) != filepath.Clean(dir) { // a //line directive's file, or an unlisted import
			return ""
		}
		if c.declaration(obj, file) == nil { // a //line directive naming a file beside its own
			return ""
		}
		return file
	}
	file, _, ok := c.origins.offset(obj.Pos(), obj.Name())
	if !ok {
		return ""
	}
	return file
}

// literalKind: what a composite literal of type t builds, from t's underlying type; "" when unknown.
func literalKind(t types.Type) string {
	if t == nil || hasTypeParam(t) {
		return ""
	}
	switch t.Underlying().(type) {
	case *types.Map:
		return "map"
	case *types.Struct:
		return "struct"
	case *types.Slice:
		return "slice"
	case *types.Array:
		return "array"
	}
	return ""
}

// positional: the fields the elements of a struct literal without keys initialise, in order.
func (c *checked) positional(offset func(p token.Pos) int, lit *ast.CompositeLit) []fieldOf {
	t := c.info.TypeOf(lit)
	if t == nil || len(lit.Elts) == 0 || hasTypeParam(t) {
		return nil
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || s.NumFields() != len(lit.Elts) {
		return nil
	}
	embedded := false
	for i := 0; i < s.NumFields(); i++ {
		embedded = embedded || s.Field(i).Embedded()
	}
	var found []fieldOf
	for i, e := range lit.Elts {
		if _, keyed := e.(*ast.KeyValueExpr); keyed {
			return nil
		}
		v := s.Field(i)
		found = append(found, fieldOf{offset(e.Pos()), offset(e.End()), v.Name(), isInterface(v), embedded})
	}
	return found
}

// fmtOperands: the arguments of a call of one of fmt's functions, the writer's too (steadyOperand judges
// each in any package: a name it depends on that a file only some builds compile declares is not steady).
func (c *checked) fmtOperands(call *ast.CallExpr) []ast.Expr {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if fn, ok := c.info.Uses[sel.Sel].(*types.Func); !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" {
		return nil
	}
	return call.Args
}

// selection reports whether e selects a field of a variable through fields alone (`l.From`, `g.buf`, `l.At.loc`),
// and whether a pointer lies on the way (Selection.Indirect of any link: `g` a pointer, or an embedded one). A
// qualified name (`pkg.Var`) is no selection; a selection's root identifier is a variable's, the one value a name
// of struct type can be. Parentheses end the chain (`(l).From`, `&(g.buf)` decline): `(*h).Name` selects with no
// Selection.Indirect through a pointer h that may be nil, and any other root but a name may panic or run code.
func (c *checked) selection(e ast.Expr) (indirect, ok bool) {
	sel, isSel := e.(*ast.SelectorExpr)
	if !isSel || c.info.Selections[sel] == nil {
		return false, false
	}
	if _, isIdent := sel.X.(*ast.Ident); isIdent {
		return c.info.Selections[sel].Indirect(), true
	}
	inner, ok := c.selection(sel.X)
	return inner || c.info.Selections[sel].Indirect(), ok
}

// bytesConversion reports whether the call converts a string or a slice of bytes to the predeclared string:
// "Converting a slice of bytes to a string type yields a string whose successive bytes are the elements of the
// slice" (the spec), so its len is len(x). Not a slice of runes (a rune is 1 to 4 bytes, an invalid one
// "\uFFFD"'s 3), nor an integer's rune, nor an operand of a named type. boxes asks only in a package with no
// file of its own only some builds compile, of an operand whose type holds in every build (steadyOperand): an
// operand declared per build may be a []rune there.
func (c *checked) bytesConversion(call *ast.CallExpr) bool {
	tv, ok := c.info.Types[call.Fun]
	if !ok || !tv.IsType() || tv.Type != types.Typ[types.String] || len(call.Args) != 1 {
		return false
	}
	switch t := c.info.TypeOf(call.Args[0]).(type) {
	case *types.Basic:
		return t.Info()&types.IsString != 0
	case *types.Slice:
		elem, ok := t.Elem().(*types.Basic) // byte is the universe's alias of uint8: a Basic of kind Uint8
		return ok && elem.Kind() == types.Uint8
	}
	return false
}
