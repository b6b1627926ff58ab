"""Mutation fuzzer: run `gorewrite check` and `gorewrite fix` on mutants of the golden and example Go files.

Each mutant is a golden case (or the logship example) with one to three mutations of its code
(its tests stay as written: they are the verifier's oracle): statements
deleted, duplicated, swapped, wrapped or taken from another case; identifiers and files renamed
(to non-ASCII names too); sizes, comments, directives, build constraints, CRLF, a BOM, very long
lines, deep nesting, truncation, stray bytes (benchmarks/README.md lists them). Mutant i is made
from random.Random(f"{seed}:{i}") alone, so `--only i` rebuilds it exactly.

A gorewrite run costs a go list and a compile, so mutants are batched: each one is a package
tree (m00017/…) of one temporary module, and `check` and `fix` (writing, on a copy) run once on
./... per batch. Broken mutants are reported and skipped by gorewrite; the rest are processed.
Three counts must be 0:

  crashes         a traceback, "internal error", an exit code other than 0 or 2, or a timeout
                  (a crashing batch is split until each crashing mutant is found alone)
  broken builds   a mutant that built (go build and go vet) before `fix` and does not after
  foreign writes  a file changed, created or removed that the fix's diff does not name (check: any)

    python benchmarks/fuzz.py --mutants 10000 --seed 1 [--batch 100] [--jobs 2] [--keep DIR]
    python benchmarks/fuzz.py --seed 1 --only 4711 --keep /tmp/repro   # one mutant, kept to look at

Exit 0 when all three counts are 0, else 1. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

from gorewrite.patch import read_header_path
from gorewrite.syntax import parse
from gorewrite.toolchain import find_toolchain

REPO = Path(__file__).resolve().parent.parent
MODULE = "fuzz.test/b"  # each batch's module path; mutant i is the package tree MODULE/m<i>
TWO_RELEASES = ("go1.24.11", "go1.27.3")
TIMEOUT = 900  # seconds for one gorewrite run on a batch: a hang is a crash too
# gorewrite's last words on a bug: a traceback, then "internal error" (or a UserError that says it is one).
CRASH_MARKERS = ("Traceback (most recent call last)", "gorewrite: internal error", "gorewrite: error: internal error")
# Names a rename must not touch: the language's own, and what the files import.
PREDECLARED = frozenset(
    "_ append bool byte cap clear close complex complex64 complex128 copy delete error false float32 float64 "
    "imag int int8 int16 int32 int64 iota len make max min new nil panic print println real recover rune "
    "string true uint uint8 uint16 uint32 uint64 uintptr any comparable".split()
)
NEW_NAMES = ("{}2", "ñ{}", "{}_日本", "Ω{}", "{}é")
# A .gorewrite.toml for one batch in ten: settings that narrow or widen a run, and mistakes that must
# be one-line errors (exit 2), never a traceback.
CONFIGS = (
    b'disable = ["closure"]\n',
    b'rules = ["make-const", "sync-pool"]\n',
    b'exclude = ["m*1/*", "*_test.go"]\n',
    b"stack-budget = 32\nunsafe-fixes = true\n",
    b'verify = ["tests"]\n',
    b'toolchains = ["go1.27.3"]\n',
    "# Einstellungen f\u00fcr gorewrite\nstack-budget = 64\n".encode(),
    b"stack-budget = 1e9\n",
    b"rules = [\n",
    b'rules = "closure"\n',
    b"\xff\xfe\x00r",
    b"[rules]\nx = 1\n",
)
NON_ASCII = ("héllo wörld", "日本語のコメント", "emoji 🎉🚀", "ä\u200bzero-width", "Ελληνικά")


@dataclass(frozen=True)
class Unit:
    """A golden case or the example module: its Go files and the import path prefix they use for each other."""

    name: str
    prefix: str
    files: dict[str, bytes]  # relative path -> content


@dataclass
class Mutant:
    index: int
    unit: Unit
    files: dict[str, bytes]
    mutations: list[str]

    @property
    def dir(self) -> str:
        return f"m{self.index:05d}"

    def describe(self, seed: int) -> str:
        return f"seed {seed} mutant {self.index} ({self.unit.name}: {'; '.join(self.mutations)})"


@dataclass
class Finding:
    kind: str  # crash | broken build | foreign write
    where: str  # the mutant (seed, index, unit, mutations) or the batch
    detail: str


@dataclass
class Outcome:
    mutants: int = 0
    batches: int = 0
    processed: int = 0  # mutants that loaded and compiled, so the rules saw them
    rewritten: int = 0  # mutants with a file the fix wrote
    findings: list[Finding] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for f in self.findings if f.kind == kind)


def units() -> list[Unit]:
    """Every golden case (a directory with .go files directly under a golden module) and examples/logship."""
    found = []
    for gomod in sorted((REPO / "golden").rglob("go.mod")):
        module = re.search(rb"^module\s+(\S+)", gomod.read_bytes(), re.MULTILINE).group(1).decode()
        for case in sorted(p for p in gomod.parent.iterdir() if p.is_dir() and any(p.glob("*.go"))):
            found.append(Unit(str(case.relative_to(REPO)), f"{module}/{case.name}", _go_files(case)))
    logship = REPO / "examples" / "logship"
    found.append(Unit("examples/logship", "example.com/logship", _go_files(logship)))
    return found


def _go_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.go"))}


# --- mutations: each takes (rng, source) and returns (new source, what it did), or None when it does not apply


def _statements(source: bytes) -> list:
    """Statement nodes (children of a statement_list), in document order."""
    found, stack = [], [parse(source).root_node]
    while stack:
        node = stack.pop()
        if node.type == "statement_list":
            found += [c for c in node.named_children if c.type != "comment"]
        stack.extend(reversed(node.children))
    return sorted(found, key=lambda n: n.start_byte)


def _nodes(source: bytes, types: tuple[str, ...]) -> list:
    """Nodes of the given types, named or not, in document order."""
    found, stack = [], [parse(source).root_node]
    while stack:
        node = stack.pop()
        if node.type in types:
            found.append(node)
        stack.extend(node.children)
    return sorted(found, key=lambda n: n.start_byte)


DECLARING = ("short_var_declaration", "var_declaration", "const_declaration", "type_declaration", "labeled_statement")


def _plain(source: bytes) -> list:
    """Statements that declare nothing: copying or nesting them keeps the package compiling more often."""
    return [s for s in _statements(source) if s.type not in DECLARING]


def _literals(source: bytes, types: tuple[str, ...]) -> list:
    """String literals outside import declarations (an import path must stay a path)."""
    return [n for n in _nodes(source, types) if n.parent is None or n.parent.type != "import_spec"]


def _indent(source: bytes, at: int) -> bytes:
    """The whitespace that starts the line holding `at`: what an inserted line repeats."""
    start = source.rfind(b"\n", 0, at) + 1
    return re.match(rb"[ \t]*", source[start:at]).group(0)


def delete_statement(rng, source):
    stmts = _statements(source)
    if not stmts:
        return None
    s = rng.choice(stmts)
    return source[: s.start_byte] + source[s.end_byte :], f"delete statement at byte {s.start_byte}"


def duplicate_statement(rng, source):
    stmts = _plain(source)
    if not stmts:
        return None
    s = rng.choice(stmts)
    copy = b"\n" + _indent(source, s.start_byte) + source[s.start_byte : s.end_byte]
    return source[: s.end_byte] + copy + source[s.end_byte :], f"duplicate statement at byte {s.start_byte}"


def swap_statements(rng, source):
    stmts = _statements(source)
    pairs = [(a, b) for a, b in pairwise(stmts) if a.parent == b.parent]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    swapped = source[b.start_byte : b.end_byte] + source[a.end_byte : b.start_byte] + source[a.start_byte : a.end_byte]
    return source[: a.start_byte] + swapped + source[
        b.end_byte :
    ], f"swap statements at bytes {a.start_byte}, {b.start_byte}"


def swap_declarations(rng, source):
    decls = [
        n
        for n in parse(source).root_node.named_children
        if n.type in ("function_declaration", "method_declaration", "type_declaration", "var_declaration")
    ]
    if len(decls) < 2:
        return None
    a, b = sorted(rng.sample(decls, 2), key=lambda n: n.start_byte)
    swapped = source[b.start_byte : b.end_byte] + source[a.end_byte : b.start_byte] + source[a.start_byte : a.end_byte]
    return source[: a.start_byte] + swapped + source[b.end_byte :], "swap two top-level declarations"


def comment(rng, source):
    leaves = _nodes(source, ("identifier", "(", ")", "{", ",", "=", ":="))
    if not leaves:
        return None
    leaf = rng.choice(leaves)
    at = leaf.end_byte
    # A line comment only where a newline inserts no semicolon.
    choices = [b" /* c */ ", b"/**/", "/* é 日本 */".encode()] + (
        [b" // trailing\n"] if leaf.type in ("{", ",") else []
    )
    text = rng.choice(choices)
    return source[:at] + text + source[at:], f"comment {text!r} at byte {at}"


def directive(rng, source):
    funcs = _nodes(source, ("function_declaration", "method_declaration"))
    if not funcs:
        return None
    f = rng.choice(funcs)
    line = rng.choice(
        [
            b"//go:noinline",
            b"//go:nosplit",
            b"//go:norace",
            b"//gorewrite:ignore closure fuzz",
            b"//gorewrite:ignore",
            b"// Doc comment.",
        ]
    )
    return source[: f.start_byte] + line + b"\n" + source[f.start_byte :], f"{line.decode()} above a function"


def non_ascii(rng, source):
    text = rng.choice(NON_ASCII).encode()
    strings = _literals(source, ("interpreted_string_literal", "raw_string_literal"))
    if strings and rng.random() < 0.5:
        s = rng.choice(strings)
        return source[: s.start_byte + 1] + text + source[s.start_byte + 1 :], "non-ASCII text in a string literal"
    stmts = _statements(source)
    if not stmts:
        return None
    s = rng.choice(stmts)
    line = b"// " + text + b"\n" + _indent(source, s.start_byte)
    return source[: s.start_byte] + line + source[s.start_byte :], "non-ASCII comment above a statement"


def crlf(rng, source):
    return source.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), "CRLF line endings"


def bom(rng, source):
    if source.startswith(b"\xef\xbb\xbf"):
        return None
    return b"\xef\xbb\xbf" + source, "UTF-8 byte order mark"


def long_line(rng, source):
    n = rng.choice([5_000, 70_000, 300_000])
    strings = _literals(source, ("interpreted_string_literal",))
    if strings and rng.random() < 0.5:
        s = rng.choice(strings)
        return source[: s.start_byte + 1] + b"x" * n + source[s.start_byte + 1 :], f"string literal {n} bytes longer"
    stmts = _statements(source)
    if not stmts:
        return None
    s = rng.choice(stmts)
    return source[: s.end_byte] + b" // " + b"y" * n + source[s.end_byte :], f"{n}-byte comment after a statement"


def deep_nesting(rng, source):
    depth = rng.choice([20, 200, 2000])
    stmts = _plain(source)
    if not stmts:
        return None
    s = rng.choice(stmts)
    if rng.random() < 0.5:
        opened, closed = b"{ " * depth, b" }" * depth
        what = f"statement inside {depth} nested blocks"
    else:
        opened, closed = b"if true { " * depth, b" }" * depth
        what = f"statement inside {depth} nested ifs"
    return source[: s.start_byte] + opened + source[s.start_byte : s.end_byte] + closed + source[s.end_byte :], what


def deep_parens(rng, source):
    depth = rng.choice([20, 200, 2000])
    exprs = _nodes(source, ("identifier", "call_expression", "int_literal"))
    exprs = [
        e
        for e in exprs
        if e.parent is not None
        and e.parent.type in ("argument_list", "binary_expression", "return_statement")
        or e.parent.type == "expression_list"
        and e.parent.parent.type == "return_statement"
    ]
    if not exprs:
        return None
    e = rng.choice(exprs)
    return (
        source[: e.start_byte] + b"(" * depth + source[e.start_byte : e.end_byte] + b")" * depth + source[e.end_byte :]
    ), f"expression inside {depth} parentheses"


def line_directive(rng, source):
    """A //line directive: the compiler then reports positions in another file, or at other lines."""
    stmts = _statements(source)
    if not stmts:
        return None
    s = rng.choice(stmts)
    if rng.random() < 0.3:
        inline = rng.choice([b"/*line other.go:3:4*/", b"/*line :9:1*/"])
        return source[: s.start_byte] + inline + source[s.start_byte :], f"{inline.decode()} before a statement"
    line = rng.choice([b"//line other.go:1000", b"//line :7", b"//line /abs/elsewhere.go:1", b"//line :1:1"])
    return source[: s.start_byte] + b"\n" + line + b"\n" + source[s.start_byte :], f"{line.decode()} before a statement"


