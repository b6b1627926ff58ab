"""Hostile input and faults (issue 10), each as a new user met it: real CLI, real git and go.

Where nothing may be written, every file of the tree (`.git/` included) keeps its sha256; every
error is one line on stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import GOLDEN
from test_cli import GOROUTINE, module
from test_golden import OLDER, releases

from gorewrite import cli, report, write

OTHER = GOROUTINE.replace("package work", "package other").replace("Start", "Other")


def tree(root: Path) -> dict[str, str]:
    """sha256 of every file under root, .git/ included; a symlink by where it points."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def gorewrite(monkeypatch, capfd):
    """gorewrite in this process (so a test can inject a fault), run in `cwd`: (exit code, stdout, stderr)."""

    def run(*args: str, cwd: Path, stdin: str | None = None) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", _Stdin(stdin.encode()))
        code = cli.main(list(args))
        out, err = capfd.readouterr()
        return code, out, err

    return run


class _Stdin:
    def __init__(self, data: bytes):
        import io

        self.buffer = io.BytesIO(data)

    def read(self) -> str:
        return self.buffer.read().decode()


def one_line_error(code: int, err: str, *expected: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err and err.startswith("gorewrite: error: ") and err.count("\n") == 1, err
    for text in expected:
        assert text in err, err


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def repo(tmp_path: Path, files: dict[str, str]) -> Path:
    root = module(tmp_path / "m", files)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    return root


# 1. Values are data, never options: each entry point that hands a value to git or go.


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["check", "--diff-from=--output=work/work.go", "./..."], id="check --diff-from"),
        pytest.param(["fix", "--dry-run", "--diff-from=--output=work/work.go"], id="fix --diff-from"),
        pytest.param(["fix", "--diff-from=--output=work/work.go"], id="fix --diff-from, writing"),
        pytest.param(["check", "--tags", "x -toolexec=/bin/false"], id="check --tags"),
        pytest.param(["fix", "--dry-run", "--tags", "x -o=work/work.go"], id="fix --tags"),
        pytest.param(["why", "--tags", "x -toolexec=/bin/false", "work/work.go:7"], id="why --tags"),
        pytest.param(["check", "--toolchain", "-toolexec=/bin/false"], id="check --toolchain"),
        pytest.param(["check", "--", "-toolexec=/bin/false"], id="check pattern"),
        pytest.param(["fix", "--dry-run", "--", "-modfile=work/work.go"], id="fix pattern"),
    ],
)
def test_option_like_values_are_data(tmp_path, gorewrite, args):
    root = repo(tmp_path, {"work/work.go": GOROUTINE})
    before = tree(root)
    code, out, err = gorewrite(*args, cwd=root)
    one_line_error(code, err)
    assert out == "" and tree(root) == before


def test_config_toolchain_like_an_option_is_refused(tmp_path, gorewrite):
    root = repo(tmp_path, {"work/work.go": GOROUTINE, ".gorewrite.toml": 'toolchains = ["-toolexec=/bin/false"]\n'})
    before = tree(root)
    code, _, err = gorewrite("check", cwd=root)
    one_line_error(code, err, "not a Go release name")
    assert tree(root) == before


# 2. apply takes only what `fix --dry-run` could have printed.

GIT_CONFIG = """--- a/.git/config
+++ b/.git/config
@@ -1,1 +1,2 @@
 [core]
+\tfsmonitor = "touch pwned"
"""
HOOK = "--- /dev/null\n+++ b/.git/hooks/pre-commit\n@@ -0,0 +1,2 @@\n+#!/bin/sh\n+touch pwned\n"
GO_MOD = "--- a/go.mod\n+++ b/go.mod\n@@ -1,1 +1,1 @@\n-module example.com/m\n+module example.com/pwned\n"
WORK_HUNK = "@@ -1,1 +1,1 @@\n-package work\n+package work // changed\n"


