"""closure trusts errgroup's Go and Wait only when golang.org/x/sync is the module's own (adv42d).

go/types names golang.org/x/sync/errgroup by its import path whatever source the build reads: a
`replace` in go.mod or go.work may point it at a fork whose Wait returns before f has run (here: Wait
runs the previous round's functions). The copy of a captured variable into f is then wrong: f runs
after the write the caller makes after the Wait, and must see it (gorewrite/errgroup_source.py).
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from pathlib import Path

import pytest
from conftest import assert_declines, proposals, write_tree

from gorewrite.rules import RULES

FORK = """// Package errgroup: a fork whose Wait runs the previous round's functions (one round late).
package errgroup

type Group struct{ fs, prev []func() error }

func (g *Group) Go(f func() error) { g.fs = append(g.fs, f) }

func (g *Group) Wait() error {
	pending := g.prev
	g.prev, g.fs = g.fs, nil
	for _, f := range pending {
		_ = f()
	}
	return nil
}
"""

SOURCE = """package m

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

type C struct {
	g   errgroup.Group
	out []string
}

func (c *C) Run(words []string, sep string) ([]string, string) {
	for _, w := range words {
		c.g.Go(func() error {
			c.out = append(c.out, strings.ToUpper(w)+sep)
			return nil
		})
	}
	_ = c.g.Wait()
	sep = "|"
	return c.out, sep
}
"""

MAIN = """package main

import (
	"fmt"

	m "example.com/m"
)

func main() {
	c := &m.C{}
	c.Run([]string{"a"}, "-")
	out, _ := c.Run([]string{"b"}, "-")
	fmt.Println(out)
}
"""

REQUIRE = "module example.com/m\n\ngo 1.22\n\nrequire golang.org/x/sync v0.10.0\n"
REPLACE = "replace golang.org/x/sync => ../xsync\n"
NAIVE = ("\t\tc.g.Go(func", "\t\tsep := sep\n\t\tc.g.Go(func")  # the copy the rule would insert


def fork(root, source: str, work: bool) -> None:
    """The module at root/m, golang.org/x/sync replaced by root/xsync in its go.mod or in a go.work above it."""
    write_tree(root, {"xsync/go.mod": "module golang.org/x/sync\n\ngo 1.22\n", "xsync/errgroup/errgroup.go": FORK})
    write_tree(root, {"m/go.mod": REQUIRE + ("" if work else "\n" + REPLACE), "m/a.go": source, "m/cmd/main.go": MAIN})
    if work:
        write_tree(root, {"go.work": "go 1.22\n\nuse ./m\n\n" + REPLACE.replace("../", "./")})


@pytest.mark.parametrize("work", [False, True], ids=["go.mod", "go.work"])
def test_declines_a_replaced_errgroup(tmp_path, work):
    fork(tmp_path, SOURCE, work)
    found = [p for ps in proposals(tmp_path / "m", RULES["closure"]).values() for p in ps]
    assert_declines(found, "may not be golang.org/x/sync's")


def test_the_naive_rewrite_is_wrong(tmp_path, toolchain):
    outputs = []
    for name, source in (("before", SOURCE), ("naive", SOURCE.replace(*NAIVE))):
        fork(tmp_path / name, source, False)
        done = subprocess.run(
            [toolchain.go, "run", "./cmd"],
            cwd=tmp_path / name / "m",
            env={**os.environ, **toolchain.env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.strip())
    assert outputs == ["[A|]", "[A-]"], outputs


def _configured(root, toolchain, case: str) -> dict[str, str]:
    """fix43: the module at root/m requires golang.org/x/sync, and the fork reaches the build only through go's
    env file (GOENV), never the process environment, nor a go.mod or go.work above the module: a go.work of a
    sibling directory that replaces it (GOWORK), a -modfile that does (GOFLAGS), or a workspace's vendor/ copy.
    errgroup_source walked up from the file and read GOWORK from os.environ, and trusted each."""
    write_tree(root, {"xsync/go.mod": "module golang.org/x/sync\n\ngo 1.22\n", "xsync/errgroup/errgroup.go": FORK})
    write_tree(root, {"m/go.mod": REQUIRE, "m/go.sum": SUM, "m/a.go": SOURCE, "m/cmd/main.go": MAIN})
    if case == "modfile":
        write_tree(root, {"m/alt.mod": REQUIRE + "\n" + REPLACE, "m/alt.sum": SUM})
        said = f"GOFLAGS=-modfile={root / 'm' / 'alt.mod'}\n"
    elif case == "gowork":
        write_tree(root, {"ws/go.work": "go 1.22\n\nuse ../m\n\n" + REPLACE})
        said = f"GOWORK={root / 'ws' / 'go.work'}\n"
    else:
        write_tree(root, {"ws/go.work": "go 1.22\n\nuse ../m\n"})
        env = {**os.environ, "GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOWORK": ""}
        subprocess.run([toolchain.go, "work", "vendor"], cwd=root / "ws", env=env, check=True, capture_output=True)
        vendored = root / "ws" / "vendor" / "golang.org" / "x" / "sync" / "errgroup"
        for f in vendored.iterdir():
            f.chmod(0o644)
            f.unlink()
        (vendored / "errgroup.go").write_text(FORK)
        said = f"GOWORK={root / 'ws' / 'go.work'}\n"
    write_tree(root, {"goenv": said})
    return {"GOENV": str(root / "goenv")}


SUM = (Path(__file__).parent.parent / "golden" / "closure" / "go.sum").read_text()


@pytest.mark.parametrize("case", ["gowork", "modfile", "vendor"])
def test_declines_an_errgroup_the_go_env_file_replaces(tmp_path, toolchain, case):
    env = _configured(tmp_path, toolchain, case)
    configured = dataclasses.replace(toolchain, env={**toolchain.env, **env})
    found = [p for ps in proposals(tmp_path / "m", RULES["closure"], [configured]).values() for p in ps]
    assert_declines(found, "may not be golang.org/x/sync's")
    outputs = []
    for name, source in (("before", SOURCE), ("naive", SOURCE.replace(*NAIVE))):
        (tmp_path / "m" / "a.go").write_text(source)
        done = subprocess.run(
            [toolchain.go, "run", "./cmd"],
            cwd=tmp_path / "m",
            env={**os.environ, **configured.env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, (name, done.stderr)
        outputs.append(done.stdout.strip())
    assert outputs == ["[A|]", "[A-]"], outputs


def test_declines_an_errgroup_a_workspace_uses(tmp_path, toolchain):
    """adv43d: a go.work that `use`s a local module named golang.org/x/sync (no replace) makes it a module of the
    workspace: go list gives Module {Path: golang.org/x/sync, Main: true, Dir: ./xsync} and the package's Dir
    inside it, which errgroup_source took for the module cache's. It has no version: nothing was downloaded."""
    write_tree(tmp_path, {"xsync/go.mod": "module golang.org/x/sync\n\ngo 1.22\n", "xsync/errgroup/errgroup.go": FORK})
    write_tree(tmp_path, {"m/go.mod": REQUIRE, "m/go.sum": SUM, "m/a.go": SOURCE, "m/cmd/main.go": MAIN})
    write_tree(tmp_path, {"go.work": "go 1.22\n\nuse ./m\nuse ./xsync\n"})
    found = [p for ps in proposals(tmp_path / "m", RULES["closure"]).values() for p in ps]
    assert_declines(found, "may not be golang.org/x/sync's")
    outputs = []
    for source in (SOURCE, SOURCE.replace(*NAIVE)):
        (tmp_path / "m" / "a.go").write_text(source)
        env = {**os.environ, **toolchain.env}
        run = [toolchain.go, "run", "./cmd"]
        done = subprocess.run(run, cwd=tmp_path / "m", env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.strip())
    assert outputs == ["[A|]", "[A-]"], outputs


