"""The lines a change adds or modifies (--diff-from REV, --diff-file FILE): review runs say
nothing about, and rewrite nothing outside, the code under review."""

from __future__ import annotations

import os
import subprocess
import sys

import unidiff

from gorewrite.errors import UserError


def from_git(rev: str, cwd: str) -> dict[str, set[int]]:
    """Lines of the working tree that differ from REV (`git diff REV`; untracked files are not in it)."""
    top = _toplevel(cwd)
    if top is None:
        raise UserError(f"--diff-from {rev}: {cwd} is not inside a git repository")
    commit = _commit(rev, top)
    done = _git(["diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", "--end-of-options", commit, "--"], top)
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        raise UserError(f"--diff-from {rev}: git diff failed: {said[0] if said else 'no output'}")
    return lines(done.stdout, top)


def from_file(path: str, cwd: str) -> dict[str, set[int]]:
    """Lines a unified diff (a file, or - for stdin) adds; its paths are relative to the repository root, else cwd."""
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8", errors="surrogateescape").read()
    except OSError as err:
        raise UserError(f"--diff-file {path}: {err.strerror}") from None
    return lines(text, _toplevel(cwd) or os.path.abspath(cwd), source=path)


def lines(diff: str, base: str, source: str = "git diff") -> dict[str, set[int]]:
    """Absolute path -> the new file's line numbers that the diff adds (a modified line is removed and added)."""
    try:
        patches = unidiff.PatchSet(diff)
    except unidiff.UnidiffParseError as err:
        raise UserError(f"{source}: not a unified diff: {err}") from None
    found: dict[str, set[int]] = {}
    for patched in patches:
        if patched.is_removed_file:
            continue
        path = os.path.normpath(os.path.join(base, patched.path))
        found.setdefault(path, set()).update(line.target_line_no for hunk in patched for line in hunk if line.is_added)
    return found


def _commit(rev: str, top: str) -> str:
    """REV as a commit id, so it reaches git diff as data: `--output=FILE` would otherwise be an option."""
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top)
    if done.returncode != 0 or not done.stdout.strip():
        raise UserError(f"--diff-from {rev}: not a commit in {top} (name a branch, tag or commit, e.g. origin/main)")
    return done.stdout.strip()


def _toplevel(cwd: str) -> str | None:
    done = _git(["rev-parse", "--show-toplevel"], cwd)
    return done.stdout.strip() if done.returncode == 0 else None


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, errors="surrogateescape", check=False)
    except OSError as err:
        raise UserError(f"cannot run git: {err.strerror}; --diff-from needs git on PATH") from None
