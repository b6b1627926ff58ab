"""Resolve patterns to the packages the go command would build (`go list -json`)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass

from gorewrite.errors import UserError
from gorewrite.toolchain import Toolchain

# Only what Package needs: go list skips computing the rest.
FIELDS = (
    "ImportPath,Name,Dir,Module,Standard,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,"
    "ImportMap,Imports,Error,DepsErrors,Match"
)

# Go's convention (go help generate): this line, before the package clause, marks a generated file.
GENERATED = re.compile(rb"^// Code generated .* DO NOT EDIT\.\r?$", re.MULTILINE)
PACKAGE_CLAUSE = re.compile(rb"^package\s", re.MULTILINE)
HEAD_BYTES = 8192  # license headers are shorter; the package clause is nearly always within this

EXCLUDED_DIRS = {"vendor", "testdata"}
NO_GO_LINE = "1.16"  # what the go command assumes for a go.mod without a go line (gover.DefaultGoModVersion)


@dataclass(frozen=True)
class Package:
    """One package as the build sees it: where it lives, what it compiles, what may be rewritten."""

    import_path: str
    name: str
    dir: str  # absolute
    module_root: str | None  # absolute; None for the standard library
    go_version: str  # language version from go.mod's go line ("1.22"); the toolchain's for std
    files: tuple[str, ...]  # absolute paths of the .go files the build compiles (no tests)
    rewritable: frozenset[
        str
    ]  # the subset gorewrite may change: not generated, vendor/ or testdata/, and within the named files
    import_map: dict[str, str]  # import path as written in source -> resolved package path (vendoring)
    imports: tuple[str, ...]  # resolved import paths
    standard: bool
    error: str | None  # what `go list` reports as wrong with it (syntax error, missing import), else None
    tests: bool = False  # it has _test.go files (they may instantiate its generics: instances.py)


def load(
    toolchain: Toolchain,
    patterns: list[str],
    cwd: str,
    generated: Callable[[str], bool] | None = None,
    listed: list[dict] | None = None,
) -> list[Package]:
    """The packages the patterns name, sorted by import path, each with what may be rewritten.

    Patterns are what `go list` takes, plus directories and .go files (as pre-commit passes
    them): a file names its directory's package, and only the named files are rewritable.
    A package go list finds but cannot load is returned with `error` set, for the caller to
    report and skip; one with nothing to compile is left out; a pattern that names nothing
    raises UserError. `generated` says whether a file is generated (is_generated unless given). `listed`:
    go list's entries for the patterns (FIELDS at least) when another go command listed them without an error.
    """
    args, named = _arguments(patterns, cwd)
    found = listed or _list(toolchain, args, cwd)
    if not found and all("..." in p for p in patterns):
        return []  # like `go build ./...` in a module without packages: nothing to do
    if not found:
        raise UserError(f"no packages matched {' '.join(patterns)} (name a directory holding Go files, or a package)")
    for p in found:
        if "Dir" not in p:  # go list made up an entry for a pattern that names no package
            err = (_error(p) or "no such package").splitlines()[0]
            raise UserError(f"{p['ImportPath']}: {err} ({_hint(err, toolchain.version)})")
    lang = f"1.{toolchain.minor}"
    # Like `go build ./...`, skip what has nothing to compile (only tests, or all excluded by tags).
    built = [p for p in found if p.get("GoFiles") or p.get("CgoFiles") or _error(p)]
    return sorted((_package(p, named, lang, generated or is_generated) for p in built), key=lambda p: p.import_path)


def _list(toolchain: Toolchain, args: list[str], cwd: str) -> list[dict]:
    done = toolchain.run(["list", "-e", f"-json={FIELDS}", "--", *args], cwd=cwd)
    stderr = done.stderr.decode(errors="replace").strip()
    if done.returncode != 0:
        said = [line for line in stderr.splitlines() if not line.startswith("go: downloading ")]
        first = " ".join(said[:2]) if said and said[0].endswith(":") else said[0] if said else ""
        first = first or f"go list exited with status {done.returncode}"
        raise UserError(f"{first} ({_hint(first, toolchain.version)})")
    return json_stream(done.stdout.decode())


def arguments(patterns: list[str], cwd: str) -> list[str]:
    """What go list is given for the patterns: `go build` given the same names the same packages."""
    return _arguments(patterns, cwd)[0]


def _arguments(patterns: list[str], cwd: str) -> tuple[list[str], dict[str, set[str]]]:
    """go list arguments for the patterns, and the named files keyed by the argument they became."""
    args: list[str] = []
    named: dict[str, set[str]] = {}
    for pattern in patterns:
        path = os.path.join(cwd, pattern)
        if pattern.endswith(".go"):
            if not os.path.isfile(path):
                raise UserError(f"{pattern}: no such file (name existing .go files, directories or packages)")
            directory = os.path.dirname(os.path.abspath(path))
            named.setdefault(directory, set()).add(os.path.realpath(path))
            pattern = directory
        elif not pattern.startswith((".", "/")) and os.path.isdir(path.removesuffix("/...")):
            pattern = "./" + pattern  # a directory, not an import path of the same name
        if pattern not in args:
            args.append(pattern)
    return args, named


def json_stream(text: str) -> list[dict]:
    """The objects of go's concatenated JSON output: only top-level braces sit alone at column 0."""
    return json.loads("[" + text.replace("\n}\n{", "\n},\n{") + "]") if text.strip() else []