def package_clause(rng, source):
    """Another package name: two packages in one directory, or a main without func main."""
    clause = next((n for n in parse(source).root_node.named_children if n.type == "package_clause"), None)
    if clause is None:
        return None
    new = rng.choice([b"package main", b"package other", b"package _"])
    return source[: clause.start_byte] + new + source[clause.end_byte :], f"{new.decode()}"


def mixed_endings(rng, source):
    lines = source.split(b"\n")
    ending = rng.choice([b"\r\n", b"\r"])
    mixed = b"".join(line + (ending if i % 2 else b"\n") for i, line in enumerate(lines[:-1])) + lines[-1]
    return mixed, f"every other line ends in {ending!r}"


def literal(rng, source):
    """An integer literal becomes a size the rules weigh: 0, a stack budget's edge, 64 KiB, huge, negative."""
    ints = [n for n in _nodes(source, ("int_literal",)) if n.parent is None or n.parent.type != "import_spec"]
    if not ints:
        return None
    n = rng.choice(ints)
    value = rng.choice(
        [
            b"0",
            b"1",
            b"-1",
            b"31",
            b"32",
            b"33",
            b"256",
            b"257",
            b"8192",
            b"65536",
            b"65537",
            b"1 << 20",
            b"1 << 40",
            b"0x7fffffff",
            b"010",
            b"1_000",
        ]
    )
    return source[: n.start_byte] + value + source[n.end_byte :], f"literal {n.text.decode()} -> {value.decode()}"


