"""With several toolchains, a race-checked package's tests run with -race under the first one only (the
others vet and test it plainly): the source's synchronisation decides a data race, and a second release's
race run cost a second race-built std. A rewrite in a variant file is raced under every toolchain: each
compiles one side of the pair."""

from __future__ import annotations

from gorewrite.toolchain import Toolchain
from gorewrite.verify import _Checks, _raced

FIRST = Toolchain("go", "go1.24.11", {})
SECOND = Toolchain("go", "go1.27.3", {})


def test_only_the_first_toolchain_runs_race_tests():
    checks = _Checks(tests={"a", "b"}, bench=False, race={"a"}, racer=FIRST.version)
    assert _raced(checks, FIRST, ["a", "b"])
    assert not _raced(checks, SECOND, ["a", "b"])
    assert not _raced(checks, FIRST, ["b"])


def test_a_package_with_variant_files_is_raced_under_every_toolchain():
    checks = _Checks(tests={"a"}, bench=False, race={"a"}, racer=FIRST.version, varied={"a"})
    assert _raced(checks, FIRST, ["a"]) and _raced(checks, SECOND, ["a"])
