"""The export data of a package's imports, as the go command lists it (`go list -export`): what go/types
reads to type-check the package, and what names an import's content in check's proposals cache (the go
command names the file by a hash of its content), and `go env`. Asked in the run's directory, where the
load and every compile run: a go.work found there (its `replace`, its modules' go.mod) resolves an import as
the compile does, which the import's own directory may resolve elsewhere (a type fact and a key of another
copy than the one compiled). Asked once per directory and toolchain, and remembered for the run."""

from __future__ import annotations

import json
import os
import threading

from gorewrite.escapes import ESCAPE_FLAGS
from gorewrite.packages import Package, json_stream
from gorewrite.toolchain import GO_ENV, Toolchain, told


class Unavailable(Exception):
    """Why type facts cannot be had; typeinfo.load() turns it into TypeInfo.error."""


_EXPORT: dict[tuple[tuple, str], str | None] = {}  # (where, import path) -> export data file, None if it has none
_STANDARD: set[tuple[tuple, str]] = set()  # (where, import path) of the listed packages go list calls std's
_DIRS: dict[tuple[tuple, str], str] = {}  # (where, import path) -> the listed package's directory
_MODULES: dict[tuple[tuple, str], dict] = {}  # (where, import path) -> the listed package's Module (go list's)


_GO_ENV: dict[tuple, dict[str, str]] = {}  # where -> go env's GO_ENV there


_LISTING: list[threading.Thread] = []  # prefetch_meanwhile's threads, waited for before _EXPORT is read


def prefetch_meanwhile(toolchains: list[Toolchain], packages: list[Package], compiled: set[str], cwd: str) -> None:
    """prefetch for each toolchain in a thread, while the caller does other work (check's rules find while
    go lists, from its cache, what the escape compile just built); prefetch and export_data wait for it."""

    def listing() -> None:
        try:
            for toolchain in toolchains:
                _prefetch(toolchain, packages, compiled, cwd)
        except Unavailable:
            pass  # asked again by whoever needs it, and said then

    thread = threading.Thread(target=listing, daemon=True)
    thread.start()
    _LISTING.append(thread)


def _listed() -> None:
    with _WAITING:  # another thread reading _EXPORT waits until the listing is whole, not only popped
        while _LISTING:
            _LISTING.pop().join()


_WAITING = threading.Lock()


def forget() -> None:
    """Forget what the go command said in an earlier run of this process (the language server runs one per
    edit): an import may have been rebuilt since, go.mod's toolchain line or the go env file changed."""
    _listed()
    _EXPORT.clear()
    _STANDARD.clear()
    _DIRS.clear()
    _MODULES.clear()
    _GO_ENV.clear()


def go_env(toolchain: Toolchain, cwd: str) -> dict[str, str]:
    """GO_ENV as the go command resolves it in the run's directory cwd: once per run. A go.mod or go.work
    there that requires a newer Go switches toolchains for the compiles and listings run there (the go/types
    helper must be built by the release that writes the export data)."""
    key = where(toolchain, cwd)
    if key not in _GO_ENV and (said := told(toolchain, cwd)) is not None:
        _GO_ENV[key] = said  # the process's directory: located asked already
    if key not in _GO_ENV:
        done = toolchain.run(["env", "-json", *GO_ENV], cwd=cwd)
        if done.returncode != 0:
            raise Unavailable(f"go env failed in {cwd}: {last_line(done.stderr)}")
        _GO_ENV[key] = json.loads(done.stdout)
    return _GO_ENV[key]


def prefetch(toolchain: Toolchain, packages: list[Package], compiled: set[str], cwd: str) -> None:
    """Ask for the export data of all the packages' imports at once, in cwd (one call per package cost
    17 s of a 32 s warm `fix std`).

    Imports among the `compiled` packages are listed with the flags the escape compile gave them,
    so the go command finds that compile in its cache instead of compiling them again (export data
    does not depend on -m; the cache key does): a cold `fix std` compiled std three times.
    """
    _listed()
    _prefetch(toolchain, packages, compiled, cwd)