def go_defer(rng, source):
    """`go f()` becomes `defer f()` and back: the closure rule treats them differently."""
    stmts = _nodes(source, ("go_statement", "defer_statement"))
    if not stmts:
        return None
    s = rng.choice(stmts)
    old, new = (b"go", b"defer") if s.type == "go_statement" else (b"defer", b"go")
    return source[: s.start_byte] + new + source[s.start_byte + len(old) :], f"{old.decode()} -> {new.decode()}"


def wrap(rng, source):
    """A declaration-free statement moves into a loop, a func literal called at once, or a goroutine."""
    stmts = _plain(source)
    if not stmts:
        return None
    s = rng.choice(stmts)
    opened, closed = rng.choice(
        [
            (b"for range 2 { ", b" }"),
            (b"for i := 0; i < 2; i++ { _ = i; ", b" }"),
            (b"func() { ", b" }()"),
            (b"go func() { ", b" }()"),
            (b"defer func() { ", b" }()"),
        ]
    )
    return (
        source[: s.start_byte] + opened + source[s.start_byte : s.end_byte] + closed + source[s.end_byte :],
        f"statement inside {opened.decode().strip()}",
    )


def reindent(rng, source):
    return re.sub(rb"(?m)^\t+", lambda m: b"    " * len(m.group(0)), source), "spaces instead of tabs (not gofmt'ed)"


