"""build-variant: a rewrite that pays off on older releases only goes into a `//go:build !go1.25` file.

go1.25+ keeps a variable-size make of up to 32 bytes on the stack, so make-const leaves such a
site alone when a go1.25+ release is in the run. When an older release in the same run still
sends it to the heap, this rule moves the function out of its file into a pair of files with
complementary constraints: `<file>_prego125.go` (`//go:build !go1.25`) holds make-const's
rewrite, `<file>_go125.go` (`//go:build go1.25`) the function exactly as it was; imports are
fixed in all three files and doc comments move with the function. The full doc, with the cases
it declines, is rules/build-variant/README.md.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import replace

from gorewrite import constraints
from gorewrite.claims import Claim, InVariant, KeepsOnStack, RemovesTargets, stack_exprs
from gorewrite.edits import Edit, apply
from gorewrite.escapes import STACK_FALLBACK_SINCE
from gorewrite.file_bound import reports_file
from gorewrite.packages import name_constraints
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.rulekit import language_minor, types_or_reason
from gorewrite.syntax import Node, captures, doc_start, import_specs, load_query, receiver_type, text, walk
from gorewrite.toolchain import release_minor
from gorewrite.typeinfo import Kind

NAME = "build-variant"
SINCE = STACK_FALLBACK_SINCE
INNER = "make-const"  # the rule whose rewrite goes into the older releases' variant
CONSTRAINT = f"go1.{SINCE}"  # the newer side; the rewrite goes to !CONSTRAINT
SUFFIXES = (f"prego1{SINCE}", f"go1{SINCE}")  # <file>_<suffix>.go: the rewritten side, the original side
DECLARATIONS = ("function_declaration", "method_declaration")
MAX_SUBSETS = 4  # functions of one file up to which every smaller variant is an alternative (14 at most)


def find(view: PackageView) -> list[Candidate]:
    """make-const's sites that only the run's releases before go1.25 send to the heap."""
    minors = [release_minor(v) for v in view.by_toolchain]
    if not minors or min(minors) >= SINCE or max(minors) < SINCE:
        return []  # every release in the run is on the same side: nothing differs between variants
    newer = {e for v, found in view.by_toolchain.items() if release_minor(v) >= SINCE for e in found if e.heap}
    return [
        Candidate(NAME, c.escape, c.path, (0, len(view.sources[c.path])), c.also)  # the whole file: its imports move
        for c in view.required[INNER].find(view)
        if c.escape.heap and c.escape not in newer
    ]


def propose(view: PackageView, candidates: list[Candidate]) -> list[Proposal]:
    """One Fix per file: its functions whose make-const rewrite helps the older releases only."""
    older = replace(view, by_toolchain={v: e for v, e in view.by_toolchain.items() if release_minor(v) < SINCE})
    proposals: list[Proposal] = []
    by_file: dict[str, list[Fix]] = {}
    first: dict[str, list[Fix]] = {}  # make-const's rewrites in place, on every release, by file
    for cand in candidates:
        inner = replace(cand, rule=INNER)
        everywhere = view.required[INNER].propose(view, [inner])
        if not everywhere:
            continue  # the size is a constant after all
        if isinstance(everywhere[0], Fix):
            if not everywhere[0].speculative:
                first.setdefault(cand.path, []).append(everywhere[0])
            continue  # it pays off on every release: make-const's site, rewritten in place, and no decline to list

        (only_older,) = view.required[INNER].propose(older, [inner])
        if isinstance(only_older, Declined):
            proposals.append(Declined(NAME, cand.escape, only_older.reason))
        else:
            by_file.setdefault(cand.path, []).append(only_older)
    for path, fixes in by_file.items():
        waiting = _waiting(view, path, fixes, first.get(path, []))
        if view.rules and INNER not in view.rules:
            proposals += [Declined(NAME, f.targets[0], why) for f, why in waiting.items()]
        else:
            proposals += _after_inner(view, path, list(waiting), first.get(path, []))
        fixes = [f for f in fixes if f not in waiting]
        variant = _variant(view, path, fixes) if fixes else None
        if isinstance(variant, str):
            proposals += [Declined(NAME, f.targets[0], variant) for f in fixes]
        elif variant is not None:
            proposals.append(replace(variant, instead=_cheaper(view, path, fixes) + _smaller(view, path, fixes)))
    return proposals


def _waiting(view: PackageView, path: str, fixes: list[Fix], first: list[Fix]) -> dict[Fix, str]:
    """The fixes in a function that also holds a site make-const rewrites in place on every release: that
    rewrite goes in first, so that the function moves with it, into both files (each release's build
    compiles one of them: a site left in the go1.25 file would be out of reach of a run whose first
    toolchain lists the packages without it)."""
    root = view.tree(path).root_node
    waiting = {}
    for fix in fixes:
        other = next((f.targets[0] for f in _blockers(view, path, fix, first)), None)
        if other is not None:
            waiting[fix] = (
                f"{_name(_declaration(root, view.offset(fix.targets[0])))} also holds make-const's rewrite of"
                f" {os.path.basename(other.path)}:{other.line}, which pays off on every release and goes in first,"
                f" in place ({INNER} is not in this run: `--rule {INNER}`); run gorewrite again once it is applied:"
                " the function then moves with it"
            )
    return waiting


def _blockers(view: PackageView, path: str, fix: Fix, first: list[Fix]) -> list[Fix]:
    """make-const's rewrites in place in the function that holds the fix."""
    root = view.tree(path).root_node
    decl = _declaration(root, view.offset(fix.targets[0]))
    return [f for f in first if decl is not None and _declaration(root, view.offset(f.targets[0])) == decl]


