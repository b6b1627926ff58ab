"""With several toolchains, a race-checked package's tests run with -race under the first one only (the
others vet and test it plainly): the source's synchronisation decides a data race, and a second release's
race run cost a second race-built std."""

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