@pytest.mark.parametrize(
    ("diff", "message"),
    [
        pytest.param(GIT_CONFIG, ".git/config: not a .go file", id=".git/config"),
        pytest.param(HOOK, ".git/hooks/pre-commit: not a .go file", id="a git hook"),
        pytest.param(GO_MOD, "go.mod: not a .go file", id="go.mod"),
        pytest.param(
            f"--- a/work/work.go\n+++ b/work/work.go\n{WORK_HUNK}" + GO_MOD,
            "go.mod: not a .go file",
            id="a .go file and go.mod",
        ),
        pytest.param("--- /dev/null\n+++ b/.git/x.go\n@@ -0,0 +1 @@\n+package x\n", "under .git/", id=".git/x.go"),
        pytest.param(
            "--- /dev/null\n+++ b/work/evil.go\n@@ -0,0 +1 @@\n+package work\n",
            "creates only the build variants",
            id="a new .go file",
        ),
        pytest.param(
            f"--- a/work/work.go\n+++ b/work/work.go\n{WORK_HUNK}--- /dev/null\n+++ b/work/other_go125.go\n"
            "@@ -0,0 +1 @@\n+package work\n",
            "creates only the build variants",
            id="a variant of a file it does not rewrite",
        ),
        pytest.param(
            "diff --git a/work/work.go b/work/work.go\nold mode 100644\nnew mode 100755\n",
            "`old mode 100644`",
            id="mode change only",
        ),
        pytest.param(
            f"diff --git a/work/work.go b/work/work.go\nold mode 100644\nnew mode 100755\n--- a/work/work.go\n"
            f"+++ b/work/work.go\n{WORK_HUNK}",
            "`old mode 100644`",
            id="mode change with a hunk",
        ),
        pytest.param(
            "diff --git a/work/work.go b/work/moved.go\nsimilarity index 100%\nrename from work/work.go\n"
            "rename to work/moved.go\n",
            "gorewrite never changes a file's mode or name",
            id="rename",
        ),
        pytest.param(
            "diff --git a/work/work.go b/work/work.go\nindex 1111111..2222222 100644\nGIT binary patch\n"
            "literal 1\nIc${kh000310RR91\n\n",
            "binary",
            id="binary",
        ),
        pytest.param(
            "--- a/work/work.go\n+++ /dev/null\n@@ -1 +0,0 @@\n-package work\n", "deletes a file", id="delete"
        ),
    ],
)
def test_apply_refuses_what_fix_never_prints(tmp_path, gorewrite, diff, message):
    root = repo(tmp_path, {"work/work.go": "package work\n"})
    before = tree(root)
    code, out, err = gorewrite("apply", "-", cwd=root, stdin=diff)
    one_line_error(code, err, message)
    assert tree(root) == before


# 3. Symlinks out of the module, under fix and apply.


def test_fix_and_apply_refuse_a_symlink_to_a_file_outside_the_module(tmp_path, gorewrite):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "work.go").write_text(GOROUTINE)
    root = module(tmp_path / "m", {})
    (root / "work").mkdir()
    (root / "work/work.go").symlink_to(outside / "work.go")
    before = {**tree(root), **tree(outside)}
    code, diff, err = gorewrite("fix", "--dry-run", cwd=root)
    assert code == 1 and "label := label" in diff, err
    code, _, err = gorewrite("fix", cwd=root)
    one_line_error(code, err, "work/work.go is outside the module", f"through a symlink to {outside / 'work.go'}")
    code, _, err = gorewrite("apply", "-", cwd=root, stdin=diff)
    one_line_error(code, err, "outside the module")
    assert {**tree(root), **tree(outside)} == before


# 4. A read-only file is refused, even for root.


def test_fix_and_apply_refuse_a_read_only_file(tmp_path, gorewrite):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    code, diff, _ = gorewrite("fix", "--dry-run", cwd=root)
    assert code == 1
    os.chmod(root / "work/work.go", 0o444)
    before = tree(root)
    for args, stdin in ((["fix"], None), (["apply", "-"], diff)):
        code, _, err = gorewrite(*args, cwd=root, stdin=stdin)
        one_line_error(code, err, "work/work.go is read-only (mode 0444)", "chmod u+w")
        assert tree(root) == before and (root / "work/work.go").stat().st_mode & 0o777 == 0o444


