"""A file's build constraint as go/build reads it, and the language version its //go:build line gives the compiler.

Readers that matched `//go:build` with regexes of their own each missed forms go accepts (an indented line, a tab
after `//go:build`, `//+build`, a BOM) and took lines go ignores (after the package clause, inside `/* */` or a raw
string). This module reads only the header, as go/build's parseFileHeader and shouldBuild do: a `//go:build` line
anywhere among the comments before the first non-comment text controls (two are an error); without one, the
`// +build` lines of the leading `//` comments that end at a blank line do, each one ANDed. Expressions are parsed
and evaluated with go/build/constraint's semantics (`&&`, `||`, `!`, parentheses), never matched as text.

The compiler and go/types take a file's Go version from every `//go:build` comment before the package clause (the
last that parses), token by token; that differs from go/build only where go/build refuses or ignores the line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

# ("tag", name) | ("not", x) | ("and", x, y, …) | ("or", x, y, …): n-ary, so only parentheses nest
Expr = tuple
BOM = b"\xef\xbb\xbf"
# what Go's TrimSpace trims (unicode.IsSpace)
GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
TOKEN = re.compile(r"[ \t]*(&&|\|\||!|\(|\)|[^ \t&|!()]+)")  # its lexer skips spaces and tabs only
SCANNER_SPACE = re.compile(r"[ \t\r\n]*")  # what go/scanner skips between tokens
MOST_TAGS = 16  # beyond this many tags, `needs` does not enumerate (and answers no)
MAX_OLD_SIZE = 100  # parsePlusBuildExpr's maxOldSize: && and || in one `// +build` line, else go skips it
MAX_SIZE = 1000  # go/build/constraint's maxSize: operands (its not() calls) in one expression
DEEP = "the expression nests parentheses too deeply for gorewrite to read"  # go reads it: callers decline
MAX_DEPTH = 100


@dataclass(frozen=True)
class Constraint:
    text: str  # the expression, in //go:build syntax
    expr: Expr
    plus_build: bool  # from `// +build` lines (the file has no //go:build line)


def read(source: bytes) -> Constraint | str | None:
    """The file's build constraint as go/build finds it; None when it has none; a string when go/build refuses
    the file (two //go:build lines, one that does not parse)."""
    lines, end, go_build = _header(source.removeprefix(BOM).decode("utf-8", "surrogateescape"))
    if go_build == "multiple":
        return "the file has two //go:build lines (go/build refuses it)"
    if go_build is not None:
        expr = parse(go_build[1])
        if isinstance(expr, str):
            return f"go/build cannot parse its //go:build line: {expr}"
        return Constraint(go_build[1], expr, False)
    exprs = [e for line in lines[:end] if (e := plus_build_line(line)) is not None]
    if not exprs:
        return None
    expr = _join("and", exprs)
    return Constraint(render(expr), expr, True)


def go_version(source: bytes) -> int | None:
    """The minor N of the go1.N the compiler takes from the file's //go:build comments (0 for `go1`), or None when
    they imply no version (the module's go line holds; go/types raises a version below go1.21 to go1.21). A line
    too deep to read counts as `go1`, the oldest: a caller that must know loop semantics declines."""
    text = source.removeprefix(BOM).decode("utf-8", "surrogateescape")
    version, at = None, 0
    while True:
        at = SCANNER_SPACE.match(text, at).end()  # no copy of the rest: a long header stays linear
        if text.startswith("//", at):
            end = text.find("\n", at)
            comment, at = text[at : len(text) if end < 0 else end], len(text) if end < 0 else end
            expression = build_line(comment)
            expr = parse(expression) if expression is not None else None
            version = 0 if expr == DEEP else version if expr is None or isinstance(expr, str) else _min_version(expr, 1)
        elif text.startswith("/*", at) and text.find("*/", at + 2) >= 0:
            at = text.find("*/", at + 2) + 2
        else:
            return None if version is None or version < 0 else version


def holds(expr: Expr, tag: Callable[[str], bool]) -> bool:
    """The expression's value where `tag` says which tags are set."""
    kind = expr[0]
    if kind == "tag":
        return tag(expr[1])
    if kind == "not":
        return not holds(expr[1], tag)
    if kind == "and":
        return all(holds(x, tag) for x in expr[1:])
    return any(holds(x, tag) for x in expr[1:])


def needs(expr: Expr, name: str) -> bool:
    """Does every build that satisfies the expression set the tag (`ignore`: a generator)? Other tags are taken as
    independent, which some are not (GOOS values exclude each other): that only answers no more often."""
    others = sorted(_tags(expr) - {name})
    if len(others) > MOST_TAGS:
        return False
    for values in itertools.product((False, True), repeat=len(others)):
        chosen = {t for t, v in zip(others, values, strict=True) if v}
        if holds(expr, chosen.__contains__):
            return False
    return True


def always(expr: Expr) -> bool:
    """Does the expression hold in every build? Tags are taken as independent (see needs): that only says no more."""
    tags = sorted(_tags(expr))
    if len(tags) > MOST_TAGS:
        return False
    return all(
        holds(expr, {t for t, v in zip(tags, values, strict=True) if v}.__contains__)
        for values in itertools.product((False, True), repeat=len(tags))
    )


def versions(expr: Expr) -> bool:
    """Does the expression name a release tag (go1, go1.N), or a tag the compiler reads a version from (`xgo1.22`)?"""
    return any(re.fullmatch(r"go1(\.\d+)?", t) or _min_version(("tag", t), 1) >= 0 for t in _tags(expr))


def render(expr: Expr) -> str:
    kind = expr[0]
    if kind == "tag":
        return expr[1]
    if kind == "not":
        inner = render(expr[1])
        return "!" + (inner if expr[1][0] in ("tag", "not") else f"({inner})")
    parts = [render(x) if x[0] in ("tag", "not", kind) else f"({render(x)})" for x in expr[1:]]
    return f" {'&&' if kind == 'and' else '||'} ".join(parts)


def parse(text: str) -> Expr | str:
    """A //go:build expression as go/build/constraint parses it, or why it does not parse."""
    tokens, at, text = [], 0, text.rstrip(GO_SPACE)
    while at < len(text):
        match = TOKEN.match(text, at)
        if match is None:
            return f"unexpected {text[at:]!r}"
        tokens.append(match.group(1))
        at = match.end()
    if not tokens:
        return "empty expression"
    if sum(t == "(" or t not in ("&&", "||", "!", ")") for t in tokens) > MAX_SIZE:
        return "build expression too large"
    depth = deepest = 0
    for t in tokens:
        depth += (t == "(") - (t == ")")
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        return DEEP
    parsed, rest = _or(tokens)
    if isinstance(parsed, str):
        return parsed
    return parsed if not rest else f"unexpected {rest[0]!r}"


def _or(tokens: list[str]) -> tuple[Expr | str, list[str]]:
    return _chain(tokens, "||", "or", _and)


def _and(tokens: list[str]) -> tuple[Expr | str, list[str]]:
    return _chain(tokens, "&&", "and", _not)


def _chain(tokens: list[str], operator: str, kind: str, operand: Callable) -> tuple[Expr | str, list[str]]:
    """Operands joined by one operator, left to right (go/build/constraint's or and and)."""
    first, rest = operand(tokens)
    operands = [first]
    while not isinstance(operands[-1], str) and rest[:1] == [operator]:
        right, rest = operand(rest[1:])
        operands.append(right)
    return (operands[-1] if isinstance(operands[-1], str) else _join(kind, operands)), rest


def _not(tokens: list[str]) -> tuple[Expr | str, list[str]]:
    if tokens[:1] == ["!"]:
        if tokens[1:2] == ["!"]:
            return "double negation not allowed", []
        inner, rest = _atom(tokens[1:])
        return (inner if isinstance(inner, str) else ("not", inner)), rest
    return _atom(tokens)


def _atom(tokens: list[str]) -> tuple[Expr | str, list[str]]:
    if not tokens:
        return "unexpected end of expression", []
    if tokens[0] == "(":
        inner, rest = _or(tokens[1:])
        if isinstance(inner, str):
            return inner, []
        return (inner, rest[1:]) if rest[:1] == [")"] else ("missing )", [])
    if not _valid_tag(tokens[0]):
        return f"invalid tag {tokens[0]!r}", []
    return ("tag", tokens[0]), tokens[1:]


def _valid_tag(word: str) -> bool:
    """isValidTag: unicode.IsLetter (isalpha) or unicode.IsDigit (Nd: isdecimal; isalnum also takes `²`, `Ⅻ`)."""
    return word != "" and all(c.isalpha() or c.isdecimal() or c in "_." for c in word)


def _header(text: str) -> tuple[list[str], int, tuple[str, str] | str | None]:
    """parseFileHeader: the header's trimmed lines, how many end at its last blank line before the first non-`//`
    line (where `// +build` lines count), and the //go:build line (its text and expression), or "multiple"."""
    lines: list[str] = []
    end, ended, in_slash_star, go_build = 0, False, False, None
    for raw in text.split("\n"):
        line = raw.strip(GO_SPACE)
        lines.append(line)
        if not line and not ended:
            end = len(lines)
            continue
        if not line.startswith("//"):
            ended = True
        if not in_slash_star and (expression := build_line(line)) is not None:
            if go_build is not None:
                return lines, end, "multiple"
            go_build = (line, expression)
        while line:
            if in_slash_star:
                close = line.find("*/")
                if close < 0:
                    break
                in_slash_star, line = False, line[close + 2 :].strip(GO_SPACE)
            elif line.startswith("//"):
                break
            elif line.startswith("/*"):
                in_slash_star, line = True, line[2:].strip(GO_SPACE)
            else:
                return lines, end, go_build
    return lines, end, go_build


def build_line(line: str) -> str | None:
    """isGoBuildComment / splitGoBuild: the expression of a `//go:build` line (a space or tab after the prefix,
    or nothing), else None."""
    if not line.startswith("//go:build"):
        return None
    rest = line.strip(GO_SPACE)[len("//go:build") :]
    trimmed = rest.strip(GO_SPACE)
    return trimmed if rest == "" or len(trimmed) < len(rest) else None


def plus_build_line(line: str) -> Expr | None:
    """A `// +build` line's expression (parsePlusBuildExpr: spaces OR, commas AND; a bad tag reads `ignore`)."""
    if not line.startswith("//"):
        return None
    rest = line[2:].strip(GO_SPACE)
    if not rest.startswith("+build"):
        return None
    words = rest[len("+build") :]
    if words and words.strip(GO_SPACE) == words:
        return None
    clauses: list[Expr] = []
    fields = [f for f in re.split(f"[{GO_SPACE}]+", words) if f]  # strings.Fields: unicode.IsSpace only
    if sum(len(f.split(",")) for f in fields) - 1 > MAX_OLD_SIZE:
        return None  # errComplex: shouldBuild skips the line
    for clause in fields:
        literals: list[Expr] = []
        for literal in clause.split(","):
            negated = literal.startswith("!") and not literal.startswith("!!") and literal != "!"
            name = literal[1:] if negated else literal
            tag: Expr = ("tag", name if _valid_tag(name) and not name.startswith("!") else "ignore")
            literals.append(("not", tag) if negated else tag)
        clauses.append(_join("and", literals))
    return _join("or", clauses) if clauses else ("tag", "ignore")


def _join(kind: str, exprs: list[Expr]) -> Expr:
    return exprs[0] if len(exprs) == 1 else (kind, *exprs)


def _tags(expr: Expr) -> set[str]:
    return {expr[1]} if expr[0] == "tag" else {t for x in expr[1:] for t in _tags(x)}


def _min_version(expr: Expr, sign: int) -> int:
    """go/build/constraint's minVersion: the least go1.N the expression (sign -1: its negation) implies, -1 none."""
    kind = expr[0]
    if kind == "not":
        return _min_version(expr[1], -sign)
    if kind in ("and", "or"):
        versions = [_min_version(x, sign) for x in expr[1:]]
        return max(versions) if (kind == "and") == (sign > 0) else min(versions)
    if sign < 0:
        return -1
    if expr[1] == "go1":
        return 0
    # strings.Cut(tag, "go1.") and strconv.Atoi: the go1. anywhere in the tag (`xgo1.22` is 22), ASCII digits
    # only (`go1.٢٢` is none), within int64 (`go1.99999999999999999999` is none)
    _, cut, digits = expr[1].partition("go1.")
    return int(digits) if cut and re.fullmatch(r"[0-9]+", digits) and int(digits) < 2**63 else -1
