"""`gorewrite why FILE:LINE`: the compiler's reason a value on that line escapes (its `-m=2` flow),
the rule that could rewrite it, and whether the rewrite would be verified."""

from __future__ import annotations

import os
import re
from dataclasses import replace

from gorewrite.apply import module_root
from gorewrite.display import relative
from gorewrite.errors import UserError
from gorewrite.flows import compile_flows
from gorewrite.hotpaths import amount
from gorewrite.options import Options
from gorewrite.packages import load
from gorewrite.pipeline import Run, fix
from gorewrite.profile import join
from gorewrite.proposals import Rule
from gorewrite.rangefunc import Note
from gorewrite.report import diff
from gorewrite.syntax import parse, text
from gorewrite.toolchain import Toolchain
from gorewrite.unlisted import excludes_all
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


def explain(toolchains: list[Toolchain], path: str, line: int, cwd: str, rules: list[Rule], options: Options) -> str:
    """The report: flow lines per toolchain, then each rule's verdict on the line (and its weight with --profile)."""
    # every rule's verdict, hot or cold: the profile only weighs the line here
    generic = generic_at(path, line)
    users = instantiators(toolchains[0], path, cwd) if generic else []
    run = line_run(
        toolchains, path, line, cwd, rules, replace(options, unsafe_fixes=True, speculative=True, profile=None), users
    )
    if run.broken:
        pkg, error = min(run.broken.items())
        raise UserError(f"{pkg} does not compile: {error.splitlines()[0] if error else 'go build failed'}")
    parts = [flows(toolchains, path, line, cwd, users=users), verdicts(run, path, line)]
    if generic:
        parts.insert(1, instantiated(toolchains[0], path, generic, cwd, users))
    if run.changes:
        parts.append("the rewrite that would be verified:\n" + diff(run).rstrip("\n"))
    if options.profile:
        weights = join(options.profile.result(), run.packages)
        weight, share, profile = weights.weight(path, line), weights.share(path, line), weights.profile
        parts.append(f"profile: {amount(weight, profile.unit)} of {profile.sample_type} on this line ({share:.1%})")
    return "\n".join(parts) + "\n"


def line_run(
    toolchains: list[Toolchain],
    path: str,
    line: int,
    cwd: str,
    rules: list[Rule],
    options: Options,
    users: list[str] | tuple[str, ...] = (),
) -> Run:
    """`fix` for the sites on one line only, whatever lines their rewrites touch: what the verdicts are about.
    `users`: the packages that may instantiate a generic on the line, compiled too (instances.py)."""
    lines = replace(options, lines={path: {line}}, edits_within_lines=False)
    return fix(toolchains, [path, *users], cwd, rules, lines)


def generic_at(path: str, line: int) -> tuple[str, int, int] | None:
    """The generic function (or method of a generic type) whose declaration holds the line: name, first and
    last line."""
    with open(path, "rb") as f:
        tree = parse(f.read())
    for node in tree.root_node.named_children:
        if node.type not in ("function_declaration", "method_declaration"):
            continue
        if not node.start_point.row < line <= node.end_point.row + 1:
            continue
        receiver = node.child_by_field_name("receiver")
        name = node.child_by_field_name("name")
        if name and (node.child_by_field_name("type_parameters") is not None or (receiver and b"[" in text(receiver))):
            return text(name).decode(), node.start_point.row + 1, node.end_point.row + 1
    return None


def instantiators(toolchain: Toolchain, path: str, cwd: str) -> list[str]:
    """The module's packages that depend on the file's package: the ones that may instantiate its generics."""
    (pkg,) = load(toolchain, [path], cwd) or [None]
    if pkg is None or pkg.error or pkg.module_root is None:
        return []
    done = toolchain.run(["list", "-e", "-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}", "./..."], pkg.module_root)
    found = [line.split() for line in done.stdout.decode().splitlines()] if done.returncode == 0 else []
    return [parts[0] for parts in found if pkg.import_path in parts[1:]]


