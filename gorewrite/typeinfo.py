"""Type facts from go/types, for rules that must never guess a type from syntax.

A small Go helper (gotypes/main.go) type-checks a package against its imports' export data and describes the
identifiers in the byte ranges a rule asks about; built once per toolchain into the user cache (export data is
readable only by the go/types that wrote it). A cgo package is checked as the compiler sees it, through cgo's output.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
import sys
from dataclasses import dataclass
from enum import Enum

from gorewrite import gotypes_helper
from gorewrite.build_files import suspects
from gorewrite.exports import Unavailable, directories, export_data, go_env, last_line, modules
from gorewrite.packages import Package, json_stream
from gorewrite.toolchain import Toolchain


class Kind(str, Enum):
    """What kind of object an identifier names (go/types' object classes, plus builtin and nil)."""

    VAR = "var"
    PARAM = "param"
    RESULT = "result"
    CONST = "const"
    FUNC = "func"
    TYPE = "type"
    PKGNAME = "pkgname"
    BUILTIN = "builtin"
    NIL = "nil"
    LABEL = "label"
    FIELD = "field"
    METHOD = "method"


class Use(str, Enum):
    """What one occurrence does to the object's storage."""

    DECL = "decl"
    WRITE = "write"
    ADDR = "addr"
    READ = "read"


@dataclass(frozen=True, slots=True)  # slots: a fix of std holds ~100k of them
class Ident:
    """What go/types knows about one identifier occurrence (offsets are bytes)."""

    start: int
    end: int
    name: str
    obj: str | None  # "<abs file>:<byte offset of the declaring identifier>"; None outside this package
    kind: Kind
    local: bool  # declared inside a function (body, parameters, results, receiver)
    type: str | None  # the object's type as Go source valid at this occurrence; None if it cannot be written
    use: Use
    iface: bool = False  # the object's type (a type name: the type it names) is an interface, not a type parameter
    size: int | None = None  # bytes (GOARCH's) of the type a type name names or of a variable's type; None if generic
    widest: int | None = None  # a variable's type's bytes in its widest instantiation (gotypes/widest.go) or None
    pkg: str | None = None  # a func's or method's package path
    recv: str | None = None  # a method's receiver type name; "" for an interface method
    # A variable's (pointer to a) named type ("*bytes.Buffer"), the one a type name names, or the named
    # interface that declares an interface method ("io.Writer" for io.ReadWriter's Write).
    named: str | None = None
    # A variable's type by its underlying type: a sequence, "slice", "array" or "string" (a `type
    # Frame []byte` is a slice, a generic alias `Vec[int]` of []T too), "map", "struct" or "pointer" (`type Ref =
    # *T` too, which the type's spelling hides); None for anything else.
    shape: str | None = None
    # A field selected through a pointer (`hp.Len`, or `h.Len` promoted through an embedded `*inner`): aliases write it.
    indirect: bool = False
    # A field or method selected through an embedded field (`o.wg` of a wg an embedded struct declares).
    promoted: bool = False
    lock: str | None = None  # the lock a variable's type holds by vet's copylocks, as vet prints it (gotypes/locks.go)
    decodes: str | None = None  # what encoding/json may hand the input bytes to, decoding into it: decoders.go
    encodes: str | None = None  # what encoding/xml's Encoder may hand itself to, encoding it: decoders.go

    @property
    def pointer(self) -> bool:
        """Is the variable a pointer by its underlying type (`*T`, and `type Ref = *T`, spelled without a star)?"""
        return (self.type or "").startswith("*") or self.shape == "pointer"


@dataclass(frozen=True)
class TypeInfo:
    """The identifiers in the requested ranges of one package, or why types are unavailable."""

    idents: dict[str, tuple[Ident, ...]]  # absolute path -> records sorted by start
    error: str | None  # set (and idents empty) when the package could not be type-checked
    constants: dict[str, dict[tuple[int, int], int]] = dataclasses.field(default_factory=dict)  # path -> span -> value
    integers: dict[str, dict[tuple[int, int], str]] = dataclasses.field(default_factory=dict)  # path -> span -> type
    lengths: dict[str, dict[tuple[int, int], int]] = dataclasses.field(default_factory=dict)  # path -> span -> len
    boxes: dict = dataclasses.field(default_factory=dict)  # gotypes/boxes.go's facts, read by the methods below
    imports: dict[str, dict] = dataclasses.field(default_factory=dict)  # path -> Dir, Module (exports.modules)
    declared: dict[str, list[str] | None] = dataclasses.field(default_factory=dict)  # file -> go/parser's names

    def at(self, path: str, start: int) -> Ident | None:
        """The identifier starting exactly at byte `start` of path; None when unknown (decline)."""
        records = self.idents.get(path, ())
        i = bisect.bisect_left(records, start, key=lambda ident: ident.start)
        return records[i] if i < len(records) and records[i].start == start else None

    def uses(self, path: str, obj: str | None) -> list[Ident]:
        """Every identifier of path naming obj but its declaration: each read, write and address of it."""
        return [i for i in self.idents.get(path, ()) if i.obj == obj and i.use != Use.DECL]

    def builtin(self, path: str, start: int, name: str) -> bool:
        """Is the identifier at byte `start` Go's builtin `name` (not a declaration that shadows it)?"""
        found = self.at(path, start)
        return found is not None and found.kind == Kind.BUILTIN and found.name == name

    def value(self, path: str, start: int, end: int) -> int | None:
        """The integer go/types evaluates the expression spanning bytes [start, end) to, if it is a
        constant (`Max`, `pkg.Limit`, `Max+1`, `len(table)`); None when it is not one."""
        return self.constants.get(path, {}).get((start, end))

    def integer(self, path: str, start: int, end: int) -> str | None:
        """The predeclared integer type of the expression spanning bytes [start, end): its type's, or
        its named type's underlying one (`type Len uint16`: "uint16"; byte: "uint8"); None for a type
        parameter, an untyped constant or any other type."""
        return self.integers.get(path, {}).get((start, end))

    def length(self, path: str, start: int, end: int) -> int | None:
        """len of the expression spanning bytes [start, end) where its type or value fixes it: an array or
        a pointer to one (`blk` of a `*[512]byte`: 512), a constant string, or a slice literal, whose
        elements fix it (`[]T{a, b}`, `(Pair{a, b})` of a `type Pair []T`: 2); None otherwise."""
        return self.lengths.get(path, {}).get((start, end))

    def type_id(self, path: str, start: int, end: int) -> int | None:
        """The identity of the type of `x`, `&x` (concrete, without type parameters) or of a type a type
        assertion or switch case names: equal ids are identical types (types.Identical); None: unknown."""
        return self.boxes.get("types", {}).get(path, {}).get((start, end))

    def implements(self, concrete: int, interface: int) -> bool:
        """Does the concrete type implement the asserted interface (types.Implements)?"""
        return (concrete, interface) in self.boxes.get("implements", ())

    def constant(self, path: str, start: int, end: int) -> str | None:
        """A steady constant expression's value ("<kind>:<exact>"), any kind; None when not a constant."""
        return self.boxes.get("values", {}).get(path, {}).get((start, end))

    def boxed_type(self, path: str, start: int, end: int) -> int | None:
        """The identity (as type_id's) of a steady constant's type where go/types gave it one: an untyped constant
        boxed in an interface has its default type (`2` of `map[string]any{"n": 2}`: int), a named type's constant
        that type (`Descending` of `type SortOrder int`); None otherwise."""
        return self.boxes.get("boxed", {}).get(path, {}).get((start, end))

    def predeclared(self, path: str, start: int, end: int) -> bool:
        """Is the steady constant's type (boxed_type's) one of Go's predeclared types, which have no methods?"""
        return (start, end) in self.boxes.get("predeclared", {}).get(path, ())

    def printed(self, path: str, start: int, end: int) -> bool:
        """Is the operand of fmt's function spanning [start, end) of a type every build gives it (gotypes
        steadyOperand: each name it depends on the universe's, a std package's the same in every build, or the
        package's own, declared from such names)?"""
        return (start, end) in self.boxes.get("printed", {}).get(path, ())

    def named(self, path: str, start: int, end: int) -> dict | None:
        """fmt's argument spanning [start, end) where its type is a defined integer, bool or string type (gotypes
        named.go): its underlying type's name ("basic"), the type's name ("name"), its package's path ("pkg"),
        declaring file ("file") and whether that package is an imported std one ("std")."""
        return self.boxes.get("named", {}).get(path, {}).get((start, end))

    def selected(self, path: str, start: int, end: int) -> tuple[str, bool] | None:
        """The type of the field fmt's argument spanning [start, end) selects from a variable through fields alone
        (`l.From`; `g.buf` of `&g.buf`), and whether a pointer lies on the way (evaluating it may then panic);
        None when it is no such selection."""
        found = self.boxes.get("selected", {}).get(path, {}).get((start, end))
        return (found["type"], found["indirect"]) if found else None

    def field(self, path: str, start: int, end: int) -> dict | None:
        """The field a positional element of a struct literal initialises: name, iface, embedded."""
        return self.boxes.get("fields", {}).get(path, {}).get((start, end))

    def literal(self, path: str, start: int, end: int) -> str | None:
        """What the composite literal spanning [start, end) builds: "map", "struct", "slice", "array"; None: unknown."""
        return self.boxes.get("literals", {}).get(path, {}).get((start, end))

    def declared_in(self, concrete: int, wanted: int | str) -> list[str] | None:
        """Files declaring the concrete type's method of Id (`Help`, `path.help`) or interface id's; None: one lacks."""
        names = [wanted] if isinstance(wanted, str) else self.wants(wanted)
        found = [self.boxes.get("methods", {}).get(str(concrete), {}).get(m) for m in names]
        return None if None in found else [f for files in found for f in files]

    def wants(self, interface: int) -> list[str]:
        """The asserted interface's methods by go/types' Id (boxes.go)."""
        return self.boxes.get("wants", {}).get(str(interface)) or []

    def origins(self, type_id: int) -> list[str] | None:
        """The files declaring a concrete type or asserted interface and the types it embeds; None: unknown."""
        return self.boxes.get("origins", {}).get(str(type_id))


def load(toolchain: Toolchain, package: Package, ranges: dict[str, list[tuple[int, int]]], cwd: str) -> TypeInfo:
    """Type-check package and describe the identifiers starting inside ranges; never raises. Its imports are
    the ones go resolves in cwd, the run's directory, where the package was loaded and compiled."""
    if package.error:
        return TypeInfo(idents={}, error=f"{package.import_path} does not load: {package.error}")
    try:
        env = go_env(toolchain, cwd)
        files, imports = _compiled(toolchain, package, cwd)
        export, standard = export_data(toolchain, package, imports, cwd)
        request = {
            "import_path": package.import_path,
            "files": files,
            "sources": list(package.files),
            "export": export,
            "std": standard,
            "dirs": directories(toolchain, export, cwd),
            "declared": suspects(package.dir),
            "import_map": package.import_map,
            "goarch": env["GOARCH"],
            "go_version": _language(package.go_version),
            "ranges": {path: [list(span) for span in spans] for path, spans in ranges.items()},
        }
        found = gotypes_helper.ask(gotypes_helper.binary(toolchain, env), request, toolchain.env)
    except (Unavailable, OSError) as err:
        return TypeInfo(idents={}, error=str(err))
    idents = {
        path: tuple(sorted((_ident(record) for record in records), key=lambda ident: ident.start))
        for path, records in found["idents"].items()
    }
    constants, lengths = (
        {path: {(r["start"], r["end"]): r["value"] for r in rs} for path, rs in (found.get(key) or {}).items()}
        for key in ("constants", "lengths")
    )
    integers = {
        path: {(i["start"], i["end"]): sys.intern(i["type"]) for i in records}
        for path, records in (found.get("integers") or {}).items()
    }
    boxes: dict = {
        k: {
            path: {(r["start"], r["end"]): r[f] if f else r for r in records or ()}
            for path, records in (found.get(k) or {}).items()
        }
        for k, f in (("types", "id"), ("values", "value"), ("fields", None), ("literals", "value"), ("bytes", "value"))
        + (("boxed", "id"), ("selected", None), ("named", None))
    }
    boxes["implements"] = frozenset(tuple(pair) for pair in found.get("implements") or ())
    for key in ("predeclared", "printed"):
        boxes[key] = {p: frozenset(map(tuple, spans or ())) for p, spans in (found.get(key) or {}).items()}
    boxes.update({key: found.get(key) or {} for key in ("methods", "wants", "origins")})  # keyed by str(id)
    listed, declared = modules(toolchain, export, cwd), found.get("declared") or {}
    return TypeInfo(idents, None, constants, integers, lengths, boxes, listed, declared)


def _compiled(toolchain: Toolchain, package: Package, cwd: str) -> tuple[list[str], list[str]]:
    """The files the compiler sees and what they import. A cgo package's cgo files come out of cgo
    as Go (importing runtime/cgo too), with //line directives the helper maps back to the package's
    own files; cgo runs once, the go command caches its output."""
    if "C" not in package.imports:
        return list(package.files), list(package.imports)
    done = toolchain.run(
        ["list", "-e", "-compiled", "-json=CompiledGoFiles,Imports,Error", "--", package.import_path], cwd=cwd
    )
    listed = json_stream(done.stdout.decode()) if done.returncode == 0 else []
    if len(listed) != 1 or listed[0].get("Error") or not listed[0].get("CompiledGoFiles"):
        said = listed[0]["Error"]["Err"] if listed and listed[0].get("Error") else last_line(done.stderr)
        raise Unavailable(f"{package.import_path} uses cgo, and cgo could not process it: {said}")
    files = [os.path.join(package.dir, f) for f in listed[0]["CompiledGoFiles"]]
    return files, listed[0].get("Imports", [])


def _ident(record: dict) -> Ident:
    # Names, objects and types repeat across a package's occurrences: one copy of each string (a fix
    # of std holds ~100k records).
    shared = {k: sys.intern(v) for k, v in record.items() if isinstance(v, str)}
    return Ident(**{**record, **shared, "kind": Kind(record["kind"]), "use": Use(record["use"])})


def _language(go_version: str) -> str:
    """go/types wants "go1.22"; go.mod says "1.22"."""
    return go_version if not go_version or go_version.startswith("go") else f"go{go_version}"
