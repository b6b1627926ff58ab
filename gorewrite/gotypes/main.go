// Command gotypes tells gorewrite what go/types knows about identifiers, so rules
// that must name a type or tell a write from a read never guess from syntax.
//
// It reads JSON requests on stdin, one package each, and writes one JSON response
// per request on stdout, a line each: {"idents": {file: [record, ...]}} or
// {"error": "..."}. One process serves a whole run. A package that does not
// type-check, or input it cannot handle, yields an error, never a crash.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"strings"
)

type request struct {
	ImportPath string              `json:"import_path"`
	Files      []string            `json:"files"`
	Export     map[string]string   `json:"export"`     // resolved import path -> export data file
	ImportMap  map[string]string   `json:"import_map"` // import path in source -> resolved path
	GoArch     string              `json:"goarch"`
	GoVersion  string              `json:"go_version"` // "go1.22": the module's language version
	Ranges     map[string][][2]int `json:"ranges"`     // file -> byte ranges whose identifiers to describe
	Sources    []string            `json:"sources"`    // the package's own files, when Files are cgo-processed
	Std        []string            `json:"std"`        // the resolved import paths of Export that go list calls std's
	Dirs       map[string]string   `json:"dirs"`       // resolved import path -> its directory, as go list gives it
	Declared   []string            `json:"declared"`   // files of the directory whose package-level names to say
}

type record struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Name  string  `json:"name"`
	Obj   *string `json:"obj"`
	Kind  string  `json:"kind"`
	Local bool    `json:"local"`
	Type  *string `json:"type"`
	Iface bool    `json:"iface"`
	Size  *int64  `json:"size"` // bytes of the type a type name names, or of a variable's type, for GOARCH; nil when generic
	// A variable's type's bytes in its widest instantiation, for GOARCH and every 64-bit one (widest.go); nil
	// when its type parameters' constraints set no bound
	Widest *int64 `json:"widest,omitempty"`
	Use    string `json:"use"`
	// For retention (which callee keeps what): a func's or method's package path and, for a
	// method, its receiver's named type ("" for an interface method); a variable's type as
	// "path.Name" or "*path.Name" when it is a (pointer to a) named type, and the type a type name names.
	Pkg   *string `json:"pkg,omitempty"`
	Recv  *string `json:"recv,omitempty"`
	Named *string `json:"named,omitempty"`
	// A variable's type by its underlying type: "slice", "array" or "string", a sequence, where that
	// is its type or its named type's (or alias's) underlying one (`type Frame []byte`, `type Vec[T
	// any] = []T`), or "struct" (a struct value, whose fields are its own storage).
	Shape *string `json:"shape,omitempty"`
	// A field selected through a pointer (`hp.Len`, or `h.Len` promoted through an embedded `*inner`):
	// it lives in storage that other aliases reach, not in the operand's own.
	Indirect bool `json:"indirect,omitempty"`
	// A field or method selected through an embedded field (`s.wg` of a wg declared in an embedded
	// struct): its storage is reached by a path the operand's own type does not spell.
	Promoted bool `json:"promoted,omitempty"`
	// A variable's type holds a lock by go vet's copylocks (locks.go): the path to it, as vet prints it.
	Lock *string `json:"lock,omitempty"`
	// A variable's type: what encoding/json may hand the input bytes to when it decodes into it (decoders.go).
	Decodes *string `json:"decodes,omitempty"`
	// A variable's type, or the type a type name names: what encoding/xml's Encoder may hand itself to when it
	// encodes a value of it (decoders.go's encoders).
	Encodes *string `json:"encodes,omitempty"`
}

type response struct {
	Idents    map[string][]record   `json:"idents"`
	Constants map[string][]intConst `json:"constants"`
	Integers  map[string][]intType  `json:"integers"`
	Lengths   map[string][]intConst `json:"lengths"`
	Error     string                `json:"error,omitempty"`
	// Declared: each requested file's package-level names as go/parser reads it (not methods); null when it
	// cannot parse it (steady.go's declaredNames)
	Declared map[string][]string `json:"declared"`
	boxFacts                     // boxes.go
}

func main() {
	in, out := json.NewDecoder(os.Stdin), json.NewEncoder(os.Stdout)
	for {
		var req request
		err := in.Decode(&req)
		if err == io.EOF {
			return
		}
		if err != nil { // the stream is out of step: answer and stop
			out.Encode(response{Error: "gotypes: bad request: " + err.Error()})
			os.Exit(1)
		}
		if err := out.Encode(run(req)); err != nil {
			os.Exit(1)
		}
	}
}