def truncate(rng, source):
    at = rng.randrange(len(source) + 1)
    return source[:at], f"truncated at byte {at}"


def stray_bytes(rng, source):
    at = rng.randrange(len(source) + 1)
    junk = rng.choice([b"\x00", b"\xff", b"\xc3", b"}", b"{", b"(", b";", b'"', b"`", b"\t\n", b"\xe2\x80\xa8"])
    cut = rng.choice([0, 0, 1])
    return source[:at] + junk + source[at + cut :], f"{junk!r} at byte {at}" + (" replacing one" if cut else "")


FILE_MUTATIONS = {  # name -> (function, weight): most keep the package compiling, so rules and verifier run
    "delete_statement": (delete_statement, 3),
    "duplicate_statement": (duplicate_statement, 3),
    "swap_statements": (swap_statements, 3),
    "swap_declarations": (swap_declarations, 2),
    "comment": (comment, 3),
    "directive": (directive, 2),
    "non_ascii": (non_ascii, 3),
    "crlf": (crlf, 2),
    "bom": (bom, 2),
    "long_line": (long_line, 1),
    "deep_nesting": (deep_nesting, 1),
    "deep_parens": (deep_parens, 1),
    "line_directive": (line_directive, 2),
    "mixed_endings": (mixed_endings, 1),
    "package_clause": (package_clause, 1),
    "literal": (literal, 3),
    "go_defer": (go_defer, 2),
    "wrap": (wrap, 3),
    "reindent": (reindent, 1),
    "truncate": (truncate, 1),
    "stray_bytes": (stray_bytes, 1),
}