def _hint(message: str, version: str) -> str:
    """What to do about a go list failure."""
    if "go.mod file not found" in message or "does not contain main module" in message:
        return "run gorewrite inside a Go module, or name a package"
    if "requires go >=" in message or "toolchain not available" in message or "download go1" in message:
        return (
            f"go.mod's go or toolchain line names a newer Go than {version}: install that release and point "
            "--go or GOREWRITE_GO at it, or correct the line"
        )
    if "go.mod" in message:
        return "go.mod is not valid: fix it so that `go list ./...` works"
    return "check the package patterns; `go list` must accept them"


def _package(p: dict, named: dict[str, set[str]], lang: str, generated: Callable[[str], bool]) -> Package:
    module = p.get("Module") or {}
    standard = bool(p.get("Standard")) or module.get("Path") in ("std", "cmd")  # GOROOT's own modules
    module_root = None if standard else module.get("Dir")
    if standard or not module:
        go_version = lang  # the go command passes no -lang from a go.mod: the toolchain's own applies
    else:
        go_version = _language(module.get("GoVersion") or NO_GO_LINE)
    directory = p["Dir"]
    files = tuple(os.path.join(directory, f) for f in p.get("GoFiles", []) + p.get("CgoFiles", []))
    return Package(
        import_path=p["ImportPath"],
        name=p.get("Name", ""),
        dir=directory,
        module_root=module_root,
        go_version=go_version,
        files=files,
        rewritable=_rewritable(p, module, module_root, named, generated),
        import_map=p.get("ImportMap", {}),
        imports=tuple(p.get("Imports", [])),
        standard=standard,
        error=_error(p),
        tests=bool(p.get("TestGoFiles") or p.get("XTestGoFiles")),
    )


def _language(version: str) -> str:
    """The language version of a go line: 1.22 for 1.22.3 or 1.22rc1."""
    m = re.match(r"\d+\.\d+", version)
    return m.group(0) if m else version


def _rewritable(
    p: dict, module: dict, module_root: str | None, named: dict[str, set[str]], generated: Callable[[str], bool]
) -> frozenset[str]:
    """The package's files gorewrite may change (never cgo files: cgo rewrites them itself)."""
    if module and not module.get("Main"):
        return frozenset()  # a dependency from the module cache is not the user's code
    rel = os.path.relpath(p["Dir"], module_root) if module_root else p["ImportPath"]
    if EXCLUDED_DIRS.intersection(rel.replace(os.sep, "/").split("/")):  # its parts (an import path's are /-separated)
        return frozenset()
    only = _named_only(p, named)
    paths = (os.path.join(p["Dir"], name) for name in p.get("GoFiles", []))
    return frozenset(f for f in paths if (only is None or os.path.realpath(f) in only) and not generated(f))


def _named_only(p: dict, named: dict[str, set[str]]) -> set[str] | None:
    """The named files, when files were the only patterns matching this package; else None (all)."""
    matches = p.get("Match", [])
    if not matches or any(m not in named for m in matches):
        return None
    return set().union(*(named[m] for m in matches))


