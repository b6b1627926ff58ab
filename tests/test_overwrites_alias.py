"""overwrites.py: a struct holds a WaitGroup or errgroup.Group field spelled by another package's alias
(`g inner.EG` of `type EG = errgroup.Group`): its name names no WaitGroup, go/types says it is one, so
`*c = C{…}` between the Go (or Add) and the Wait writes over it (adv42d). Before, the holders were found
by name alone and the reset passed: Wait returned at once. No naive probe: with no synchronization in the
goroutine (overwrites.py declines any), the goroutine's later read races in the original too.
"""

from __future__ import annotations

import pytest
from conftest import assert_declines, module, proposals

from gorewrite.rules import RULES

INNER = {
    "errgroup": 'package inner\n\nimport "golang.org/x/sync/errgroup"\n\ntype G = errgroup.Group\n',
    "sync": 'package inner\n\nimport "sync"\n\ntype G = sync.WaitGroup\n',
}

START = {
    "errgroup": "\t\tc.g.Go(func() error {\n\t\t\tc.out[i] = strings.ToUpper(w) + sep\n\t\t\treturn nil\n\t\t})\n",
    "sync": "\t\tc.g.Add(1)\n\t\tgo func() {\n\t\t\tdefer c.g.Done()\n"
    "\t\t\tc.out[i] = strings.ToUpper(w) + sep\n\t\t}()\n",
}

SOURCE = """package m

import (
	"strings"

	"example.com/m/inner"
)

type C struct {
	g   inner.G
	out []string
}

func (c *C) Run(words []string, sep string) ([]string, string) {
	c.out = make([]string, len(words))
	for i, w := range words {
%s	}
	*c = C{out: c.out}
	c.g.Wait()
	sep = "|"
	return c.out, sep
}
"""


# fix43: errgroup_source trusts errgroup only as go list gives the package's own import of it: m imports it too
IMPORTED = '\t"golang.org/x/sync/errgroup"\n\t"strings"\n'
USED = "type C struct {\n\tg   inner.G\n\t_   *errgroup.Group\n"


@pytest.mark.parametrize("group", list(INNER))
def test_a_reset_of_a_struct_holding_an_aliased_group_declines(tmp_path, group):
    source = SOURCE % START[group]
    if group == "errgroup":
        source = source.replace('\t"strings"\n', IMPORTED, 1).replace("type C struct {\n\tg   inner.G\n", USED, 1)
    module(tmp_path, {"inner/inner.go": INNER[group], "a.go": source}, errgroup=True)
    found = proposals(tmp_path, RULES["closure"])["example.com/m"]
    assert_declines(found, "assigns *c, a *C, which holds or reaches a sync.WaitGroup")


def test_an_errgroup_only_another_package_imports_is_of_unknown_source(tmp_path):
    """fix43: go list was asked where the package's own imports come from; errgroup reached only through inner.G
    is not among them, so a fork a replace or vendor/ gives it is not ruled out (errgroup_source)."""
    module(tmp_path, {"inner/inner.go": INNER["errgroup"], "a.go": SOURCE % START["errgroup"]}, errgroup=True)
    found = proposals(tmp_path, RULES["closure"])["example.com/m"]
    assert_declines(found, "go list did not list golang.org/x/sync/errgroup among the package's imports")
