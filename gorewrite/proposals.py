"""What a rule is, what it sees, and what it returns: typed results, never bare exceptions."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from gorewrite.claims import Claim, RemovesTargets
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.files import Sources
from gorewrite.packages import Package
from gorewrite.parameters import Verdicts
from gorewrite.syntax import Tree, parse

if TYPE_CHECKING:
    from gorewrite.typeinfo import TypeInfo


@dataclass(frozen=True)
class Candidate:
    """A heap escape a rule recognises by syntax alone; `scope` is the byte range it needs types for,
    `also` other ranges of the package it reads with types (path, start, end): the callees it follows.

    `declined` is a reason the rule knows already from the compiler's messages and the syntax: the
    site is reported declined without types or proposing, and `check` does not tag it.
    """

    rule: str
    escape: Escape
    path: str
    scope: tuple[int, int]
    also: tuple[tuple[str, int, int], ...] = ()
    declined: str | None = None


@dataclass(frozen=True)
class Fix:
    """A proposed rewrite: byte edits, the compiler escapes it targets, and what it claims of them
    (gorewrite/claims.py: removes them, keeps a stack buffer in front of them, moves them, …).
    An edit naming a file that does not exist yet creates it. A `speculative` fix removes the
    allocation for some inputs only (a buffer sized by a budget, not by a bound the code proves):
    it is verified and applied only when the user asks for such fixes (--speculative). `instead`: smaller
    fixes of the same sites, tried one at a time, in order, when verification rejects this one alone; the
    first that holds is kept (a variant file without the function that broke the build)."""

    rule: str
    edits: tuple[Edit, ...]
    targets: tuple[Escape, ...]
    summary: str
    safety: Literal["safe", "unsafe"] = "safe"
    claim: Claim = RemovesTargets()
    speculative: bool = False
    instead: tuple[Fix, ...] = ()

    @property
    def held_back(self) -> str | None:
        """What `fix` holds the fix back as until its flag is given: "unsafe" (--unsafe-fixes) before
        "speculative" (--speculative); None for a safe fix that removes the allocation for every input."""
        return "unsafe" if self.safety == "unsafe" else "speculative" if self.speculative else None


@dataclass(frozen=True)
class Declined:
    """A site the rule recognised but will not rewrite, and why."""

    rule: str
    site: Escape
    reason: str


Proposal = Fix | Declined


@dataclass
class PackageView:
    """Everything a rule may look at for one package; rules read it and never run the compiler."""

    package: Package
    sources: Sources  # every .go file in the package directory, compiled or not (a dict is wrapped)
    escapes: tuple[Escape, ...]  # the package's -m diagnostics under any of the toolchains, in compiler order
    by_toolchain: dict[str, tuple[Escape, ...]] = field(default_factory=dict)  # version -> what that release reports
    instances: tuple[str, ...] = ()  # the packages of the run that instantiate its generics (instances.py)
    tested: bool = False  # its test variants were compiled too: its tests instantiate its generics (instances.py)
    types: TypeInfo | None = None
    options: dict[str, int] = field(default_factory=dict)  # every rule option's value in this run (RuleOption.name)
    required: dict[str, Rule] = field(default_factory=dict)  # the rules named in some rule's `requires`
    rules: tuple[str, ...] = ()  # the names of the rules this run proposes with (empty: not known)
    flows: dict[str, dict[tuple[str, int, int], tuple[str, ...]]] = field(
        default_factory=dict
    )  # version -> (path, line, col) -> -m=2 lines; only for rules with `flows`
    # version -> the compiler's parameter verdicts of the package and its imports; only for rules
    # with `retention` (retention.py reads them)
    parameters: dict[str, Verdicts] = field(default_factory=dict, repr=False)
    # the symbols //go:linkname directives and assembly of the module and the packages its builds link name
    # (pulls.py); None where not listed (std, or no candidate follows other declarations)
    linked: frozenset[str] | None = None
    memo: dict = field(default_factory=dict, repr=False)  # facts a rule derives once per view (query matches)
    digests: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)  # cache.key per rule set: kept
    _trees: dict[str, Tree] = field(default_factory=dict, repr=False)
    _line_starts: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.sources, Sources):
            self.sources = Sources(self.sources)  # given whole (tests, verification's rewritten views)

    def tree(self, path: str) -> Tree:
        """The file's syntax tree, parsed once."""
        if path not in self._trees:
            self._trees[path] = parse(self.sources[path])
        return self._trees[path]

    def release(self) -> None:
        """Drop the trees, the rules' memos and the type facts once the rules are done with the package:
        kept for every package of std they held most of a fix's memory. A tree is parsed again if asked for."""
        self._trees.clear()
        self.memo.clear()
        self.types = None

    def offset(self, escape: Escape) -> int | None:
        """The byte offset of a compiler position (1-based line, 1-based byte column), None if outside the file."""
        source = self.sources.get(escape.path)
        if source is None:
            return None
        starts = self._starts(escape.path)
        if not 0 < escape.line <= len(starts):
            return None
        offset = starts[escape.line - 1] + escape.col - 1
        return offset if offset <= len(source) else None

    def line(self, path: str, offset: int) -> int:
        """The 1-based line of a byte offset in one of the package's files."""
        return bisect.bisect_right(self._starts(path), offset)

    def _starts(self, path: str) -> list[int]:
        """Byte offsets where the file's lines start, found once."""
        if path not in self._line_starts:
            self._line_starts[path] = [0, *(m.end() for m in re.finditer(rb"\n", self.sources[path]))]
        return self._line_starts[path]


@dataclass(frozen=True)
class RuleOption:
    """A whole-number setting of a rule: `--NAME` on the command line, `NAME = …` in .gorewrite.toml;
    rules read its value as `view.options[NAME]`."""

    name: str
    default: int
    low: int
    high: int
    metavar: str
    help: str


@dataclass(frozen=True)
class Rule:
    """A rule is a value: name, one-line summary, the messages it targets, and two pure functions.

    `find` recognises candidate sites by syntax alone (cheap: `check` runs it on every package);
    `propose` turns candidates into fixes or declines, with type facts loaded for their scopes.
    A rule with `flows` also gets, in `propose`, the compiler's `-m=2` explanations of the
    package (PackageView.flows) for the candidates `flows(view, candidate)` says need one (type
    facts are loaded by then): the pipeline compiles them only for those candidates' packages.

    `requires` names rules whose find and propose this rule builds on; the pipeline hands them
    over as `view.required[name]` (a rule never imports another). `options` are the rule's own
    settings. A rule with `retention` calls retention.kept in `propose`; the pipeline compiles
    its candidates' packages and their imports with -m for it (PackageView.parameters).
    `precheck`, given the run's toolchain versions, says why the rule has nothing to do with them
    (a note for a user who asked for the rule by name), or None.
    """

    name: str
    summary: str
    messages: tuple[str, ...]
    find: Callable[[PackageView], list[Candidate]] = field(repr=False)
    propose: Callable[[PackageView, list[Candidate]], list[Proposal]] = field(repr=False)
    flows: Callable[[PackageView, Candidate], bool] | None = None
    requires: tuple[str, ...] = ()
    options: tuple[RuleOption, ...] = ()
    precheck: Callable[[list[str]], str | None] | None = None
    retention: bool = False  # asks retention.py whether callees keep a pointer: the pipeline fills view.parameters
    # packages whose verdicts retention is asked about beyond a package's imports (a type the rewrite brings in)
    retention_also: tuple[str, ...] = ()
