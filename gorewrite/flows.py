"""The compiler's `-m=2` flows (why a value escapes), for the few packages a rule asks them of."""

from __future__ import annotations

import os
import re

from gorewrite.escapes import resolve
from gorewrite.toolchain import Toolchain, go_cwd

FLOW_FLAGS = ("-trimpath=false", "-gcflags=-m=2")
FLOW_LINE = re.compile(r"^((?:[A-Za-z]:)?[^:\n]+\.go):(\d+):(\d+): ([^\n]*)$", re.MULTILINE)
# A parameter's verdict, said once on its own line: kept wherever it is (a callee's parameter).
PARAMETER = re.compile(r"^(?:leaking param(?: content)?: \w+|\w+ does not escape$)")
# A function's cost to the inliner, said once at its name: kept wherever it is, without the body it prints after.
COST = re.compile(r"^can inline .+ with cost \d+")


def compile_flows(
    toolchain: Toolchain,
    import_paths: list[str],
    cwd: str,
    files: dict[str, tuple[str, ...]] | None = None,
    lines: dict[str, set[int]] | None = None,
    overlay: str | None = None,
) -> dict[str, dict[tuple[str, int, int], tuple[str, ...]]]:
    """The compiler's `-m=2` lines per import path and site (absolute path, line, column), in order.

    Only for the few packages a rule asks flows of: go/types alone prints 130 MB, so the output is
    read as it comes and, with `lines` (path -> line numbers), only what is said on those lines and
    every parameter's verdict are kept. The build cache replays it like `-m`; a package that fails
    to build has no entry (compile_escapes says why).
    """
    base = go_cwd(cwd, toolchain.env)
    files = files or {}
    found: dict[str, dict[tuple[str, int, int], list[str]]] = {pkg: {} for pkg in import_paths}
    absolute: dict[tuple[str, str], str] = {}
    sites: dict[tuple[str, int, int], list[str]] | None = None
    pkg = ""
    # Plain text, not -json: go -json sends a package's whole output as one event, one 130 MB line.
    args = ["build", "-o", os.devnull, *FLOW_FLAGS, *([f"-overlay={overlay}"] if overlay else [])]
    for raw in toolchain.stream([*args, "--", *import_paths], cwd):
        line = raw.decode(errors="replace").rstrip("\r\n")
        if line.startswith("# "):
            pkg = line[2:].split()[0]
            sites = found.get(pkg)
            continue
        m = FLOW_LINE.match(line)
        if sites is None or m is None:
            continue
        key = (pkg, m[1])
        path = absolute.get(key) or absolute.setdefault(key, resolve(m[1], base, files.get(pkg, ())))
        cost = COST.match(m[4])
        said = m[4].partition(" as: ")[0] if cost else m[4]
        if lines is None or int(m[2]) in lines.get(path, ()) or PARAMETER.match(said) or cost:
            sites.setdefault((path, int(m[2]), int(m[3])), []).append(said)
    return {pkg: {site: tuple(said) for site, said in sites.items()} for pkg, sites in found.items()}


POSITION = re.compile(r"^((?:[A-Za-z]:)?.+\.go):(\d+):(\d+)$")


def placed(
    sites: dict[tuple[str, int, int], tuple[str, ...]], files: tuple[str, ...]
) -> dict[tuple[str, int, int], tuple[str, ...]]:
    """The flows with each step's ` at FILE:LINE:COL` naming the package's file by its absolute path, and
    any other file by its base name. The go command replays a cached compile's text as it was printed first,
    relative to wherever that build ran (or absolute): a rule quotes a step in a reason, and a remembered
    reason must read the same whichever directory compiled it or asks for it (proposal_cache.py)."""

    def step(line: str) -> str:
        said, at, where = line.rpartition(" at ")
        m = POSITION.match(where) if at else None
        if m is None:
            return line
        found = resolve(m[1], "/", files)
        return f"{said} at {found if found in files else os.path.basename(m[1])}:{m[2]}:{m[3]}"

    return {site: tuple(map(step, said)) for site, said in sites.items()}