def _after_inner(view: PackageView, path: str, waiting: list[Fix], first: list[Fix]) -> list[Proposal]:
    """For each function whose make-const rewrite in place goes in first, the variant carrying that rewrite
    too: it overlaps the rewrite in place, so it is tried in its place should verification reject that one
    (adv35e: the rewrite made W too costly to inline on go1.24.11, and the function waited for it forever).
    Verified, the rewrite in place leaves the variant to the next run (the pipeline says so)."""
    by_decl: dict[int, list[Fix]] = {}
    root = view.tree(path).root_node
    for fix in waiting:
        by_decl.setdefault(_declaration(root, view.offset(fix.targets[0])).start_byte, []).append(fix)
    proposals: list[Proposal] = []
    for fixes in by_decl.values():
        blockers = [b for b in first if b in _blockers(view, path, fixes[0], first)]
        variant = _variant(view, path, fixes + blockers)
        if isinstance(variant, str):
            proposals += [Declined(NAME, f.targets[0], variant) for f in fixes]
        else:
            proposals.append(variant)
    return proposals


def _cheaper(view: PackageView, path: str, fixes: list[Fix]) -> tuple[Fix, ...]:
    """The variant with each inner fix in its cheaper form (make-const's first alternative: the same sites, the
    arrays from `new([K]T)`, fewer nodes), tried first should verification reject the whole one: a function the
    rewrite made too costly to inline on go1.24 may fit again, and every function keeps its variant."""
    forms = [f.instead[0] if f.instead else f for f in fixes]
    variant = _variant(view, path, forms) if forms != fixes else None
    return (variant,) if isinstance(variant, Fix) else ()


def _smaller(view: PackageView, path: str, fixes: list[Fix]) -> tuple[Fix, ...]:
    """The variants of fewer of the functions, the most first, in case verification rejects the whole
    one for one function (it no longer inlines): the others keep their variant. Every subset up to
    MAX_SUBSETS functions, else the variant without each one and each one alone."""
    root = view.tree(path).root_node
    by_decl: dict[int, list[Fix]] = {}
    for fix in fixes:
        decl = _declaration(root, view.offset(fix.targets[0]))
        by_decl.setdefault(decl.start_byte if decl is not None else -1, []).append(fix)
    parts = list(by_decl.values())
    if len(parts) <= MAX_SUBSETS:
        sizes = range(len(parts) - 1, 0, -1)
        chosen = [c for size in sizes for c in itertools.combinations(parts, size)]
    else:
        chosen = [tuple(p for p in parts if p is not left) for left in parts] + [(p,) for p in parts]
    found = (_variant(view, path, [f for part in c for f in part]) for c in chosen)
    return tuple(f for f in found if isinstance(f, Fix))