func run(req request) (resp response) {
	defer func() {
		if r := recover(); r != nil {
			resp = response{Error: fmt.Sprintf("gotypes: internal error: %v", r)}
		}
	}()
	c, err := check(req)
	if err != nil {
		return response{Error: err.Error()}
	}
	constants, integers, lengths := c.expressions(req.Ranges)
	return response{
		Idents: c.describe(req.Ranges), Constants: constants, Integers: integers, Lengths: lengths, boxFacts: c.boxes(req.Ranges),
		Declared: fileNames(req.Declared),
	}
}

// fileNames: each file's package-level names by go/parser (tree-sitter-go 0.25 cannot parse go1.26's new(expr)).
func fileNames(paths []string) map[string][]string {
	found := map[string][]string{}
	for _, path := range paths {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			found[path] = nil
			continue
		}
		names := map[string]bool{}
		for _, decl := range f.Decls {
			declaredNames(decl, names)
		}
		found[path] = []string{}
		for name := range names {
			found[path] = append(found[path], name)
		}
	}
	return found
}

// checked is a type-checked package plus the facts go/types leaves implicit.
type checked struct {
	fset     *token.FileSet
	pkg      *types.Package
	info     *types.Info
	files    []*ast.File
	params   map[types.Object]string // "param" or "result" of a func decl or literal
	funcs    []ast.Node              // func decls and literals: what is declared inside is local
	generic  []ast.Node              // func decls with type parameters in scope
	declName map[token.Pos]bool      // where func decls name a func or method (of any instance)
	sizes    types.Sizes
	origins  *origins                       // maps cgo-processed files back to the package's own
	specs    map[types.Object]*ast.TypeSpec // the package's type declarations, by object (typeSpec)
	consts   map[types.Object]ast.Expr      // the package's constants' expressions (constExpr)
	arrays   map[int64][]spelling           // the array types the package spells, by length (steadyLength)
	perBuild bool                           // the package's directory has files only some builds compile (steady.go)
	methods  map[string]bool                // methods declared in per-build files (perBuildMethods)
	home     *token.File                    // the file of the operand steadyOperand walks (declared.go)
	homeUsed bool                           // whether its walk relied on a name declared in home only some builds compile
	dir      string                         // the package's directory
	std      map[string]bool                // the imports go list calls std's (isStd)
	dirs     map[string]string              // the imports' directories (importedDir)
	names    map[string]bool                // the top-level names its files declare, every build's (redeclared)
	carried  map[*types.Array][2]bool       // sources' answers, by array type
	locks    map[types.Type]*string         // lockPath's answers, by type
	decoded  map[types.Type]*string         // decoders' answers, by type
	encoded  map[types.Type]*string         // encoders' answers, by type
	read     map[string]parsedFile          // other packages' files declaration parsed, by path (this request's)
	declared map[token.Pos][]ast.Node       // what gives each name the package declares its type (declarations)
}

// exportImporter maps source import paths to resolved ones (vendoring) before reading export data.
type exportImporter struct {
	gc        types.Importer
	importMap map[string]string
}

func (im exportImporter) Import(path string) (*types.Package, error) {
	if resolved, ok := im.importMap[path]; ok {
		path = resolved
	}
	return im.gc.Import(path)
}

func check(req request) (*checked, error) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range req.Files {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, spec := range f.Imports {
			if spec.Path.Value == `"C"` {
				return nil, fmt.Errorf("%s uses cgo: not type-checked", name)
			}
		}
		files = append(files, f)
	}
	sizes := types.SizesFor("gc", req.GoArch)
	if sizes == nil {
		return nil, fmt.Errorf("unknown GOARCH %q", req.GoArch)
	}
	lookup := func(path string) (io.ReadCloser, error) {
		file, ok := req.Export[path]
		if !ok || file == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(file)
	}
	var errs []string
	conf := types.Config{
		GoVersion: req.GoVersion,
		Importer:  exportImporter{importer.ForCompiler(fset, "gc", lookup), req.ImportMap},
		Sizes:     sizes,
		Error:     func(err error) { errs = append(errs, err.Error()) },
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	pkg, _ := conf.Check(req.ImportPath, fset, files, info)
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s does not type-check: %s", req.ImportPath, strings.Join(errs[:min(len(errs), 3)], "; "))
	}
	c := &checked{fset: fset, pkg: pkg, info: info, files: files,
		params: map[types.Object]string{}, declName: map[token.Pos]bool{}, sizes: sizes,
		origins: newOrigins(fset, req.Files, req.Sources), carried: map[*types.Array][2]bool{},
		locks: map[types.Type]*string{}, decoded: map[types.Type]*string{}, encoded: map[types.Type]*string{}, std: map[string]bool{}, dirs: req.Dirs, read: map[string]parsedFile{}}
	for _, path := range req.Std {
		c.std[path] = true
	}
	c.stdDeps(pkg)
	// cgo-processed files (not the package's own) or a directory with files only some builds compile
	if len(req.Sources) > 0 {
		c.dir = filepath.Dir(req.Sources[0])
	}
	c.perBuild = len(c.origins.processed) > 0 || c.dir == "" || dirPerBuild(c.dir)
	for _, f := range files {
		ast.Inspect(f, c.collectFunc)
	}
	return c, nil
}

