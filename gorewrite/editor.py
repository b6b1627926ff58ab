"""What the language server asks of the pipeline, one file version at a time, in a worker thread:
the package's heap escapes (`check`, with unsaved buffers in an overlay), one line's verified
rewrite (`fix` restricted to that line, as `why` runs it) and the compiler's flow for it (`why`).

Every go command of a job runs in its own process group, so a job the client cancels, or that a
newer version of its file makes pointless, kills the compile it is in and stops before the next step.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace

from gorewrite import config, settings, unlisted, why
from gorewrite.apply import module_root
from gorewrite.options import Options
from gorewrite.overlay import overlay_file
from gorewrite.pipeline import Analysis, Run, analyse
from gorewrite.progress import Report
from gorewrite.proposals import Rule
from gorewrite.toolchain import Toolchain


class Cancelled(Exception):
    """The job was cancelled: by the client, or by a newer version of its file."""


class Job:
    """One unit of work for one file version; cancel() may be called from any thread."""

    def __init__(self, path: str, version: int) -> None:
        self.path, self.version = path, version
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._processes: set[subprocess.Popen] = set()

    def cancel(self) -> None:
        """Stop the job: kill the go command it runs (and the compilers it started), refuse the next."""
        self._cancelled.set()
        with self._lock:
            for process in self._processes:
                _kill(process)

    def check(self) -> None:
        """Raise Cancelled once the job is cancelled: called before every step and every go command."""
        if self._cancelled.is_set():
            raise Cancelled(f"{self.path} version {self.version}")

    def start(self, argv: list[str], **kwargs) -> subprocess.Popen:
        """Start a process the job kills when cancelled."""
        with self._lock:
            self.check()
            process = subprocess.Popen(argv, start_new_session=True, **kwargs)
            self._processes.add(process)
        return process

    def done(self, process: subprocess.Popen) -> None:
        self.release(process)
        self.check()

    def release(self, process: subprocess.Popen) -> None:
        """Forget an ended process: its pid may be another process's soon."""
        with self._lock:
            self._processes.discard(process)


def _kill(process: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)  # go build's compiler processes too
        else:  # pragma: no cover - Windows
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass  # already gone


@dataclass(frozen=True)
class JobToolchain(Toolchain):
    """A toolchain whose go commands belong to a job: cancelling the job kills them."""

    job: Job | None = None

    def run(self, args: list[str], cwd: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        stdin = subprocess.PIPE if input is not None else subprocess.DEVNULL
        process = self.job.start(
            [self.go, *args], cwd=cwd, env=self.env_in(cwd), stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            out, err = process.communicate(input)
        finally:
            self.job.done(process)
        return subprocess.CompletedProcess([self.go, *args], process.returncode, out, err)

    def popen(self, args: list[str], cwd: str, **kwargs) -> subprocess.Popen:
        return self.job.start([self.go, *args], cwd=cwd, env=self.env_in(cwd), **kwargs)

    def release(self, process: subprocess.Popen) -> None:
        self.job.release(process)

    def stream(self, args: list[str], cwd: str) -> Iterator[bytes]:
        process = self.job.start(
            [self.go, *args], cwd=cwd, env=self.env_in(cwd), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        try:
            with process:
                yield from process.stdout
        finally:
            self.job.done(process)


@dataclass(frozen=True)
class Settings:
    """The editor's choices (initializationOptions, workspace/configuration); .gorewrite.toml fills the rest."""

    go: str | None = None
    tags: str | None = None
    toolchains: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    profile: tuple[str, ...] = ()  # pprof profiles (absolute, or relative to the module root): hot sites warn

    @classmethod
    def of(cls, data: object) -> Settings:
        """From the client's JSON object; unknown keys and values of the wrong type are left out."""
        data = data if isinstance(data, dict) else {}
        text = {k: data[k] for k in ("go", "tags") if isinstance(data.get(k), str) and data[k]}
        lists = {
            k: tuple(data[k])
            for k in ("toolchains", "rules", "profile")
            if isinstance(data.get(k), list) and all(isinstance(v, str) for v in data[k])
        }
        return cls(**text, **lists)


@dataclass
class Context:
    """What every go command of a job needs: where it runs, with which toolchains, rules and options."""

    cwd: str
    toolchains: list[Toolchain]
    options: Options
    rules: list[Rule]


def context(chosen: Settings, job: Job, progress: Report) -> Context:
    """The run's settings for the job's file: its directory, its .gorewrite.toml, then the editor's choices."""
    cwd = os.path.dirname(job.path)
    conf = config.load(cwd)
    base = settings.toolchains(chosen.go, chosen.tags, chosen.toolchains or conf.toolchains, cwd)
    toolchains = [JobToolchain(**vars(tc), job=job) for tc in base]

    def step(said: str) -> None:
        job.check()
        progress(said)

    profiles = [os.path.join(module_root(cwd), p) for p in chosen.profile]
    options = replace(settings.options(conf, cwd, rule_values={"profiles": profiles}, go=base[0].go), progress=step)
    return Context(cwd, toolchains, options, settings.rules(chosen.rules, conf))


def diagnose(chosen: Settings, job: Job, unsaved: dict[str, bytes], progress: Report) -> Analysis:
    """`check` of the file's package, editor buffers compiled in place of the files on disk."""
    ctx = context(chosen, job, progress)
    options = replace(ctx.options, unsaved=unsaved)
    run, _, _ = analyse(ctx.toolchains, [job.path], ctx.cwd, ctx.rules, options)
    unlisted.tagged(run, ctx.rules, options, analyse, _as_found)  # a file only other releases compile: as they see it
    return run


def _as_found(*_) -> None:
    """The editor's sites keep the rule that recognises them (no propose step): nothing to tag."""


def verify_line(chosen: Settings, job: Job, line: int, progress: Report) -> Run:
    """`fix --dry-run` of the file's sites on one line (saved files only): the rewrite and every verdict."""
    ctx = context(chosen, job, progress)
    # the line asked for is rewritten hot or cold: a profile only ranks the diagnostics
    return why.line_run(ctx.toolchains, job.path, line, ctx.cwd, ctx.rules, replace(ctx.options, profile=None))


def flows(chosen: Settings, job: Job, line: int, unsaved: dict[str, bytes], progress: Report) -> str:
    """What `why` prints of the line's flow (-m=2), per toolchain."""
    ctx = context(chosen, job, progress)
    with overlay_file(unsaved) as overlay:
        return why.flows(ctx.toolchains, job.path, line, ctx.cwd, overlay)