# 5. and 7. A directory that refuses writes: nothing is written anywhere.


def refuse_writes_in(monkeypatch, directory: Path, error: int = errno.EACCES) -> None:
    """mkstemp in `directory` fails as in a directory without write permission (root would write anyway)."""
    real = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):
        if dir == str(directory):
            raise OSError(error, os.strerror(error), os.path.join(dir, kwargs.get("prefix", "") + "XXXXXX"))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


@pytest.mark.parametrize("command", ["fix", "apply"])
def test_a_directory_that_refuses_writes_means_no_file_is_written(tmp_path, gorewrite, monkeypatch, command):
    root = module(tmp_path, {"a/work.go": GOROUTINE, "b/other.go": OTHER})
    code, diff, _ = gorewrite("fix", "--dry-run", cwd=root)
    assert code == 1 and "a/a/work.go" in diff and "a/b/other.go" in diff
    before = tree(root)
    refuse_writes_in(monkeypatch, root / "b")
    code, _, err = gorewrite(*(["fix"] if command == "fix" else ["apply", "-"]), cwd=root, stdin=diff)
    one_line_error(code, err, f"cannot write {root / 'b/other.go'}", "Permission denied", "nothing was written")
    assert tree(root) == before


def test_an_error_after_the_writes_says_the_files_are_written(tmp_path, gorewrite, monkeypatch):
    """A closed pipe or a full disk while reporting comes after the writes: never "nothing was written"."""
    root = module(tmp_path, {"a/work.go": GOROUTINE})

    def broken_pipe(*args, **kwargs):
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr(report, "fix_summary", broken_pipe)
    code, _, err = gorewrite("fix", cwd=root)
    one_line_error(code, err, "Broken pipe", f"every file had been written: {root / 'a/work.go'}")
    assert "nothing was written" not in err
    assert "captured by value" in (root / "a/work.go").read_text()


# 6. A config file that is not UTF-8.


def test_config_that_is_not_utf8(tmp_path, gorewrite):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    (root / ".gorewrite.toml").write_bytes(b'rules = ["clos\xe9ure"]\n')
    code, _, err = gorewrite("check", cwd=root)
    one_line_error(code, err, ".gorewrite.toml: not UTF-8")


# 8. An interrupt or a failure between two renames: what was replaced is put back.


def interrupt_before_rename(monkeypatch, number: int, exception: BaseException) -> list[str]:
    """Raise `exception` just before the commit's rename number `number` (1-based); the paths renamed before."""
    seen: list[str] = []

    def hook(path: str) -> None:
        if len(seen) + 1 == number:
            raise exception
        seen.append(path)

    monkeypatch.setattr(write, "before_rename", hook)
    return seen


@pytest.mark.parametrize("number", [2, 3])
def test_ctrl_c_between_the_renames_of_a_build_variant_puts_everything_back(tmp_path, gorewrite, monkeypatch, number):
    newest, _ = releases()
    root = tmp_path / "m"
    shutil.copytree(GOLDEN / "build-variant", root, ignore=shutil.ignore_patterns("__snapshots__", "decline_*"))
    before = tree(root)
    renamed = interrupt_before_rename(monkeypatch, number, KeyboardInterrupt())
    code, _, err = gorewrite(
        "fix", "--rule", "build-variant", "--toolchain", OLDER, "--toolchain", newest.version, "./guarded_sum", cwd=root
    )
    assert code == 130
    assert len(renamed) == number - 1 and tree(root) == before
    assert err.endswith(f"gorewrite: interrupted; nothing was written: {', '.join(renamed)} put back as it was\n"), err
    assert not list(root.rglob("*.gorewrite-tmp"))
    assert newest.run(["vet", "./guarded_sum"], str(root)).returncode == 0


