"""Apply a reviewed `fix --dry-run` diff exactly as reviewed: every hunk matches its file, or nothing is written.

A file the diff creates (`--- /dev/null`) must not exist yet."""

from __future__ import annotations

import os
import sys

from unidiff import PatchSet, UnidiffParseError
from unidiff.constants import LINE_TYPE_ADDED, LINE_TYPE_CONTEXT, LINE_TYPE_NO_NEWLINE, LINE_TYPE_REMOVED

from gorewrite.errors import UserError
from gorewrite.patch import read_header_path, split_lines
from gorewrite.write import Snapshot, absent, read

# git's extended header lines (git help diff): `fix --dry-run` prints none of them.
GIT_HEADERS = (
    "old mode ",
    "new mode ",
    "deleted file mode ",
    "new file mode ",
    "rename from ",
    "rename to ",
    "copy from ",
    "copy to ",
    "similarity index ",
    "dissimilarity index ",
    "GIT binary patch",
    "Binary files ",
)


def read_patch(source: str) -> bytes:
    """The patch's bytes, from a file or (`-`) stdin."""
    if source == "-":
        return sys.stdin.buffer.read()
    try:
        with open(source, "rb") as f:
            return f.read()
    except OSError as err:
        raise UserError(f"{source}: {err.strerror}") from None


def module_root(cwd: str) -> str:
    """The directory of the nearest go.mod at or above cwd, where `fix --dry-run` paths start; else cwd."""
    here = os.path.abspath(cwd)
    while not os.path.isfile(os.path.join(here, "go.mod")):
        parent = os.path.dirname(here)
        if parent == here:
            return os.path.abspath(cwd)
        here = parent
    return here


def locate(rel: str, bases: list[str]) -> str:
    """The file a diff's path names: relative to the module root (as `fix --dry-run` prints it) or to the
    repository root (as `git diff` does), whichever holds it (or, for a new file, its directory); never both."""
    candidates = list(dict.fromkeys(os.path.normpath(os.path.join(base, *rel.split("/"))) for base in bases))
    existing = list({os.path.realpath(p): p for p in candidates if os.path.lexists(p)}.values())
    if len(existing) > 1:
        raise UserError(
            f"{rel}: names both {existing[0]} (from the module root) and {existing[1]} (from the repository "
            "root); make the diff in the module root, as `gorewrite fix --dry-run` does"
        )
    return (existing or [p for p in candidates if os.path.isdir(os.path.dirname(p))] or candidates)[0]


def patched(diff: bytes, root: str, repository: str | None = None) -> list[tuple[Snapshot, bytes]]:
    """Each file the diff changes, as read, and its new content; UserError on the first hunk that does not match.

    Paths are relative to the module `root`, or to the `repository` root (see locate).

    No fuzz and no offsets: a hunk applies at the lines its header names, with its context
    and removed lines equal byte for byte to the file's, or the whole diff is refused.
    """
    text = diff.decode("utf-8", "surrogateescape")  # the way `fix --dry-run` encoded the files' bytes
    try:
        files = PatchSet(text)
    except UnidiffParseError as err:
        raise UserError(f"the patch is not a unified diff gorewrite can read: {err}") from None
    if text.strip() and not files:
        raise UserError("the patch holds no file changes: give it the output of `gorewrite fix --dry-run`")
    results: dict[str, tuple[Snapshot, bytes]] = {}
    for patched_file in files:
        rel = _path(patched_file)
        path = locate(rel, [root, repository] if repository else [root])
        if path in results:
            raise UserError(f"{rel} appears twice in the patch; nothing was written")
        if patched_file.is_added_file:
            if os.path.lexists(path):
                raise UserError(
                    f"{rel}: the patch creates it but it exists already (applied before?); nothing was written"
                )
            results[path] = (absent(path), _apply(patched_file, b"", rel))
            continue
        if not os.path.isfile(path):  # nor a directory or a named pipe, which reading would wait on forever
            raise UserError(
                f"{rel}: no such file under {root}; run gorewrite apply where you ran `gorewrite fix --dry-run`"
            )
        snapshot = read(path)
        results[path] = (snapshot, _apply(patched_file, snapshot.content, rel))
    return list(results.values())