// collectFunc records the parameter kinds and extents of functions.
func (c *checked) collectFunc(n ast.Node) bool {
	switch fn := n.(type) {
	case *ast.FuncDecl:
		c.funcs = append(c.funcs, fn)
		c.declName[fn.Name.Pos()] = true
		if f, ok := c.info.Defs[fn.Name].(*types.Func); ok {
			sig := f.Type().(*types.Signature)
			if sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 {
				c.generic = append(c.generic, fn)
			}
		}
		c.fieldKinds(fn.Recv, "param")
		c.fieldKinds(fn.Type.Params, "param")
		c.fieldKinds(fn.Type.Results, "result")
	case *ast.FuncLit:
		c.funcs = append(c.funcs, fn)
		c.fieldKinds(fn.Type.Params, "param")
		c.fieldKinds(fn.Type.Results, "result")
	}
	return true
}

func (c *checked) fieldKinds(fields *ast.FieldList, kind string) {
	if fields == nil {
		return
	}
	for _, field := range fields.List {
		for _, name := range field.Names {
			if obj := c.info.Defs[name]; obj != nil {
				c.params[obj] = kind
			}
		}
	}
}

// describe makes one record per identifier that starts inside a requested range.
func (c *checked) describe(ranges map[string][][2]int) map[string][]record {
	out := map[string][]record{}
	for _, f := range c.files {
		tf := c.fset.File(f.Pos())
		name := c.origins.name(f)
		spans, ok := ranges[name]
		if !ok {
			continue
		}
		names := c.importNames(f)
		recs := []record{}
		var stack []ast.Node // ancestors of the node being visited
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
			if name == tf.Name() && !overlaps(spans, start, end) {
				return false // a cgo-processed file's offsets are not the source's: visit it all
			}
			if id, ok := n.(*ast.Ident); ok {
				if _, offset, ok := c.origins.offset(id.Pos(), id.Name); ok && inside(spans, offset) {
					if rec, ok := c.record(id, stack, names); ok {
						recs = append(recs, rec)
					}
				}
			}
			stack = append(stack, n)
			return true
		})
		out[name] = append(out[name], recs...)
	}
	return out
}

func overlaps(spans [][2]int, start, end int) bool {
	for _, s := range spans {
		if start < s[1] && s[0] < end {
			return true
		}
	}
	return false
}

func inside(spans [][2]int, offset int) bool {
	for _, s := range spans {
		if s[0] <= offset && offset < s[1] {
			return true
		}
	}
	return false
}

