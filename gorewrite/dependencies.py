"""The run's packages and everything they and their tests depend on, outside std: one `go list -e -deps -test`
per toolchain and run, which parameters.varying (another build's files) and module_writers.module_imports
(the main module's writers) both read. It was three listings of the same graph per toolchain.

A package is listed once as itself (`q`) and, where it imports a package whose tests recompile it, as that
test's variant too (`q [p.test]`); the tests' own packages are `p [p.test]`, `p_test [p.test]`, `p.test`.
A run lists afresh: the language server runs for hours while files change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from gorewrite.toolchain import Toolchain

# a file's name may hold a comma (`odd,name_windows.go`), never a slash: the file lists are joined by one
FIELDS = (
    '{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles "/"}}\t{{join .IgnoredGoFiles "/"}}\t{{join .Imports ","}}'
    '\t{{join .Deps ","}}\t{{if .Module}}{{if .Module.Main}}main{{end}}{{end}}\t{{.Name}}'
)
TEMPLATE = "{{if not .Standard}}" + FIELDS + "\n{{end}}"


@dataclass(frozen=True)
class Listed:
    """One line of the listing: the package (or test variant) as go list names it, and what the readers need."""

    name: str
    dir: str
    go_files: tuple[str, ...]
    ignored: tuple[str, ...]  # IgnoredGoFiles: what another build, or no build, compiles
    imports: tuple[str, ...]
    deps: tuple[str, ...]  # transitive, sorted, test variants named as such
    main: bool  # in the main module
    package: str = ""  # its package clause's name (`yaml` of gopkg.in/yaml.v3)


class Listing:
    """The lines of one listing by name, in go list's order."""

    def __init__(self, lines: list[Listed]) -> None:
        self.lines = {line.name: line for line in lines}
        self._built: dict[str, Listed] | None = None

    def built(self) -> dict[str, Listed]:
        """Each package as a build without tests sees it, by import path (what `go list -deps` without
        -test prints): its own line, or, for one listed only as a test's variant (`q [p.test]`: p's tests
        import q, which imports p), that line with q's own Deps: its imports' closure, for the variant's
        reach p's test imports too. Made once: the proposal keys and the parameter compile both ask."""
        if self._built is not None:
            return self._built
        named: dict[str, Listed] = {}
        for name, line in self.lines.items():
            if " " not in name or name.split(" ")[0] not in named:
                named[name.split(" ")[0]] = line
        self._built = {path: line if line.name == path else _plain(path, line, named) for path, line in named.items()}
        return self._built


def _plain(path: str, line: Listed, named: dict[str, Listed]) -> Listed:
    deps: set[str] = set()
    todo = [d.split(" ")[0] for d in line.imports]
    while todo:
        dep = todo.pop()
        if dep in deps:
            continue
        deps.add(dep)
        other = named.get(dep)
        if other is not None and other.name == dep:
            deps.update(other.deps)  # a package's own line: its Deps are its build's
        elif other is not None:
            todo += [d.split(" ")[0] for d in other.imports]
    return replace(line, name=path, deps=tuple(sorted(deps)))


class Listings:
    """Each toolchain's listing of the run's packages, made when first read: the proposal cache's keys and
    the parameter compile read the same one. One per run, kept nowhere else."""

    def __init__(self, import_paths: list[str], cwd: str) -> None:
        self._paths, self._cwd = import_paths, cwd
        self._made: dict[tuple[str, str], Listing] = {}

    def of(self, toolchain: Toolchain) -> Listing:
        key = (toolchain.go, toolchain.version)
        if key not in self._made:
            self._made[key] = listing(toolchain, self._paths, self._cwd)
        return self._made[key]


def listing(toolchain: Toolchain, import_paths: list[str], cwd: str) -> Listing:
    """The packages outside std, and their tests', that the import paths depend on (themselves included)."""
    if not import_paths:
        return Listing([])
    done = toolchain.run(["list", "-e", "-deps", "-test", "-f", TEMPLATE, "--", *import_paths], cwd)
    lines = []
    for line in filter(None, done.stdout.decode(errors="replace").splitlines()):
        name, folder, built, ignored, imports, deps, main, package = (line.split("\t") + [""] * 7)[:8]
        files = [tuple(f for f in field.split("/") if f) for field in (built, ignored)]
        paths = [tuple(p for p in field.split(",") if p) for field in (imports, deps)]
        lines.append(Listed(name, folder, *files, *paths, main == "main", package))
    return Listing(lines)