def rename(rng, files: dict[str, bytes], pool: list[Unit]) -> tuple[dict[str, bytes], str] | None:
    """Rename one identifier in every file of the unit (identifier, type and field names alike)."""
    imported = set()
    names = set()
    for source in files.values():
        for spec in _nodes(source, ("import_spec",)):
            path = spec.child_by_field_name("path")
            alias = spec.child_by_field_name("name")
            imported.add((alias or path).text.decode(errors="replace").strip('"').rsplit("/", 1)[-1])
        names |= {n.text.decode(errors="replace") for n in _nodes(source, ("identifier",))}
    names = sorted(names - PREDECLARED - imported)
    if not names:
        return None
    old = rng.choice(names)
    new = rng.choice(NEW_NAMES).format(old)
    renamed = {}
    for path, source in files.items():
        nodes = [
            n for n in _nodes(source, ("identifier", "type_identifier", "field_identifier")) if n.text == old.encode()
        ]
        for n in reversed(nodes):
            source = source[: n.start_byte] + new.encode() + source[n.end_byte :]
        renamed[path] = source
    return renamed, f"rename {old} to {new}"


def rename_file(rng, files: dict[str, bytes], pool: list[Unit]) -> tuple[dict[str, bytes], str] | None:
    """Rename one file: a build-variant's or a platform's name, a test, a non-ASCII name, a space."""
    old = rng.choice(sorted(files))
    new = (
        old.removesuffix(".go")
        + rng.choice(["_go125", "_prego125", "_linux", "_windows", "_test", "_ü", " copy"])
        + ".go"
    )
    if new in files:
        return None
    renamed = {new if path == old else path: content for path, content in files.items()}
    return renamed, f"rename file {old} to {new}"


def splice(rng, files: dict[str, bytes], pool: list[Unit]) -> tuple[dict[str, bytes], str] | None:
    """A statement of another unit is inserted before one of this unit's: new combinations for the rules."""
    donor = rng.choice(pool)
    donor_path = rng.choice(sorted(donor.files))
    given = _statements(donor.files[donor_path])
    path = rng.choice(sorted(files))
    stmts = _statements(files[path])
    if not given or not stmts:
        return None
    g, s = rng.choice(given), rng.choice(stmts)
    source = files[path]
    text = donor.files[donor_path][g.start_byte : g.end_byte] + b"\n" + _indent(source, s.start_byte)
    return {
        **files,
        path: source[: s.start_byte] + text + source[s.start_byte :],
    }, f"{path}: statement from {donor.name}/{donor_path} at byte {s.start_byte}"


def header(rng, files: dict[str, bytes], pool: list[Unit]) -> tuple[dict[str, bytes], str] | None:
    """A build constraint or a generated-code marker at the top of a file.

    A release constraint (go1.25, !go1.25) goes only on a file with a sibling: a package no file of
    which some release builds stops that release's whole compile (reported; see the README).
    """
    path = rng.choice(sorted(files))
    top = rng.choice(
        [
            b"//go:build ignore",
            b"//go:build linux",
            b"//go:build windows",
            b"// Code generated by fuzz. DO NOT EDIT.",
            b"//go:build go1.25",
            b"//go:build !go1.25",
        ]
    )
    siblings = [
        p for p in files if os.path.dirname(p) == os.path.dirname(path) and p != path and not p.endswith("_test.go")
    ]
    if b"go1.25" in top and not siblings:
        return None
    return {**files, path: top + b"\n\n" + files[path]}, f"{path}: {top.decode()} at the top"


UNIT_MUTATIONS = {"rename": (rename, 6), "rename_file": (rename_file, 1), "splice": (splice, 2), "header": (header, 2)}


def mutant(seed: int, index: int, pool: list[Unit]) -> Mutant:
    """Mutant `index` of `seed`: one to three mutations of one unit, from its own random stream."""
    rng = random.Random(f"{seed}:{index}")
    unit = rng.choice(pool)
    files = dict(unit.files)
    done = []
    every = {**FILE_MUTATIONS, **UNIT_MUTATIONS}
    for name in rng.choices(list(every), [w for _, w in every.values()], k=rng.choice([1, 1, 2, 3])):
        if name in UNIT_MUTATIONS:
            result = UNIT_MUTATIONS[name][0](rng, files, pool)
            if result:
                files, what = result
                done.append(what)
            continue
        # The code under rewrite, not its tests: they are the verifier's oracle, and a mutated one
        # (a `go` made `defer` before a wg.Wait) only hangs until go test's timeout, twice.
        path = rng.choice(sorted(p for p in files if not p.endswith("_test.go")) or sorted(files))
        result = FILE_MUTATIONS[name][0](rng, files[path])
        if result:
            files[path], what = result
            done.append(f"{path}: {what}")
    return Mutant(index, unit, files, done or ["unchanged"])