func (c *checked) record(id *ast.Ident, stack []ast.Node, names map[*types.Package]string) (record, bool) {
	_, offset, ok := c.origins.offset(id.Pos(), id.Name)
	if !ok {
		return record{}, false // in a cgo-processed file, not where cgo's //line directives say
	}
	rec := record{Start: offset, End: offset + len(id.Name), Name: id.Name, Use: "decl"}
	obj := c.info.Defs[id]
	if obj == nil {
		if isTypeSwitchVar(id, stack) {
			// One object per case clause, all declared at this identifier; each has its own type.
			rec.Obj, rec.Kind, rec.Local = c.objID(id.Pos(), id.Name), "var", true
			return rec, true
		}
		obj = c.info.Uses[id]
		rec.Use = use(c.info, id, stack)
	}
	if obj == nil {
		return rec, false
	}
	rec.Kind = c.kind(obj)
	if obj.Pkg() == c.pkg {
		rec.Obj = c.objID(obj.Pos(), obj.Name())
		rec.Local = c.local(obj)
	}
	rec.Type = c.typeString(obj, id.Pos(), names)
	rec.Iface = isInterface(obj)
	rec.Pkg, rec.Recv, rec.Named = callee(obj)
	if v, ok := obj.(*types.Var); ok {
		rec.Shape = shapeOf(v.Type())
		rec.Lock = c.lockPath(v.Type())
		rec.Decodes = c.decoders(v.Type())
		rec.Encodes = c.encoders(v.Type())
	}
	if sel, ok := stack[len(stack)-1].(*ast.SelectorExpr); ok && sel.Sel == id {
		s := c.info.Selections[sel]
		rec.Indirect = s != nil && s.Kind() == types.FieldVal && s.Indirect()
		rec.Promoted = s != nil && len(s.Index()) > 1
	}
	// A type declared in a generic function may use its type parameters (net's doBlockingWithCtx).
	if tn, ok := obj.(*types.TypeName); ok && !within(c.generic, tn.Pos()) {
		t := tn.Type()
		if inst, ok := c.info.Instances[id]; ok {
			t = inst.Type // a generic type's name with its type arguments (Pair[string, int]): that instance
		}
		if !hasTypeParam(t) {
			size := c.sizes.Sizeof(t)
			rec.Size = &size
			rec.Lock = c.lockPath(t) // a copy of a `&T{…}` literal's value (closure) copies its locks
		}
		rec.Encodes = c.encoders(t) // a `T{…}` literal encoded

	}
	// A closure captures a variable wider than 128 bytes by reference, copy or not (closure); a field's
	// size bounds a copy of what a pointer to it points to.
	if v, ok := obj.(*types.Var); ok && !hasTypeParam(v.Type()) && !within(c.generic, v.Pos()) {
		size := c.sizes.Sizeof(v.Type())
		rec.Size = &size
	}
	if v, ok := obj.(*types.Var); ok {
		rec.Widest = c.widest(v.Type())
	}
	return rec, true
}

// shapeOf says which sequence, a map, a struct or a pointer t is by its underlying type, go/types' answer: a type
// parameter's underlying type is its constraint, a string or a slice only where every type its
// constraint permits is one (typeParamShape).
func shapeOf(t types.Type) *string {
	var s string
	if p, ok := t.(*types.TypeParam); ok {
		s = typeParamShape(p.Constraint())
		if s == "" {
			return nil
		}
		return &s
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		s = "struct"
	case *types.Slice:
		s = "slice"
	case *types.Array:
		s = "array"
	case *types.Map:
		s = "map"
	case *types.Pointer:
		s = "pointer"
	case *types.Basic:
		if u.Info()&types.IsString == 0 {
			return nil
		}
		s = "string"
	default:
		return nil
	}
	return &s
}

// callee names a func or method by package path and receiver type (for an interface method, the
// named interface declaring it), and a variable's (pointer to a) named type by package path, so
// gorewrite can look up what the compiler said of them.
func callee(obj types.Object) (pkg, recv, named *string) {
	switch obj := obj.(type) {
	case *types.Func:
		if obj.Pkg() == nil {
			return nil, nil, nil
		}
		path := obj.Pkg().Path()
		sig := obj.Type().(*types.Signature)
		if sig.Recv() == nil {
			return &path, nil, nil
		}
		t := types.Unalias(sig.Recv().Type())
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
		name := ""
		if n, ok := t.(*types.Named); ok && !types.IsInterface(n) {
			name = n.Obj().Name()
		} else if ok && n.Obj().Pkg() != nil {
			// An interface method: the interface that declares it, through any embedding (io.ReadWriter's
			// Write is io.Writer's), so a contract is found by identity, not by the method's shape.
			s := n.Obj().Pkg().Path() + "." + n.Obj().Name()
			return &path, &name, &s
		}
		return &path, &name, nil
	case *types.TypeName:
		if n, ok := types.Unalias(obj.Type()).(*types.Named); ok && n.Obj().Pkg() != nil && n.TypeParams().Len() == 0 {
			s := n.Obj().Pkg().Path() + "." + n.Obj().Name()
			return nil, nil, &s
		}
	case *types.Var:
		t, star := types.Unalias(obj.Type()), ""
		if p, ok := t.(*types.Pointer); ok {
			t, star = types.Unalias(p.Elem()), "*"
		}
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && n.TypeArgs().Len() == 0 {
			s := star + n.Obj().Pkg().Path() + "." + n.Obj().Name()
			return nil, nil, &s
		}
	}
	return nil, nil, nil
}

