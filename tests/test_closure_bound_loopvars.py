"""closure and a pointer receiver's method value bound to a loop clause's variable in a go1.21 module
(gorewrite/bound_receivers.py): before go1.22 `for i, k := range ks` and `for k := …; …; k.shard++` declare one k
for every pass, which the next pass writes, so each bound `k.key` reads the last value when its goroutine or
deferred call runs; a copy per pass (`nameRecv := k`) would read each pass's own. Declined; a k declared in the
loop's body is one per pass under any version and is still fixed.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the rewrite a careless rule would make, and a probe showing it
changes what the code does).
"""

from __future__ import annotations

from conftest import case_suite

from gorewrite.rules import RULES

RULE = RULES["closure"]

KEYER = """type keyer struct {
	prefix string
	shard  int
}

func (k *keyer) key(id int) string { return k.prefix + strconv.Itoa(id%max(k.shard, 1)) }
"""

RANGED = """package {name}

import (
	"strconv"
	"sync"
)

{keyer}
// Keys names id 7 by each keyer, in goroutines released once all have started.
func Keys() string {{
	ks := []keyer{{{{prefix: "a/", shard: 2}}, {{prefix: "b/", shard: 3}}}}
	release := make(chan struct{{}})
	out := make([]string, len(ks))
	var wg sync.WaitGroup
	for i{loop} {{
{body}		name := k.key
		wg.Add(1)
		go func(i int) {{
			defer wg.Done()
			<-release
			out[i] = name(7)
		}}(i)
	}}
	close(release)
	wg.Wait()
	return out[0] + "," + out[1]
}}
"""

DEFERRED = (
    """package decline_bound_loopvar_clause

import "strconv"

"""
    + KEYER
    + """
// Keys names id 7 by the keyer of each pass, in deferred calls.
func Keys() (s string) {
	for k := (keyer{prefix: "t/", shard: 2}); k.shard < 5; k.shard++ {
		name := k.key
		defer func() { s += name(7) + "," }()
	}
	return ""
}
"""
)

FIXES = {
    "bound_loopvar_body": (  # k declared in the body: one per pass before go1.22 too
        RANGED.format(name="bound_loopvar_body", keyer=KEYER, loop=" := range ks", body="\t\tk := ks[i]\n"),
        "\t\t\tnameRecv := nameRecv // read once: its pointer methods only read it\n",
        "{pkg}.Keys()",
    ),
}

SHARED = "it is a loop variable shared by all iterations (the file's Go version is before go 1.22)"

DECLINES = {
    "decline_bound_loopvar_range": (  # every goroutine names by b/ (b/1,b/1); copies would give a/1,b/1
        RANGED.format(name="decline_bound_loopvar_range", keyer=KEYER, loop=", k := range ks", body=""),
        SHARED,
    ),
    "decline_bound_loopvar_clause": (DEFERRED, SHARED),  # t/2,t/2,t/2, (shard 5 at the end); copies: t/3,t/1,t/1,
}


def _naive(source: str) -> str:
    """The rewrite without the loop-variable condition: a copy per pass, a copy of it first in the literal."""
    source = source.replace("name := k.key", "nameRecv := k").replace("name(7)", "nameRecv.key(7)")
    source = source.replace("\t\t\tdefer wg.Done()\n", "\t\t\tnameRecv := nameRecv\n\t\t\tdefer wg.Done()\n")
    return source.replace("defer func() { s +=", "defer func() { nameRecv := nameRecv; s +=")


NAIVE = {name: (_naive, "{pkg}.Keys()") for name in DECLINES}

globals().update(case_suite("bound_loopvars", RULE, FIXES, DECLINES, NAIVE, go="1.21"))
