"""The pre-commit hook of this repository, run by the real pre-commit on a Go module in git."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import GOROUTINE, ROOT, module


def run(args: list[str], cwd, env: dict) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_hook_rewrites_the_named_files_and_fails_like_a_formatter(tmp_path):
    root = module(tmp_path / "repo", {"work/work.go": GOROUTINE, "work/other.go": "package work\n\nfunc Other() {}\n"})
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    for args in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "base"]):
        subprocess.run(args, cwd=root, env=env, check=True)
    hook = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "gorewrite", "--files", "work/work.go"]
    first = run(hook, root, env)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert "label := label // captured by value" in (root / "work/work.go").read_text()
    second = run(hook, root, env)
    assert second.returncode == 0, second.stdout + second.stderr