// isInterface: the object's type (for a type name, the type it names) is an interface
// type, not a type parameter, whose constraint is an interface too.
func isInterface(obj types.Object) bool {
	switch obj.(type) {
	case *types.Var, *types.TypeName, *types.Const:
	default:
		return false
	}
	t := types.Unalias(obj.Type())
	if _, ok := t.(*types.TypeParam); ok {
		return false
	}
	_, ok := t.Underlying().(*types.Interface)
	return ok
}

func isTypeSwitchVar(id *ast.Ident, stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	assign, ok := stack[len(stack)-1].(*ast.AssignStmt)
	ts, ok2 := stack[len(stack)-2].(*ast.TypeSwitchStmt)
	return ok && ok2 && ts.Assign == assign && len(assign.Lhs) == 1 && assign.Lhs[0] == id
}

func (c *checked) objID(pos token.Pos, name string) *string {
	if !pos.IsValid() {
		return nil
	}
	file, offset, ok := c.origins.offset(pos, name)
	if !ok { // declared by cgo itself (_Ctype_int): the processed file's own position is unique too
		p := c.fset.PositionFor(pos, false)
		file, offset = p.Filename, p.Offset
	}
	id := fmt.Sprintf("%s:%d", file, offset)
	return &id
}

func (c *checked) kind(obj types.Object) string {
	switch obj := obj.(type) {
	case *types.Var:
		if obj.IsField() {
			return "field"
		}
		if kind, ok := c.params[obj]; ok {
			return kind
		}
		return "var"
	case *types.Func:
		if obj.Type().(*types.Signature).Recv() != nil {
			return "method"
		}
		return "func"
	case *types.Const:
		return "const"
	case *types.TypeName:
		return "type"
	case *types.PkgName:
		return "pkgname"
	case *types.Builtin:
		return "builtin"
	case *types.Nil:
		return "nil"
	case *types.Label:
		return "label"
	}
	return "unknown"
}

// local: declared inside a func decl or literal, other than the func or method a decl names.
func (c *checked) local(obj types.Object) bool {
	return !c.declName[obj.Pos()] && within(c.funcs, obj.Pos())
}

func within(nodes []ast.Node, pos token.Pos) bool {
	for _, n := range nodes {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}

// importNames maps each package the file imports under a usable name to that name.
func (c *checked) importNames(f *ast.File) map[*types.Package]string {
	names := map[*types.Package]string{}
	for _, spec := range f.Imports {
		obj := c.info.Implicits[spec]
		if spec.Name != nil {
			obj = c.info.Defs[spec.Name]
		}
		if pn, ok := obj.(*types.PkgName); ok && pn.Name() != "_" && pn.Name() != "." {
			names[pn.Imported()] = pn.Name()
		}
	}
	return names
}

// typeString writes obj's type as Go source valid at pos, or nil. The string is
// proven by evaluating it at pos and comparing the result with the type itself,
// which catches shadowed names, unexported names and fields of other packages.
func (c *checked) typeString(obj types.Object, pos token.Pos, names map[*types.Package]string) *string {
	switch obj.(type) {
	case *types.PkgName, *types.Builtin, *types.Nil, *types.Label:
		return nil
	}
	t := obj.Type()
	if within(c.generic, pos) || hasTypeParam(t) {
		return nil
	}
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p == c.pkg {
			return ""
		}
		name, found := names[p]
		ok = ok && found
		return name
	})
	if !ok || cgoInternal(s) {
		return nil
	}
	expr, err := parser.ParseExpr(s)
	if err != nil {
		return nil
	}
	got := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	if err := types.CheckExpr(c.fset, c.pkg, pos, expr, got); err != nil {
		return nil
	}
	if tv := got.Types[expr]; !tv.IsType() || !types.Identical(tv.Type, t) {
		return nil
	}
	return &s
}

// hasTypeParam reports whether t mentions a type parameter or is a generic type or signature.
func hasTypeParam(t types.Type) bool {
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Map:
		return hasTypeParam(t.Key()) || hasTypeParam(t.Elem())
	case interface{ Elem() types.Type }: // pointer, slice, array, chan
		return hasTypeParam(t.Elem())
	case *types.Tuple:
		for i := range t.Len() {
			if hasTypeParam(t.At(i).Type()) {
				return true
			}
		}
	case *types.Signature:
		return t.TypeParams().Len() > 0 || t.RecvTypeParams().Len() > 0 ||
			hasTypeParam(t.Params()) || hasTypeParam(t.Results())
	case *types.Struct:
		for i := range t.NumFields() {
			if hasTypeParam(t.Field(i).Type()) {
				return true
			}
		}
	case *types.Interface:
		for i := range t.NumExplicitMethods() {
			if hasTypeParam(t.ExplicitMethod(i).Type()) {
				return true
			}
		}
		for i := range t.NumEmbeddeds() {
			if hasTypeParam(t.EmbeddedType(i)) {
				return true
			}
		}
	case *types.Union:
		for i := range t.Len() {
			if hasTypeParam(t.Term(i).Type()) {
				return true
			}
		}
	case *types.Named:
		return t.TypeParams().Len() > 0 && t.TypeArgs().Len() == 0 || hasTypeList(t.TypeArgs())
	case *types.Alias:
		return hasTypeParam(types.Unalias(t))
	}
	return false
}

