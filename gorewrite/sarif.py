"""SARIF 2.1.0, the format code scanning reads: one run, every rule described, fixes from the verified diff."""

from __future__ import annotations

import bisect
import json
import os
import re
from functools import cache
from pathlib import Path
from urllib.parse import quote

from gorewrite import __version__, effects
from gorewrite.escapes import Escape
from gorewrite.patch import hunks
from gorewrite.pipeline import Analysis, Run
from gorewrite.proposals import Fix
from gorewrite.report import by_position, only_some, relative
from gorewrite.rules import RULES
from gorewrite.syntax import parse, rule_data
from gorewrite.verify import Verified

SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
UNRECOGNISED = "heap-escape"  # the rule id of a heap escape no gorewrite rule proposes to rewrite
UNRECOGNISED_HELP = (
    "The Go compiler's escape analysis (`go build -gcflags=-m`) reports a heap allocation here that no gorewrite "
    "rule proposes to rewrite. Most such values are stored, returned or kept by a callee and must live on the heap; "
    "`gorewrite check` marks the sites a rule can rewrite."
)


def check_log(run: Analysis, cwd: str) -> str:
    """Every site of `check`: a warning where a rule could rewrite it, a note where none can."""
    where = _Positions(run)
    ignored = {escape: directive.reason for escape, directive in run.ignored().items()}
    results = []
    for escape, rule in by_position(run.sites):
        result = _result(
            run,
            cwd,
            where,
            rule or UNRECOGNISED,
            escape.message + only_some(run, escape),
            escape,
            "warning" if rule else "note",
        )
        if escape in ignored:
            result["suppressions"] = [{"kind": "inSource", "justification": ignored[escape]}]
        results.append(result)
    return _log(run, cwd, results)


def fix_log(run: Run, cwd: str) -> str:
    """A result per verified rewrite, carrying its part of the diff as a SARIF fix."""
    where = _Positions(run)
    verified = sorted(
        (v for v in run.verdicts if isinstance(v, Verified)),
        key=lambda v: (v.fix.targets[0].path, v.fix.targets[0].line, v.fix.targets[0].col, v.fix.rule),
    )
    fixes = [v.fix for v in verified]
    changes = _changes(run, fixes, where)
    results = []
    for index, (fix, verdict) in enumerate(zip(fixes, verified, strict=True)):
        label = "speculative: " if fix.speculative else ""
        said = effects.per_release(run, verdict)  # what each release lost, its -m messages or not
        result = _result(
            run,
            cwd,
            where,
            fix.rule,
            f"{label}{fix.summary} (verified with {effects.verified_with(run, verdict)}{': ' if said else ''}"
            f"{', '.join(said)})",
            fix.targets[0],
            "warning",
        )
        result["properties"]["speculative"] = fix.speculative
        if index in changes:
            result["fixes"] = [
                {
                    "description": {"text": fix.summary},
                    "artifactChanges": [
                        {"artifactLocation": _artifact(path, cwd), "replacements": replaced}
                        for path, replaced in sorted(changes[index].items())
                    ],
                }
            ]
        results.append(result)
    return _log(run, cwd, results)


def _log(run: Analysis, cwd: str, results: list[dict]) -> str:
    failures = [
        {"level": "error", "message": {"text": f"skipped {pkg}: {err}"}} for pkg, err in sorted(run.broken.items())
    ]
    invocation = {"executionSuccessful": not run.broken, "toolExecutionNotifications": failures}
    driver = {"name": "gorewrite", "version": __version__, "semanticVersion": __version__, "rules": _rules()}
    return (
        json.dumps(
            {
                "$schema": SCHEMA,
                "version": "2.1.0",
                "runs": [
                    {
                        "tool": {"driver": driver},
                        "invocations": [invocation],
                        "originalUriBaseIds": {SRCROOT: {"uri": Path(cwd).as_uri().rstrip("/") + "/"}},
                        "columnKind": "unicodeCodePoints",
                        "results": results,
                        "properties": {"toolchains": [tc.version for tc in run.toolchains or [run.toolchain]]},
                    }
                ],
            },
            indent=2,
        )
        + "\n"
    )


@cache
def _rules() -> list[dict]:
    """Every gorewrite rule, its help the first paragraph of its README, then the rule for the rest."""
    rules = []
    for name, rule in RULES.items():
        help_text = _first_paragraph((rule_data(name) / "README.md").read_text())
        rules.append(
            {
                "id": name,
                "shortDescription": {"text": rule.summary},
                "help": {"text": help_text, "markdown": help_text},
                "defaultConfiguration": {"level": "warning"},
            }
        )
    rules.append(
        {
            "id": UNRECOGNISED,
            "shortDescription": {"text": "a heap allocation no gorewrite rule can rewrite"},
            "help": {"text": UNRECOGNISED_HELP, "markdown": UNRECOGNISED_HELP},
            "defaultConfiguration": {"level": "note"},
        }
    )
    return rules


def _first_paragraph(readme: str) -> str:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", readme)]
    return next(" ".join(b.split("\n")) for b in blocks if b and not b.startswith("#"))


