"""Every rule has its name everywhere (module, rules/<name>/, golden/<name>/), a complete README and a true example."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import GOLDEN, ROOT, golden_cases

from gorewrite.rules import RULES
from gorewrite.syntax import load_query

HEADINGS = [
    "## What it does",
    "## Why it escapes",
    "## Example",
    "## When it declines",
    "## Fix safety",
    "## Verified on",
]


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_has_its_files_and_cases(name):
    module = ROOT / "gorewrite" / "rules" / name.replace("-", "_")
    assert module.with_suffix(".py").is_file() or (module / "__init__.py").is_file()
    assert (ROOT / "rules" / name / "query.scm").is_file()
    load_query(name)  # compiles against the pinned tree-sitter-go
    cases = [case for case, _ in golden_cases(name)]
    assert sum("decline_" not in c for c in cases) >= 8, "at least 8 positive golden cases"
    assert sum("decline_" in c for c in cases) >= 8, "at least 8 must-decline golden cases"


@pytest.mark.parametrize("name", sorted(RULES))
def test_readme_has_the_headings_and_a_true_example(name):
    readme = (ROOT / "rules" / name / "README.md").read_text()
    positions = [readme.find(h) for h in HEADINGS]
    assert -1 not in positions and positions == sorted(positions), "headings present and in order"
    case = re.search(r"golden case `golden/[\w-]+/(\w+)`", readme).group(1)
    example = re.search(r"```diff\n(.*?)```", readme, re.S).group(1)
    assert example == (GOLDEN / name / "__snapshots__" / f"{case}.diff").read_text()


def test_example_module_readme_shows_the_diff_the_first_command_prints():
    """examples/logship is what the README's first command runs: its README must show the real diff."""
    from gorewrite.pipeline import fix
    from gorewrite.report import diff
    from gorewrite.rules import RULES as ALL
    from gorewrite.toolchain import find_toolchain

    example = ROOT / "examples" / "logship"
    shown = re.search(r"```diff\n(.*?)```", (example / "README.md").read_text(), re.S).group(1)
    assert diff(fix([find_toolchain()], ["./..."], str(example), list(ALL.values()))) == shown


def test_the_readme_commands_run_one_after_the_other_from_the_root(tmp_path):
    """A new user pastes command 1, then command 2, in one shell: each program must run where it
    would for real. Every program is a bash function that logs where it ran (names may hold `/`)."""
    commands = [line for line in (ROOT / "README.md").read_text().splitlines() if line.startswith("python3 -m venv")]
    assert len(commands) == 2 and commands[1] == (ROOT / ".ci" / "run").read_text().splitlines()[-1]
    (tmp_path / "examples" / "logship").mkdir(parents=True)
    programs = sorted({word for c in commands for word in c.split() if "/bin/" in word} | {"python3"})
    log = tmp_path / "log"
    stubs = "".join(f'function {p} {{ echo "{p} $PWD" >> {log}; }}\n' for p in programs if not p.endswith("/go"))
    script = f"{stubs}cd {tmp_path}\n{commands[0]}\n{commands[1]}\n"
    subprocess.run(["bash", "-c", script], check=True)
    ran = log.read_text().splitlines()
    assert f"../../.venv/bin/gorewrite {tmp_path}/examples/logship" in ran
    assert ran[-1] == f".venv/bin/python {tmp_path}", ran
    assert sum(line == f"python3 {tmp_path}" for line in ran) == 2, ran