func hasTypeList(list *types.TypeList) bool {
	for i := range list.Len() {
		if hasTypeParam(list.At(i)) {
			return true
		}
	}
	return false
}

// use says how the expression the identifier ends is used. Struct field selection
// and array indexing stay inside the variable's own storage, so writing to or
// taking the address of such a chain writes to or takes the address of its root.
func use(info *types.Info, id *ast.Ident, stack []ast.Node) string {
	var e ast.Expr = id
	i := len(stack) - 1
	if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
		e, i = sel, i-1
	}
	for ; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
		case *ast.SelectorExpr:
			sel := info.Selections[p]
			if sel == nil {
				return "read"
			}
			if sel.Kind() == types.MethodVal && pointerRecv(sel.Obj()) && !sel.Indirect() && !isPointer(info.TypeOf(e)) {
				return "addr" // implicit &e
			}
			if sel.Kind() != types.FieldVal || sel.Indirect() {
				return "read"
			}
		case *ast.IndexExpr:
			if p.X != e || !isArray(info.TypeOf(e)) {
				return "read"
			}
		case *ast.SliceExpr:
			if p.X == e && isArray(info.TypeOf(e)) {
				return "addr"
			}
			return "read"
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				return "addr"
			}
			return "read"
		case *ast.AssignStmt:
			for _, lhs := range p.Lhs {
				if lhs == e {
					return "write"
				}
			}
			return "read"
		case *ast.IncDecStmt:
			return "write"
		case *ast.RangeStmt:
			if p.Tok == token.ASSIGN && (p.Key == e || p.Value == e) {
				return "write"
			}
			return "read"
		default:
			return "read"
		}
		e = stack[i].(ast.Expr)
	}
	return "read"
}

func pointerRecv(obj types.Object) bool {
	recv := obj.Type().(*types.Signature).Recv()
	return recv != nil && isPointer(recv.Type())
}

func isPointer(t types.Type) bool { return is[*types.Pointer](t) }

// isArray reports whether t is an array, whose element or slice is the variable's own storage. A type
// parameter may be one (`A ~[4]int`: its Underlying is the constraint), so it counts as one: `a[0] = 1`
// is then a write of a and `a[:]` its address, which is only ever more cautious for a slice or map.
func isArray(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return true
	}
	return is[*types.Array](t)
}

// is reports whether t's underlying type is a T.
func is[T types.Type](t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(T)
	return ok
}

// intConst is an expression go/types evaluates to an integer, by its byte range.
type intConst struct {
	Start int   `json:"start"`
	End   int   `json:"end"`
	Value int64 `json:"value"`
}

// intType is an expression of an integer type, by its byte range, with the predeclared type that
// type is or has as its underlying type ("uint16" for a `type Len uint16` field, "uint8" for a byte).
type intType struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

// expressions lists what go/types knows of every expression inside a requested range: its value
// where it is an integer constant that fits in an int64 (named and typed constants, constants of
// other packages, `Max+1`, `2*Width`, `len` of an array, …: types.TypeAndValue.Value), and its
// integer type where it has one (integerType), and its length where its type or value fixes it (lengthOf)
// or a slice literal's elements do (sliceLiteralLength).
func (c *checked) expressions(ranges map[string][][2]int) (map[string][]intConst, map[string][]intType, map[string][]intConst) {
	constants, integers, lengths := map[string][]intConst{}, map[string][]intType{}, map[string][]intConst{}
	for _, f := range c.files {
		tf := c.fset.File(f.Pos())
		spans, ok := ranges[tf.Name()]
		if !ok {
			continue
		}
		values, kinds, sizes := []intConst{}, []intType{}, []intConst{}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
			if !overlaps(spans, start, end) {
				return false
			}
			if e, ok := n.(ast.Expr); ok && inside(spans, start) {
				if v, ok := intValue(c.info.Types[e].Value); ok && c.steady(e) {
					values = append(values, intConst{start, end, v})
				}
				if name, ok := integerType(c.info.TypeOf(e)); ok && c.portable(c.info.TypeOf(e)) {
					kinds = append(kinds, intType{start, end, name})
				}
				if n, ok := lengthOf(c.info.Types[e]); ok && c.steadyLengthOf(e) {
					sizes = append(sizes, intConst{start, end, n})
				} else if n, ok := c.sliceLiteralLength(e); ok {
					sizes = append(sizes, intConst{start, end, n})
				}
			}
			return true
		})
		constants[tf.Name()], integers[tf.Name()], lengths[tf.Name()] = values, kinds, sizes
	}
	return constants, integers, lengths
}