def _path(patched_file) -> str:
    """The file's path relative to the root: `a/` and `b/` naming one .go file, inside the root, changed
    only by hunks, as `fix --dry-run` prints it (no git mode, rename, copy or binary headers)."""
    source, target = read_header_path(patched_file.source_file), read_header_path(patched_file.target_file)
    if patched_file.is_binary_file:
        raise UserError(f"{patched_file.path}: a binary patch; gorewrite apply changes Go source only")
    if patched_file.is_removed_file:
        raise UserError(f"{patched_file.path}: the patch deletes a file; gorewrite never does")
    extended = [
        line
        for line in str(patched_file.patch_info or "").splitlines()
        if line.startswith(GIT_HEADERS) and line != "new file mode 100644"
    ]
    if extended:
        raise UserError(
            f"{patched_file.path}: `{extended[0]}`: gorewrite never changes a file's mode or name; nothing was written"
        )
    if not len(patched_file):
        raise UserError(f"{patched_file.path}: the patch names it without a hunk; nothing was written")
    if patched_file.is_added_file and source == "/dev/null" and target.startswith("b/"):
        source = "a/" + target[2:]  # a file the rewrite creates (build-variant)
    if not (source.startswith("a/") and target.startswith("b/") and source[2:] == target[2:]):
        raise UserError(
            f"{source} -> {target}: expected `a/PATH` and `b/PATH` of one file, as `gorewrite fix --dry-run` prints"
        )
    rel = source[2:]
    if os.path.isabs(rel) or ".." in rel.split("/"):
        raise UserError(f"{rel}: a path outside the module; nothing was written")
    if not rel.endswith(".go"):
        raise UserError(f"{rel}: not a .go file; gorewrite apply changes Go source only, nothing was written")
    return rel


def _apply(patched_file, content: bytes, rel: str) -> bytes:
    """The file's new bytes: each hunk where its header says, never moved to where its lines happen to match."""
    lines = split_lines(content)
    out: list[bytes] = []
    done = 0  # lines of the file already copied or replaced
    for number, hunk in enumerate(patched_file, 1):
        old, new = _sides(hunk)
        start = hunk.source_start if hunk.source_length == 0 else hunk.source_start - 1  # 0-based
        header = (
            f"hunk {number} (@@ -{hunk.source_start},{hunk.source_length} +{hunk.target_start},{hunk.target_length} @@)"
        )
        if start < done:
            raise UserError(f"{rel}: {header} overlaps the hunk before it; nothing was written")
        if start > len(lines) or lines[start : start + len(old)] != old:
            raise UserError(
                f"{rel}: {header} does not match the file (changed since the diff was made, or already "
                "applied); nothing was written, run `gorewrite fix --dry-run` again"
            )
        out += lines[done:start] + new
        done = start + len(old)
    return b"".join(out + lines[done:])


def _sides(hunk) -> tuple[list[bytes], list[bytes]]:
    """The hunk's lines as they must be (context, removed) and as they become (context, added), in bytes."""
    old: list[bytes] = []
    new: list[bytes] = []
    last: list[list[bytes]] = []  # the sides the previous line went to: `\ No newline` strips its newline
    for line in hunk:
        value = line.value.encode("utf-8", "surrogateescape")
        if line.line_type == LINE_TYPE_NO_NEWLINE:
            for side in last:
                side[-1] = side[-1].removesuffix(b"\n")
            continue
        last = {LINE_TYPE_CONTEXT: [old, new], LINE_TYPE_REMOVED: [old], LINE_TYPE_ADDED: [new]}.get(line.line_type, [])
        for side in last:
            side.append(value)
    return old, new
