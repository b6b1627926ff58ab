"""make-const's evidence with a real go, on the golden `proven` module: the allocation is gone.

go1.25+ prints `does not escape` for a variable-size make it still allocates on the heap above
32 bytes, so the `-m` text cannot show what a bounded rewrite removes. Every rewritten case with
a `TestAllocs` logs `allocs=N` (testing.AllocsPerRun through the rewritten function); the count
must drop under go1.24.11 and the pinned release, and the case's `TestBehaviour` must still pass.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import GOLDEN, OLDER, one_test_binary, releases
from test_golden import golden_run

from gorewrite import effects
from gorewrite.verify import Verified

MODULE = GOLDEN / "make-const" / "proven"
MEASURED = sorted(
    p.parent.name
    for p in MODULE.glob("*/*_test.go")
    if "decline_" not in p.parent.name and "func TestAllocs(" in p.read_text()
)


@pytest.fixture(scope="module")
def rewritten(tmp_path_factory):
    """The module as it is, and with the default run's verified rewrites applied."""
    run = golden_run(MODULE, "make-const")
    copies = []
    for name in ("before", "after"):
        root = tmp_path_factory.mktemp(name) / "m"
        shutil.copytree(MODULE, root, ignore=shutil.ignore_patterns("__snapshots__"))
        copies.append(root)
    for path, content in run.changes.items():
        (copies[1] / Path(path).relative_to(MODULE)).write_bytes(content)
    return tuple(copies)


def _allocations(toolchain, before: Path, after: Path, root: Path) -> dict[tuple[str, str], float]:
    """Each measured case's `allocs=N`, (case, "before"/"after") -> N: one test binary holding both sides."""
    run = one_test_binary(toolchain, root, {"before": before, "after": after}, MEASURED, "TestAllocs")
    found = run([(c, side) for c in MEASURED for side in ("before", "after")])
    assert all(passed for passed, _ in found.values()), found
    return {key: float(re.findall(r"allocs=([\d.]+)", out)[-1]) for key, (_, out) in found.items()}


def test_the_measured_cases_are_there():
    assert {
        "frame_copied",
        "varint_batch",
        "uuid_parse",
        "key_schedule",
        "sized_payload",
        "length_prefixed",
        "digest_hex",
        "opcode_frame",
        "record_header",
        "record_kind",
        "window_median",
        "padded_column",
        "header_after_guard",
        "body_preview",
        "name_reversed",
        "record_field",
        "base58_decode",
        "composite_key",
        "checksum_width",
        "label_copy",
        "key_fold",
        "field_tags",
        "validated_name",
        "record_method",
        "column_width",
        "field_offsets",
        "signed_headers",
        "row_layout",
        "background_digest",
        "merged_shards",
        "cell_precision",
        "spoken_digits",
        "board_empties",
        "token_scan",
        "iban_check",
        "csv_widths",
        "display_width",
        "path_dir",
        "header_name",
        "escaped_value",
        "fixed_columns",
        "log_stamp",
        "sensor_decoded",
        "record_frame",
        "account_digits",
        "metric_snake",
        "ring_percentile",
        "limiter_key",
        "latency_p99",
        "creditor_check",
        "statement_line",
        "month_cells",
        "session_cookie",
        "trace_parent",
        "socks_destination",
        "fir_window",
        "tab_columns",
        "random_names",
        "bit_tables",
        "goban_group",
        "route_cost",
        "snippet_window",
    } <= set(MEASURED)


@pytest.mark.golden_run
@pytest.mark.parametrize("release", [0, 1], ids=["pinned", OLDER])
def test_each_bounded_rewrite_removes_the_allocation(rewritten, release, tmp_path):
    """AllocsPerRun through each rewritten function: exactly the make's allocation is gone (a case
    may allocate other things, clamped_labels its lower-cased strings)."""
    toolchain = releases()[release]
    found = _allocations(toolchain, *rewritten, tmp_path)
    kept = {c: (found[c, "before"], found[c, "after"]) for c in MEASURED if found[c, "after"] != found[c, "before"] - 1}
    assert not kept, f"{toolchain.version}: the make's allocation is not gone (before, after): {kept}"


@pytest.mark.golden_run
def test_rewritten_cases_keep_their_behaviour(rewritten, tmp_path):
    """Each case's TestBehaviour passes after the rewrite, each case in its own process (one binary)."""
    run = one_test_binary(releases()[0], tmp_path, {"after": rewritten[1]}, MEASURED, "TestBehaviour")
    found = run([(c, "after") for c in MEASURED], isolated=True)
    assert all(passed for passed, _ in found.values()), found


@pytest.mark.golden_run
def test_each_measured_drop_is_what_the_run_says_it_removed():
    """The pinned release said `does not escape` of each measured make, yet its allocation drops (above): the
    verified fix counts it as a run-time heap allocation removed, and the text says so, not `nothing to
    remove`; go1.24.11's heap escape is gone as its message said."""
    run = golden_run(MODULE, "make-const")
    newest = releases()[0].version
    verified = {Path(v.fix.targets[0].path).parent.name: v for v in run.verdicts if isinstance(v, Verified)}
    for case in MEASURED:
        verdict = verified[case]
        assert dict(verdict.removed) == {OLDER: 1, newest: 0}, (case, verdict)
        assert dict(verdict.hidden) == {OLDER: 0, newest: 1}, (case, verdict)
        said = effects.per_release(run, verdict)
        hidden = '-1 run-time heap allocation (sizes above 32 bytes; -m said "does not escape")'
        assert sorted(said) == sorted([f"{OLDER}: -1 heap escape", f"{newest}: {hidden}"]), (case, said)
