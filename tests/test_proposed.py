"""`check` tags a site with a rule only where that rule proposes a rewrite for it, as fix does; the
proposals are cached under a key that sees an edited dependency, and `fix` verifies what a `check`
of the same code proposed without proposing again."""

from __future__ import annotations

import json
import subprocess

from conftest import ROOT, gorewrite, in_process, module, write_tree

from gorewrite import cli, progress, proposal_cache, proposing

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
    same flag), and each site check declines is one fix declines, for one of the reasons fix gives."""
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
    # a site two rules decline (ship.go: closure and sync-pool) shows in check the first rule's reason; format.go's
    # three fmt.Sprintf calls are iface-direct's declines (a %q, a call beside it, a format no constant)
    assert declined <= said and {d[:2] for d in declined} == {d[:2] for d in said} and len(declined) == 9, (
        declined,
        said,
    )
    assert ("internal/ship/ship.go", 41, "closure") in {d[:3] for d in declined}


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
    asked = _counting(monkeypatch)
    said = []
    for args in (["check"], ["check"], ["check", "--no-cache"]):
        cli.main(args)
        said.append(capsys.readouterr().out)
    assert asked == ["example.com/m/a", "example.com/m/a"]  # the first run and --no-cache
    assert said[0] == said[1] == said[2] and "[sync-pool]" in said[0], said


def _counting(monkeypatch) -> list[str]:
    """The packages the rules' propose step runs for, as the runs ask (the cache answers the others)."""
    asked: list[str] = []
    propose = proposing._propose

    def counting(toolchains, cwd, rules, views, found, *rest):
        asked.extend(found)
        return propose(toolchains, cwd, rules, views, found, *rest)

    monkeypatch.setattr(proposing, "_propose", counting)
    return asked


def test_a_fix_after_a_check_verifies_what_check_proposed_and_says_what_fix_no_cache_says(
    tmp_path, monkeypatch, capsys
):
    """The example module (fixes of three rules, held-back and declined sites): `fix` after `check` proposes
    nothing again, and its diff and JSON are byte for byte those of `fix --no-cache`."""
    monkeypatch.chdir(ROOT / "examples" / "logship")  # dry runs only: the module in place, whose compiles go's
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path / "cache"))  # cache keeps (a copy's new path missed it)
    monkeypatch.setattr(progress, "for_terminal", lambda quiet: None)
    asked = _counting(monkeypatch)
    said = []
    for args in (["check"], ["fix", "--dry-run"], ["fix", "--dry-run", "--format", "json"], ["fix", "--dry-run"]):
        cli.main(args)
        said.append(capsys.readouterr().out)
    packages = len(asked)
    assert packages > 0 and "+++" in said[1]
    for args in (["fix", "--dry-run", "--no-cache"], ["fix", "--dry-run", "--no-cache", "--format", "json"]):
        cli.main(args)
        said.append(capsys.readouterr().out)
    assert len(asked) == 3 * packages  # proposed by the first check and by each --no-cache run only
    assert said[1] == said[3] == said[4] and said[2] == said[5]


def test_proposals_come_back_from_an_entry_as_they_were(tmp_path, monkeypatch):
    """Every claim shape, an edit's non-UTF-8 bytes, a speculative and an unsafe fix, a decline."""
    from gorewrite.claims import InVariant, KeepsOnStack, MovesAllocation, RemovesTargets, Tested
    from gorewrite.edits import Edit
    from gorewrite.escapes import Escape
    from gorewrite.proposals import Declined, Fix

    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path))
    site = Escape("/m/a.go", 3, 7, "moved to heap: buf")
    claims = [
        RemovesTargets(("make([]byte, n) does not escape",)),
        KeepsOnStack(("make([]int, 64)",)),
        MovesAllocation(("new(Big) escapes to heap",)),
        InVariant("/m/a_go125.go", Tested(RemovesTargets(), race=True)),
    ]
    proposals = [
        Fix("sync-pool", (Edit("/m/a.go", 1, 4, b"\xff\x00\xe2\x80\xa6 x"),), (site,), "pooled", "safe", c, s)
        for c in claims
        for s in (False, True)
    ]
    proposals += [Fix("closure", (), (site,), "copied", "unsafe"), Declined("closure", site, "why \u2026")]
    proposal_cache.write("entry", proposals)
    assert proposal_cache.read("entry") == proposals
    (tmp_path / "proposed" / "entry.json").write_text('[["fix", "closure"]]')
    assert proposal_cache.read("entry") is None  # damaged: proposed again