// lengthOf is len(e) where e's type or value fixes it for every evaluation: an array or a pointer
// to one (by the array type's length, go/types' answer, a named `type Block [512]byte` too), or a
// constant string. A type parameter's underlying type is its constraint: none.
func lengthOf(tv types.TypeAndValue) (int64, bool) {
	if tv.Value != nil && tv.Value.Kind() == constant.String {
		return int64(len(constant.StringVal(tv.Value))), true
	}
	if tv.Type == nil {
		return 0, false
	}
	t := tv.Type.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	if a, ok := t.(*types.Array); ok && !hasTypeParam(tv.Type) {
		return a.Len(), true
	}
	return 0, false
}

// sliceLiteralLength is len of a composite literal of a slice type (through parentheses), which its
// elements fix: the largest index plus one, an element's index its constant key (steady) or the
// previous index plus one (`[]T{a, b}`: 2, `[]T{5: x}`: 6, `(Pair{a, b})` of a `type Pair []string`:
// 2). The type is a slice by go/types' underlying type, and by a spelling no build can make an
// array (sliceSpelled): `type Pair [3]string` in another build's file would give 3.
func (c *checked) sliceLiteralLength(e ast.Expr) (int64, bool) {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok || lit.Type == nil || c.info.TypeOf(lit) == nil {
		return 0, false
	}
	if _, slice := c.info.TypeOf(lit).Underlying().(*types.Slice); !slice || !c.sliceSpelled(lit.Type, 0) {
		return 0, false
	}
	var index, length int64 = -1, 0
	for _, elt := range lit.Elts {
		index++
		if kv, keyed := elt.(*ast.KeyValueExpr); keyed {
			v, ok := intValue(c.info.Types[kv.Key].Value)
			if !ok || !c.steady(kv.Key) {
				return 0, false
			}
			index = v
		}
		length = max(length, index+1)
	}
	return length, true
}

// sliceSpelled: the type expression is a slice type in every build of the package: `[]T`, or
// (through parentheses) the name of a type this package declares as one, itself so spelled, in a
// package without per-build files, or of a std package's slice type that no build varies. Another
// module's name, or a generic type's instance, may be an array in some build.
func (c *checked) sliceSpelled(e ast.Expr, depth int) bool {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	var id *ast.Ident
	switch t := e.(type) {
	case *ast.ArrayType:
		return t.Len == nil
	case *ast.Ident:
		id = t
	case *ast.SelectorExpr:
		id = t.Sel
	default:
		return false
	}
	obj, ok := c.info.Uses[id].(*types.TypeName)
	if !ok || obj.Pkg() == nil || depth > 16 {
		return false
	}
	if obj.Pkg() != c.pkg {
		_, slice := obj.Type().Underlying().(*types.Slice)
		return slice && c.stdSteady(obj.Pkg().Path())
	}
	spec := c.typeSpec(obj)
	return !c.perBuild && spec != nil && spec.TypeParams == nil && c.sliceSpelled(spec.Type, depth+1)
}

// steadyLengthOf: lengthOf's answer for e is the same in every build (steady.go).
func (c *checked) steadyLengthOf(e ast.Expr) bool {
	tv := c.info.Types[e]
	if tv.Value != nil {
		return c.steady(e)
	}
	return c.steadyType(tv.Type)
}

// integerType names the predeclared integer type t is or has as its underlying type, by go/types'
// own answer, never by a name: a package's `type int int8` is an int8, `byte` a uint8. A type
// parameter has none (its underlying type is its constraint, whatever it is called), nor does an
// untyped constant.
func integerType(t types.Type) (string, bool) {
	if t == nil {
		return "", false
	}
	b, ok := t.Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsInteger == 0 || b.Info()&types.IsUntyped != 0 {
		return "", false
	}
	return types.Typ[b.Kind()].Name(), true
}

