"""The go command's checks beyond the compile say what failed in words a user can act on."""

from __future__ import annotations

from conftest import module

from gorewrite.verify import gocmd


def test_a_test_binary_that_times_out_is_said_to_time_out_not_to_fail(tmp_path, toolchain, monkeypatch):
    """Its last lines are goroutine stacks: the reason names the timeout and the test that was running."""
    root = module(
        tmp_path,
        {
            "slow/slow.go": "package slow\n",
            "slow/slow_test.go": 'package slow\n\nimport (\n\t"testing"\n\t"time"\n)\n\n'
            "func TestSlow(t *testing.T) { time.Sleep(30 * time.Second) }\n",
        },
    )
    monkeypatch.setattr(gocmd, "TEST_TIMEOUT", "1s")
    (reason,) = gocmd.test_failures(toolchain, str(root), ["example.com/m/slow"], None).values()
    assert reason.startswith("go test timed out after 1s in TestSlow: the rewrite may deadlock it"), reason
