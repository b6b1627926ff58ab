"""The sites sync-pool recognises by syntax: `x := make/new/&T{}` and `var b bytes.Buffer`, by
where the compiler reports the allocation, the function that holds them, and the constants that
say what it pools."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gorewrite.proposals import Candidate, PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, ancestors, captures, items, load_query, text, walk

NAME = "sync-pool"


# Constant-size makes (the compiler prints sizes folded), new(T), &T{…} and &T{}; a variable-size
# make is make-const's site.
MESSAGE = re.compile(r"^(make\(\[\][^\n]*?(, \d+)+\)|new\([^\n]*\)|&[^\n]*\{(\.\.\.)?\}) escapes to heap$")


TOO_LARGE = "too large for stack"


# What the compiler prints, sizes folded: make([]byte, 0, 1048576) for make([]byte, 0, 1<<20),
# new([65536]int32) for new([256 * 256]int32).
PRINTED_MAKE = re.compile(r"make\(\[\](.*?)((?:, \d+)+)\) escapes to heap")


PRINTED_NEW = re.compile(r"new\(((?:\[(\d+)\])?.*)\) escapes to heap")


FLOW_REASON = re.compile(r"^\s*from .* \(([^()]+)\) at ")


# One step of a -m=2 flow: the reason in parentheses, then where (the call's `(`, a slice's `[`).
FLOW_STEP = re.compile(r"^\s*from .* \(([^()]+)\) at (.+):(\d+):(\d+)$")


# A []byte of at most 64 KiB is pooled when it is on the heap only for io's Read and Write (SCRATCH_STEPS
# of its flow): from this size a pool's Get, zeroing and Put were measured faster than make (README).
MIN_SCRATCH = 512
SCRATCH_STEPS = ("spill", "assign", "slice", "call parameter")


FUNCTIONS = ("function_declaration", "method_declaration")


OK_BUILTINS = ("len", "cap", "copy", "clear")


# Types pooled although they fit the stack: what costs is their storage, which grows with use and
# which their reset keeps. Type -> (the method that empties it, the methods that observe the
# capacity a pooled one keeps from earlier calls: ReadFrom hands Read `len(p)` up to the capacity).
REUSABLE = {"bytes.Buffer": ("Reset", ("Cap", "Available", "AvailableBuffer", "ReadFrom"))}


# The methods of a bytes.Buffer that neither report its capacity nor hand out its storage (they copy in
# or out, within the length; WriteTo hands w.Write its bytes up to the length, as `w.Write(b.Bytes())`
# does, on io.Writer's contract): what a function the buffer is passed to may call on it (spare.py).
BLIND = (
    *("Write", "WriteString", "WriteByte", "WriteRune", "Len", "String", "Truncate", "Reset", "Grow"),
    *("Read", "ReadByte", "ReadRune", "ReadString", "WriteTo"),
)


# A strings.Builder is pooled as the bytes.Buffer that stands for it: its String() shares the
# Builder's storage, which a pool would hand to the next caller, while a Buffer's copies. Both
# types' methods below have the same signatures and results (whether the Buffer's keep anything
# is the compiler's verdict, as for any buffer); Cap sees a pooled Buffer's capacity (REUSABLE).
BUILDER = "strings.Builder"
SAME_METHODS = ("Grow", "Len", "Reset", "String", "Write", "WriteByte", "WriteRune", "WriteString")
# What the compiler says of a Buffer's String where the Builder's shared its storage: the copy
# each call now makes (bytes.Buffer.String inlined), in place of the Builder and its growth.
STRING_COPY = "string(bytes.b.buf[bytes.b.off:]) escapes to heap"


# (package, receiver type or "", function): the position of its io.Writer parameter, where a *bytes.Buffer
# stands for a *strings.Builder unnoticed: they write to it (io.WriteString, gzip's header, bufio's WriteString
# for a long string, strings.Replacer's getStringWriter: WriteString, which both have) and never ask which type
# it is (bufio.NewWriterSize asks only whether it is a *bufio.Writer; tabwriter calls only output.Write; a
# template's state calls only wr.Write and fmt.Fprint(wr, …)). The constructors hold it in the writer they
# return (stdtable.py). Methods are named by go/types (callees.callee): a package's own Execute is not these.
WRITER_AT = {
    **{("fmt", "", name): 0 for name in ("Fprint", "Fprintf", "Fprintln")},
    ("io", "", "WriteString"): 0,
    ("io", "", "Copy"): 0,
    ("compress/gzip", "", "NewWriter"): 0,
    ("compress/gzip", "", "NewWriterLevel"): 0,
    ("compress/flate", "", "NewWriter"): 0,
    ("compress/zlib", "", "NewWriter"): 0,
    ("compress/zlib", "", "NewWriterLevel"): 0,
    ("compress/zlib", "", "NewWriterLevelDict"): 0,
    ("encoding/hex", "", "Dumper"): 0,
    ("encoding/hex", "", "NewEncoder"): 0,
    ("encoding/ascii85", "", "NewEncoder"): 0,
    ("encoding/base64", "", "NewEncoder"): 1,
    ("encoding/base32", "", "NewEncoder"): 1,
    ("encoding/csv", "", "NewWriter"): 0,
    ("encoding/gob", "", "NewEncoder"): 0,
    ("encoding/json", "", "NewEncoder"): 0,  # stream.go: Encode calls enc.w.Write(b), nothing else of w
    ("encoding/xml", "", "NewEncoder"): 0,  # marshal.go: its bufio.Writer calls w.Write and w.WriteString
    ("mime/quotedprintable", "", "NewWriter"): 0,
    ("bufio", "", "NewWriter"): 0,
    ("bufio", "", "NewWriterSize"): 0,
    ("text/tabwriter", "", "NewWriter"): 0,
    # text/template/exec.go: execute keeps wr in its state only, and writes through s.wr.Write and
    # fmt.Fprint(s.wr, v); html/template's escape the template and call its text/template's Execute(wr, data)
    **{
        (package, "Template", name): 0
        for package in ("text/template", "html/template")
        for name in ("Execute", "ExecuteTemplate")
    },
    # strings/replace.go: every replacer's WriteString calls getStringWriter(w), w.(io.StringWriter) or
    # stringWriter{w}, and writes through it
    ("strings", "Replacer", "WriteString"): 0,
}


# bytes' constructors of an empty Buffer, by the arguments that make it empty (plan.empty_buffer): the
# Buffer a pool hands out, reset, has the same contents; only its capacity differs, which REUSABLE's
# methods observe (declined).
EMPTY_BUFFERS = (b"NewBuffer", b"NewBufferString")


MAX_POOLED = 64 * 1024  # bytes: a buffer grown past this is dropped at Put, not kept for every later call


@dataclass(frozen=True)
class Site:
    """A `name := <allocation>` statement the query found, by the offset the compiler reports."""

    path: str
    statement: Node
    name: Node
    value: Node
    # make | new | literal | constructor (bytes.NewBuffer) | var | array (for these two, value is the declared
    # type) | result (`blk, err := Marshal(h)`, an array from what the right side gives: value is that side's
    # expression list)
    kind: str
    reuse: str | None = None  # a REUSABLE type's name, once site_plan knows it is one: calls may keep nothing of it
    stands_for: str | None = None  # BUILDER, when a bytes.Buffer stands for it: only SAME_METHODS and WRITER_AT


def alloc_sites(view: PackageView, path: str) -> dict[int, Site]:
    """Every `x := make/new/&T{}` in the file, by where the compiler reports the allocation."""
    return memo(view, (NAME, path), lambda: _match_sites(view, path))


def _match_sites(view: PackageView, path: str) -> dict[int, Site]:
    found = {}
    for caps in captures(load_query(NAME), view.tree(path).root_node):
        value = caps["value"][0]
        if "literal" in caps:
            found[value.start_byte] = Site(path, caps["statement"][0], caps["name"][0], value, "literal")
        elif "constructor" in caps:
            if text(caps["constructor"][0]) in EMPTY_BUFFERS:
                found[caps["arguments"][0].start_byte] = Site(
                    path, caps["statement"][0], caps["name"][0], value, "constructor"
                )
        elif text(caps["function"][0]) in (b"make", b"new"):
            kind = text(caps["function"][0]).decode()
            found[caps["arguments"][0].start_byte] = Site(path, caps["statement"][0], caps["name"][0], value, kind)
    return found


def site_of(view: PackageView, candidate: Candidate) -> Site:
    """The site find recognised for the candidate."""
    offset = view.offset(candidate.escape)
    return alloc_sites(view, candidate.path).get(offset) or var_sites(view, candidate.path)[offset]


def var_sites(view: PackageView, path: str) -> dict[int, Site]:
    """Every `var b pkg.Buffer` (or `pkg.Builder`) and `var a [N]T` in a block, one name, no value, and every
    name a `:=` in a block declares (`blk, err := Marshal(h)`), by its name's offset (where the compiler says
    `moved to heap: b`); go/types tells later whether it is bytes.Buffer (or an array of bytes)."""
    return memo(view, (NAME, "var", path), lambda: _match_var_sites(view, path))


def _match_var_sites(view: PackageView, path: str) -> dict[int, Site]:
    found = {}
    for node in walk(view.tree(path).root_node):
        if node.parent is None or node.parent.type != "statement_list":
            continue
        if node.type == "short_var_declaration":
            right = node.child_by_field_name("right")
            for name in items(node.child_by_field_name("left")):
                found[name.start_byte] = Site(path, node, name, right, "result")
        if node.type != "var_declaration":
            continue
        specs = node.named_children
        if len(specs) != 1 or specs[0].type != "var_spec" or specs[0].child_by_field_name("value") is not None:
            continue
        names, kind = specs[0].children_by_field_name("name"), specs[0].child_by_field_name("type")
        field = kind.child_by_field_name("name") if kind is not None and kind.type == "qualified_type" else None
        if len(names) == 1 and field is not None and text(field) in (b"Buffer", b"Builder"):
            found[names[0].start_byte] = Site(path, node, names[0], kind, "var")
        elif len(names) == 1 and kind is not None and kind.type == "array_type":
            found[names[0].start_byte] = Site(path, node, names[0], kind, "array")
    return found


def plainly_kept(site: Site) -> bool:
    """Is the variable's name, as a whole expression, returned, put in a composite literal or sent?
    Then the object outlives the call and `check` should not offer the rule (by name, not
    identity: a shadowed namesake only costs a candidate the rule could have taken)."""
    name = text(site.name)
    for node in walk(enclosing_function(site.statement).child_by_field_name("body")):
        if node.type == "identifier" and node.text == name and node.parent is not None:
            holder = node.parent
            if (
                holder.type == "expression_list"
                and holder.parent is not None
                and holder.parent.type == "return_statement"
            ):
                return True
            if holder.type == "literal_element" or (
                holder.type == "send_statement" and holder.child_by_field_name("value") == node
            ):
                return True
    return False


def enclosing_function(node: Node) -> Node | None:
    """The function or method declaration that holds node, through any func literals between: where the
    pool goes, and whose name, directives and type parameters count."""
    return next((a for a in ancestors(node) if a.type in FUNCTIONS), None)


def own_function(node: Node) -> Node:
    """The function declaration or func literal whose body holds node directly: the call a deferred Put
    ends with (an HTTP handler returned as a func literal pools per request)."""
    return next(a for a in ancestors(node) if a.type in (*FUNCTIONS, "func_literal"))


def generic_receiver(function: Node) -> bool:
    receiver = function.child_by_field_name("receiver")
    return receiver is not None and b"[" in text(receiver)