def test_a_dependencys_file_for_another_build_is_part_of_the_key(tmp_path):
    """b's verdicts hold for one build only once b has a file another build compiles that may change it (an
    init; build_files): sync-pool then declines a's site (what b.Use keeps may differ there), though a and
    b's export data are the same."""
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache")}
    root = module(tmp_path / "m", {"a/a.go": RENDER, "b/b.go": READS})
    before = gorewrite("check", "-v", "./a", cwd=root, env=env)
    (root / "b" / "b_trace.go").write_text("//go:build trace\n\npackage b\n\nfunc init() {}\n")  # more than names
    after = gorewrite("check", "-v", "./a", cwd=root, env=env)
    fresh = gorewrite("check", "-v", "--no-cache", "./a", cwd=root, env={})
    assert after.stdout == fresh.stdout != before.stdout, (before.stdout, after.stdout)
    assert "b_trace.go" in after.stdout


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


HIST = """package hist

const maxBuckets = 10000

// Mode is the most frequent of values below n.
func Mode(values []int, n int) int {
	if n <= 0 || n > maxBuckets {
		return -1
	}
	counts := make([]int, n)
	best := 0
	for _, v := range values {
		if v >= 0 && v < n {
			counts[v]++
			if counts[v] > counts[best] {
				best = v
			}
		}
	}
	return best
}
"""


def test_a_goarch_from_the_go_env_file_is_part_of_the_key(tmp_path):
    """adv33e: `go env -w GOARCH=386` sizes int at 4 bytes (10000 ints fit the 64 KiB make-const keeps on the
    stack), amd64 at 8 (they do not); the package imports nothing, so no export data changed with it, and a
    warm check said what the other architecture's entry held."""
    root = module(tmp_path / "m", {"hist/hist.go": HIST})
    goenv = tmp_path / "goenv"
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache"), "GOENV": str(goenv)}
    said = {}
    for arch in ("386", "amd64", "386"):
        goenv.write_text(f"GOARCH={arch}\n")
        warm = gorewrite("check", "-v", "./...", cwd=root, env=env)
        fresh = gorewrite("check", "-v", "--no-cache", "./...", cwd=root, env=env)
        assert warm.stdout == fresh.stdout, (arch, warm.stdout, fresh.stdout)
        said[arch] = warm.stdout
    assert "80000 bytes" in said["amd64"] and "80000 bytes" not in said["386"], said


def test_one_process_asks_go_env_again_each_run(tmp_path):
    """The language server runs the pipeline once per edit in one process: `go env -w GOARCH=…` made while it
    runs must reach the next run (the go env answers and export data files were remembered for the process)."""
    root = module(tmp_path / "m", {"hist/hist.go": HIST})
    goenv = tmp_path / "goenv"
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache"), "GOENV": str(goenv)}
    said = {}
    for arch in ("386", "amd64"):
        goenv.write_text(f"GOARCH={arch}\n")
        said[arch] = in_process("check", "-v", "--no-cache", "./...", cwd=root, env=env).stdout
    assert "80000 bytes" in said["amd64"] and "80000 bytes" not in said["386"], said


def test_an_entry_of_the_wrong_shape_is_proposed_again(tmp_path, monkeypatch):
    """adv33e: valid JSON with an int where an edit's text belongs crashed the run."""
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path))
    (tmp_path / "proposed").mkdir()
    (tmp_path / "proposed" / "e.json").write_text(
        '[["fix","make-const",[["a",0,1,5]],[],"s","safe",["keeps",[]],false]]'
    )
    assert proposal_cache.read("e") is None


