"""typeinfo against the real go/types: objects, kinds, writable types and uses of identifiers."""

import re
from pathlib import Path

import pytest
from conftest import releases, write_tree

from gorewrite import cache, packages, typeinfo
from gorewrite.packages import Package
from gorewrite.toolchain import find_toolchain

OTHER = """package other

type hidden struct{ n int }

func New() *hidden { return &hidden{} }

const Limit = 48
"""

A = """package a

import (
	"bytes"
	str "strings"

	"example.com/m/other"
)

type point struct{ x, y int }

func (p *point) Move() { p.x++ }

type wrap struct{ *point }

func uses() int {
	n := 0
	f := func() { n++ }
	f()
	n = 2
	var pt point
	pt.x = 1
	pt.Move()
	ap := &pt
	ap.x = 2
	ap.Move()
	arr := [3]int{}
	arr[0] = 1
	sl := arr[:]
	s := []int{1}
	s[0] = 1
	m := map[string]int{}
	m["k"] = 1
	p := &n
	for n = range s {
	}
	mv := pt.Move
	mv()
	var w wrap
	w.Move()
	_ = w.x + pt.y + ap.y
	n, q := 3, 4
	return *p + len(sl) + len(m) + q
}

func named() (total int, err error) {
	total = 1
	return
}

func typed() {
	var buf *bytes.Buffer
	var sb *str.Builder
	h := other.New()
	type local struct{ a int }
	var l local
	_, _, _, _ = buf, sb, h, l
}

func shadow(b *bytes.Buffer) {
	x := 1
	{
		x := "s"
		_ = x
	}
	bytes := x
	_ = bytes
	b.Reset()
}

func first[T any](xs []T) T {
	v := xs[0]
	return v
}

const width = 4

type size int

const three size = 3

var table [6]byte

func bounds(n int) []int {
	return []int{width + 1, 2 * width, int(three), other.Limit, len(table), 1 << 70 >> 68, n, len(s2)}
}

var s2 = []byte{1}

type Len uint16

type uint8 int16

type Ratio float32

func integers[P ~byte](lens []Len, p P, b byte, own uint8, r Ratio, s string) {
	_ = []any{lens[0], p, b, own, r, s[0], Len(b) + 1, int(r)}
}

func kinds(v any) {
	switch t := v.(type) {
	case *bytes.Buffer:
		t.Reset()
	}
}
"""

BAD = """package bad

var x int = "not an int"
"""

# cgo rewrites C.name on these lines, and marks the columns it shifted with /*line :N:C*/.
CGO = """package cg

/*
static int twice(int n) { return 2 * n; }
*/
import "C"

type Limits struct{ Max int }

func Twice(n int) int { return int(C.twice(C.int(n))) + n }

func Zero() int {
	var z C.int
	return int(z)
}
"""

PURE = """package cg

func Use(n int) int {
	l := Limits{Max: n}
	return Twice(l.Max)
}
"""

# goyacc and other generators point positions at their input with //line: ids stay in the .go file.
LINED = """package lined

//line grammar.y:10
func parse(n int) int {
	total := n
	return total
}
"""

CGO_BROKEN = """package cgbad

/*
this is not C
*/
import "C"

func F() {}
"""


@pytest.fixture(scope="session")
def module(tmp_path_factory):
    root = tmp_path_factory.mktemp("m")
    files = {
        "go.mod": "module example.com/m\n\ngo 1.22\n",
        "other/other.go": OTHER,
        "a/a.go": A,
        "bad/bad.go": BAD,
        "cg/cg.go": CGO,
        "cg/pure.go": PURE,
        "cgbad/cgbad.go": CGO_BROKEN,
        "lined/lined.go": LINED,
    }
    for name, text in files.items():
        Path(root, name).parent.mkdir(parents=True, exist_ok=True)
        Path(root, name).write_text(text)
    return root


