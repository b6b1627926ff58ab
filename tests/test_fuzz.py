"""The mutation fuzzer (benchmarks/fuzz.py): a fixed-seed slice must find nothing, and its checks
must see what they look for."""

from __future__ import annotations

import importlib.util
import json
import sys

from conftest import ROOT, write_tree

spec = importlib.util.spec_from_file_location("fuzz", ROOT / "benchmarks" / "fuzz.py")
fuzz = sys.modules["fuzz"] = importlib.util.module_from_spec(spec)  # dataclasses look their module up
spec.loader.exec_module(fuzz)

SEED = 20261202  # CI's slice (150 mutants); benchmarks/fuzz.py --seed 1 --mutants 10000 is the long run


def test_a_mutant_is_rebuilt_from_its_seed_and_index_alone():
    pool = fuzz.units()
    first, again = fuzz.mutant(SEED, 17, pool), fuzz.mutant(SEED, 17, list(pool))
    assert (first.unit.name, first.files, first.mutations) == (again.unit.name, again.files, again.mutations)
    assert fuzz.mutant(SEED, 18, pool).files != first.files


def test_every_mutation_applies_to_a_golden_file():
    source = (ROOT / "golden" / "closure" / "go_retry_attempts").glob("*.go").__next__().read_bytes()
    rng = fuzz.random.Random(1)
    for name, (mutate, _) in fuzz.FILE_MUTATIONS.items():
        new, what = mutate(rng, source)
        assert new != source and what, name


def test_inspect_counts_a_foreign_write_and_a_rewrite_that_does_not_build(tmp_path, toolchain):
    """The checks themselves: a fake fix output names m00001/a.go as rewritten, yet a.go no longer
    builds and m00002/b.go changed too."""
    files = {
        "go.mod": "module fuzz.test/b\n\ngo 1.22\n",
        "m00001/a.go": "package a\n\nfunc A() int { return 1 }\n",
        "m00002/b.go": "package b\n\nfunc B() int { return 2 }\n",
    }
    write_tree(tmp_path / "before", files)
    write_tree(
        tmp_path / "work",
        {**files, "m00001/a.go": "package a\n\nfunc A() int { return x }\n", "m00002/b.go": "package b\n"},
    )
    pool = fuzz.units()
    mutants = [fuzz.Mutant(1, pool[0], {}, ["test"]), fuzz.Mutant(2, pool[0], {}, ["test"])]
    b = fuzz.Batch(0, tuple(mutants), "go 1.22", (), ())
    report = {
        "broken": [],
        "diff": "--- a/m00001/a.go\n+++ b/m00001/a.go\n@@ -3 +3 @@\n-func A() int { return 1 }\n"
        "+func A() int { return x }\n",
    }
    out = fuzz.Outcome()
    fuzz.inspect(SEED, "fix", b, mutants, fuzz.Run(0, json.dumps(report), ""), tmp_path, toolchain.go, out, None)
    assert [(f.kind, f.detail) for f in out.findings] == [
        ("foreign write", "gorewrite fix (go 1.22) changed m00002/b.go"),
        ("broken build", "m00001 built before gorewrite fix (go 1.22) and does not after"),
    ]


def test_a_traceback_or_a_strange_exit_is_a_crash_and_a_reported_error_is_not():
    traceback = 'Traceback (most recent call last):\n  File "x.py", line 1\nIndexError: list index out of range\n'
    assert "IndexError" in fuzz.Run(2, "", traceback).crash()
    assert fuzz.Run(1, "", "").crash().startswith("exit code 1")
    assert fuzz.Run(None, "", "").crash().startswith("timed out")
    assert fuzz.Run(2, "{}", "gorewrite: skipped fuzz.test/b/m00003: syntax error\n").crash() is None


def test_a_crashing_batch_is_halved_until_each_crashing_mutant_is_alone(tmp_path, monkeypatch):
    """Two of eight mutants crash gorewrite (a stand-in here); each is found by itself, with its traceback."""
    pool = fuzz.units()
    mutants = [fuzz.mutant(SEED, i, pool) for i in range(8)]
    b = fuzz.Batch(0, tuple(mutants), "go 1.22", (), ())
    runs = []

    def fake(args, cwd, go, patterns):
        runs.append(patterns)
        bad = [p for p in patterns if p in ("./m00002/...", "./m00005/...")]
        return fuzz.Run(2, "", f"Traceback (most recent call last):\nValueError: {bad[0]}\n" if bad else "")

    monkeypatch.setattr(fuzz, "gorewrite", fake)
    found = fuzz.split("check", b, mutants, "go", tmp_path, "the whole batch crashed")
    assert [(m.index, crash.splitlines()[-1]) for m, crash in found] == [
        (2, "ValueError: ./m00002/..."),
        (5, "ValueError: ./m00005/..."),
    ]
    assert len(runs) == 10  # halves of 8, 4, 2 where they crash: 2 + 4 + 4


def test_a_fixed_seed_slice_of_mutants_finds_no_crash_no_broken_build_and_no_foreign_write():
    """Three batches: plain go 1.24; go 1.21 with go.mod's toolchain line and a mistaken .gorewrite.toml
    (the run must refuse it in one line); go 1.25 with --unsafe-fixes."""
    out = fuzz.fuzz(SEED, 150, size=50, jobs=2)  # the suite's budget: 20 s; the same three batches' options
    assert [(f.kind, f.where, f.detail) for f in out.findings] == []
    assert out.mutants == 150
    # Not vacuous: in the two batches that run, most mutants compile, so the rules and the verifier
    # saw them, and many were rewritten.
    assert out.processed >= 60 and out.rewritten >= 15, (out.processed, out.rewritten)
