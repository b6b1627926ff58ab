"""The export data of a package's imports, as the go command lists it (`go list -export`): what go/types
reads to type-check the package, and what names an import's content in check's proposals cache (the go
command names the file by a hash of its content), and the module's `go env`. Asked once per module and
toolchain, and remembered for the run."""

from __future__ import annotations

import json
import os
import threading

from gorewrite.escapes import ESCAPE_FLAGS
from gorewrite.packages import Package, json_stream
from gorewrite.toolchain import Toolchain


class Unavailable(Exception):
    """Why type facts cannot be had; typeinfo.load() turns it into TypeInfo.error."""


_EXPORT: dict[tuple[tuple, str], str | None] = {}  # (module_key, import path) -> export data file, None if it has none
_STANDARD: set[tuple[tuple, str]] = set()  # (module_key, import path) of the listed packages go list calls std's


# What `go env` resolves in a module from the process environment, the go env file and go.mod's toolchain line:
# how its packages build (the target, its sub-architecture levels, the flags, cgo), and the host.
GO_ENV = (
    "GOVERSION GOOS GOARCH GOAMD64 GO386 GOARM GOARM64 GOMIPS GOMIPS64 GOPPC64 GORISCV64 GOWASM GOEXPERIMENT"
    " GOFLAGS CGO_ENABLED CC CXX GOHOSTOS GOHOSTARCH"
).split()
_GO_ENV: dict[tuple, dict[str, str]] = {}  # module_key -> go env's GO_ENV there


_LISTING: list[threading.Thread] = []  # prefetch_meanwhile's threads, waited for before _EXPORT is read


def prefetch_meanwhile(toolchains: list[Toolchain], packages: list[Package], compiled: set[str]) -> None:
    """prefetch for each toolchain in a thread, while the caller does other work (check's rules find while
    go lists, from its cache, what the escape compile just built); prefetch and export_data wait for it."""

    def listing() -> None:
        try:
            for toolchain in toolchains:
                _prefetch(toolchain, packages, compiled)
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
    _GO_ENV.clear()


def go_env(toolchain: Toolchain, package: Package) -> dict[str, str]:
    """GO_ENV as the go command resolves it for the package: once per module and run. Asked in the module:
    a go.mod that requires a newer Go switches toolchains there (the go/types helper must be built by the
    release that writes the export data)."""
    key = module_key(toolchain, package)
    if key not in _GO_ENV:
        cwd = package.module_root or package.dir
        done = toolchain.run(["env", "-json", *GO_ENV], cwd=cwd)
        if done.returncode != 0:
            raise Unavailable(f"go env failed in {cwd}: {last_line(done.stderr)}")
        _GO_ENV[key] = json.loads(done.stdout)
    return _GO_ENV[key]


def prefetch(toolchain: Toolchain, packages: list[Package], compiled: set[str]) -> None:
    """Ask for the export data of all the packages' imports at once, one `go list` per module (one
    call per package cost 17 s of a 32 s warm `fix std`).

    Imports among the `compiled` packages are listed with the flags the escape compile gave them,
    so the go command finds that compile in its cache instead of compiling them again (export data
    does not depend on -m; the cache key does): a cold `fix std` compiled std three times.
    """
    _listed()
    _prefetch(toolchain, packages, compiled)


def _prefetch(toolchain: Toolchain, packages: list[Package], compiled: set[str]) -> None:
    by_module: dict[str | None, list[Package]] = {}
    for package in packages:
        by_module.setdefault(package.module_root, []).append(package)
    for group in by_module.values():
        imports = {p for pkg in group for p in pkg.imports if p not in ("C", "unsafe")}
        module = module_key(toolchain, group[0])
        imports = {p for p in imports if (module, p) not in _EXPORT}  # asked already
        if imports & compiled:
            _list_exports(toolchain, group[0], sorted(imports & compiled), ESCAPE_FLAGS)
        if imports - compiled:
            _list_exports(toolchain, group[0], sorted(imports - compiled))


def known(toolchain: Toolchain, packages: list[Package], entries: list[dict], cwd: str) -> None:
    """The export data the escape listing named (escape_listing.py): what prefetch lists for the same import
    paths with the same flags, so it does not ask again. Only for the modules go resolves from cwd as from
    their own directories: std, and the module that holds cwd."""
    here = os.path.realpath(cwd)
    for module in {module_key(toolchain, p) for p in packages if _within(here, p.module_root)}:
        for entry in entries:
            _file(module, entry)


def _within(directory: str, root: str | None) -> bool:
    return root is None or os.path.commonpath([directory, os.path.realpath(root)]) == os.path.realpath(root)


def export_data(toolchain: Toolchain, package: Package, imports: list[str]) -> tuple[dict[str, str], list[str]]:
    """Resolved import path -> export data file, compiled with the user's build configuration (the go
    command names the file by a hash of its content: a changed import is a new name); and which of them
    are std's, as go list says (`Standard`): a module named without a dot (`module myapp`) is not."""
    _listed()
    imports = [path for path in imports if path not in ("C", "unsafe")]
    module = module_key(toolchain, package)
    missing = [p for p in imports if (module, p) not in _EXPORT]
    if missing:
        _list_exports(toolchain, package, missing)
    export = {}
    for path in imports:
        found = _EXPORT.get((module, path))
        if not found:
            raise Unavailable(f"no export data for {path}, imported by {package.import_path}")
        export[path] = found
    return export, sorted(p for p in export if (module, p) in _STANDARD)


def _list_exports(toolchain: Toolchain, package: Package, imports: list[str], flags: tuple[str, ...] = ()) -> None:
    done = toolchain.run(
        ["list", "-e", "-export", *flags, "-json=ImportPath,Export,Standard,Error", "--", *imports], cwd=package.dir
    )
    if done.returncode != 0:
        raise Unavailable(f"cannot compile the imports of {package.import_path}: {last_line(done.stderr)}")
    module = module_key(toolchain, package)
    for entry in json_stream(done.stdout.decode()):
        _file(module, entry)


def _file(module: tuple, entry: dict) -> None:
    """Remember one go list entry's export data file (None when it has an error or none) and whether std's."""
    ok = not entry.get("Error") and entry.get("Export")
    _EXPORT[(module, entry["ImportPath"])] = entry["Export"] if ok else None
    if entry.get("Standard"):
        _STANDARD.add((module, entry["ImportPath"]))


def module_key(toolchain: Toolchain, package: Package) -> tuple:
    """What go env and export data depend on: the go command, its environment, the module (std is one).
    Sorting the environment is not free: taken once per package or listing, not once per import."""
    return (toolchain.go, tuple(sorted(toolchain.env.items())), package.module_root or "<std>")


def last_line(stderr: bytes) -> str:
    lines = stderr.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else "no output"