def precheck(versions: list[str]) -> str | None:
    """A note when the run's releases are all on one side of go1.25: no variant can differ."""
    if len({release_minor(v) >= SINCE for v in versions}) == 2:
        return None
    return (
        f"build-variant compares releases on both sides of go1.{SINCE}; with {' and '.join(versions)} it has "
        "nothing to do: name both, e.g. --toolchain go1.24.11 --toolchain go1.27.3"
    )


def _variant(view: PackageView, path: str, fixes: list[Fix]) -> Fix | str:
    """Move the functions holding the fixes into the pair of variant files, or why not."""
    older_path, newer_path = variant_paths(path)
    taken = [p for p in (older_path, newer_path) if p in view.sources or os.path.lexists(p)]
    if taken:
        return f"{os.path.basename(taken[0])} exists already"
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    source = view.sources[path]
    root = view.tree(path).root_node
    if root.has_error:
        return "the file has syntax tree-sitter-go cannot parse: its imports cannot be sorted out"
    header = _header(root)
    if isinstance(header, str):
        return header
    license_, existing = header
    imports = _imports(root)
    if isinstance(imports, str):
        return imports
    decls = []
    for fix in fixes:
        decl = _declaration(root, view.offset(fix.targets[0]))
        if decl is None:
            return "the make is not inside a function declaration"
        if text(decl.child_by_field_name("name")) == b"init" and decl.type == "function_declaration":
            return "the make is in an init function: moving it to another file changes the order init functions run in"
        if decl not in decls:
            decls.append(decl)
    decls.sort(key=lambda d: d.start_byte)
    looping = next((d for d in decls if _declares_loop_variables(d)), None)
    if looping is not None and language_minor(view, path) < 22:
        return (
            f"{_name(looping)} declares loop variables and the file's Go version is before go 1.22: under"
            f" //go:build {CONSTRAINT}, {os.path.basename(newer_path)} would be go1.25 code, whose loop"
            " variables are per iteration"
        )
    spans = [(doc_start(d).start_byte, _end(d)) for d in decls]
    for decl, span in zip(decls, spans, strict=True):
        said = reports_file(view, types, path, span)
        if said:
            return f"{_name(decl)} uses {said}: moved to another file, it would report that file"
    if any(not any(a <= e.start and e.end <= b for a, b in spans) for f in fixes for e in f.edits):
        return "make-const's rewrite reaches outside the functions that move"
    moved, kept = _import_uses(view, path, imports, spans)
    package = text(next(c for c in root.named_children if c.type == "package_clause").named_children[0]).decode()
    both = [_with_fixes(source, start, end, fixes) for start, end in spans]
    originals = [source[start:end] for start, end in spans]
    wanted = [imports[i] for i in sorted(moved)]
    rewritten = _file(license_, _combined(existing, f"!{CONSTRAINT}"), package, wanted, both)
    original = _file(license_, _combined(existing, CONSTRAINT), package, wanted, originals)
    unused = _unused_imports(imports, moved - kept)
    if isinstance(unused, str):
        return unused
    edits = _merged([_removal(source, start, end) for start, end in spans + unused], path)
    edits += [Edit(older_path, 0, 0, rewritten), Edit(newer_path, 0, 0, original)]
    names = ", ".join(_name(d) for d in decls)
    summary = (
        f"move {names} to {os.path.basename(older_path)} (//go:build !{CONSTRAINT}) with make-const's rewrite "
        f"({'; '.join(f.summary for f in fixes)}), and as it was to {os.path.basename(newer_path)}"
    )
    return Fix(
        NAME,
        tuple(edits),
        tuple(t for f in fixes for t in f.targets),
        summary,
        claim=InVariant(older_path, _claim(fixes)),
        speculative=any(f.speculative for f in fixes),
    )


def variant_paths(path: str) -> tuple[str, str]:
    """`<file>_prego125.go` and `<file>_go125.go`; a GOOS/GOARCH the name ends in and a `_test` after it stay
    last, where go/build reads them (`scan_prego125_linux_test.go`), so both files keep the original's
    constraint and stay test files if it is one."""
    directory, base = os.path.split(path)
    stem = base.removesuffix(".go")
    test = "_test" if stem.endswith("_test") else ""
    platform = "".join(f"_{word}" for word in name_constraints(path))
    stem = stem.removesuffix(test).removesuffix(platform)
    return tuple(os.path.join(directory, f"{stem}_{suffix}{platform}{test}.go") for suffix in SUFFIXES)