def test_a_failing_rename_puts_back_the_files_already_replaced(tmp_path, gorewrite, monkeypatch):
    root = module(tmp_path, {"a/work.go": GOROUTINE, "b/other.go": OTHER})
    before = tree(root)
    interrupt_before_rename(monkeypatch, 2, OSError(errno.EIO, "Input/output error", str(root / "b/other.go")))
    code, _, err = gorewrite("fix", cwd=root)
    one_line_error(
        code,
        err,
        "cannot write: ",
        "b/other.go: Input/output error",
        f"nothing was written: {root / 'a/work.go'} put back as it was",
    )
    assert tree(root) == before
    assert not list(root.rglob("*.gorewrite-tmp"))


# 10. A full disk.


def test_a_full_disk_while_writing_is_one_line_and_writes_nothing(tmp_path, gorewrite, monkeypatch):
    root = module(tmp_path, {"a/work.go": GOROUTINE, "b/other.go": OTHER})
    before = tree(root)
    real = os.fsync
    calls = []

    def fsync(fd):  # the second temporary file's data does not fit
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    code, _, err = gorewrite("fix", cwd=root)
    one_line_error(
        code, err, "cannot write", "b/other.go", "No space left on device (free some space", "nothing was written"
    )
    assert tree(root) == before
    assert not list(root.rglob("*.gorewrite-tmp"))


# 11. why takes what check prints, and refuses a site that is not in the module's Go code.


@pytest.mark.parametrize("arg", ["work/work.go:7", "work/work.go:7:2", "work/work.go:7:2:", "{root}/work/work.go:7:2"])
def test_why_takes_the_sites_check_prints(tmp_path, gorewrite, arg):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    code, out, err = gorewrite("check", cwd=root)
    assert "work/work.go:7:2: moved to heap: label" in out, err
    code, out, err = gorewrite("why", arg.format(root=root), cwd=root)
    assert code == 0 and "work.go:7:2: moved to heap: label" in out, err


def test_why_from_a_subdirectory_takes_a_module_relative_path(tmp_path, gorewrite):
    root = module(tmp_path, {"work/work.go": GOROUTINE, "docs/README.md": "docs\n"})
    code, out, err = gorewrite("why", "work/work.go:7:2", cwd=root / "docs")
    assert code == 0 and "moved to heap: label" in out, err


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        pytest.param("work/work.go:17", "work/work.go has 16 lines", id="line past the end"),
        pytest.param("work/work.go:7:99", "line 7 of work/work.go has", id="column past the end"),
        pytest.param("work/work.go:0", "expected FILE:LINE or FILE:LINE:COL", id="line 0"),
        pytest.param("go.mod:1", "go.mod: not a Go file", id="not Go"),
        pytest.param("../outside.go:1", "outside the module", id="outside the module"),
        pytest.param("work/nope.go:3", "work/nope.go: no such file", id="no such file"),
    ],
)
def test_why_refuses_a_site_outside_the_modules_go_code(tmp_path, gorewrite, arg, message):
    root = module(tmp_path / "m", {"work/work.go": GOROUTINE})
    (tmp_path / "outside.go").write_text("package outside\n")
    code, out, err = gorewrite("why", arg, cwd=root)
    one_line_error(code, err, message)
    assert out == ""


# 12. An empty module has nothing to do; a go line newer than the toolchain gets a hint about the go line.


@pytest.mark.parametrize("args", [["check"], ["fix", "--dry-run"], ["fix"]])
def test_an_empty_module_is_nothing_to_do(tmp_path, gorewrite, args):
    root = module(tmp_path, {})
    before = tree(root)
    code, out, err = gorewrite(*args, cwd=root)
    assert (code, out) == (0, "") and "0 packages" in err, err
    assert tree(root) == before


def test_a_go_line_newer_than_the_toolchain_gets_a_hint_about_the_go_line(tmp_path, gorewrite, monkeypatch):
    monkeypatch.setenv("GOTOOLCHAIN", "local")
    root = write_go_mod(tmp_path, "go 1.99\n")
    code, _, err = gorewrite("check", cwd=root)
    one_line_error(code, err, "go.mod requires go >= 1.99", "names a newer Go than go1.")
    assert "package patterns" not in err


