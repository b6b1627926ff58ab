"""The go command's checks beyond the compile: go vet and go test (and why a function is not inlined).

Each takes an overlay (the rewrites) or None (the code as it is) and says per package what failed,
in the go command's own first words.
"""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from gorewrite.toolchain import Toolchain

# A test binary that runs longer is taken as hung (a deadlock the rewrite may have caused) and fails:
# the go command's own default, 10 minutes, would stall every bisect round that long.
TEST_TIMEOUT = "3m"


@dataclass
class TestRun:
    """What `go test -json` said: each package's output lines, and the output of those that failed."""

    output: dict[str, list[str]] = field(default_factory=dict)
    failed: dict[str, list[str]] = field(default_factory=dict)  # package -> its non-blank output lines so far


def read_test_json(stdout: bytes) -> TestRun:
    """Read `go test -json` events (the one reader, for tests and benchmarks alike)."""
    run = TestRun()
    for line in stdout.decode(errors="replace").splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        package = event.get("Package")
        if not package:
            continue
        if event.get("Action") == "output":
            run.output.setdefault(package, []).append(event.get("Output", ""))
        elif event.get("Action") == "fail" and not event.get("Test"):
            run.failed[package] = [x.strip() for x in run.output.get(package, []) if x.strip()]
    return run


def overlay_flag(overlay: str | None) -> list[str]:
    return [f"-overlay={overlay}"] if overlay else []


def vet_failures(toolchain: Toolchain, cwd: str, pkgs: list[str], overlay: str | None) -> dict[str, str]:
    """Packages whose `go vet` fails (with the overlay, if any): the first words of why."""
    vet = toolchain.run(["vet", *overlay_flag(overlay), *pkgs], cwd)
    return _by_header(vet.stderr.decode(errors="replace"), pkgs, "go vet") if vet.returncode != 0 else {}


def inline_verdict(toolchain: Toolchain, cwd: str, pkg: str, overlay: str | None, name: str) -> str | None:
    """Why the compiler does not inline `name` in pkg (with the overlay), in its words (`function too complex:
    cost 93 exceeds budget 80`): only -m=2 says so, too much output for every compile, so asked once it matters."""
    build = toolchain.run(["build", "-o", os.devnull, "-gcflags=-m=2", *overlay_flag(overlay), "--", pkg], cwd)
    said = f": cannot inline {name}: "
    line = next((x for x in build.stderr.decode(errors="replace").splitlines() if said in x), None)
    return line.split(said, 1)[1] if line else None


def test_failures(
    toolchain: Toolchain, cwd: str, pkgs: list[str], overlay: str | None, race: bool = False
) -> dict[str, str]:
    """Packages whose `go vet` or `go test` (with race, -race) fails (with the overlay, if any): why, in brief.
    go vet runs beside go test, which runs whatever vet says: vet's reason comes first either way, and a
    warm fix no longer waits for one then the other (0.9 s of vet before 9 s of cached race tests, std)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        vetted = pool.submit(vet_failures, toolchain, cwd, pkgs, overlay)
        test = _test(toolchain, cwd, pkgs, overlay, race)
        failures = vetted.result()
    if test.returncode != 0:
        events = read_test_json(test.stdout)
        for pkg in pkgs:
            if pkg in events.failed:
                failures.setdefault(
                    pkg, timed_out(events.failed[pkg]) or "go test fails: " + " | ".join(_cause(events.failed[pkg]))
                )
        if not any(p in failures for p in pkgs):
            reason = "go test fails: " + test.stderr.decode(errors="replace").strip()[:500]
            failures.update({p: reason for p in pkgs})
    return failures


def _test(
    toolchain: Toolchain, cwd: str, pkgs: list[str], overlay: str | None, race: bool
) -> subprocess.CompletedProcess[bytes]:
    flags = ["-race"] if race else []
    # No -count=1: go's test cache answers only for the same test binary (the overlay's contents are
    # part of it) and the same files and environment the tests read, so a rerun of the same rewrite
    # (a pre-commit hook, a second fix) does not run its packages' race tests again. -vet=off: the go vet
    # just run checked the same packages and overlay with all of go test's vet checks and more.
    args = ["test", "-json", "-vet=off", f"-timeout={TEST_TIMEOUT}", *flags, *overlay_flag(overlay), *pkgs]
    return toolchain.run(args, cwd)


def timed_out(lines: list[str]) -> str | None:
    """A test binary's own timeout, said as such: its last lines are goroutine stacks that name no cause."""
    for n, line in enumerate(lines):
        if line.startswith("panic: test timed out after "):
            running = [x.split(" (")[0] for x in lines[n + 1 : n + 4] if x.startswith("Test")]
            where = f" in {', '.join(running)}" if running else ""
            return (
                f"go test timed out after {line.removeprefix('panic: test timed out after ')}{where}: the rewrite "
                "may deadlock it, or a loaded machine slowed it (run again when it is quiet)"
            )
    return None


def _cause(lines: list[str]) -> list[str]:
    """The failed tests' verdicts, then the last lines that say why: tests that pass after a failure print
    their `--- PASS` last (testify's assert: a dozen parallel ones), or their own lines after its verdict,
    and a panic's last lines are its goroutine stacks, which name neither the failed test nor the panic,
    so its output ends at its message."""
    panic = next((n for n, x in enumerate(lines) if x.startswith("panic: ")), len(lines) - 1)
    failed = [x for x in lines[: panic + 1] if x.startswith("--- FAIL: ")][:3]
    return failed + [x for x in lines[: panic + 1][-6:] if x not in failed]


def _by_header(output: str, pkgs: list[str], tool: str) -> dict[str, str]:
    """Attribute `# import/path` sections of go vet output to packages (all of them if unattributed)."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in output.splitlines():
        if line.startswith("# "):
            current = line[2:].split()[0]
            continue
        if current:
            sections.setdefault(current, []).append(line)
    found = {p: f"{tool} fails: " + " | ".join(sections[p][:5]) for p in pkgs if p in sections}
    return found or {p: f"{tool} fails: {output.strip()[:500]}" for p in pkgs}