TWICE = """// Package errgroup: a fork whose Go queues f twice, so Wait runs it two times in a row.
package errgroup

type Group struct{ fs []func() error }

func (g *Group) Go(f func() error) { g.fs = append(g.fs, f, f) }

func (g *Group) Wait() error {
	for _, f := range g.fs {
		_ = f()
	}
	g.fs = nil
	return nil
}
"""

OWNED = """package m

import "golang.org/x/sync/errgroup"

// Doublings returns what each run of the group's one task sent: it doubles x, which nothing else uses.
func Doublings(x int) []int {
	var g errgroup.Group
	seen := make(chan int, 4)
	g.Go(func() error {
		x = x * 2
		seen <- x
		return nil
	})
	_ = g.Wait()
	close(seen)
	var out []int
	for v := range seen {
		out = append(out, v)
	}
	return out
}
"""

OWNED_MAIN = """package main

import (
	"fmt"

	m "example.com/m"
)

func main() { fmt.Println(m.Doublings(3)) }
"""
OWNED_NAIVE = ("\tg.Go(func() error {\n", "\tg.Go(func() error {\n\t\tx := x\n")  # the goroutine's own copy


def test_declines_an_owned_copy_for_a_replaced_errgroup(tmp_path, toolchain):
    """adv45a: the owned copy (owned_copies.py) relies on errgroup's Go running f once; a fork's Go may run it twice,
    the second run reading the first one's write, which a copy per run would reset."""
    outputs = []
    for name, source in (("before", OWNED), ("naive", OWNED.replace(*OWNED_NAIVE))):
        write_tree(tmp_path / name, {"xsync/go.mod": "module golang.org/x/sync\n\ngo 1.22\n"})
        write_tree(tmp_path / name, {"xsync/errgroup/errgroup.go": TWICE, "m/go.mod": REQUIRE + "\n" + REPLACE})
        write_tree(tmp_path / name, {"m/a.go": source, "m/cmd/main.go": OWNED_MAIN})
        env = {**os.environ, **toolchain.env}
        run = [toolchain.go, "run", "./cmd"]
        done = subprocess.run(run, cwd=tmp_path / name / "m", env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.strip())
    assert outputs == ["[6 12]", "[6 6]"], outputs
    found = [p for ps in proposals(tmp_path / "before" / "m", RULES["closure"]).values() for p in ps]
    assert_declines(found, "cannot own a copy: errgroup's Go may not be golang.org/x/sync's")