def write_go_mod(root: Path, line: str) -> Path:
    (root / "go.mod").write_text(f"module example.com/m\n\n{line}")
    (root / "p.go").write_text("package p\n")
    return root


# 9. Leftovers of a killed run: the next run removes its own, and only those whose process is gone.


def dead_pid() -> int:
    done = subprocess.Popen(["true"])
    done.wait()
    return done.pid


def started_overlay(env: dict, root: Path) -> tuple[subprocess.Popen, Path]:
    """`gorewrite fix --dry-run` in a subprocess, caught while its overlay directory exists."""
    process = subprocess.Popen(
        [sys.executable, "-m", "gorewrite", "fix", "--dry-run"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        found = [p for p in Path(env["TMPDIR"]).iterdir() if p.name.startswith(f"gorewrite-overlay-{process.pid}-")]
        if found:
            return process, found[0]
        time.sleep(0.002)
    process.kill()
    pytest.fail("no overlay directory appeared")


@pytest.fixture
def env(tmp_path):
    (tmp_path / "tmp").mkdir()
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "TMPDIR": str(tmp_path / "tmp")}


def test_sigterm_removes_the_overlay_directory(tmp_path, env):
    root = module(tmp_path / "m", {"a/work.go": GOROUTINE, "b/other.go": OTHER})
    process, overlay = started_overlay(env, root)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in err, err
    assert err.endswith("gorewrite: interrupted; nothing was written\n"), err
    assert not overlay.exists()


def test_the_next_run_removes_what_a_killed_one_left_and_nothing_else(tmp_path, env):
    root = module(tmp_path / "m", {"a/work.go": GOROUTINE, "b/other.go": OTHER})
    process, overlay = started_overlay(env, root)
    process.kill()
    process.communicate(timeout=60)
    assert overlay.is_dir()  # SIGKILL cannot be caught
    dead, alive = dead_pid(), os.getppid()
    mine = root / "a" / f".work.go.{dead}.k3j4h5g6.gorewrite-tmp"
    others = [
        root / "a" / f".work.go.{alive}.k3j4h5g6.gorewrite-tmp",  # a live gorewrite's
        root / "a" / ".work.go.k3j4h5g6.gorewrite-tmp",  # no PID: not ours to judge
        root / "a" / f"work.go.{dead}.notes",
        Path(env["TMPDIR"]) / f"gorewrite-overlay-{alive}-x",
    ]
    for path in (mine, *others[:-1]):
        path.write_text("left\n")
    others[-1].mkdir()
    before = tree(root)
    dry = subprocess.run(
        [sys.executable, "-m", "gorewrite", "fix", "--dry-run"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert dry.returncode == 1 and f"removed 1 leftover of a gorewrite that was killed: {overlay}" in dry.stderr
    assert not overlay.exists() and tree(root) == before, "--dry-run writes nothing in the module"
    done = subprocess.run(
        [sys.executable, "-m", "gorewrite", "fix"], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0 and f"removed 1 leftover of a gorewrite that was killed: {mine}" in done.stderr
    assert not mine.exists() and all(p.exists() for p in others)
    assert sorted(p.name for p in root.rglob("*.gorewrite-tmp")) == sorted(p.name for p in others[:2])


def test_a_backup_a_killed_run_left_is_kept_and_named(tmp_path, env):
    """Killed during its renames, a run may leave the backup as the only copy of the original: never removed."""
    root = module(tmp_path / "m", {"a/work.go": GOROUTINE})
    backup = root / "a" / f".work.go.{dead_pid()}.k3j4h5g6.gorewrite-backup"
    backup.write_text("package a // the original\n")
    done = subprocess.run(
        [sys.executable, "-m", "gorewrite", "fix"], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert f"warning: {backup} holds work.go as it was before a gorewrite that was killed" in done.stderr
    assert backup.read_text() == "package a // the original\n"


# --diff-file and apply read the same paths: from the module root (fix --dry-run) or the repository root (git diff).


def test_a_module_in_a_subdirectory_takes_both_kinds_of_path(tmp_path, gorewrite):
    top = tmp_path / "repo"
    root = module(top / "svc", {"work/work.go": "package work\n"})
    git(top, "init", "-q")
    git(top, "add", "-A")
    git(top, "commit", "-qm", "base")
    (root / "work/work.go").write_text(GOROUTINE)
    git_diff = git(top, "diff")
    assert git_diff.startswith("diff --git a/svc/work/work.go")
    module_diff = git_diff.replace("a/svc/", "a/").replace("b/svc/", "b/")
    for diff in (git_diff, module_diff):
        code, out, err = gorewrite("fix", "--dry-run", "--diff-file", "-", cwd=root, stdin=diff)
        assert code == 1 and "label := label" in out, err
    code, fix_diff, err = gorewrite("fix", "--dry-run", cwd=root)
    assert code == 1 and fix_diff.startswith("--- a/work/work.go\n"), err
    git(top, "add", "-A")
    git(top, "commit", "-qm", "goroutine")
    assert gorewrite("fix", cwd=root)[0] == 0
    fixed = git(top, "diff")
    assert fixed.startswith("diff --git a/svc/work/work.go")
    for diff in (fixed, fix_diff):
        git(top, "checkout", "--", ".")
        code, _, err = gorewrite("apply", "-", cwd=root, stdin=diff)
        assert code == 0 and "label := label" in (root / "work/work.go").read_text(), err


def test_a_path_that_names_a_file_from_both_roots_is_refused(tmp_path, gorewrite):
    top = tmp_path / "repo"
    root = module(top / "svc", {"work/work.go": "package work\n", "svc/work/work.go": "package work\n"})
    (top / "work").mkdir()
    (top / "work/work.go").write_text("package work\n")
    git(top, "init", "-q")
    before = tree(top)
    code, _, err = gorewrite("apply", "-", cwd=root, stdin=f"--- a/work/work.go\n+++ b/work/work.go\n{WORK_HUNK}")
    one_line_error(code, err, "work/work.go: names both", "(from the module root)")
    assert tree(top) == before


def fail_open(monkeypatch, suffix: str, error: int) -> None:
    """Opening a file whose name ends in `suffix` fails with `error` (root reads anything, so it is simulated)."""
    import builtins

    real = builtins.open

    def open_(file, *args, **kwargs):
        if str(file).endswith(suffix):
            raise OSError(error, os.strerror(error), str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", open_)


def fail_mkdtemp(monkeypatch, error: int) -> None:
    def mkdtemp(*args, **kwargs):
        raise OSError(error, os.strerror(error), tempfile.gettempdir())

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)


@pytest.mark.parametrize(
    ("args", "fault", "expected"),
    [
        pytest.param(
            ["fix", "--dry-run"],
            lambda mp: fail_mkdtemp(mp, errno.ENOSPC),
            "No space left on device (free some space",
            id="full TMPDIR for the overlay",
        ),
        pytest.param(
            ["check"],
            lambda mp: fail_open(mp, "work.go", errno.EMFILE),
            "work.go: Too many open files (too many open files: raise the limit (ulimit -n)",
            id="no file handles left",
        ),
        pytest.param(
            ["fix"],
            lambda mp: fail_open(mp, "work.go", errno.EACCES),
            "work.go: Permission denied (check the permissions)",
            id="a file it may not read",
        ),
        pytest.param(
            ["check"],
            lambda mp: fail_open(mp, ".gorewrite.toml", errno.EACCES),
            ".gorewrite.toml: Permission denied",
            id="a config it may not read",
        ),
    ],
)
def test_an_os_error_anywhere_is_one_line(tmp_path, gorewrite, monkeypatch, args, fault, expected):
    root = module(tmp_path, {"work/work.go": GOROUTINE, ".gorewrite.toml": "unsafe-fixes = false\n"})
    before = tree(root)
    fault(monkeypatch)
    code, out, err = gorewrite(*args, cwd=root)
    one_line_error(code, err, expected)
    assert out == "" and tree(root) == before
