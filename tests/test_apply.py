"""gorewrite apply: the reviewed diff, applied exactly as reviewed or not at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import GOROUTINE, ROOT, apply_stdin, gorewrite, module, snapshot

from gorewrite.apply import patched
from gorewrite.errors import UserError
from gorewrite.write import write_all


def raw(*args: str, cwd, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """gorewrite with bytes in and out: text mode would turn the diff's CRLF lines into LF."""
    return subprocess.run(
        [sys.executable, "-m", "gorewrite", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )


def reviewed_and_written(tmp_path, files: dict[str, str]):
    """Two copies of one module: the dry-run diff of the first, and the second as `fix` writes it."""
    reviewed = module(tmp_path / "reviewed", files)
    written = shutil.copytree(reviewed, tmp_path / "written")
    diff = gorewrite("fix", "--dry-run", cwd=reviewed)
    assert diff.returncode == 1, diff.stderr
    assert gorewrite("fix", cwd=written).returncode == 0
    return reviewed, written, diff.stdout


def test_round_trip_equals_what_fix_writes(tmp_path):
    reviewed, written, diff = reviewed_and_written(tmp_path, {"work/work.go": GOROUTINE})
    (reviewed / "fix.diff").write_text(diff)
    os.chmod(reviewed / "work/work.go", 0o640)
    done = gorewrite("apply", "fix.diff", cwd=reviewed)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    assert "applied the patch to 1 file" in done.stderr
    assert (reviewed / "work/work.go").read_bytes() == (written / "work/work.go").read_bytes()
    assert (reviewed / "work/work.go").stat().st_mode & 0o777 == 0o640
    assert not list(reviewed.rglob("*.gorewrite-tmp"))


def test_stdin_from_a_subdirectory_applies_at_the_module_root(tmp_path):
    reviewed, written, diff = reviewed_and_written(tmp_path, {"work/work.go": GOROUTINE})
    done = apply_stdin(diff, cwd=reviewed / "work")
    assert done.returncode == 0, done.stderr
    assert (reviewed / "work/work.go").read_bytes() == (written / "work/work.go").read_bytes()


def test_crlf_file_stays_crlf(tmp_path):
    reviewed = module(tmp_path / "reviewed", {})
    (reviewed / "work").mkdir()
    (reviewed / "work/work.go").write_bytes(GOROUTINE.replace("\n", "\r\n").encode())
    written = shutil.copytree(reviewed, tmp_path / "written")
    diff = raw("fix", "--dry-run", cwd=reviewed).stdout
    assert b"+\t\tlabel := label // captured by value: keeps label off the heap\r\n" in diff
    assert gorewrite("fix", cwd=written).returncode == 0
    done = raw("apply", "-", cwd=reviewed, stdin=diff)
    assert done.returncode == 0, done.stderr
    text = (reviewed / "work/work.go").read_bytes()
    assert text == (written / "work/work.go").read_bytes()
    assert b"label := label // captured by value: keeps label off the heap\r\n" in text
    assert text.count(b"\n") == text.count(b"\r\n")


def test_context_mismatch_writes_nothing(tmp_path):
    other = GOROUTINE.replace("package work", "package work\n\n// other").replace("Start", "Other")
    reviewed = module(tmp_path, {"work/work.go": GOROUTINE, "work/other.go": other})
    diff = gorewrite("fix", "--dry-run", cwd=reviewed).stdout
    assert "a/work/other.go" in diff and "a/work/work.go" in diff
    # The second file changed after review: its hunk no longer matches, so the first is not written either.
    (reviewed / "work/work.go").write_text(GOROUTINE.replace('label = "batch job"', 'label = "big batch"'))
    before = snapshot(reviewed)
    done = apply_stdin(diff, cwd=reviewed)
    assert done.returncode == 2
    assert done.stderr.startswith("gorewrite: error: work/work.go: hunk 1 (@@ -9,6 +9,7 @@) does not match the file")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert snapshot(reviewed) == before
    first, second = diff.split("--- a/work/work.go")
    again = apply_stdin(first + "--- a/work/work.go" + second.replace('"batch job"', '"big batch"'), cwd=reviewed)
    assert again.returncode == 0, again.stderr  # the diff made against what is there now applies


OLD = "package p\n\nfunc F() {\n\tx := 1\n\t_ = x\n}\n"
HUNK = "@@ -3,4 +3,4 @@\n func F() {\n-\tx := 1\n+\tx := 2\n \t_ = x\n }\n"


@pytest.mark.parametrize(
    ("diff", "message"),
    [
        pytest.param(
            "--- /dev/null\n+++ b/p.go\n@@ -0,0 +1 @@\n+package p\n",
            "creates it but it exists already",
            id="create over a file",
        ),
        pytest.param(
            "--- a/p.go\n+++ /dev/null\n@@ -1,6 +0,0 @@\n" + "".join("-" + line for line in OLD.splitlines(True)),
            "deletes a file; gorewrite never does",
            id="delete",
        ),
        pytest.param(f"--- a/p.go\n+++ b/q.go\n{HUNK}", "expected `a/PATH` and `b/PATH` of one file", id="rename"),
        pytest.param(f"--- a/../p.go\n+++ b/../p.go\n{HUNK}", "outside the module", id="outside"),
        pytest.param(f"--- a/missing.go\n+++ b/missing.go\n{HUNK}", "missing.go: no such file", id="missing file"),
        pytest.param(
            f"--- a/p.go\n+++ b/p.go\n{HUNK.replace('x := 1', 'y := 1')}",
            "hunk 1 (@@ -3,4 +3,4 @@) does not match",
            id="removed line differs",
        ),
        pytest.param(f"--- a/p.go\n+++ b/p.go\n{HUNK.replace('-3,4 +3,4', '-2,4 +2,4')}", "does not match", id="moved"),
        pytest.param(f"--- a/p.go\n+++ b/p.go\n{HUNK}--- a/p.go\n+++ b/p.go\n{HUNK}", "appears twice", id="twice"),
        pytest.param("--- a/p.go\n+++ b/p.go\n@@ -3,4 +3,4 @@\n func F() {\n", "not a unified diff", id="truncated"),
        pytest.param("hello\n", "holds no file changes", id="not a diff"),
    ],
)
def test_refused(tmp_path, diff, message):
    (tmp_path / "p.go").write_text(OLD)
    with pytest.raises(UserError) as refused:
        patched(diff.encode(), str(tmp_path))
    assert message in str(refused.value)
    assert (tmp_path / "p.go").read_text() == OLD


@pytest.mark.parametrize(
    ("old", "diff", "new"),
    [
        pytest.param(OLD, f"--- a/p.go\n+++ b/p.go\n{HUNK}", OLD.replace("x := 1", "x := 2"), id="plain"),
        pytest.param(
            OLD.rstrip("\n"),
            "--- a/p.go\n+++ b/p.go\n@@ -5,2 +5,3 @@\n \t_ = x\n-}\n\\ No newline at end of file\n+}\n+\n",
            OLD + "\n",
            id="adds the final newline",
        ),
        pytest.param(
            OLD,
            "--- a/p.go\n+++ b/p.go\n@@ -5,2 +5,2 @@\n \t_ = x\n-}\n+}\n\\ No newline at end of file\n",
            OLD.rstrip("\n"),
            id="drops the final newline",
        ),
        pytest.param(
            OLD.replace("x := 1", "x := 1\r"),
            "--- a/p.go\n+++ b/p.go\n@@ -4 +4 @@\n-\tx := 1\r\n+\tx := 2\r\n",
            OLD.replace("x := 1", "x := 2\r"),
            id="carriage return kept",
        ),
        pytest.param(OLD, "", OLD, id="empty"),
    ],
)
def test_applied(tmp_path, old, diff, new):
    (tmp_path / "p.go").write_bytes(old.encode())
    assert [content for _, content in patched(diff.encode(), str(tmp_path))] == ([new.encode()] if diff else [])


def test_creates_a_file(tmp_path):
    """A build variant's new file comes from /dev/null; it is written only where no file is."""
    (tmp_path / "p.go").write_text(OLD)
    diff = (
        f"--- a/p.go\n+++ b/p.go\n{HUNK}"
        "--- /dev/null\n+++ b/p_go125.go\n@@ -0,0 +1,3 @@\n+//go:build go1.25\n+\n+package p\n"
    )
    pairs = patched(diff.encode(), str(tmp_path))
    assert [(s.path, s.exists, new) for s, new in pairs][1] == (
        str(tmp_path / "p_go125.go"),
        False,
        b"//go:build go1.25\n\npackage p\n",
    )
    write_all(pairs, {s.path: str(tmp_path) for s, _ in pairs})
    assert (tmp_path / "p_go125.go").read_text() == "//go:build go1.25\n\npackage p\n"
    assert (tmp_path / "p.go").read_text() == OLD.replace("x := 1", "x := 2")