# --- batches


@dataclass(frozen=True)
class Batch:
    number: int
    mutants: tuple[Mutant, ...]
    gomod: str  # go.mod after its module line: the go line, maybe a toolchain line
    flags: tuple[str, ...]  # for check and fix: --toolchain, --stack-budget
    fix_flags: tuple[str, ...]  # for fix alone: --unsafe-fixes
    check_flags: tuple[str, ...] = ()  # for check alone: another --format than json
    config: bytes | None = None  # the module's .gorewrite.toml

    def command(self, cmd: str) -> str:
        """How to run it again by hand, on the mutant kept with --keep."""
        flags = self.flags + (self.fix_flags if cmd == "fix" else self.check_flags)
        config = f"; .gorewrite.toml {self.config!r}" if self.config is not None else ""
        return f"gorewrite {' '.join((cmd, *flags))} ({'; '.join(self.gomod.split(chr(10)))}{config})"


def batch(seed: int, number: int, size: int, total: int, pool: list[Unit]) -> Batch:
    """Batch `number`: its mutants, its module's go line, and its options: one batch in four with
    both releases, about one in three with another stack budget or with unsafe fixes, some with
    go.mod naming a toolchain, one in ten with a .gorewrite.toml; check prints any of its formats."""
    rng = random.Random(f"{seed}:batch:{number}")
    first = number * size
    mutants = tuple(mutant(seed, i, pool) for i in range(first, min(first + size, total)))
    two = rng.random() < 0.25
    go_line = rng.choice(["1.22", "1.22", "1.21", "1.24"] if two else ["1.22", "1.22", "1.21", "1.24", "1.25"])
    gomod = f"go {go_line}"
    if not two and go_line != "1.25" and rng.random() < 0.15:  # the go in use plus go.mod's toolchain line
        gomod += f"\ntoolchain {TWO_RELEASES[0]}"
    flags = tuple(f"--toolchain={r}" for r in TWO_RELEASES) if two else ()
    if rng.random() < 0.3:
        flags += (f"--stack-budget={rng.choice([1, 8, 32, 64, 4096, 65536])}",)
    unsafe = ("--unsafe-fixes",) if rng.random() < 0.3 else ()
    check = (f"--format={rng.choice(['json', 'text', 'github', 'sarif'])}",)
    return Batch(number, mutants, gomod, flags, unsafe, check, rng.choice(CONFIGS) if rng.random() < 0.1 else None)


def write_batch(root: Path, b: Batch, mutants: tuple[Mutant, ...]) -> None:
    """One module holding each mutant as the package tree m<index>/, imports of its own packages redirected."""
    root.mkdir(parents=True)
    (root / "go.mod").write_text(f"module {MODULE}\n\n{b.gomod}\n")
    if b.config is not None:
        (root / ".gorewrite.toml").write_bytes(b.config)
    for m in mutants:
        for rel, content in m.files.items():
            path = root / m.dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.replace(f'"{m.unit.prefix}'.encode(), f'"{MODULE}/{m.dir}'.encode()))


def hashes(root: Path) -> dict[str, str]:
    """sha256 of every file under root, by relative path."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@dataclass
class Run:
    code: int | None  # None: timed out
    stdout: str
    stderr: str

    def crash(self) -> str | None:
        """What went wrong, if gorewrite crashed: the traceback's last lines, a strange exit or a timeout."""
        if self.code is None:
            return f"timed out after {TIMEOUT} s"
        if any(marker in self.stderr for marker in CRASH_MARKERS):
            lines = self.stderr.strip().splitlines()
            start = next((i for i, line in enumerate(lines) if line.startswith("Traceback")), max(len(lines) - 6, 0))
            return "\n".join(lines[start:][-8:])
        if self.code not in (0, 2):
            return f"exit code {self.code}: {self.stderr.strip()[-500:]}"
        return None


