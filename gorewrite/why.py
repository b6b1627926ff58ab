"""`gorewrite why FILE:LINE`: the compiler's reason a value on that line escapes (its `-m=2` flow),
the rule that could rewrite it, and whether the rewrite would be verified."""

from __future__ import annotations

import os

from gorewrite.errors import UserError
from gorewrite.escapes import compile_flows
from gorewrite.packages import load
from gorewrite.pipeline import Options, Run, fix
from gorewrite.proposals import Rule
from gorewrite.toolchain import Toolchain
from gorewrite.verify import Rejected, Verified

NOISE = ("can inline ", "cannot inline ", "inlining call to ", "devirtualizing ", "leaking param", "parameter ")


def site(arg: str, cwd: str) -> tuple[str, int]:
    """FILE:LINE as an absolute path and a line number, or a UserError saying what is wrong."""
    path, _, line = arg.rpartition(":")
    if not path or not line.isdigit() or int(line) < 1:
        raise UserError(f"{arg}: expected FILE:LINE, like internal/ship/ship.go:58")
    absolute = os.path.normpath(os.path.join(cwd, path))
    if not os.path.isfile(absolute):
        raise UserError(f"{path}: no such file")
    return absolute, int(line)


def explain(toolchains: list[Toolchain], path: str, line: int, cwd: str, rules: list[Rule], checks: frozenset[str]) -> str:
    """The report: flow lines per toolchain, then each rule's verdict on the line."""
    parts = []
    for toolchain in toolchains:
        flow = _flow(toolchain, path, line, cwd)
        heading = f"{toolchain.version}:" if len(toolchains) > 1 else ""
        body = "\n".join(flow) if flow else "  the compiler reports no heap allocation on this line"
        parts.append((heading + "\n" if heading else "") + body)
    run = fix(toolchains, [path], cwd, rules, Options(checks=checks, unsafe_fixes=True, lines={path: {line}}, edits_within_lines=False))
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
    sites = compile_flows(toolchain, [pkg.import_path], cwd, files={pkg.import_path: pkg.files}, lines={path: {line}})[pkg.import_path]
    found = [f"  {os.path.basename(path)}:{line}:{col}: {message}"
             for (where, number, col), messages in sites.items() if where == path and number == line
             for message in messages if not any(message.lstrip().startswith(n) for n in NOISE)]
    return list(dict.fromkeys(found))


def _verdicts(run: Run, path: str, line: int) -> str:
    said = []
    for verdict in run.verdicts:
        if isinstance(verdict, Verified):
            said.append(f"{verdict.fix.rule}: would be verified: {verdict.fix.summary}"
                        + (" (unsafe: needs --unsafe-fixes)" if verdict.fix.safety == "unsafe" else ""))
        elif isinstance(verdict, Rejected):
            said.append(f"{verdict.fix.rule}: proposed, but rejected by the compiler: {verdict.fix.summary}: {verdict.reason}")
    said += [f"{d.rule}: declined: {d.reason}" for d in run.declined if d.site.path == path and d.site.line == line]
    said += [f"{c.rule}: ignored by //gorewrite:ignore: {s.reason}" for c, s in run.suppressed if c.escape.line == line]
    return "\n".join(said) if said else "no rule recognises a site on this line"
