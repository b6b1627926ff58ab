"""The go command's checks beyond the compile say what failed in words a user can act on."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field, replace

from conftest import module, releases

from gorewrite.overlay import overlay_file
from gorewrite.toolchain import Toolchain
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


def test_a_failing_test_is_named_though_passing_tests_print_after_it(tmp_path, toolchain):
    """A failure followed by passing tests (testify's assert as root: TestDirExists failed, then a dozen
    parallel tests printed `--- PASS`): the reason names the failed test, not only the last lines."""
    passing = "".join(f"func TestOk{n}(t *testing.T) {{ t.Parallel() }}\n" for n in range(8))
    root = module(
        tmp_path,
        {
            "lib/lib.go": "package lib\n",
            "lib/lib_test.go": 'package lib\n\nimport "testing"\n\n'
            'func TestDirExists(t *testing.T) { t.Parallel(); t.Error("not a directory") }\n' + passing,
        },
    )
    (reason,) = gocmd.test_failures(toolchain, str(root), ["example.com/m/lib"], None).values()
    assert reason.startswith("go test fails: --- FAIL: TestDirExists"), reason
    assert "FAIL\texample.com/m/lib" in reason, reason  # the go command's own last words stay


def test_a_failed_verdict_among_the_last_lines_still_comes_first():
    """Parallel tests print in any order: a `--- FAIL` among the last six lines was left where it was, so
    the reason began with another test's `--- PASS` (a flaky test under load)."""
    lines = ["--- PASS: TestOk1", "--- PASS: TestOk2", "--- FAIL: TestDirExists", "    lib_test.go:5: not a directory"]
    lines += ["--- PASS: TestOk3", "FAIL", "FAIL\texample.com/m/lib 0.01s"]
    reason = " | ".join(gocmd._cause(lines))
    assert reason.startswith("--- FAIL: TestDirExists | --- PASS: TestOk2"), reason
    assert reason.count("--- FAIL: TestDirExists") == 1, reason


# A package whose test reads what go's test cache keys a result by: its working directory (os.Getwd
# reads $PWD) and an environment variable.
CACHED = {
    "lib/lib.go": "package lib\n\nfunc Twice(n int) int { return 2 * n }\n",
    "lib/lib_test.go": 'package lib\n\nimport (\n\t"os"\n\t"testing"\n)\n\n'
    "func TestTwice(t *testing.T) {\n\tif _, err := os.Getwd(); err != nil {\n\t\tt.Fatal(err)\n\t}\n"
    '\tif os.Getenv("LIB_STRICT") == "fail" || Twice(len(t.Name())) != 18 {\n\t\tt.Fatal("Twice")\n\t}\n}\n',
}
REWRITE = "package lib\n\nfunc Twice(n int) int { return n + n }\n"


@dataclass(frozen=True)
class Recording(Toolchain):
    """The real go, with what each `go test` printed kept."""

    said: list[bytes] = field(default_factory=list)

    def run(self, args, cwd, input=None):
        done = super().run(args, cwd, input)
        if args[0] == "test":
            self.said.append(done.stdout)
        return done


def _tested(toolchain: Toolchain, root, lib: str, rewrite: str = REWRITE, **env: str) -> bool:
    """Run the package's vet and tests with the rewrite (an overlay in a new temporary directory, as each
    verification writes one) and this environment: True when go ran the test binary, False when its
    cache answered (`ok ... (cached)`)."""
    recording = Recording(toolchain.go, toolchain.version, {**toolchain.env, **env})
    with overlay_file({lib: rewrite.encode()}) as overlay:
        assert gocmd.test_failures(recording, str(root), ["example.com/m/lib"], overlay) == {}
    (said,) = recording.said
    (ok,) = [x for x in gocmd.read_test_json(said).output["example.com/m/lib"] if x.startswith("ok ")]
    return "(cached)" not in ok


def test_a_rerun_of_the_same_rewrite_is_answered_by_the_test_cache_from_any_directory(tmp_path, toolchain):
    """A second fix of the same sources runs no test binary, whatever overlay path the rewrite got and
    wherever gorewrite was started: go keys the result by its own $PWD but gives the test binary the
    package directory as its PWD, so gorewrite hands go a PWD only where go would take a path from it."""
    root = module(tmp_path / "m", CACHED)
    lib = str(root / "lib" / "lib.go")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _tested(toolchain, root, lib, PWD=str(tmp_path / "a"))
    assert not _tested(toolchain, root, lib, PWD=str(tmp_path / "b"))  # a parent's directory, not cwd
    assert not _tested(toolchain, root, lib, PWD=str(root))


def test_go_sees_the_same_working_directory_with_or_without_pwd(tmp_path, toolchain):
    """PWD is dropped only where go would not take cwd's path from it: a symlink to cwd stays (go reports
    paths under it), cwd's real path, another directory, a relative path or none go without; go lists the
    package under the same path either way."""
    real = module(tmp_path / "real", {"a/a.go": "package a\n"})
    link = tmp_path / "link"
    link.symlink_to(real)
    for pwd, kept in ((str(link), True), (str(real), False), (str(tmp_path), False), ("a", False), (None, False)):
        env = {k: v for k, v in toolchain.env.items() if k != "PWD"} | ({"PWD": pwd} if pwd else {})
        given = replace(toolchain, env=env).env_in(str(real))
        assert ("PWD" in given) == kept, pwd
        listed = [
            subprocess.run([toolchain.go, "list", "-f", "{{.Dir}}", "./a"], cwd=real, env=e, capture_output=True).stdout
            for e in (env, given)
        ]
        assert listed[0] == listed[1] == (f"{pwd if kept else real}/a\n").encode(), (pwd, listed)


def test_what_could_change_a_verdict_runs_the_tests_again(tmp_path, toolchain):
    """The rewrite, a source file, the environment the tests read, the toolchain: each runs the test binary."""
    root = module(tmp_path / "m", CACHED)
    lib = str(root / "lib" / "lib.go")
    assert _tested(toolchain, root, lib)
    assert not _tested(toolchain, root, lib)
    # another rewrite (one the compiler turns into the same code would be the same test binary: cached)
    assert _tested(
        toolchain,
        root,
        lib,
        "package lib\n\nfunc Twice(n int) int {\n\tif n == 7 {\n\t\treturn 14\n\t}\n\treturn n + n\n}\n",
    )
    assert _tested(toolchain, root, lib, LIB_STRICT="no")
    test = root / "lib" / "lib_test.go"
    test.write_text(test.read_text() + "\nfunc TestMore(t *testing.T) {}\n")
    assert _tested(toolchain, root, lib)
    older = releases()[1]
    assert _tested(older, root, lib)
    assert not _tested(older, root, lib)


def test_a_test_that_panics_is_said_by_its_name_and_its_panic_not_its_stack(tmp_path, toolchain):
    """A panic's last lines are goroutine stacks (found on cobra, whose test panics when run as root): the
    reason names the failed test and the panic's message instead."""
    root = module(
        tmp_path,
        {
            "p/p.go": "package p\n",
            "p/p_test.go": 'package p\n\nimport "testing"\n\nfunc TestNil(t *testing.T) {\n\tvar m *struct{ n int }\n'
            "\tt.Log(m.n)\n}\n",
        },
    )
    (reason,) = gocmd.test_failures(toolchain, str(root), ["example.com/m/p"], None).values()
    assert "--- FAIL: TestNil (" in reason, reason
    last = reason.split(" | ")[-1]
    assert last.startswith("panic: runtime error: invalid memory address or nil pointer dereference"), reason
    assert "testing.go" not in reason, reason
