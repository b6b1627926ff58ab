"""--diff-from and --diff-file with real git history: nothing is said or rewritten outside the change."""

from __future__ import annotations

import subprocess

from conftest import GOROUTINE, module
from conftest import in_process as gorewrite  # main(argv): test_cli runs python -m gorewrite

SECOND = GOROUTINE.replace("// Start prints", "// Again prints").replace("func Start(", "func Again(")


def git(root, *args):
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def repo_with_a_change(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    git(root, "init", "-q")
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qam", "base", "--allow-empty")
    git(root, "add", "-A")
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "base")
    (root / "work/work.go").write_text(GOROUTINE + SECOND.split('import "fmt"\n', 1)[1])
    return root


def test_diff_from_limits_check_and_fix_to_the_changed_lines(tmp_path):
    root = repo_with_a_change(tmp_path)
    everything = gorewrite("check", cwd=root).stdout
    assert "work/work.go:7:2: moved to heap: label" in everything
    changed = gorewrite("check", "--diff-from", "HEAD", cwd=root).stdout
    assert "work/work.go:7:2" not in changed and "work/work.go:20:2: moved to heap: label  [closure]" in changed
    fixed = gorewrite("fix", "--dry-run", "--diff-from", "HEAD", cwd=root)
    assert fixed.returncode == 1, fixed.stderr
    assert fixed.stdout.count("label := label") == 1 and "@@ -22,6 +22,7 @@" in fixed.stdout


def test_diff_file_reads_a_unified_diff(tmp_path):
    root = repo_with_a_change(tmp_path)
    (tmp_path / "change.diff").write_text(git(root, "diff", "HEAD"))
    done = gorewrite("fix", "--dry-run", "--diff-file", str(tmp_path / "change.diff"), cwd=root)
    assert done.returncode == 1 and done.stdout.count("label := label") == 1, done.stderr


def test_a_rewrite_reaching_outside_the_change_is_declined(tmp_path):
    root = repo_with_a_change(tmp_path)
    # Only the go statement's body changed: the copy would go on the unchanged line above it.
    text = (root / "work/work.go").read_text().replace("fmt.Println(label, j)", "fmt.Println(label, j, 1)", 1)
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qam", "second")
    (root / "work/work.go").write_text(text)
    done = gorewrite("fix", "--dry-run", "-v", "--diff-from", "HEAD", cwd=root)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr


def test_diff_from_outside_git_or_unknown_rev_is_exit_2(tmp_path):
    root = module(tmp_path, {"work/work.go": GOROUTINE})
    done = gorewrite("check", "--diff-from", "HEAD", cwd=root)
    assert done.returncode == 2 and "not inside a git repository" in done.stderr
    git(root, "init", "-q")
    done = gorewrite("check", "--diff-from", "nope", cwd=root)
    assert done.returncode == 2 and "--diff-from nope: not a commit" in done.stderr and "Traceback" not in done.stderr
