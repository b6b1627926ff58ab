"""gorewrite why FILE:LINE: the compiler's flow for the line and each rule's verdict, real go."""

from __future__ import annotations

import pytest
from conftest import GOROUTINE, HISTOGRAM, module
from conftest import in_process as gorewrite  # main(argv): test_cli runs python -m gorewrite


def test_why_shows_the_flow_and_the_verdict(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    done = gorewrite("why", "work/work.go:7", cwd=root)
    assert done.returncode == 0, done.stderr
    assert "  work/work.go:7:2: moved to heap: label" in done.stdout, "labelled as the flow's own paths"
    assert "flow: {storage for func literal}" in done.stdout and "captured by a closure" in done.stdout
    assert "closure: would be verified: copy label before the func literal captures it" in done.stdout
    shown = done.stdout.split("the rewrite that would be verified:\n", 1)[1]
    assert shown.startswith("--- a/work/work.go\n+++ b/work/work.go\n@@ ") and "+\t\tlabel := label" in shown


def test_why_on_a_quiet_line(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    done = gorewrite("why", "work/work.go:1", cwd=root)
    assert done.returncode == 0
    assert "no heap allocation on this line" in done.stdout and "no rule recognises a site" in done.stdout


@pytest.mark.parametrize("arg", ["work/work.go", "work/nope.go:3", "work/work.go:x"])
def test_why_bad_site_is_exit_2(tmp_path, arg):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    done = gorewrite("why", arg, cwd=root)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.startswith("gorewrite: error:")


def test_why_in_a_package_that_does_not_compile_is_exit_2(tmp_path):
    root = module(tmp_path, {"work/work.go": "package work\n\nfunc F() int {\n\treturn missing\n}\n"})
    done = gorewrite("why", "work/work.go:4", cwd=root)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert (
        done.stderr.startswith("gorewrite: error: example.com/m/work does not compile: ")
        and "undefined: missing" in done.stderr
    )


def test_why_from_another_directory_finds_the_cached_flow(tmp_path):
    """The build cache replays -m=2 paths relative to the first build's directory: still this line's."""
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    assert gorewrite("why", "work/work.go:7", cwd=root).returncode == 0
    done = gorewrite("why", "work.go:7", cwd=root / "work")
    assert done.returncode == 0 and "work.go:7:2: moved to heap: label" in done.stdout, done.stdout


def test_why_says_a_verdict_needs_speculative(tmp_path):
    root = module(tmp_path, {"stats/stats.go": HISTOGRAM})
    done = gorewrite("why", "stats/stats.go:5", cwd=root)
    assert done.returncode == 0, done.stderr
    assert "make-const: would be verified: give make([]int, buckets)" in done.stdout
    assert "(speculative: needs --speculative)" in done.stdout
