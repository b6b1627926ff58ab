"""What a run is asked beyond its patterns and rules (flags and .gorewrite.toml), and which lines a
rewrite may touch under a line filter (--diff-from, why)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gorewrite.profile import HOT, Reading
from gorewrite.progress import Report, silent
from gorewrite.proposals import PackageView

OUTSIDE = "the rewrite touches lines outside the change (--diff-from)"  # why a fix is declined then


@dataclass(frozen=True)
class Options:
    """What a run is asked beyond its patterns and rules: from flags and .gorewrite.toml."""

    checks: frozenset[str] = frozenset()  # "tests", "bench": --verify beyond the build
    rule_options: dict[str, int] = field(default_factory=dict)  # rule option name -> value (flags, config)
    unsafe_fixes: bool = False
    speculative: bool = False  # also verify and apply fixes that remove the allocation for some inputs only
    excluded: Callable[[str], bool] = lambda path: False  # .gorewrite.toml's exclude globs
    lines: dict[str, set[int]] | None = None  # only sites on these lines (--diff-from, why) …
    edits_within_lines: bool = True  # … and only rewrites whose edits stay on them (--diff-from; not why)
    progress: Report = silent  # told each step of a long run (a spinner on a terminal)
    profile: Reading | None = None  # --profile, being read meanwhile: rank the sites, and fix only the hot ones
    hot: float = HOT  # --hot: the share of the profile's weight whose lines are hot
    unsaved: dict[str, bytes] = field(default_factory=dict)  # path -> an editor's buffer: compiled, never written
    cache: bool = True  # read and write the rules' findings in the user cache (--no-cache: neither)
    exports: bool = False  # list the imports' export data while the rules find (check keys its proposals on it)

    def wanted(self, path: str, first: int, last: int | None = None) -> bool:
        """Is the file not excluded and, with a line filter, every line from first to last in it?"""
        if self.excluded(path):
            return False
        if self.lines is None:
            return True
        changed = self.lines.get(path, set())
        return all(n in changed for n in range(first, (last if last is not None else first) + 1))


def outside(view: PackageView, edits, options: Options) -> bool:
    """Does a fix's edit reach past what the run may touch: a line the line filter leaves out (--diff-from),
    an excluded file? Without a line filter only the files count, so no line is looked up."""
    if not options.edits_within_lines:
        return False
    if options.lines is None:
        return any(options.excluded(e.path) for e in edits)
    return not all(span_wanted(edit_span(view, e), options) for e in edits)


def edit_span(view: PackageView, edit) -> tuple[str, int, int]:
    """The file and the lines an edit replaces (or the line it inserts before); lines 0, 0 for a file it creates."""
    if edit.path not in view.sources:
        return edit.path, 0, 0
    return edit.path, view.line(edit.path, edit.start), view.line(edit.path, max(edit.end - 1, edit.start))


def span_wanted(span: tuple[str, int, int], options: Options) -> bool:
    """Are all the lines of an edit's span wanted? A file the edit creates is outside any line filter."""
    path, first, last = span
    if not first:
        return options.lines is None and not options.excluded(path)
    return options.wanted(path, first, last)