def gorewrite(args: list[str], cwd: Path, go: str, patterns: list[str]) -> Run:
    """`gorewrite ARGS` (a command and its flags; JSON unless they say otherwise, and -v) on the patterns."""
    cmd, *flags = args
    verbose = ["-v"] if cmd == "fix" else []  # the longest summary: more of the report code runs
    argv = [sys.executable, "-m", "gorewrite", cmd, "--go", go, "--format=json", *verbose, *flags, *patterns]
    try:
        done = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=TIMEOUT, env=_env())
    except subprocess.TimeoutExpired:
        return Run(None, "", "")
    return Run(done.returncode, done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace"))


def _env() -> dict[str, str]:
    """The user's environment, minus what would make go commands reach past the temporary module.

    A mutant's test may deadlock (a statement that locks twice), and gorewrite's `go test` of a
    sync-pool candidate would wait for go test's default 10 minutes: GOFLAGS gives go test (the
    only command here that knows -timeout) one minute.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("GOWORK", "GOOS", "GOARCH")}
    env.update(GOWORK="off", GOFLAGS="-timeout=1m")
    return env


def failing(go: str, root: Path, patterns: list[str]) -> set[str]:
    """Packages (import paths) that `go build` or `go vet` (which type-checks the tests too) rejects."""
    bad = set()
    built = subprocess.run(
        [go, "build", "-json", "-o", os.devnull, *patterns], cwd=root, capture_output=True, env=_env()
    )
    for line in built.stdout.decode(errors="replace").splitlines():
        if line.startswith("{"):
            event = json.loads(line)
            if event.get("Action") == "build-fail":
                bad.add(event["ImportPath"])
    vetted = subprocess.run([go, "vet", *patterns], cwd=root, capture_output=True, env=_env())
    current = None
    for line in vetted.stderr.decode(errors="replace").splitlines():
        if line.startswith("# "):
            current = line[2:].strip("[]")
        elif current:
            bad.add(current)
    return bad


def owner(path: str) -> str:
    """The mutant directory (m<index>) a path relative to the batch module belongs to."""
    return path.split("/", 1)[0]


def attempt(cmd: str, b: Batch, mutants: list[Mutant], go: str, tmp: Path) -> Run:
    """Write the mutants to tmp/before, copy that to tmp/work, and run `gorewrite cmd` in tmp/work."""
    write_batch(tmp / "before", b, tuple(mutants))
    shutil.copytree(tmp / "before", tmp / "work")
    return gorewrite(
        [cmd, *b.flags, *(b.fix_flags if cmd == "fix" else b.check_flags)],
        tmp / "work",
        go,
        [f"./{m.dir}/..." for m in mutants],
    )


def split(cmd: str, b: Batch, mutants: list[Mutant], go: str, scratch: Path, crash: str) -> list[tuple[Mutant, str]]:
    """The mutants on which `gorewrite cmd` crashes by themselves: halve a crashing set until each is alone."""
    if len(mutants) == 1:
        return [(mutants[0], crash)]
    found = []
    for half in (mutants[: len(mutants) // 2], mutants[len(mutants) // 2 :]):
        with tempfile.TemporaryDirectory(dir=scratch) as tmp:
            again = attempt(cmd, b, half, go, Path(tmp)).crash()
        found += split(cmd, b, half, go, scratch, again) if again else []
    return found


def run_batch(seed: int, b: Batch, go: str, scratch: Path, keep: Path | None) -> Outcome:
    """check, then fix, on one batch: every crash, broken build and foreign write they show.

    A crashing run is split to find the crashing mutants; the rest run again without them.
    """
    out = Outcome(mutants=len(b.mutants), batches=1)
    mutants = list(b.mutants)
    for cmd in ("check", "fix"):
        while mutants:
            with tempfile.TemporaryDirectory(dir=scratch) as tmp:
                run = attempt(cmd, b, mutants, go, Path(tmp))
                crash = run.crash()
                if crash is None:
                    inspect(seed, cmd, b, mutants, run, Path(tmp), go, out, keep)
                    break
            found = split(cmd, b, mutants, go, scratch, crash)
            if not found:  # only together: report the batch
                out.findings.append(Finding("crash", f"seed {seed} batch {b.number}", f"{b.command(cmd)}: {crash}"))
                break
            for m, crash in found:
                out.findings.append(Finding("crash", m.describe(seed), f"{b.command(cmd)}: {crash}"))
                mutants.remove(m)
                _keep(keep, b, m)
    return out


def inspect(
    seed: int, cmd: str, b: Batch, mutants: list[Mutant], run: Run, tmp: Path, go: str, out: Outcome, keep: Path | None
) -> None:
    """Compare tmp/work after the run with tmp/before: only rewritten files changed, and they still build."""
    by_dir = {m.dir: m for m in mutants}
    report = json.loads(run.stdout) if cmd == "fix" and run.stdout.strip() else {}  # check may print any format
    headers = re.findall(r"(?m)^\+\+\+ ([^\t\n]+)", report.get("diff", ""))  # `"b/\303\274.go"`: C-quoted
    rewritten = {read_header_path(h).removeprefix("b/") for h in headers}
    before, after = hashes(tmp / "before"), hashes(tmp / "work")
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    for path in sorted(changed - rewritten):
        m = by_dir.get(owner(path))
        out.findings.append(
            Finding(
                "foreign write",
                m.describe(seed) if m else f"seed {seed} batch {b.number}",
                f"{b.command(cmd)} changed {path}",
            )
        )
    if cmd != "fix":
        return
    broken = {owner(p["package"].removeprefix(MODULE + "/")) for p in report.get("broken", [])}
    out.processed = len(mutants) - len(broken) if report else 0  # no report: the run was refused (a bad config)
    touched = sorted({owner(p) for p in changed} & by_dir.keys())
    out.rewritten = len(touched)
    if not touched:
        return
    patterns = [f"./{d}/..." for d in touched]
    newly = failing(go, tmp / "work", patterns) - failing(go, tmp / "before", patterns)
    for d in sorted({owner(p.removeprefix(MODULE + "/")) for p in newly}):
        out.findings.append(
            Finding("broken build", by_dir[d].describe(seed), f"{d} built before {b.command('fix')} and does not after")
        )
        _keep(keep, b, by_dir[d])


def _keep(keep: Path | None, b: Batch, m: Mutant) -> None:
    """Save a failing mutant as a module of its own, to reproduce and to turn into a regression test."""
    if keep is not None:
        target = keep / m.dir
        shutil.rmtree(target, ignore_errors=True)
        write_batch(target, b, (m,))


def fuzz(
    seed: int,
    total: int,
    size: int = 100,
    jobs: int = 1,
    keep: Path | None = None,
    only: int | None = None,
    progress=lambda outcome: None,
) -> Outcome:
    """Run `total` mutants of `seed` in batches of `size` (or just mutant `only`); the sum of the batches' outcomes."""
    go = find_toolchain().go
    pool = units()
    numbers = [only // size] if only is not None else range((total + size - 1) // size)
    outcome = Outcome()
    with tempfile.TemporaryDirectory(prefix="gorewrite-fuzz-") as scratch, ThreadPoolExecutor(jobs) as workers:

        def one(number: int) -> Outcome:
            b = batch(seed, number, size, max(total, (only or 0) + 1), pool)
            if only is not None:
                b = replace(b, mutants=tuple(m for m in b.mutants if m.index == only))
                _keep(keep, b, b.mutants[0])
            return run_batch(seed, b, go, Path(scratch), keep)

        for result in workers.map(one, numbers):
            for name in ("mutants", "batches", "processed", "rewritten"):
                setattr(outcome, name, getattr(outcome, name) + getattr(result, name))
            outcome.findings += result.findings
            progress(outcome)
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mutants", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=100, help="mutants per temporary module (default 100)")
    parser.add_argument("--jobs", type=int, default=1, help="batches run at once (default 1)")
    parser.add_argument("--keep", type=Path, help="save each failing mutant here as a module of its own")
    parser.add_argument("--only", type=int, metavar="INDEX", help="run just this mutant (with --keep: and save it)")
    args = parser.parse_args()
    start = time.monotonic()

    def progress(o: Outcome) -> None:
        print(
            f"fuzz: {o.mutants} mutants, {o.batches} batches, {o.processed} processed, {o.rewritten} rewritten, "
            f"{len(o.findings)} findings, {time.monotonic() - start:.0f} s",
            file=sys.stderr,
            flush=True,
        )

    print(
        f"fuzz: gorewrite with {find_toolchain().version} (and {' and '.join(TWO_RELEASES)} where a batch names them)",
        file=sys.stderr,
    )
    o = fuzz(args.seed, args.mutants, args.batch, args.jobs, args.keep, args.only, progress)
    for f in o.findings:
        print(f"\n{f.kind}: {f.where}\n  " + f.detail.replace("\n", "\n  "))
    print(
        f"\nmutants {o.mutants}  batches {o.batches}  processed {o.processed}  rewritten {o.rewritten}  "
        f"crashes {o.count('crash')}  broken builds after fix {o.count('broken build')}  "
        f"foreign writes {o.count('foreign write')}  seconds {time.monotonic() - start:.0f}"
    )
    return 1 if o.findings else 0


if __name__ == "__main__":
    sys.exit(main())