def is_generated(path: str) -> bool:
    """Whether the file's head carries the generated-code marker before its package clause."""
    with open(path, "rb") as f:
        return generated_head(f.read(HEAD_BYTES))


def generated_head(head: bytes) -> bool:
    """Whether a file beginning with these bytes (at least HEAD_BYTES of them) is generated."""
    clause = PACKAGE_CLAUSE.search(head)
    return GENERATED.search(head, 0, clause.start() if clause else len(head)) is not None


def _error(p: dict) -> str | None:
    """go list's complaint about the package itself, else about its dependencies, in one string."""
    own = p.get("Error")
    deps = p.get("DepsErrors") or []
    if not own and not deps:
        return None
    first = own or deps[0]
    message = f"{first['Pos']}: {first['Err']}" if first.get("Pos") else first["Err"]
    others = len(deps) - (0 if own else 1)
    if others > 0:
        message += f" (and {others} error{'s' if others > 1 else ''} in dependencies)"
    return message


# go/build's syslist.go: a file named *_GOOS, *_GOARCH or *_GOOS_GOARCH (then maybe _test) is built for it only.
KNOWN_OS = frozenset(
    "aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 "
    "solaris wasip1 windows zos".split()
)
KNOWN_ARCH = frozenset(
    "386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 "
    "mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm".split()
)


def name_constraint(path: str) -> str | None:
    """The GOOS or GOARCH a file's name builds it for (`scan_linux.go`: linux), as go/build reads it; else None."""
    words = name_constraints(path)
    return words[-1] if words else None


def name_constraints(path: str) -> tuple[str, ...]:
    """The file name's final elements go/build reads as a constraint, as goodOSArchFile does: `_GOOS_GOARCH`
    (`scan_linux_amd64.go`), else `_GOOS` or `_GOARCH`, before a `_test`; the first element never counts."""
    words = os.path.basename(path).partition(".")[0].removesuffix("_test").split("_")
    if len(words) > 2 and words[-2] in KNOWN_OS and words[-1] in KNOWN_ARCH:
        return tuple(words[-2:])
    return (words[-1],) if len(words) > 1 and (words[-1] in KNOWN_OS or words[-1] in KNOWN_ARCH) else ()


_NAMES: dict[tuple[str, str, str, str], str | None] = {}  # (go, version, cwd, import path) -> its package's name


def package_names(toolchain: Toolchain, cwd: str) -> Callable[[list[str]], dict[str, str]]:
    """The name each import path's package declares (its package clause, which the path need not end in:
    `gopkg.in/yaml.v3` is yaml), as `go list -find` reads it in cwd; a path it cannot list is left out.
    Each path is asked once per process."""

    def names(paths: list[str]) -> dict[str, str]:
        key = (toolchain.go, toolchain.version, cwd)
        asked = sorted({p for p in paths if (*key, p) not in _NAMES})
        if asked:
            done = toolchain.run(["list", "-find", "-e", "-json=ImportPath,Name,Error", "--", *asked], cwd=cwd)
            found = {e["ImportPath"]: e.get("Name") for e in json_stream(done.stdout.decode()) if not e.get("Error")}
            _NAMES.update(((*key, p), found.get(p) or None) for p in asked)
        return {p: name for p in paths if (name := _NAMES.get((*key, p)))}

    return names


def compiled(toolchain: Toolchain, cwd: str, pkgs: list[str], overlay: str | None) -> dict[str, set[str]]:
    """The files the build compiles per package (with the overlay, if any): which side of a build
    constraint this toolchain takes, and where this installation keeps them."""
    done = toolchain.run(
        [
            "list",
            "-e",
            *([f"-overlay={overlay}"] if overlay else []),
            "-f",
            "{{.ImportPath}}{{range .GoFiles}}\t{{$.Dir}}/{{.}}{{end}}{{range .CgoFiles}}\t{{$.Dir}}/{{.}}{{end}}",
            "--",
            *pkgs,
        ],
        cwd,
    )
    found: dict[str, set[str]] = {}
    for line in done.stdout.decode(errors="replace").splitlines():
        pkg, *files = line.split("\t")
        found[pkg] = {os.path.normpath(f) for f in files}
    return found
