"""--format github and --format sarif against a real go: what CI and code scanning read. The CLI runs in this
process (conftest.in_process: main(argv), without a subprocess's imports per run); the checks that only read
the GOROUTINE module share one copy (go's cache keys hold its path)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest
from conftest import FACTORY, GOROUTINE, HISTOGRAM, OLDER, module
from conftest import in_process as gorewrite

from gorewrite.claims import RemovesTargets
from gorewrite.display import first_clause
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.github import _data, _property
from gorewrite.pipeline import analyse
from gorewrite.proposals import Declined, Fix
from gorewrite.proposing import propose
from gorewrite.report import MAX_REASONS, _declines, counted
from gorewrite.rules import RULES
from gorewrite.sarif import UNRECOGNISED, _Positions
from gorewrite.verify import Rejected, Verified, verify
from gorewrite.write import Snapshot

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

# Two rewrites in one file: each SARIF result must carry its own part of the diff.
TWO = (
    GOROUTINE
    + """
// Drain prints each job once done.
func Drain(jobs []int) {
	prefix := "done"
	if len(jobs) > 3 {
		prefix = "all done"
	}
	for _, j := range jobs {
		defer func() {
			fmt.Println(prefix, j)
		}()
	}
}
"""
)


@pytest.fixture(scope="module")
def sarif_schema():
    """The official SARIF 2.1.0 schema (tests/data/README.md says where it comes from).

    Not passed through check_schema: its `language` pattern `^(?i)…` puts a global flag after
    `^`, which Python's re rejects, so the metaschema's `format: regex` fails on the schema
    itself. Validating a log never compiles that pattern unless the log has a `language`.
    """
    return json.loads(SCHEMA.read_text())


def validate(schema: dict, log: dict) -> None:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("moved to heap: x", "moved to heap: x", "moved to heap%3A x"),
        ("a,b", "a,b", "a%2Cb"),
        ("100%", "100%25", "100%25"),
        ("one\r\ntwo\n", "one%0D%0Atwo%0A", "one%0D%0Atwo%0A"),
        ("%0A", "%250A", "%250A"),  # escaped once: the runner must not read a newline into it
    ],
)
def test_github_escaping(text, data, prop):
    assert (_data(text), _property(text)) == (data, prop)


def test_code_point_columns():
    content = '\tx := "é"; y := &T{}\n'.encode()
    where = _Positions(SimpleNamespace(snapshots={"f.go": Snapshot("f.go", content, 0, len(content), 0o644)}))
    assert where.column("f.go", 1, content.index(b"&") + 1) == content.decode().index("&") + 1
    assert where.at("f.go", len(content)) == (2, 1)


def test_github_check_and_fix(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    checked = gorewrite("check", "--format", "github", cwd=root)
    assert checked.returncode == 0, checked.stderr
    assert "::warning file=work/work.go,line=7,col=2,title=gorewrite closure::moved to heap: label\n" in checked.stdout
    assert all(line.startswith(("::warning ", "::notice ")) for line in checked.stdout.splitlines())
    assert "title=gorewrite heap-escape::" in checked.stdout  # sites no rule recognises are notices
    assert "gorewrite" in checked.stderr and "::" not in checked.stderr  # the summary stays on stderr

    pending = gorewrite("fix", "--dry-run", "--format", "github", cwd=root)
    assert pending.returncode == 1, pending.stderr
    assert pending.stdout.startswith(
        "::warning file=work/work.go,line=7,col=2,title=gorewrite closure%3A rewrite available::copy label"
    )
    assert "closure: 1 verified" in pending.stderr

    applied = gorewrite("fix", "--format", "github", cwd=root)
    assert applied.returncode == 0, applied.stderr
    assert "title=gorewrite closure%3A rewrite applied::" in applied.stdout
    assert gorewrite("fix", "--dry-run", "--format", "github", cwd=root).stdout == ""


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """One GOROUTINE module for the checks that only read it."""
    return module(tmp_path_factory.mktemp("work"), {"work/work.go": GOROUTINE})


def test_github_paths_are_relative_to_the_current_directory(work):
    root = work
    done = gorewrite("check", "--format", "github", cwd=root / "work")
    assert "::warning file=work.go,line=7,col=2,title=gorewrite closure::" in done.stdout, done.stderr


def test_broken_package_exits_2_and_is_reported_in_the_data(tmp_path, sarif_schema):
    root = module(
        tmp_path, {"work/work.go": GOROUTINE, "bad/bad.go": "package bad\n\nfunc F() int { return missing }\n"}
    )
    done = gorewrite("check", "--format", "github", cwd=root)
    assert done.returncode == 2
    assert done.stdout.startswith("::error title=gorewrite%3A package skipped::skipped example.com/m/bad: ")
    assert "undefined: missing" in done.stdout.splitlines()[0]
    assert "title=gorewrite closure::moved to heap: label" in done.stdout  # the other packages still reported
    sarif = gorewrite("check", "--format", "sarif", cwd=root)
    assert sarif.returncode == 2
    log = json.loads(sarif.stdout)
    validate(sarif_schema, log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "undefined: missing" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_check_is_valid_and_describes_every_rule(work, sarif_schema):
    root = work
    done = gorewrite("check", "--format", "sarif", cwd=root)
    assert done.returncode == 0, done.stderr
    log = json.loads(done.stdout)
    validate(sarif_schema, log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [*RULES, UNRECOGNISED]
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root.as_uri() + "/"
    assert run["properties"]["toolchains"][0].startswith("go1.")
    label = next(r for r in run["results"] if r["message"]["text"] == "moved to heap: label")
    assert (label["ruleId"], label["level"], rules[label["ruleIndex"]]["id"]) == ("closure", "warning", "closure")
    assert label["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "work/work.go", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 7, "startColumn": 2},
    }
    others = [r for r in run["results"] if r["ruleId"] == UNRECOGNISED]
    assert others and all(r["level"] == "note" for r in others)


def test_sarif_fix_carries_the_verified_diff(tmp_path, sarif_schema):
    reviewed = module(tmp_path / "reviewed", {"work/work.go": TWO})
    written = shutil.copytree(reviewed, tmp_path / "written")
    done = gorewrite("fix", "--dry-run", "--format", "sarif", cwd=reviewed)
    assert done.returncode == 1, done.stderr
    log = json.loads(done.stdout)
    validate(sarif_schema, log)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        ("closure", 7),
        ("closure", 20),
    ]
    assert all(len(r["fixes"]) == 1 for r in results)  # each rewrite its own part of the diff

    # Applying every result's replacements gives exactly what `fix` writes.
    source = (reviewed / "work/work.go").read_bytes()
    replacements = [
        rep for r in results for change in r["fixes"][0]["artifactChanges"] for rep in change["replacements"]
    ]
    assert {change["artifactLocation"]["uri"] for r in results for change in r["fixes"][0]["artifactChanges"]} == {
        "work/work.go"
    }
    for rep in sorted(replacements, key=lambda rep: rep["deletedRegion"]["byteOffset"], reverse=True):
        start = rep["deletedRegion"]["byteOffset"]
        end = start + rep["deletedRegion"]["byteLength"]
        source = source[:start] + rep.get("insertedContent", {}).get("text", "").encode() + source[end:]
    assert gorewrite("fix", cwd=written).returncode == 0
    assert source == (written / "work/work.go").read_bytes()


def test_speculative_fixes_are_labelled_in_sarif_github_and_text(tmp_path, sarif_schema):
    """A budget-sized buffer (no bound in the code) says it is speculative wherever it is reported."""
    root = module(tmp_path, {"stats/stats.go": HISTOGRAM})
    sarif = gorewrite("fix", "--dry-run", "--format", "sarif", "--speculative", cwd=root)
    validate(sarif_schema, json.loads(sarif.stdout))
    (result,) = json.loads(sarif.stdout)["runs"][0]["results"]
    assert result["message"]["text"].startswith("speculative: ") and result["properties"]["speculative"] is True
    github = gorewrite("fix", "--dry-run", "--format", "github", "--speculative", cwd=root)
    assert "::warning" in github.stdout and "speculative: give make([]int, buckets)" in github.stdout
    text = gorewrite("fix", "--dry-run", "-v", "--speculative", cwd=root)
    assert (
        "make-const: 1 verified (1 speculative)" in text.stderr and "stack buffer (256 bytes) for sizes" in text.stderr
    )
    assert "(speculative)" in text.stderr
    held = gorewrite("fix", "--dry-run", "--format", "sarif", cwd=root)
    assert json.loads(held.stdout)["runs"][0]["results"] == [] and held.returncode == 0


def test_sarif_schema_is_the_official_one():
    schema = json.loads(SCHEMA.read_text())
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert {"fix", "artifactChange", "replacement", "region", "result", "run"} <= set(schema["definitions"])


def test_json_outputs_match_their_published_schemas(tmp_path):
    """gorewrite/schemas/*.json are the contract for --format json; every status and field appears."""
    schemas = Path(__file__).parent.parent / "gorewrite" / "schemas"
    bench = (
        'package stats\n\nimport "testing"\n\nvar n = 10\n\nfunc BenchmarkHistogram(b *testing.B) {\n'
        "\tfor i := 0; i < b.N; i++ {\n\t\tHistogram([]int{1, 5}, n, 2)\n\t}\n}\n"
    )
    ignored = GOROUTINE.replace('label := "job"', 'label := "job" //gorewrite:ignore closure measured')
    root = module(
        tmp_path,
        {
            "work/work.go": ignored,
            "stats/stats.go": HISTOGRAM,
            "stats/stats_test.go": bench,
            "tags/tags.go": FACTORY,
            "bad/bad.go": "package bad\n\nfunc F() int { return missing }\n",
            "other/other.go": "package other\n\n//gorewrite:ignore closure\nfunc Other() {}\n",
            "ids/ids.go": "package ids\n\nfunc Range(n int) []int {\n\tout := make([]int, n)\n\treturn out\n}\n",
        },
    )
    check = json.loads(gorewrite("check", "--format", "json", cwd=root).stdout)
    validate(json.loads((schemas / "check-v1.json").read_text()), check)
    assert any(e["ignored"] == "measured" for e in check["escapes"]) and check["broken"]
    fixed = json.loads(
        gorewrite("fix", "--dry-run", "--format", "json", "--verify", "bench", "--speculative", cwd=root).stdout
    )
    validate(json.loads((schemas / "fix-v2.json").read_text()), fixed)
    assert {o["status"] for o in fixed["outcomes"]} >= {"verified", "held", "declined"} and fixed["benchmarks"]
    assert {o["rule"] for o in fixed["outcomes"] if o.get("speculative")} == {"make-const"}
    held = json.loads(gorewrite("fix", "--dry-run", "--format", "json", cwd=root).stdout)
    validate(json.loads((schemas / "fix-v2.json").read_text()), held)
    guesses = [o for o in held["outcomes"] if o.get("speculative")]
    assert guesses and all(o["status"] == "held" and "--speculative" in o["reason"] for o in guesses)


def _declined(reason: str, line: int):
    return Declined("make-const", Escape("/m/a.go", line, 2, "make([]byte, n) escapes to heap"), reason)


def test_declines_are_grouped_by_reason_unless_verbose():
    many = [_declined(f"the slice escapes whatever its size: make escapes at {i}", i) for i in range(1, 13)]
    odd = [_declined(f"reason number {i}", 100 + i) for i in range(MAX_REASONS + 1)]
    lines = _declines(many + odd, "/m", verbose=False)
    assert lines[0] == "  12 declined: the slice escapes whatever its size (first at a.go:1)\n"
    assert lines[1] == "  declined  a.go:100: make([]byte, n) escapes to heap: reason number 0\n"
    assert lines[-1] == "  … 2 more declined for 2 other reasons (-v lists every site)\n"
    assert len(_declines(many + odd, "/m", verbose=True)) == 12 + MAX_REASONS + 1
    # One reason more than the summary shows: its own line, not a line saying it is left out (ants: `… 1
    # more declined for 1 other reasons`).
    lines = _declines(many + odd[:-1], "/m", verbose=False)
    assert len(lines) == MAX_REASONS + 1 and lines[-1].startswith("  declined  a.go:109: "), lines[-1]


def test_summary_counts_read_as_english():
    assert (counted(1, "package"), counted(0, "file"), counted(2, "heap escape")) == (
        "1 package",
        "0 files",
        "2 heap escapes",
    )


def test_a_reason_is_not_cut_inside_the_compilers_words():
    """A colon inside quoted code or a parenthesis does not end the clause: the probe's grouped lines were
    cut at `leaking param` and merged sites declined for different reasons."""
    aliasing = "buf is the receiver of buf.Bytes, which returns its storage (go1.24.11 reports `leaking param: b`)"
    assert first_clause(f"{aliasing}, and that is returned") == f"{aliasing}, and that is returned"
    assert first_clause(f"{aliasing}, and that is passed to f: why") == f"{aliasing}, and that is passed to f"
    assert first_clause("the slice escapes: (x: y)") == "the slice escapes"


BOUNDED_NAME = """package names

const maxName = 64

// Checksum sums a name's bytes through a scratch copy: bounded by the guard, at most 64 bytes.
func Checksum(name string) int {
	if len(name) > maxName {
		return -1
	}
	buf := make([]byte, len(name))
	copy(buf, name)
	total := 0
	for _, c := range buf {
		total = total*31 + int(c)
	}
	return total
}
"""
HIDDEN = '-1 run-time heap allocation (sizes above 32 bytes; -m said "does not escape")'


def test_a_go125_release_is_told_it_lost_the_allocation_its_message_hid(tmp_path, toolchain, sarif_schema):
    """go1.25+ reports a variable-size make `does not escape` and allocates it above 32 bytes: an exact array
    removes that allocation (test_make_const_evidence.py measures it), and every format says so, with one
    toolchain or two, instead of `nothing to remove`."""
    root = module(tmp_path, {"names/names.go": BOUNDED_NAME})
    both = ("--toolchain", OLDER, "--toolchain", toolchain.version)
    text = gorewrite("fix", "--dry-run", "-v", *both, cwd=root)
    assert f"[{OLDER}: -1 heap escape, {toolchain.version}: {HIDDEN}]" in text.stderr, text.stderr
    assert "nothing to remove" not in text.stderr
    data = json.loads(gorewrite("fix", "--dry-run", "--format", "json", *both, cwd=root).stdout)
    validate(json.loads((Path(__file__).parent.parent / "gorewrite/schemas/fix-v2.json").read_text()), data)
    (verified,) = [o for o in data["outcomes"] if o["status"] == "verified"]
    assert verified["removed"] == {OLDER: 1, toolchain.version: 0}
    assert verified["removed_at_run_time"] == {OLDER: 0, toolchain.version: 1}
    sarif = json.loads(gorewrite("fix", "--dry-run", "--format", "sarif", *both, cwd=root).stdout)
    validate(sarif_schema, sarif)
    (result,) = sarif["runs"][0]["results"]
    assert f"{OLDER}: -1 heap escape, {toolchain.version}: {HIDDEN}" in result["message"]["text"]
    alone = gorewrite("fix", "--dry-run", "-v", cwd=root)
    assert f"the code bounds it [{toolchain.version}: {HIDDEN}]" in alone.stderr, alone.stderr
    older = gorewrite("fix", "--dry-run", "-v", "--toolchain", OLDER, cwd=root)
    assert "the code bounds it\n" in older.stderr, older.stderr  # go1.24's message says it all: no label


def test_the_verifier_holds_a_fix_to_the_hidden_allocation_it_claims(tmp_path, toolchain):
    """The claim names go1.25+'s `does not escape` of the make (claims.hidden): a fix that leaves the make in
    place is rejected for it, though no heap escape is there to count; the rule's exact array is verified and
    counted per release."""
    root = module(tmp_path, {"names/names.go": BOUNDED_NAME})
    rule = RULES["make-const"]
    _, views, candidates = analyse([toolchain], ["./..."], str(root), [rule])
    ((pkg, (candidate,)),) = candidates.items()
    target = candidate.escape
    assert target.message == "make([]byte, len(name)) does not escape"
    at = views[pkg].sources[target.path].index(b"\ttotal := 0")
    edit = Edit(target.path, at, at, b"\t// the make stays\n")
    kept = Fix(rule.name, (edit,), (target,), "by hand", claim=RemovesTargets((target.message,)))
    (verdict,) = verify([toolchain], str(root), views, {pkg: [kept]}).verdicts
    assert isinstance(verdict, Rejected) and verdict.reason == f"the compiler still reports `{target.message}`"
    (fix,) = propose([toolchain], str(root), [rule], views, candidates, set())[pkg]
    assert fix.claim == RemovesTargets((target.message,)), fix
    (verdict,) = verify([toolchain], str(root), views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified) and verdict.hidden == ((toolchain.version, 1),), verdict