def _declares_loop_variables(decl: Node) -> bool:
    """Does a for statement in the function (its literals' too) declare variables, `for i := …` or `for k, v :=
    range …`: shared by all iterations before go 1.22, one per iteration from it (the file's version)."""
    for node in walk(decl):
        if node.type == "for_clause" and (init := node.child_by_field_name("initializer")) is not None:
            if init.type == "short_var_declaration":
                return True
        if node.type == "range_clause" and any(c.type == ":=" for c in node.children):
            return True
    return False


def _claim(fixes: list[Fix]) -> Claim:
    """make-const's claim for the variant: its targets are gone where it proves a bound (an exact
    array), else its stack buffers stand in front of them."""
    if all(isinstance(f.claim, RemovesTargets) for f in fixes):
        return RemovesTargets()
    return KeepsOnStack(tuple(s for f in fixes for s in stack_exprs(f.claim)))


def _header(root: Node) -> tuple[bytes, str | None] | str:
    """The comments above the package clause that are not its doc (a license) and the file's
    //go:build expression as go/build reads it (constraints.read), or why the file cannot have variants."""
    package = next((c for c in root.named_children if c.type == "package_clause"), None)
    if package is None:
        return "the file has no package clause tree-sitter-go can read"
    found = constraints.read(root.text or b"")
    if isinstance(found, str):
        return f"go/build refuses the file: {found}"
    if found is not None and found.plus_build:
        return "the file has an old-style `// +build` constraint and no //go:build line"
    if found is not None and constraints.versions(found.expr):
        return f"the file is a release variant already (//go:build {found.text})"
    comments = [n for n in root.named_children if n.type == "comment" and n.start_byte < package.start_byte]
    lines = [n for n in comments if constraints.build_line(text(n).decode(errors="replace")) is not None]
    if len(lines) != (found is not None):
        return "the file has a //go:build comment go/build does not read (after other text on its line)"
    license_ = comments[: comments.index(lines[0])] if lines else comments
    if any(constraints.plus_build_line(text(n).decode(errors="replace")) is not None for n in license_):
        return "the file has an old-style `// +build` line outside its //go:build constraint"
    # The comment block right above the package clause is the package doc: it stays where it is.
    top = package.start_point.row
    while license_ and license_[-1].end_point.row + 1 >= top:
        top = license_.pop().start_point.row
    return (root.text[license_[0].start_byte : license_[-1].end_byte] if license_ else b""), (
        found.text if found else None
    )


def _imports(root: Node) -> list[Node] | str:
    """The file's import specs, or why the functions' imports cannot be told apart."""
    specs = []
    for caps in captures(load_query(NAME), root):
        if text(caps["path"][0]).strip(b'"`') == b"C":
            return 'the file uses cgo (import "C"): its preamble would have to move too'
        if "name" in caps and caps["name"][0].type == "dot":
            return "the file has a dot import: gorewrite cannot tell which names the functions use"
        specs.append(caps["spec"][0])
    return specs


def _import_uses(
    view: PackageView, path: str, specs: list[Node], spans: list[tuple[int, int]]
) -> tuple[set[int], set[int]]:
    """Which import specs (by index) the moved functions use, and which the rest of the file uses:
    go/types resolves each package name to the import that declares it."""
    moved: set[int] = set()
    kept: set[int] = set()
    for ident in view.types.idents.get(path, ()):
        if (
            ident.kind != Kind.PKGNAME
            or ident.obj is None
            or any(s.start_byte <= ident.start < s.end_byte for s in specs)
        ):
            continue
        offset = int(ident.obj.rpartition(":")[2])
        index = next((i for i, s in enumerate(specs) if s.start_byte <= offset < s.end_byte), None)
        if index is not None:
            (moved if any(a <= ident.start < b for a, b in spans) else kept).add(index)
    blank = {i for i, s in enumerate(specs) if text(s.child_by_field_name("name") or s)[:1] == b"_"}
    return moved, kept | blank  # a blank import stays: it is there for its side effects