def _result(run: Analysis, cwd: str, where: _Positions, rule: str, message: str, escape: Escape, level: str) -> dict:
    region = {"startLine": escape.line, "startColumn": where.column(escape.path, escape.line, escape.col)}
    result = {
        "ruleId": rule,
        "ruleIndex": [r["id"] for r in _rules()].index(rule),
        "level": level,
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(escape.path, cwd), "region": region}}],
        "properties": {"toolchains": list(run.reported_by.get(escape, (run.toolchain.version,)))},
    }
    return _ranked(run, escape, result)


def _ranked(run: Analysis, escape: Escape, result: dict) -> dict:
    """With --profile: SARIF's `rank` (0-100, the line's percentage of the profile) and the weight in properties."""
    if run.weights:
        share = run.weights.share(escape.path, escape.line)
        result["rank"] = round(share * 100, 3)
        result["properties"]["profile"] = {
            "weight": run.weights.weight(escape.path, escape.line),
            "share": share,
            "sample_type": run.weights.profile.sample_type,
            "unit": run.weights.profile.unit,
        }
    return result


def _artifact(path: str, cwd: str) -> dict:
    """Relative to %SRCROOT% (the current directory), as code scanning expects; absolute outside it (std)."""
    rel = relative(path, cwd)
    if os.path.isabs(rel):
        return {"uri": Path(rel).as_uri()}
    return {"uri": quote(rel.replace(os.sep, "/")), "uriBaseId": SRCROOT}


class _Positions:
    """Go reports byte columns; SARIF counts code points (columnKind unicodeCodePoints)."""

    def __init__(self, run: Analysis) -> None:
        self._snapshots = run.snapshots
        self._starts: dict[str, list[int]] = {}

    def _lines(self, path: str) -> list[int]:
        if path not in self._starts:
            self._starts[path] = [0, *(m.end() for m in re.finditer(rb"\n", self._snapshots[path].content))]
        return self._starts[path]

    def column(self, path: str, line: int, col: int) -> int:
        """The code-point column of a 1-based byte column."""
        if path not in self._snapshots or not 0 < line <= len(self._lines(path)):
            return col
        start = self._lines(path)[line - 1]
        return len(self._snapshots[path].content[start : start + col - 1].decode("utf-8", "replace")) + 1

    def at(self, path: str, offset: int) -> tuple[int, int]:
        """Line and code-point column of a byte offset."""
        line = bisect.bisect_right(self._lines(path), offset)
        return line, self.column(path, line, offset - self._lines(path)[line - 1] + 1)


def _changes(run: Run, fixes: list[Fix], where: _Positions) -> dict[int, dict[str, list[dict]]]:
    """Each change of the verified diff goes to the fix whose edits are nearest to it.

    Fixes in one file are gofmt'ed together, so the diff is not the sum of their edits; giving
    every change to exactly one fix keeps the whole: applying all results' fixes gives the diff.
    But a change of the imports that adds a path several fixes add (Edit.shared, which gofmt sorts
    into place, away from the edit) goes to every one of them, so each result alone gives a file that
    compiles; it is marked `shared` there (the replacement's properties), for a client applying several
    results to apply it once.
    """
    owned: dict[int, dict[str, list[dict]]] = {}
    for path, new in sorted(run.changes.items()):
        old = run.snapshots[path].content
        spans = [
            (index, _span(where, path, e.start, e.end))
            for index, fix in enumerate(fixes)
            for e in fix.edits
            if e.path == path
        ]
        if not spans:
            continue
        imports = [(d.start_byte, d.end_byte) for d in parse(old).root_node.children if d.type == "import_declaration"]
        for start, end, inserted in hunks(old, new):
            here = _span(where, path, start, end)
            owners = _sharers(fixes, path, inserted) if any(a <= end and start <= b for a, b in imports) else []
            if not owners:
                owners = [min(spans, key=lambda s: (max(0, s[1][0] - here[1], here[0] - s[1][1]), s[0]))[0]]
            for owner in owners:
                replacement = _replacement(where, path, start, end, inserted)
                if len(owners) > 1:
                    replacement["properties"] = {"shared": True}
                owned.setdefault(owner, {}).setdefault(path, []).append(replacement)
    return owned


def _sharers(fixes: list[Fix], path: str, inserted: bytes) -> list[int]:
    """The fixes whose shared edits add an import path the inserted lines hold."""
    added = set(re.findall(rb'"[^"\n]*"', inserted))
    return [
        index
        for index, fix in enumerate(fixes)
        if any(e.path == path and e.shared and added & set(re.findall(rb'"[^"\n]*"', e.new)) for e in fix.edits)
    ]


def _span(where: _Positions, path: str, start: int, end: int) -> tuple[int, int]:
    """First and last line of a byte range (an empty range is on the line it points into)."""
    return where.at(path, start)[0], where.at(path, max(start, end - 1))[0]


def _replacement(where: _Positions, path: str, start: int, end: int, inserted: bytes) -> dict:
    (start_line, start_col), (end_line, end_col) = where.at(path, start), where.at(path, end)
    deleted = {
        "startLine": start_line,
        "startColumn": start_col,
        "endLine": end_line,
        "endColumn": end_col,
        "byteOffset": start,
        "byteLength": end - start,
    }
    replacement = {"deletedRegion": deleted}
    if inserted:
        replacement["insertedContent"] = {"text": inserted.decode("utf-8")}
    return replacement
