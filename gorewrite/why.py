"""`gorewrite why FILE:LINE`: the compiler's reason a value on that line escapes (its `-m=2` flow),
the rule that could rewrite it, and whether the rewrite would be verified."""

from __future__ import annotations

import os
import re

from gorewrite.apply import module_root
from gorewrite.errors import UserError
from gorewrite.escapes import compile_flows
from gorewrite.packages import load
from gorewrite.pipeline import Options, Run, fix
from gorewrite.proposals import Rule
from gorewrite.toolchain import Toolchain
from gorewrite.verify import Rejected, Verified

SITE = re.compile(r"^(.+?):(\d+)(?::(\d+))?:?$")  # check prints `FILE:LINE:COL: message`
NOISE = ("can inline ", "cannot inline ", "inlining call to ", "devirtualizing ", "leaking param", "parameter ")


def site(arg: str, cwd: str) -> tuple[str, int]:
    """FILE:LINE or FILE:LINE:COL (as check prints it; relative to cwd or the module root, or absolute) as an
    absolute path and a line number, or a UserError saying what is wrong."""
    match = SITE.match(arg)
    if not match or int(match.group(2)) < 1 or (match.group(3) and int(match.group(3)) < 1):
        raise UserError(f"{arg}: expected FILE:LINE or FILE:LINE:COL, like internal/ship/ship.go:58")
    path, line, col = match.group(1), int(match.group(2)), int(match.group(3) or 1)
    root = module_root(cwd)
    found = [
        p
        for p in dict.fromkeys(os.path.normpath(os.path.join(base, path)) for base in (cwd, root))
        if os.path.isfile(p)
    ]
    if not found:
        raise UserError(f"{path}: no such file (in {cwd} or the module root {root})")
    absolute = found[0]
    if not absolute.endswith(".go"):
        raise UserError(f"{path}: not a Go file; name a .go file of the module")
    inside = os.path.relpath(os.path.realpath(absolute), os.path.realpath(root))
    if inside == os.pardir or inside.startswith(os.pardir + os.sep):
        raise UserError(f"{path}: outside the module {root}; run gorewrite why in the file's module")
    with open(absolute, "rb") as f:
        lines = f.read().splitlines()
    if line > len(lines):
        raise UserError(f"{arg}: {path} has {len(lines)} lines")
    if col > len(lines[line - 1]) + 1:
        raise UserError(f"{arg}: line {line} of {path} has {len(lines[line - 1])} bytes")
    return absolute, line


def explain(
    toolchains: list[Toolchain], path: str, line: int, cwd: str, rules: list[Rule], checks: frozenset[str]
) -> str:
    """The report: flow lines per toolchain, then each rule's verdict on the line."""
    parts = []
    for toolchain in toolchains:
        flow = _flow(toolchain, path, line, cwd)
        heading = f"{toolchain.version}:" if len(toolchains) > 1 else ""
        body = "\n".join(flow) if flow else "  the compiler reports no heap allocation on this line"
        parts.append((heading + "\n" if heading else "") + body)
    run = fix(
        toolchains,
        [path],
        cwd,
        rules,
        Options(checks=checks, unsafe_fixes=True, speculative=True, lines={path: {line}}, edits_within_lines=False),
    )
    if run.broken:
        pkg, error = min(run.broken.items())
        raise UserError(f"{pkg} does not compile: {error.splitlines()[0] if error else 'go build failed'}")
    parts.append(_verdicts(run, path, line))
    return "\n".join(parts) + "\n"


def _flow(toolchain: Toolchain, path: str, line: int, cwd: str) -> list[str]:
    """The -m=2 lines the compiler prints for the line, inlining chatter left out."""
    (pkg,) = load(toolchain, [path], cwd) or [None]
    if pkg is None or pkg.error:
        raise UserError(f"{path}: its package does not load: {pkg.error if pkg else 'no package'}")
    sites = compile_flows(toolchain, [pkg.import_path], cwd, files={pkg.import_path: pkg.files}, lines={path: {line}})[
        pkg.import_path
    ]
    found = [
        f"  {os.path.basename(path)}:{line}:{col}: {message}"
        for (where, number, col), messages in sites.items()
        if where == path and number == line
        for message in messages
        if not any(message.lstrip().startswith(n) for n in NOISE)
    ]
    return list(dict.fromkeys(found))


def _verdicts(run: Run, path: str, line: int) -> str:
    said = []
    for verdict in run.verdicts:
        if isinstance(verdict, Verified):
            said.append(
                f"{verdict.fix.rule}: would be verified: {verdict.fix.summary}"
                + (" (unsafe: needs --unsafe-fixes)" if verdict.fix.safety == "unsafe" else "")
                + (" (speculative: needs --speculative)" if verdict.fix.speculative else "")
            )
        elif isinstance(verdict, Rejected):
            said.append(
                f"{verdict.fix.rule}: proposed, but rejected by the compiler: {verdict.fix.summary}: {verdict.reason}"
            )
    said += [f"{d.rule}: declined: {d.reason}" for d in run.declined if d.site.path == path and d.site.line == line]
    said += [f"{c.rule}: ignored by //gorewrite:ignore: {s.reason}" for c, s in run.suppressed if c.escape.line == line]
    return "\n".join(said) if said else "no rule recognises a site on this line"