@pytest.fixture(scope="session")
def toolchain(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GOREWRITE_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield find_toolchain()


def package(root, name, imports):
    path = str(Path(root, name, f"{name}.go"))
    return Package(
        import_path=f"example.com/m/{name}",
        name=name,
        dir=str(Path(root, name)),
        module_root=str(root),
        go_version="1.22",
        files=(path,),
        rewritable=frozenset({path}),
        import_map={},
        imports=imports,
        standard=False,
        error=None,
    )


@pytest.fixture(scope="session")
def info(module, toolchain):
    pkg = package(module, "a", ("bytes", "example.com/m/other", "strings"))
    result = typeinfo.load(toolchain, pkg, {pkg.files[0]: [(0, len(A.encode()))]}, str(module))
    assert result.error is None
    return result


def ident(info, module, marked):
    """The record for the identifier between « » in a snippet that occurs once in A."""
    before, rest = marked.split("«")
    name, after = rest.split("»")
    snippet = (before + name + after).encode()
    source = A.encode()
    assert source.count(snippet) == 1, marked
    found = info.at(str(Path(module, "a", "a.go")), source.index(snippet) + len(before.encode()))
    assert found is not None and found.name == name, marked
    return found


@pytest.mark.parametrize(
    ("marked", "expected"),
    (
        pytest.param("«n» := 0", dict(kind="var", local=True, type="int", use="decl"), id="local var declaration"),
        pytest.param("func() { «n»++ }", dict(kind="var", local=True, use="write"), id="increment in a func literal"),
        pytest.param("«n» = 2", dict(use="write"), id="assignment"),
        pytest.param("for «n» = range s", dict(use="write"), id="range with ="),
        pytest.param("«pt».x = 1", dict(use="write", type="point"), id="struct field store writes the var"),
        pytest.param("pt.«x» = 1", dict(kind="field", use="write"), id="the field itself is written"),
        pytest.param("«pt».Move()", dict(use="addr"), id="pointer method on a value takes its address"),
        pytest.param("ap := &«pt»", dict(use="addr"), id="address operator"),
        pytest.param("«ap».x = 2", dict(use="read", type="*point"), id="store through a pointer reads it"),
        pytest.param("«ap».Move()", dict(use="read"), id="pointer method on a pointer"),
        pytest.param("«arr»[0] = 1", dict(use="write", type="[3]int"), id="array element store writes the var"),
        pytest.param("sl := «arr»[:]", dict(use="addr"), id="slicing an array takes its address"),
        pytest.param("«s»[0] = 1", dict(use="read", type="[]int"), id="slice element store reads the slice"),
        pytest.param('«m»["k"] = 1', dict(use="read"), id="map store reads the map"),
        pytest.param("p := &«n»", dict(use="addr"), id="address of a captured var"),
        pytest.param("«total» = 1", dict(kind="result", local=True, use="write"), id="named result"),
        pytest.param("(«total» int, err error)", dict(kind="result", use="decl"), id="named result declaration"),
        pytest.param("shadow(«b» *bytes.Buffer)", dict(kind="param", type="*bytes.Buffer"), id="imported type"),
        pytest.param("«b».Reset()", dict(kind="param", type=None), id="package name shadowed at this point"),
        pytest.param("var «buf» *bytes.Buffer", dict(type="*bytes.Buffer"), id="pointer to an imported type"),
        pytest.param("var «sb» *str.Builder", dict(type="*str.Builder"), id="package imported under an alias"),
        pytest.param("«h» := other.New()", dict(type=None), id="unexported type of another package"),
        pytest.param("«v» := xs[0]", dict(type=None), id="type parameter"),
        pytest.param("first[T any](«xs» []T)", dict(kind="param", type=None), id="generic parameter"),
        pytest.param("func «uses»() int", dict(kind="func", local=False, type="func() int"), id="package func"),
        pytest.param("func (p *point) «Move»()", dict(kind="method", local=False), id="method"),
        pytest.param('«str» "strings"', dict(kind="pkgname", type=None), id="import name"),
        pytest.param("return *p + «len»(sl)", dict(kind="builtin", obj=None, type=None), id="builtin"),
        pytest.param("mv := «pt».Move", dict(use="addr"), id="pointer method value takes the address"),
        pytest.param("«w».Move()", dict(use="read"), id="method promoted through an embedded pointer"),
        pytest.param("«pt».x = 1", dict(shape="struct"), id="a struct value's shape"),
        pytest.param("«ap».x = 2", dict(shape="pointer"), id="a pointer to a struct is no struct"),
        pytest.param("w.x + pt.«y»", dict(kind="field", indirect=False), id="a field of a struct value"),
        pytest.param("_ = w.«x» + pt.y", dict(kind="field", indirect=True), id="promoted through an embedded pointer"),
        pytest.param("pt.y + ap.«y»", dict(kind="field", indirect=True), id="a field through a pointer"),
        pytest.param("_ = w.«x» + pt.y", dict(promoted=True), id="a field promoted through an embedded field"),
        pytest.param("pt.y + ap.«y»", dict(promoted=False), id="a field of the operand's own type"),
        pytest.param("«n», q := 3, 4", dict(use="write"), id="existing var in a short declaration"),
        pytest.param("n, «q» := 3, 4", dict(use="decl"), id="new var in a short declaration"),
        pytest.param("var «l» local", dict(type="local"), id="type declared in the function"),
        pytest.param("(total int, «err» error)", dict(iface=True), id="interface type"),
        pytest.param("var «buf» *bytes.Buffer", dict(iface=False), id="pointer is no interface"),
        pytest.param(
            "func first[T any](xs []T) «T»", dict(kind="type", iface=False), id="type parameter is no interface"
        ),
        pytest.param("func kinds(«v» any)", dict(iface=True), id="any"),
    ),
)
def test_ident(info, module, marked, expected):
    found = ident(info, module, marked)
    for field, want in expected.items():
        assert getattr(found, field) == want, (marked, found)


def test_captured_var_is_one_object(info, module):
    decl = ident(info, module, "«n» := 0")
    assert decl.obj == f"{Path(module, 'a', 'a.go')}:{A.encode().index(b'n := 0')}"
    assert ident(info, module, "func() { «n»++ }").obj == decl.obj
    assert ident(info, module, "p := &«n»").obj == decl.obj


def test_shadowing_gives_distinct_objects(info, module):
    outer = ident(info, module, "«x» := 1")
    inner = ident(info, module, '«x» := "s"')
    assert outer.obj != inner.obj
    assert ident(info, module, "_ = «x»\n\t}").obj == inner.obj
    assert ident(info, module, "bytes := «x»").obj == outer.obj
    assert (outer.type, inner.type) == ("int", "string")


def test_type_switch_clause_var(info, module):
    symbol = ident(info, module, "switch «t» := v.(type)")
    use = ident(info, module, "«t».Reset()")
    assert (symbol.use, symbol.type) == ("decl", None)
    assert (use.obj, use.type, use.use) == (symbol.obj, "*bytes.Buffer", "read")


def test_only_requested_ranges(module, toolchain):
    pkg = package(module, "a", ("bytes", "example.com/m/other", "strings"))
    start = A.encode().index(b"func named")
    end = A.encode().index(b"func typed")
    result = typeinfo.load(toolchain, pkg, {pkg.files[0]: [(start, end)]}, str(module))
    records = result.idents[pkg.files[0]]
    assert records and all(start <= r.start < end for r in records)
    assert [r.start for r in records] == sorted(r.start for r in records)


def test_package_that_does_not_type_check(module, toolchain):
    pkg = package(module, "bad", ())
    result = typeinfo.load(toolchain, pkg, {pkg.files[0]: [(0, len(BAD))]}, str(module))
    assert result.idents == {}
    assert "does not type-check" in result.error and "bad.go:3" in result.error


def test_missing_import_declines(module, toolchain):
    pkg = package(module, "a", ("bytes", "example.com/m/nosuch", "strings"))
    result = typeinfo.load(toolchain, pkg, {pkg.files[0]: [(0, 10)]}, str(module))
    assert result.idents == {} and "example.com/m/nosuch" in result.error


def test_helper_is_built_once(info, toolchain):
    built = [path.name for path in cache.directory().iterdir()]
    assert len(built) == 1 and built[0].startswith("gotypes-go1."), built


@pytest.mark.parametrize(
    ("expr", "value"),
    (
        ("width + 1", 5),
        ("2 * width", 8),
        ("int(three)", 3),
        ("other.Limit", 48),
        ("len(table)", 6),
        ("1 << 70 >> 68", 4),
        ("n", None),
        ("len(s2)", None),
    ),
)
def test_constant_values(info, module, expr, value):
    """go/types evaluates the constant expressions (named, typed, of other packages, len of an array)."""
    source = A.encode()
    line = source.index(b"return []int{")
    start = source.index(expr.encode(), line)
    assert info.value(str(Path(module, "a", "a.go")), start, start + len(expr.encode())) == value


@pytest.mark.parametrize(
    ("expr", "integer"),
    (
        ("lens[0]", "uint16"),
        ("p", None),
        ("b", "uint8"),
        ("own", "int16"),
        ("r", None),
        ("s[0]", "uint8"),
        ("Len(b) + 1", "uint16"),
        ("int(r)", "int"),
    ),
)
def test_integer_types(info, module, expr, integer):
    """go/types' integer type of an expression, a named type's by its underlying type (the package's own uint8
    too), none for a type parameter or a float."""
    source = A.encode()
    first = source.index(b"_ = []any{") + len(b"_ = []any{")
    items = source[first : source.index(b"}", first)].split(b", ")  # `s[0]` is also the end of `lens[0]`
    start = first + sum(len(item) + len(b", ") for item in items[: items.index(expr.encode())])
    assert info.integer(str(Path(module, "a", "a.go")), start, start + len(expr.encode())) == integer


def cgo_package(toolchain, root, name):
    """The package as go list sees it; skipped where cgo is off (CGO_ENABLED=0, no C compiler)."""
    found = packages.load(toolchain, [f"./{name}"], str(root))[0]
    if "C" not in found.imports:
        pytest.skip("cgo is disabled here")
    return found


def test_cgo_package_is_type_checked_in_the_users_files(module, toolchain):
    pkg = cgo_package(toolchain, module, "cg")
    result = typeinfo.load(toolchain, pkg, {f: [(0, 1 << 20)] for f in pkg.files}, str(module))
    assert result.error is None
    cgo, pure = str(Path(module, "cg", "cg.go")), str(Path(module, "cg", "pure.go"))
    for path, source in ((cgo, CGO.encode()), (pure, PURE.encode())):
        records = result.idents[path]
        assert records and all(source[r.start : r.end] == r.name.encode() for r in records), path
        assert not [r.name for r in records if r.name.startswith("_C")], "cgo's own names are not the user's"
    # after C.twice(C.int(…)) cgo shifted the columns: the `n`s still land where the user wrote them
    after_call = CGO.encode().index(b"))) + n") + len(b"))) + ")
    assert result.at(cgo, after_call).obj == f"{cgo}:{CGO.encode().index(b'n int) int')}"
    # objects declared in the cgo file, used from the other: their ids point into the user's cgo file
    assert result.at(pure, PURE.encode().index(b"Twice(")).obj == f"{cgo}:{CGO.encode().index(b'Twice(n')}"
    assert result.at(pure, PURE.encode().index(b"Limits{")).obj == f"{cgo}:{CGO.encode().index(b'Limits struct')}"
    # C.int is _Ctype_int to go/types: not a type the user's source can spell
    assert result.at(cgo, CGO.encode().index(b"z C.int")).type is None


def test_cgo_that_fails_declines_with_cgos_reason(module, toolchain):
    pkg = cgo_package(toolchain, module, "cgbad")
    result = typeinfo.load(toolchain, pkg, {pkg.files[0]: [(0, 10)]}, str(module))
    assert result.idents == {} and "cgbad uses cgo, and cgo could not process it" in result.error


def test_line_directives_do_not_move_object_ids(module, toolchain):
    pkg = package(module, "lined", ())
    result = typeinfo.load(toolchain, pkg, {pkg.files[0]: [(0, len(LINED))]}, str(module))
    use = result.at(pkg.files[0], LINED.index("return total") + len("return "))
    assert use.obj == f"{pkg.files[0]}:{LINED.index('total := n')}"


GENERIC_ALIAS = """package ga

// Vec is a generic alias (go1.24+).
type Vec[T any] = []T

// Frame is a slice type of its own; Name a string type.
type Frame []byte

type Name string

func Use[S ~[]int](v Vec[int], f Frame, n Name, s S, a [4]int, m map[int]int) int {
	return len(v) + len(f) + len(n) + len(s) + len(a) + len(m)
}
"""


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
def test_a_generic_alias_type_checks_and_sequences_have_their_shape(release, tmp_path):
    """go/types checks a generic alias only with gotypesalias=1 (the helper's go.mod says so; go1.24-1.26
    read it, go1.27 has no other way); a variable's shape is its underlying type's: a named slice or
    string, an alias, a type parameter whose constraint admits only slices (`S ~[]int`), and a map's is "map"
    (make-const bounds a map's length only as shared storage: terms.py)."""
    toolchain = releases()[release]
    root = write_tree(tmp_path, {"go.mod": "module example.com/ga\n\ngo 1.24\n", "ga/ga.go": GENERIC_ALIAS})
    pkg = packages.load(toolchain, ["./ga"], str(root))[0]
    path = str(root / "ga" / "ga.go")
    result = typeinfo.load(toolchain, pkg, {path: [(0, len(GENERIC_ALIAS))]}, str(root))
    assert result.error is None
    body = GENERIC_ALIAS.index("return")
    shapes = {r.name: r.shape for r in result.idents[path] if r.start > body and r.name != "len"}
    assert shapes == {"v": "slice", "f": "slice", "n": "string", "s": "slice", "a": "array", "m": "map"}


TYPE_PARAMETERS = """package tp

type Key interface {
	comparable
	~string
}

func Use[S ~[]int, K Key, M ~[]byte | ~string, A any, I interface{ ~int | ~string }](s S, k K, m M, a A, i I) int {
	_, _ = a, i
	return len(s) + len(k) + len(m)
}
"""


def test_a_type_parameter_has_a_shape_only_where_every_type_argument_has_it(tmp_path):
    """`len(k)` of a `K ~string` is a string's length for every K (make-const bounds it); a constraint that
    admits a string and a slice, or more than sequences, or anything, gives no shape."""
    toolchain = releases()[0]
    root = write_tree(tmp_path, {"go.mod": "module example.com/tp\n\ngo 1.22\n", "tp/tp.go": TYPE_PARAMETERS})
    pkg = packages.load(toolchain, ["./tp"], str(root))[0]
    path = str(root / "tp" / "tp.go")
    result = typeinfo.load(toolchain, pkg, {path: [(0, len(TYPE_PARAMETERS))]}, str(root))
    body = TYPE_PARAMETERS.index(") int {")
    shapes = {r.name: r.shape for r in result.idents[path] if r.start > body and r.name not in ("len", "_", "int")}
    assert shapes == {"s": "slice", "k": "string", "m": None, "a": None, "i": None}


PER_ARCH = {
    "go.mod": "module example.com/pa\n\ngo 1.22\n",
    "frame/frame.go": "package frame\n\ntype Opcode uint8\n\ntype header struct {\n\tLen  Length\n\tOp   Opcode\n"
    "\tTag  Tag\n\tWide Wide\n}\n\nfunc Sizes(h header) int {\n"
    "\treturn int(h.Len) + int(h.Op) + int(h.Tag) + int(h.Wide)\n}\n",
    "frame/len_amd64.go": "package frame\n\ntype Length uint8\n",
    "frame/len_other.go": "//go:build !amd64\n\npackage frame\n\ntype Length uint16\n",
    "frame/tag.go": "//go:build amd64 || !amd64\n\npackage frame\n\ntype Tag uint8\n",
    "frame/wide.go": "package frame\n\ntype Wide Length\n",
}


def test_a_type_declared_per_architecture_has_no_integer_type(toolchain, tmp_path):
    """A named type whose declaration a build constraint or a _GOARCH file name picks (uint8 on amd64,
    uint16 elsewhere), or one declared as such a type, bounds a value differently per build, while
    the rewritten file is compiled by all: no integer type, so no bound (a naive [255]byte array
    panics under GOARCH=386 for a length of 256)."""
    root = write_tree(tmp_path, PER_ARCH)
    pkg = packages.load(toolchain, ["./frame"], str(root))[0]
    path = str(root / "frame" / "frame.go")
    source = PER_ARCH["frame/frame.go"]
    info = typeinfo.load(toolchain, pkg, {path: [(0, len(source))]}, str(root))
    assert info.error is None
    kinds = {}
    for field in ("Len", "Op", "Tag", "Wide"):
        start = source.index(f"int(h.{field})") + len("int(")
        kinds[field] = info.integer(path, start, start + len(f"h.{field}"))
    assert kinds == {"Len": None, "Op": "uint8", "Tag": None, "Wide": None}


PER_BUILD = {
    "go.mod": "module example.com/pb\n\ngo 1.22\n",
    "blk.go": "//go:build !386\n\npackage pb\n\nconst blockLen = 40\n",
    "blk_386.go": "package pb\n\nconst blockLen = 80\n",
    "shadow_386.go": "package pb\n\ntype uint16 = uint32\n",
    "pb.go": "package pb\n\ntype word uint64\n\nconst (\n\tfixed      = 16\n\tzw    word = 0\n)\n\n"
    "func F() []any {\n\treturn []any{fixed, blockLen, zw, ^uint16(0) >> 12, uint8(200)}\n}\n",
    "lim/lim.go": "package lim\n\nconst Steady = 8\n\ntype Block [Steady]byte\n",
    "arch/per.go": "//go:build !386\n\npackage arch\n\nconst PerBuild = 8\n",
    "arch/per_386.go": "package arch\n\nconst PerBuild = 4\n",
    "arch/keys.go": "package arch\n\nfunc Keys() [][PerBuild]byte { return make([][PerBuild]byte, 1) }\n",
    "st/st.go": """package st

import (
	"crypto/sha256"
	"math"
	"unsafe"

	"example.com/pb/arch"
	"example.com/pb/lim"
)

const (
	steadyLen = 16
	wide      = steadyLen * 2
	word      = unsafe.Sizeof(uintptr(0))
	ones      = ^uint(0) >> 60
	maxInt    = math.MaxInt8
	arch64    = math.MaxInt >> 60
	kinds     = iota
)

var (
	table [wide]byte
	pad   [8]byte
)

func F(b *lim.Block) []any {
	ks := arch.Keys()
	k := ks[0]
	var fixed [steadyLen]byte
	sum := sha256.Sum256(nil)
	return []any{steadyLen, wide, word, ones, maxInt, arch64, kinds, len(table), len(fixed), lim.Steady,
		arch.PerBuild, len(sum), len(b), len(ks[0]), len(k), len(pad)}
}
""",
}


def _values(toolchain, root: Path, name: str) -> dict:
    """The helper's value of each item of the package's `[]any{…}` list."""
    pkg = next(p for p in packages.load(toolchain, ["./..."], str(root)) if p.import_path.endswith(name))
    path = str(root / ("pb.go" if name == "pb" else f"{name}/{name}.go"))
    source = Path(path).read_bytes()
    result = typeinfo.load(toolchain, pkg, {path: [(0, len(source))]}, str(root))
    first = source.index(b"[]any{") + len(b"[]any{")
    items = re.finditer(rb"[^,\s][^,]*?(?=,|$)", source[first : source.index(b"}", first)])
    return {m[0].decode(): result.value(path, first + m.start(), first + m.end()) for m in items}


def test_only_values_every_build_gives_are_reported(tmp_path, toolchain):
    """A rewrite is compiled by every build: a constant or array length that may fold differently in
    another (in a package whose directory has files only some builds compile, blk.go beside
    blk_386.go, one from a per-build file, of a type of the package, or a predeclared name a
    per-build file redeclares; a target-sized value: unsafe.Sizeof, ^uint(0), math.MaxInt; another module's
    package with per-build files, or its array types) has no value (adversarial reviews: a stack
    array of 40 where 386 needs 80 panicked)."""
    root = write_tree(tmp_path, PER_BUILD)
    assert _values(toolchain, root, "pb") == {
        "fixed": 16,
        "blockLen": None,
        "zw": None,
        "^uint16(0) >> 12": None,
        "uint8(200)": 200,
    }
    assert _values(toolchain, root, "st") == {
        "steadyLen": 16,
        "wide": 32,
        "word": None,
        "ones": None,
        "maxInt": 127,
        "arch64": None,
        "kinds": 6,
        "len(table)": 32,
        "len(fixed)": 16,
        "lim.Steady": 8,
        "arch.PerBuild": None,
        "len(sum)": 32,
        "len(b)": None,
        "len(ks[0])": None,
        "len(k)": None,
        "len(pad)": None,
    }


SAME_FILE = {
    "go.mod": "module example.com/sf\n\ngo 1.22\n",
    "lb/label.go": "//go:build linux || darwin\n\npackage lb\n\nconst (\n\tmaxLabel = 63\n\tdouble   = 2 * maxLabel\n"
    "\tviaOther = otherLen + 1\n)\n\nfunc F() []any {\n\treturn []any{maxLabel, double, viaOther, otherLen}\n}\n",
    "lb/other_linux.go": "package lb\n\nconst otherLen = 5\n\nfunc G() []any {\n\treturn []any{maxLabel}\n}\n",
    "lb/other_darwin.go": "package lb\n\nconst otherLen = 7\n",
}


def test_a_constant_of_the_expressions_own_per_build_file_has_its_value(tmp_path, toolchain):
    """Every build that compiles a rewrite compiles the declarations of its own file as they are: a
    constant declared beside its use in a //go:build file bounds it (probe34a: `const maxLabel = 63`
    beside `if len(s) > maxLabel` got only the speculative buffer). Declared in another per-build file
    (even one every build of the use compiles too), or derived from one, it still has no value."""
    root = write_tree(tmp_path, SAME_FILE)
    pkg = packages.load(toolchain, ["./lb"], str(root))[0]
    found = {}
    for name in ("label.go", "other_linux.go"):
        path = str(root / "lb" / name)
        source = Path(path).read_bytes()
        result = typeinfo.load(toolchain, pkg, {path: [(0, len(source))]}, str(root))
        first = source.index(b"[]any{") + len(b"[]any{")
        for m in re.finditer(rb"[^,\s][^,]*?(?=,|$)", source[first : source.index(b"}", first)]):
            found[(name, m[0].decode())] = result.value(path, first + m.start(), first + m.end())
    assert found == {
        ("label.go", "maxLabel"): 63,
        ("label.go", "double"): 126,
        ("label.go", "viaOther"): None,
        ("label.go", "otherLen"): None,
        ("other_linux.go", "maxLabel"): None,
    }


LOCKS = """package lk

import (
	"strings"
	"sync"
	"sync/atomic"
)

type guarded struct {
	mu sync.Mutex
	n  int
}

type shared struct {
	mu *sync.Mutex
	n  int
}

type embedsLocker struct {
	sync.Locker
	n int
}

type nested struct{ g [2]guarded }

type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

type tagged struct {
	_ noCopy
	n int
}

type valueLock struct{}

func (valueLock) Lock()   {}
func (valueLock) Unlock() {}

type cycle struct {
	next *cycle
	m    map[string]cycle
}

func copies[L sync.Locker, M interface{ ~[1]sync.Mutex }, N interface{ shared | guarded }](l L, m M, n N) {
	var a guarded
	var b shared
	var c embedsLocker
	var d nested
	var e tagged
	var f valueLock
	var g atomic.Int64
	var h sync.WaitGroup
	var i sync.Once
	var j strings.Builder
	var k []sync.Mutex
	var p *sync.Mutex
	var q map[string]sync.Mutex
	var r chan sync.Mutex
	var t [3]sync.RWMutex
	var u atomic.Value
	var v cycle
	var w struct{ o sync.Once }
	a2, b2, c2, d2, e2, f2, g2, h2, i2, j2, k2 := a, b, c, d, e, f, g, h, i, j, k
	p2, q2, r2, t2, u2, v2, w2, l2, m2, n2 := p, q, r, t, u, v, w, l, m, n
	_, _, _, _, _, _, _, _, _, _, _ = a2, b2, c2, d2, e2, f2, g2, h2, i2, j2, k2
	_, _, _, _, _, _, _, _, _, _ = p2, q2, r2, t2, u2, v2, w2, l2, m2, n2
}
"""


def test_a_lock_is_what_go_vet_copylocks_says_it_is(toolchain, tmp_path):
    """A variable holds a lock exactly when vet flags a copy of it (copylocks): through fields and
    array elements, a type parameter by its terms; never through pointers, slices, maps, chans or
    interfaces, nor a type whose value has Lock and Unlock itself."""
    root = write_tree(tmp_path, {"go.mod": "module example.com/m\n\ngo 1.22\n", "lk/lk.go": LOCKS})
    vetted = toolchain.run(["vet", "./lk"], str(root)).stderr.decode()
    flagged = set(re.findall(r"assignment copies lock value to (\w)2", vetted))
    pkg = package(root, "lk", ("strings", "sync", "sync/atomic"))
    result = typeinfo.load(toolchain, pkg, {pkg.files[0]: [(0, len(LOCKS))]}, str(root))
    body = LOCKS.index("\ta2, b2")
    locks = {r.name: r.lock for r in result.idents[pkg.files[0]] if r.start > body and len(r.name) == 1}
    assert {name for name, lock in locks.items() if lock} == flagged == set("adeghitmnw")
    assert f"to d2: {locks['d']}\n" in vetted  # the path vet prints


def test_imports_are_the_ones_the_run_directorys_workspace_resolves(toolchain, tmp_path):
    """adv39d: m's go.mod replaces lib with lib1, a go.work in w with lib2; a run from w compiles a against
    lib2, and go/types must read lib2's export data too (it read lib1's, listed in a's directory)."""
    for name, value in (("lib1", 1), ("lib2", 2)):
        lib = {"go.mod": "module example.com/lib\n\ngo 1.22\n", "lib.go": f"package lib\n\nconst N = {value}\n"}
        write_tree(tmp_path / name, lib)
    # the array's size is lib.N's value: a dependency module's constant has no value of its own for the rules
    # (steadyImported's sameModule), but the type go/types gives V still tells which lib it read
    source = 'package a\n\nimport "example.com/lib"\n\nvar V [lib.N]byte\n'
    requires = (
        "module example.com/m\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib1\n"
    )
    root = write_tree(tmp_path / "m", {"go.mod": requires, "a/a.go": source})
    work = write_tree(tmp_path / "w", {"go.work": "go 1.22\n\nuse ../m\n\nreplace example.com/lib => ../lib2\n"})
    path = str(root / "a" / "a.go")
    for cwd, value in ((root, 1), (work, 2)):
        pkg = packages.load(toolchain, ["example.com/m/a"], str(cwd))[0]
        result = typeinfo.load(toolchain, pkg, {path: [(0, len(source))]}, str(cwd))
        (v,) = [i for i in result.idents[path] if i.name == "V"]
        assert v.size == value, (cwd, v)
