"""`check` tags a site with a rule only where that rule proposes a rewrite for it, as fix does; the
proposals are cached under a key that sees an edited dependency."""

from __future__ import annotations

import json

from conftest import ROOT, gorewrite, module

from gorewrite import cli, progress, proposed

RENDER = """package a

import (
	"bytes"
	"fmt"

	"example.com/m/b"
)

// Render formats n records into one string.
func Render(n int) string {
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		fmt.Fprintf(&buf, "record %d\\n", i)
	}
	b.Use(&buf)
	return buf.String()
}
"""
KEEPS = """package b

import "bytes"

var last *bytes.Buffer

// Use remembers the buffer.
func Use(buf *bytes.Buffer) { last = buf }
"""
READS = KEEPS.replace("{ last = buf }", "{ _ = buf.Len() }")


def _sites(report: dict) -> set[tuple]:
    return {(e["file"], e["line"], e["column"]) for e in report["escapes"]}


def test_check_tags_exactly_the_sites_fix_proposes_and_declines_the_rest_with_fixs_reasons(tmp_path):
    """The example module: each tag is a rewrite fix proposes (verified, rejected or held back with the
    same flag), and each site check declines is one fix declines, for the same reason."""
    example, env = ROOT / "examples" / "logship", {"GOREWRITE_CACHE": str(tmp_path)}
    checked = json.loads(gorewrite("check", "--format", "json", cwd=example, env=env).stdout)
    fixed = json.loads(gorewrite("fix", "--dry-run", "--format", "json", cwd=example, env=env).stdout)
    sites = _sites(checked)
    tagged = {(e["file"], e["line"], e["column"], e["rule"], e["held_back"]) for e in checked["escapes"] if e["rule"]}
    proposals = {
        (t["file"], t["line"], t["column"], o["rule"], _held_back(o))
        for o in fixed["outcomes"]
        if o["status"] != "declined"
        for t in o["targets"]
        if (t["file"], t["line"], t["column"]) in sites
    }
    assert tagged == proposals and len(tagged) == 3, (tagged, proposals)
    declined = {
        (e["file"], e["line"], e["declined"]["rule"], e["declined"]["reason"])
        for e in checked["escapes"]
        if e["declined"]
    }
    said = {(o["file"], o["line"], o["rule"], o["reason"]) for o in fixed["outcomes"] if o["status"] == "declined"}
    assert declined == said and len(declined) == 6, (declined, said)


def _held_back(outcome: dict) -> str | None:
    if outcome["status"] != "held":
        return None
    return "unsafe" if "--unsafe-fixes" in outcome["reason"] else "speculative"


def test_an_edited_dependency_changes_the_answer_though_the_package_is_the_same(tmp_path):
    """a's sources and escapes are the same in both runs (buf escapes through fmt.Fprintf either way);
    only b's export data says whether b.Use keeps the buffer a pool would hand out again."""
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache")}
    root = module(tmp_path / "m", {"a/a.go": RENDER, "b/b.go": KEEPS})
    kept = gorewrite("check", "-v", "./a", cwd=root, env=env)
    assert "moved to heap: buf  [sync-pool declines: buf is passed to b.Use, whose parameter" in kept.stdout, kept
    (root / "b" / "b.go").write_text(READS)
    read = gorewrite("check", "-v", "./a", cwd=root, env=env)
    # b.Use now keeps nothing, so retention clears it; what it reads of the buffer is another package's
    # body, which the rule does not follow (a pooled Buffer's capacity is an earlier call's): a new answer
    assert "a/a.go:12:6: moved to heap: buf  [sync-pool declines: buf is passed to b.Use, of another" in read.stdout


def test_a_warm_check_proposes_nothing_again_and_says_the_same(tmp_path, monkeypatch, capsys):
    local = RENDER.replace("b.Use(&buf)", "use(&buf)").replace('\t"example.com/m/b"\n', "")
    local += "\nfunc use(buf *bytes.Buffer) { _ = buf.Len() }\n"
    root = module(tmp_path / "m", {"a/a.go": local})
    monkeypatch.chdir(root)
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(progress, "for_terminal", lambda quiet: None)
    asked: list[str] = []
    propose = proposed.propose

    def counting(toolchains, cwd, rules, views, candidates, *rest):
        asked.extend(candidates)
        return propose(toolchains, cwd, rules, views, candidates, *rest)

    monkeypatch.setattr(proposed, "propose", counting)
    said = []
    for args in (["check"], ["check"], ["check", "--no-cache"]):
        cli.main(args)
        said.append(capsys.readouterr().out)
    assert asked == ["example.com/m/a", "example.com/m/a"]  # the first run and --no-cache
    assert said[0] == said[1] == said[2] and "[sync-pool]" in said[0], said


def test_the_key_holds_the_build_environment_not_the_shells(tmp_path):
    """A shell's `_` and OLDPWD change between commands and say nothing of the build: a hit; GOFLAGS
    changes what the go command builds: a new entry."""
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache")}
    root = module(tmp_path / "m", {"a/a.go": RENDER, "b/b.go": READS})
    entries = tmp_path / "cache" / "proposed"
    for shell in ({"_": "/usr/bin/env", "OLDPWD": "/"}, {"_": "/bin/gorewrite", "OLDPWD": str(tmp_path)}):
        assert gorewrite("check", "./a", cwd=root, env={**env, **shell}).returncode == 0
        assert len(list(entries.glob("*.json"))) == 1
    assert gorewrite("check", "./a", cwd=root, env={**env, "GOFLAGS": "-tags=extra"}).returncode == 0
    assert len(list(entries.glob("*.json"))) == 2