def _prefetch(toolchain: Toolchain, packages: list[Package], compiled: set[str], cwd: str) -> None:
    here = where(toolchain, cwd)
    imports = {p for pkg in packages for p in pkg.imports if p not in ("C", "unsafe") and (here, p) not in _EXPORT}
    if imports & compiled:
        _list_exports(toolchain, cwd, sorted(imports & compiled), "the packages", ESCAPE_FLAGS)
    if imports - compiled:
        _list_exports(toolchain, cwd, sorted(imports - compiled), "the packages")


def known(toolchain: Toolchain, entries: list[dict], cwd: str) -> None:
    """The export data the escape listing named (escape_listing.py), run in cwd: what prefetch lists there
    for the same import paths with the same flags, so it does not ask again."""
    here = where(toolchain, cwd)
    for entry in entries:
        _file(here, entry)


def export_data(
    toolchain: Toolchain, package: Package, imports: list[str], cwd: str
) -> tuple[dict[str, str], list[str]]:
    """Resolved import path -> export data file, compiled with the user's build configuration (the go
    command names the file by a hash of its content: a changed import is a new name); and which of them
    are std's, as go list says (`Standard`): a module named without a dot (`module myapp`) is not."""
    _listed()
    imports = [path for path in imports if path not in ("C", "unsafe")]
    here = where(toolchain, cwd)
    missing = [p for p in imports if (here, p) not in _EXPORT]
    if missing:
        _list_exports(toolchain, cwd, missing, package.import_path)
    export = {}
    for path in imports:
        found = _EXPORT.get((here, path))
        if not found:
            raise Unavailable(f"no export data for {path}, imported by {package.import_path}")
        export[path] = found
    return export, sorted(p for p in export if (here, p) in _STANDARD)


def directories(toolchain: Toolchain, export: dict[str, str], cwd: str) -> dict[str, str]:
    """Each listed import's directory, as go list gives it: where its files are, whatever a //line directive in
    one says (gotypes reads a type's or a constant's declarations there, not at its reported position)."""
    here = where(toolchain, cwd)
    return {path: _DIRS[(here, path)] for path in export if (here, path) in _DIRS}


def modules(toolchain: Toolchain, export: dict[str, str], cwd: str) -> dict[str, dict]:
    """Each listed import's directory and module as go list gives them in cwd ({"Dir", "Module"}): the source the
    build reads for it, after go.mod's, go.work's (GOWORK, from the environment or the go env file) and
    -modfile's replacements and vendor/ (errgroup_source)."""
    here = where(toolchain, cwd)
    return {p: {"Dir": _DIRS[(here, p)], "Module": _MODULES.get((here, p))} for p in export if (here, p) in _DIRS}


def _list_exports(toolchain: Toolchain, cwd: str, imports: list[str], of: str, flags: tuple[str, ...] = ()) -> None:
    done = toolchain.run(
        ["list", "-e", "-export", *flags, "-json=ImportPath,Dir,Module,Export,Standard,Error", "--", *imports], cwd=cwd
    )
    if done.returncode != 0:
        raise Unavailable(f"cannot compile the imports of {of}: {last_line(done.stderr)}")
    here = where(toolchain, cwd)
    for entry in json_stream(done.stdout.decode()):
        _file(here, entry)


def _file(here: tuple, entry: dict) -> None:
    """Remember one go list entry's export data file (None when it has an error or none) and whether std's."""
    ok = not entry.get("Error") and entry.get("Export")
    _EXPORT[(here, entry["ImportPath"])] = entry["Export"] if ok else None
    if entry.get("Standard"):
        _STANDARD.add((here, entry["ImportPath"]))
    if entry.get("Dir"):
        _DIRS[(here, entry["ImportPath"])] = entry["Dir"]
    if entry.get("Module"):
        _MODULES[(here, entry["ImportPath"])] = entry["Module"]


def where(toolchain: Toolchain, cwd: str) -> tuple:
    """What go env and export data depend on: the go command, its environment, the directory it runs in
    (the go.mod and go.work it finds there). Sorting the environment is not free: taken once per package or
    listing, not once per import."""
    return (toolchain.go, tuple(sorted(toolchain.env.items())), os.path.abspath(cwd))


def last_line(stderr: bytes) -> str:
    lines = stderr.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else "no output"