def test_a_run_from_another_directory_of_the_module_proposes_nothing_again(tmp_path, monkeypatch):
    """The key names the main module and workspace go finds from the run's directory, not the directory:
    a run from a subdirectory (an editor's, a hook's) answers from the entry the module root's run wrote."""
    root = module(tmp_path / "m", {"a/a.go": RENDER, "b/b.go": READS})
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache")}
    asked = _counting(monkeypatch)
    first = in_process("check", "-v", "./a", cwd=root, env=env)
    here = in_process("check", "-v", ".", cwd=root / "a", env=env)
    there = in_process("check", "-v", "../a", cwd=root / "b", env=env)
    assert asked == ["example.com/m/a"], (first, here, there)
    assert here.stdout == in_process("check", "-v", "--no-cache", ".", cwd=root / "a", env=env).stdout
    assert "[sync-pool declines: buf is passed to b.Use, of another package" in here.stdout, here
    assert there.stdout == here.stdout.replace("a.go:", f"{root / 'a' / 'a.go'}:"), there  # outside: absolute


LIB = KEEPS.replace("package b", "package lib")


def _replaced(tmp_path, work: str) -> tuple:
    """m requires lib and replaces it with lib1, whose Use keeps the buffer; lib2's and lib3's Use reads it, keeps
    it; a go.work in w (`work`) resolves lib elsewhere. Returns m's and w's directories."""
    for name, body in (("lib1", "{ last = buf }"), ("lib2", "{ _ = buf.Len() }"), ("lib3", "{ last = buf }")):
        write_tree(
            tmp_path / name,
            {"go.mod": "module example.com/lib\n\ngo 1.22\n", "lib.go": LIB.replace("{ last = buf }", body)},
        )
    requires = "module example.com/m\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\n"
    requires += "replace example.com/lib v0.0.0 => ../lib1\n"
    root = write_tree(
        tmp_path / "m",
        {
            "go.mod": requires,
            "a/a.go": RENDER.replace("example.com/m/b", "example.com/lib").replace("b.Use", "lib.Use"),
        },
    )
    return root, write_tree(tmp_path / "w", {"go.work": work})


KEPT, READ = "passed to lib.Use, whose parameter", "passed to lib.Use, of another package"


def test_a_workspace_that_resolves_an_import_elsewhere_is_part_of_the_key(tmp_path):
    """A go.work elsewhere replaces lib (m's go.mod: lib1, which keeps the buffer) with lib2, which keeps
    nothing. The escapes and a's files are the same from both directories; what the compiles, run where
    gorewrite runs, say of lib.Use is not: the workspace go finds there is part of the key (a stale answer
    without it), and so is its content (go.work edited in place to replace lib with the keeping copy again)."""
    root, work = _replaced(tmp_path, "go 1.22\n\nuse ../m\n\nreplace example.com/lib => ../lib2\n")
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache")}
    kept = in_process("check", "-v", "./a", cwd=root, env=env)
    assert KEPT in kept.stdout, kept
    fresh = in_process("check", "-v", "--no-cache", "example.com/m/a", cwd=work, env=env)
    assert READ in fresh.stdout, fresh
    assert in_process("check", "-v", "example.com/m/a", cwd=work, env=env).stdout == fresh.stdout
    (work / "go.work").write_text("go 1.22\n\nuse ../m\n\nreplace example.com/lib => ../lib1\n")  # edited in place
    assert KEPT in in_process("check", "-v", "example.com/m/a", cwd=work, env=env).stdout


def _warm_is_cold(work, env) -> str:
    warm = in_process("check", "-v", "example.com/m/a", cwd=work, env=env)
    cold = in_process("check", "-v", "--no-cache", "example.com/m/a", cwd=work, env=env)
    assert warm.stdout == cold.stdout, (warm, cold)
    return warm.stdout


def test_the_copy_of_an_import_the_workspace_resolves_edited_in_place_is_a_new_key(tmp_path):
    """adv39d: the export data of a's imports were listed in a's directory, where m's go.mod resolves lib to lib1,
    while every compile ran in the run's, where go.work resolves it to lib2: lib2 edited in place to keep the
    buffer changed no key, and the warm answer still said lib2 keeps nothing (sync-pool could pool it)."""
    _, work = _replaced(tmp_path, "go 1.22\n\nuse ../m\n\nreplace example.com/lib => ../lib2\n")
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache")}
    assert READ in _warm_is_cold(work, env)
    (tmp_path / "lib2" / "lib.go").write_text(LIB)
    assert KEPT in _warm_is_cold(work, env)


