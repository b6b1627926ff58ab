"""SARIF: a change that several fixes share (an import each adds, Edit.shared) is in every result that needs it,
marked `shared`, so a client applying one result alone gets a file that compiles, and one applying them all gets
the written file by applying each shared change once. Lead gave the `"sync"` hunk to one result only: applying the
other alone left `sync.Pool` without its import (the mutant below)."""

from __future__ import annotations

import json
import shutil
import subprocess

from conftest import in_process, module
from test_formats import SCHEMA, validate
from test_shared_edits import EXPO


def _applied(source: bytes, replacements: list[dict]) -> bytes:
    for rep in sorted(replacements, key=lambda rep: rep["deletedRegion"]["byteOffset"], reverse=True):
        start = rep["deletedRegion"]["byteOffset"]
        end = start + rep["deletedRegion"]["byteLength"]
        source = source[:start] + rep.get("insertedContent", {}).get("text", "").encode() + source[end:]
    return source


def _builds(root, source: bytes) -> subprocess.CompletedProcess[str]:
    (root / "notify/expo.go").write_bytes(source)
    return subprocess.run(["go", "vet", "./..."], cwd=root, capture_output=True, text=True)


def test_each_result_carries_the_import_it_shares_and_all_together_give_the_written_file(tmp_path):
    reviewed = module(tmp_path / "reviewed", {"notify/expo.go": EXPO})
    written = shutil.copytree(reviewed, tmp_path / "written")
    done = in_process("fix", "--dry-run", "--format", "sarif", "./...", cwd=reviewed)
    log = json.loads(done.stdout)
    validate(json.loads(SCHEMA.read_text()), log)
    results = log["runs"][0]["results"]
    assert len(results) == 2, done.stderr
    source = (reviewed / "notify/expo.go").read_bytes()
    each = [[rep for c in r["fixes"][0]["artifactChanges"] for rep in c["replacements"]] for r in results]
    shared = [[rep for rep in mine if rep.get("properties", {}).get("shared")] for mine in each]
    assert shared[0] == shared[1] and len(shared[0]) == 1 and '"sync"' in shared[0][0]["insertedContent"]["text"]
    for mine in each:
        alone = _builds(tmp_path / "written", _applied(source, mine))
        assert alone.returncode == 0, alone.stderr
    assert in_process("fix", "./...", cwd=written).returncode == 0
    want = (written / "notify/expo.go").read_bytes()
    together = [rep for rep in each[0]] + [rep for rep in each[1] if rep not in shared[0]]
    assert _applied(source, together) == want
    # the mutant: the shared change in one result only, as lead gave it; the other alone does not compile
    lonely = [rep for rep in each[1] if rep not in shared[1]]
    broken = _builds(tmp_path / "written", _applied(source, lonely))
    assert broken.returncode != 0 and "undefined: sync" in broken.stderr
