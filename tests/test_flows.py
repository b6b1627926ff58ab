"""The `-m=2` flows a rule reads name the files of their steps the same way whatever directory compiled them."""

from __future__ import annotations

from gorewrite.flows import placed
from gorewrite.rules.sync_pool.sites import FLOW_STEP

FILES = ("/src/my module/a/a.go", "/src/my module/a/b.go")


def test_a_steps_file_reads_the_same_from_any_directory_that_compiled_it():
    """go replays a cached compile's text as printed the first time: `./a.go` from a's directory, `a/a.go`
    from the module root, `../a/a.go` from a sibling, the absolute path from elsewhere. A reason quotes
    the step (sync-pool: `it can outlive the call: go1.26 says …`), and proposals are remembered across
    directories: the package's own file by its absolute path, another package's by its base name."""
    site = ("/src/my module/a/a.go", 7, 2)
    for printed, other in (("./a.go", "../b/c.go"), ("a/a.go", "b/c.go"), ("../a/a.go", "/elsewhere/b/c.go")):
        flows = {
            site: (
                "make([]byte, n) escapes to heap:",
                f"  from make([]byte, n) (non-constant size) at {printed}:7:11",
                f"  from w.Write(buf) (call parameter) at {other}:3:9",
            )
        }
        assert placed(flows, FILES) == {
            site: (
                "make([]byte, n) escapes to heap:",
                "  from make([]byte, n) (non-constant size) at /src/my module/a/a.go:7:11",
                "  from w.Write(buf) (call parameter) at c.go:3:9",
            )
        }
    step = FLOW_STEP.match(placed(flows, FILES)[site][1])  # a path with a space is still read as a step
    assert step is not None and step.groups()[1:] == ("/src/my module/a/a.go", "7", "11")