def instantiated(toolchain: Toolchain, path: str, generic: tuple[str, int, int], cwd: str, users: list[str]) -> str:
    """Which packages compile the generic's body (they print its lines): its escapes are reported there."""
    name, first, last = generic
    (pkg,) = load(toolchain, [path], cwd)  # it loaded for the flows
    compiled = [pkg.import_path, *users]
    lines = {path: set(range(first, last + 1))}
    said = compile_flows(toolchain, compiled, cwd, files={pkg.import_path: pkg.files}, lines=lines)
    printers = [p for p in compiled if any(w == path and first <= n <= last for w, n, _ in said.get(p, {}))]
    if printers:
        return f"  {name} is generic: the compiler compiles its body where it is instantiated: in {', '.join(printers)}"
    return (
        f"  {name} is generic and nothing in the module instantiates it outside tests: the compiler compiles a"
        " generic body only where it is instantiated (go build leaves tests out); the rules see what the"
        " package's own tests instantiate, no flow above shows it"
    )


# Where else the compiler puts a line's escapes: a body it turned into a function it inlined (probe34c:
# `for c := range slices.Chunk(vs, 4)`'s body reported at the `for` line; a generic's at its instantiation).
NONE_HERE = (
    "  the compiler reports no heap allocation on this line (a range-over-func loop's body is reported at its"
    " `for` line, an inlined or generic function's body at the line that calls it: ask about that line)"
)


def flows(
    toolchains: list[Toolchain], path: str, line: int, cwd: str, overlay: str | None = None, users: list[str] = ()
) -> str:
    """The flow lines per toolchain (headed by its version when there are several); `users`: packages that
    may instantiate a generic on the line, whose compile prints its body's flows."""
    parts = []
    for toolchain in toolchains:
        flow = _flow(toolchain, path, line, cwd, overlay, users)
        heading = f"{toolchain.version}:" if len(toolchains) > 1 else ""
        body = "\n".join(flow) if flow else NONE_HERE
        parts.append((heading + "\n" if heading else "") + body)
    return "\n".join(parts)


def _flow(toolchain: Toolchain, path: str, line: int, cwd: str, overlay: str | None, users: list[str]) -> list[str]:
    """The -m=2 lines the compiler prints for the line, inlining chatter left out."""
    (pkg,) = load(toolchain, [path], cwd) or [None]
    if pkg is not None and (excludes_all(pkg) or pkg.files and path not in pkg.files and not path.endswith("_test.go")):
        return [f"  {toolchain.version} does not compile {os.path.basename(path)} (its build constraints)"]
    if pkg is None or pkg.error:
        raise UserError(f"{path}: its package does not load: {pkg.error if pkg else 'no package'}")
    files = {pkg.import_path: pkg.files}
    compiled = [pkg.import_path, *users]
    said = compile_flows(toolchain, compiled, cwd, files=files, lines={path: {line}}, overlay=overlay)
    found = [
        f"  {relative(path, cwd)}:{line}:{col}: {message}"  # as the flow's own `at dir/file.go:…` paths
        for sites in (said.get(p, {}) for p in compiled)
        for (where, number, col), messages in sites.items()
        if where == path and number == line
        for message in messages
        if not any(message.lstrip().startswith(n) for n in NOISE)
    ]
    return list(dict.fromkeys(found))


def verdicts(run: Run, path: str, line: int) -> str:
    """Each rule's verdict on the line's sites: verified, rejected (and why), declined (and why) or ignored."""
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
    said += [relocation(n) for n in run.relocations if _about(n, path, line)]
    said += [f"{c.rule}: ignored by //gorewrite:ignore: {s.reason}" for c, s in run.suppressed if c.escape.line == line]
    return "\n".join(said) if said else "no rule recognises a site on this line"


def _about(note: Note, path: str, line: int) -> bool:
    """Is the note about the line: where it moved an escape to, or its `for` or a line it might mean, kept?"""
    if note.escape.path != path:
        return False
    if note.to is not None:
        return note.to.line == line
    return line == note.escape.line or line in note.candidates


def relocation(note: Note) -> str:
    """A range-over-func loop's escape, read at its site or left at the `for` (rangefunc.py), in words."""
    where = f"at the range-over-func loop's `for` (line {note.escape.line}), where go inlined its iterator and body"
    if note.to is not None:
        return f"the compiler reports `{note.escape.message}` {where}: taken as this line's (the one it names)"
    return f"the compiler reports `{note.escape.message}` {where}: left there, {note.reason}"
