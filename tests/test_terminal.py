"""The summary on a terminal: a table per rule, with the toolchains; piped, the plain lines scripts read.
The tty decision is forced (stderr's isatty), the run is real."""

from __future__ import annotations

import re
import sys

from conftest import GOROUTINE, HISTOGRAM, module

from gorewrite import __version__, cli, progress
from gorewrite.terminal import colored

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _stderr(capsys, *args: str, terminal: bool, monkeypatch) -> str:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal)
    cli.main(list(args))
    return capsys.readouterr().err


def test_fix_and_check_summaries_are_tables_on_a_terminal_and_lines_when_piped(tmp_path, monkeypatch, capsys):
    root = module(tmp_path, {"work/work.go": GOROUTINE, "stats/stats.go": HISTOGRAM})
    monkeypatch.chdir(root)
    monkeypatch.setattr(progress, "for_terminal", lambda quiet: None)  # no spinner among the lines read here
    piped = _stderr(capsys, "fix", "--dry-run", terminal=False, monkeypatch=monkeypatch)
    assert "closure: 1 verified, 0 declined, 0 rejected by verification\n" in piped
    assert "make-const: 0 verified, 0 declined, 0 rejected by verification, 1 speculative held back" in piped
    shown = ANSI.sub("", _stderr(capsys, "fix", "--dry-run", terminal=True, monkeypatch=monkeypatch))
    rows = [line.split() for line in shown.splitlines()]
    assert shown.startswith(f"gorewrite {__version__} with go1.") and "2 packages, 1 file to change" in shown
    assert ["rule", "verified", "declined", "rejected", "held", "back", "speculative"] in rows
    assert ["closure", "1", "0", "0", "0", "0"] in rows and ["make-const", "0", "0", "0", "1", "0"] in rows
    assert "make-const:\n  1 speculative held back: --speculative verifies and applies them\n" in shown
    assert "closure: 1 verified" not in shown and "closure:" not in shown  # nothing to say below its counts
    piped = _stderr(capsys, "check", terminal=False, monkeypatch=monkeypatch)
    assert "rewrites proposed: 1 closure, 1 make-const, 1 of them speculative (fix --speculative)\n" in piped
    shown = ANSI.sub("", _stderr(capsys, "check", terminal=True, monkeypatch=monkeypatch))
    rows = [line.split() for line in shown.splitlines()]
    assert ["rule", "proposed"] in rows and ["closure", "1"] in rows and ["make-const", "1"] in rows
    assert "rewrites proposed" not in shown and re.match(r"gorewrite \S+ with go1\.\d+\.\d+: 2 packages, ", shown)


def test_a_diff_is_coloured_like_gits():
    diff = "--- a/x.go\n+++ b/x.go\n@@ -1 +1 @@\n-old\n+new\n"
    lines = colored(diff).splitlines()
    assert ANSI.sub("", colored(diff)) == diff and "\x1b[31m" in lines[3] and "\x1b[32m" in lines[4]
