"""The lines a change adds or modifies (--diff-from REV, --diff-file FILE): review runs say
nothing about, and rewrite nothing outside, the code under review."""

from __future__ import annotations

import subprocess
import sys

import unidiff

from gorewrite.apply import locate, module_root
from gorewrite.errors import UserError, os_problem


def from_git(rev: str, cwd: str) -> dict[str, set[int]]:
    """Lines of the working tree that differ from REV (`git diff REV`; untracked files are not in it)."""
    found = _git(["rev-parse", "--show-toplevel"], cwd)
    if found.returncode != 0:
        raise UserError(f"--diff-from {rev}: {cwd} is not inside a git repository")
    top = found.stdout.strip()
    commit = _commit(rev, top)
    done = _git(["diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", "--end-of-options", commit, "--"], top)
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        raise UserError(f"--diff-from {rev}: git diff failed: {said[0] if said else 'no output'}")
    return lines(done.stdout, [top])


def from_file(path: str, cwd: str) -> dict[str, set[int]]:
    """Lines a unified diff (a file, or - for stdin) adds; its paths are relative to the module root (as `fix
    --dry-run` prints them) or the repository root (as `git diff` does)."""
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8", errors="surrogateescape").read()
    except OSError as err:
        raise UserError(f"--diff-file {path}: {os_problem(err)}") from None
    top = toplevel(cwd)
    return lines(text, [module_root(cwd), top] if top else [module_root(cwd)], source=path)


def lines(diff: str, bases: list[str], source: str = "git diff") -> dict[str, set[int]]:
    """Absolute path -> the new file's line numbers that the diff adds (a modified line is removed and added)."""
    try:
        patches = unidiff.PatchSet(diff)
    except unidiff.UnidiffParseError as err:
        raise UserError(f"{source}: not a unified diff: {err}") from None
    found: dict[str, set[int]] = {}
    for patched in patches:
        if patched.is_removed_file:
            continue
        path = locate(patched.path, bases)
        found.setdefault(path, set()).update(line.target_line_no for hunk in patched for line in hunk if line.is_added)
    return found


def _commit(rev: str, top: str) -> str:
    """REV as a commit id, so it reaches git diff as data: `--output=FILE` would otherwise be an option."""
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top)
    if done.returncode != 0 or not done.stdout.strip():
        raise UserError(f"--diff-from {rev}: not a commit in {top} (name a branch, tag or commit, e.g. origin/main)")
    return done.stdout.strip()


def toplevel(cwd: str) -> str | None:
    """The root of the git repository holding cwd, if any (None without git, too)."""
    try:
        done = _git(["rev-parse", "--show-toplevel"], cwd)
    except UserError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, errors="surrogateescape", check=False
        )
    except OSError as err:
        raise UserError(f"cannot run git: {err.strerror}; --diff-from needs git on PATH") from None
