"""GitHub Actions workflow commands: each site or verified rewrite becomes an annotation on the pull request."""

from __future__ import annotations

from gorewrite.effects import verified_with
from gorewrite.hotpaths import weighed
from gorewrite.pipeline import Analysis, Run
from gorewrite.report import by_position, only_some, relative
from gorewrite.verify import Verified


def _data(text: str) -> str:
    """A command's message, escaped the way the runner unescapes it (a newline would end the command)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A property value: `:` and `,` separate the properties, so they are escaped too."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, message: str, title: str, path: str | None = None, line: int = 0, col: int = 0) -> str:
    where = f"file={_property(path)},line={line},col={col}," if path else ""
    return f"::{level} {where}title={_property(title)}::{_data(message)}\n"


def _broken(run: Analysis) -> list[str]:
    """A package that does not load or compile fails the step (exit 2): say which, where the job shows errors."""
    return [
        _command("error", f"skipped {pkg}: {err}", "gorewrite: package skipped")
        for pkg, err in sorted(run.broken.items())
    ]


def check_annotations(run: Analysis, cwd: str) -> str:
    """A warning per site a rule proposes a rewrite for, a notice per other heap escape; nothing for ignored sites.
    With --profile each message ends with the line's weight and share, as the text report gives them."""
    lines = _broken(run)
    ignored = run.ignored()
    for escape, rule in by_position(run.sites):
        if escape in ignored:
            continue
        level, title = ("warning", f"gorewrite {rule}") if rule else ("notice", "gorewrite heap-escape")
        lines.append(
            _command(
                level,
                escape.message + only_some(run, escape) + weighed(run, escape),
                title,
                relative(escape.path, cwd),
                escape.line,
                escape.col,
            )
        )
    return "".join(lines)


def fix_annotations(run: Run, cwd: str, applied: bool) -> str:
    """A warning per verified rewrite, at its first target escape; declined and rejected sites stay in the summary."""
    lines = _broken(run)
    state = "rewrite applied" if applied else "rewrite available"
    verified = sorted(
        (v for v in run.verdicts if isinstance(v, Verified)),
        key=lambda v: (v.fix.targets[0].path, v.fix.targets[0].line, v.fix.targets[0].col, v.fix.rule),
    )
    for verdict in verified:
        fix, first = verdict.fix, verdict.fix.targets[0]
        original = f"; {' and '.join(verdict.original_on)} builds the original" if verdict.original_on else ""
        lines.append(
            _command(
                "warning",
                f"{'speculative: ' if fix.speculative else ''}{fix.summary} (verified with "
                f"{verified_with(run, verdict)}{original})" + weighed(run, first),
                f"gorewrite {fix.rule}: {state}",
                relative(first.path, cwd),
                first.line,
                first.col,
            )
        )
    return "".join(lines)