def test_a_workspace_modules_replace_edited_in_place_is_a_new_key(tmp_path):
    """adv39d's second shape: x, a module of the workspace, requires a newer lib and replaces it with lib2 (minimal
    version selection picks it for m too). x's go.mod is not one go env names; the export data listed in the run's
    directory is lib2's, then lib3's once x's go.mod is edited in place, then lib2's edited in place."""
    work = "go 1.22\n\nuse (\n\t../m\n\t../x\n)\n"
    _, work = _replaced(tmp_path, work)
    requires = (
        "module example.com/x\n\ngo 1.22\n\nrequire example.com/lib v0.1.0\n\nreplace example.com/lib v0.1.0 => ../{}\n"
    )
    x = write_tree(tmp_path / "x", {"go.mod": requires.format("lib2"), "x.go": "package x\n"})
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache")}
    assert READ in _warm_is_cold(work, env)
    (x / "go.mod").write_text(requires.format("lib3"))
    assert KEPT in _warm_is_cold(work, env)
    (x / "go.mod").write_text(requires.format("lib2"))
    assert READ in _warm_is_cold(work, env)
    (tmp_path / "lib2" / "lib.go").write_text(LIB)
    assert KEPT in _warm_is_cold(work, env)


def test_a_goflags_path_relative_to_the_directory_keeps_the_directory_in_the_key():
    """`-modfile=alt.mod`, `-pgo=default.pgo`, `-gcflags=./...=-N` name files or packages from wherever go
    runs: then the directory itself is part of the key; absolute paths, keywords and tags are not."""
    for goflags in (
        "-modfile=alt.mod",
        "-pgo=default.pgo",
        "-overlay=../o.json",
        "-gcflags=./...=-N",
        "-mod=mod -toolexec=./t",
    ):
        assert proposal_cache._relative(goflags), goflags
    for goflags in (
        "",
        "-tags=a.b,c",
        "-pgo=auto",
        "-pgo=off",
        "-modfile=/m/alt.mod",
        "-gcflags=all=-N -buildvcs=false",
    ):
        assert not proposal_cache._relative(goflags), goflags


GROUPED = """package a

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Upper upper-cases each word and appends sep; sep is "|" once the group has waited.
func Upper(words []string, sep string) ([]string, string) {
	var g errgroup.Group
	out := make([]string, len(words))
	for i, w := range words {
		g.Go(func() error {
			out[i] = strings.ToUpper(w) + sep
			return nil
		})
	}
	_ = g.Wait()
	sep = "|"
	return out, sep
}
"""


def test_an_import_vendored_as_is_is_a_new_key(tmp_path, toolchain):
    """fix43: closure trusts errgroup only from golang.org/x/sync's module cache directory (errgroup_source). Vendored
    unchanged under -trimpath, errgroup compiles to the same export data file, which was all the key held of it: the
    warm run replayed the trusted copy where a cold one declines. (Vendored and edited, its object code changes the
    file's name, and the key with it: no wrong rewrite was replayed, only an answer a cold run no longer gives.)"""
    root = module(tmp_path / "m", {"a/a.go": GROUPED}, errgroup=True)
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache"), "GOFLAGS": "-trimpath"}
    trusted = in_process("check", "-v", "--rule", "closure", "./a", cwd=root, env=env)
    assert "[closure]" in trusted.stdout and "may not be" not in trusted.stdout, trusted
    listing = ["list", "-export", "-f", "{{.Export}}", "golang.org/x/sync/errgroup"]
    configured = {**toolchain.env, "GOFLAGS": "-trimpath", "GOPROXY": "off"}
    before = subprocess.run([toolchain.go, *listing], cwd=root, env=configured, capture_output=True, check=True)
    vendoring = {**configured, "GOFLAGS": "-mod=mod"}
    subprocess.run([toolchain.go, "mod", "vendor"], cwd=root, env=vendoring, capture_output=True, check=True)
    after = subprocess.run([toolchain.go, *listing], cwd=root, env=configured, capture_output=True, check=True)
    assert before.stdout == after.stdout  # the same export data file
    warm = in_process("check", "-v", "--rule", "closure", "./a", cwd=root, env=env)
    cold = in_process("check", "-v", "--rule", "closure", "--no-cache", "./a", cwd=root, env=env)
    assert "may not be golang.org/x/sync's" in cold.stdout, cold
    assert warm.stdout == cold.stdout, (warm, cold)