// portable reports whether t is the same integer type in every build of the package: a
// predeclared type, or a type of this package declared, down to a predeclared one, in files every
// build compiles, or of another package that no build declares otherwise (importedPortable). A type
// declared per GOOS/GOARCH (`type Length uint8` in len_amd64.go, uint16 in len_other.go) bounds a value
// differently on each, and the rewritten file is compiled by all.
func (c *checked) portable(t types.Type) bool {
	for range 16 { // a chain of declarations `type A B; type B uint8`
		var obj *types.TypeName
		switch u := t.(type) {
		case *types.Basic:
			return true
		case *types.Alias:
			obj = u.Obj()
		case *types.Named:
			obj = u.Obj()
		default:
			return false
		}
		if obj.Pkg() != nil && obj.Pkg() != c.pkg {
			return c.importedPortable(obj)
		}
		spec := c.typeSpec(obj)
		if spec == nil || c.constrained(obj.Pos()) {
			return false
		}
		t = c.info.TypeOf(spec.Type)
	}
	return false
}

// typeSpec is the declaration of a type of this package, or nil (all of them found once).
func (c *checked) typeSpec(obj *types.TypeName) *ast.TypeSpec {
	if c.specs == nil {
		c.specs = map[types.Object]*ast.TypeSpec{}
		for _, f := range c.files {
			ast.Inspect(f, func(n ast.Node) bool {
				if spec, ok := n.(*ast.TypeSpec); ok {
					c.specs[c.info.Defs[spec.Name]] = spec
				}
				return true
			})
		}
	}
	return c.specs[obj]
}

// constrained reports whether the file declaring pos is compiled only by some builds: a //go:build
// line, or a _GOOS / _GOARCH name (go help buildconstraint). A file it cannot find counts as one.
func (c *checked) constrained(pos token.Pos) bool {
	if c.origins != nil && len(c.origins.processed) > 0 {
		return true // cgo: its files compile only with CGO_ENABLED=1
	}
	for _, f := range c.files {
		if f.Pos() <= pos && pos < f.End() {
			return fileConstrained(f, c.fset.File(pos).Name())
		}
	}
	return true
}

// fileConstrained: the file (parsed with its comments) has a //go:build or +build line before its
// package clause, or a _GOOS / _GOARCH name.
func fileConstrained(f *ast.File, path string) bool {
	for _, group := range f.Comments {
		for _, line := range group.List {
			if group.Pos() < f.Package && (constraint.IsGoBuild(line.Text) || constraint.IsPlusBuild(line.Text)) {
				return true
			}
		}
	}
	name := strings.TrimSuffix(filepath.Base(path), ".go")
	words := strings.Split(strings.TrimSuffix(name, "_test"), "_")
	for _, word := range words[1:] {
		if knownOS[word] || knownArch[word] {
			return true
		}
	}
	return false
}

// knownOS and knownArch are go/build's lists (syslist.go): a file name ending in one is built for it only.
var knownOS, knownArch = words("aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd " +
	"plan9 solaris wasip1 windows zos"), words("386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle " +
	"mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm")

func words(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(s) {
		set[w] = true
	}
	return set
}

func intValue(v constant.Value) (int64, bool) {
	if v == nil {
		return 0, false
	}
	v = constant.ToInt(v)
	if v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// typeParamShape is "string" or "slice" when some element of the constraint (`~string`, `~[]byte |
// ~[]rune`, an embedded constraint of such) admits only types of that shape: the type set is the
// intersection of its elements, so every type argument has it; "" otherwise.
func typeParamShape(constraint types.Type) string {
	iface, ok := constraint.Underlying().(*types.Interface)
	if !ok {
		return ""
	}
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		var terms []types.Type
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for j := 0; j < e.Len(); j++ {
				terms = append(terms, e.Term(j).Type())
			}
		default:
			if _, isIface := e.Underlying().(*types.Interface); isIface {
				if s := typeParamShape(e); s != "" {
					return s
				}
				continue
			}
			terms = []types.Type{e}
		}
		shape := ""
		for _, term := range terms {
			s := ""
			switch u := term.Underlying().(type) {
			case *types.Slice:
				s = "slice"
			case *types.Basic:
				if u.Info()&types.IsString != 0 {
					s = "string"
				}
			}
			if s == "" || (shape != "" && s != shape) {
				shape = ""
				break
			}
			shape = s
		}
		if shape != "" {
			return shape
		}
	}
	return ""
}