def _declaration(root: Node, offset: int | None) -> Node | None:
    return next(
        (
            d
            for d in root.named_children
            if d.type in DECLARATIONS and offset is not None and d.start_byte <= offset < d.end_byte
        ),
        None,
    )


def _end(decl: Node) -> int:
    """Where the declaration ends, with a comment on its last line (`} // Window`)."""
    after = decl.next_sibling
    if after is not None and after.type == "comment" and after.start_point.row == decl.end_point.row:
        return after.end_byte
    return decl.end_byte


def _with_fixes(source: bytes, start: int, end: int, fixes: list[Fix]) -> bytes:
    """The declaration's text with the inner fixes' edits that fall inside it applied."""
    inside = [
        Edit("", e.start - start, e.end - start, e.new)
        for f in fixes
        for e in f.edits
        if start <= e.start and e.end <= end
    ]
    return apply(source[start:end], inside)


def _file(license_: bytes, constraint: str, package: str, specs: list[Node], decls: list[bytes]) -> bytes:
    """A variant file: license, constraint, package clause, the imports its functions use, the functions."""
    parts = [license_] if license_ else []
    parts += [f"//go:build {constraint}".encode(), f"package {package}".encode()]
    if len(specs) == 1:
        parts.append(b"import " + text(specs[0]))
    elif specs:
        parts.append(b"import (\n" + b"".join(b"\t" + text(s) + b"\n" for s in specs) + b")")
    return b"\n\n".join(parts + decls) + b"\n"


def _combined(existing: str | None, term: str) -> str:
    if existing is None:
        return term
    return f"({existing}) && {term}" if "||" in existing else f"{existing} && {term}"


def _unused_imports(specs: list[Node], unused: set[int]) -> list[tuple[int, int]] | str:
    """The byte ranges to delete for imports only the moved functions used: a declaration all of
    whose specs go, else each spec on its own line."""
    gone = {specs[i].start_byte for i in unused}
    decls = {}
    for spec in specs:
        decl = spec.parent if spec.parent.type == "import_declaration" else spec.parent.parent
        decls[decl.start_byte] = decl
    ranges = []
    for decl in decls.values():
        mine = import_specs(decl)
        if all(s.start_byte in gone for s in mine):
            ranges.append((decl.start_byte, decl.end_byte))
            continue
        for spec in (s for s in mine if s.start_byte in gone):
            rows = range(spec.start_point.row, spec.end_point.row + 1)
            if any(
                o.start_byte != spec.start_byte and (o.start_point.row in rows or o.end_point.row in rows) for o in mine
            ):
                return "an import the moved functions alone use shares its line with another import"
            ranges.append((spec.start_byte, spec.end_byte))
    return sorted(ranges)


def _removal(source: bytes, start: int, end: int) -> Edit:
    """Delete [start, end) with the rest of its lines and the blank lines after: gofmt would not close the gap."""
    start = source.rfind(b"\n", 0, start) + 1
    newline = source.find(b"\n", end)
    end = len(source) if newline < 0 else newline + 1
    while source[end : end + 1] == b"\n" or source[end : end + 2] == b"\r\n":
        end += 1 if source[end : end + 1] == b"\n" else 2
    return Edit("", start, end, b"")


def _merged(edits: list[Edit], path: str) -> list[Edit]:
    """The removals on the original file, overlapping ones joined."""
    out: list[Edit] = []
    for e in sorted(edits):
        if out and e.start <= out[-1].end:
            out[-1] = Edit(path, out[-1].start, max(out[-1].end, e.end), b"")
        else:
            out.append(Edit(path, e.start, e.end, b""))
    return out


def _name(decl: Node) -> str:
    name = text(decl.child_by_field_name("name")).decode()
    if decl.type != "method_declaration":
        return name
    receiver = receiver_type(decl.child_by_field_name("receiver"))
    shown = receiver or text(decl.child_by_field_name("receiver")).decode().strip("()").split()[-1].lstrip("*")
    return f"{shown}.{name}"


RULE = Rule(
    name=NAME,
    summary="put a rewrite that pays off before go1.25 only into a //go:build !go1.25 variant of the function",
    messages=("make([]T, n) escapes to heap", "make([]T, n) does not escape"),
    find=find,
    propose=propose,
    requires=(INNER,),
    precheck=precheck,
)
