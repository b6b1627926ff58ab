"""closure and a pointer receiver's method value bound to a local that goroutines call (`name := k.key`, then
`st.Put(name(c), …)` in each; gorewrite/bound_receivers.py): the method value binds &k, so k moves to the heap with
the method value's closure. A copy `nameRecv := k` where the method value was made, and the calls through it
(`nameRecv.key(c)`, with `nameRecv := nameRecv` first in each literal calling it), stand for it when key only reads
its receiver and nothing writes or addresses k from the statement on (the closure-backup probe's UploadSharded).
Declined: a method that writes its receiver (the naive copies count into themselves), k's address taken (a write
through it after the statement), a write after the statement, a write before it in a loop around it, a write in a
func literal, a package variable another function writes, a goto that runs an earlier write again, and a write
before the statement in a func literal that binds the method value of a k declared outside it (the literal's
second run writes k under the first run's calls), and a named result (a return sets it, naming no k): each naive
copy misses the write the method value's calls see.
A range clause's k (one per pass from go1.22) is fixed; test_closure_bound_loopvars.py holds go1.21's.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the rewrite a careless rule would make, and a probe showing it
changes what the code does).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

KEYER = """type keyer struct {
	prefix string
	shard  int
	calls  int
}

func (k *keyer) key(id int) string { return k.prefix + strconv.Itoa(id%max(k.shard, 1)) }

func (k *keyer) count(id int) string {
	k.calls++
	return k.prefix + strconv.Itoa(id)
}
"""


def _case(name: str, setup: str, after: str = "", method: str = "key", loop: str = "") -> str:
    """Two goroutines released together call the method value bound before them; the function may write k."""
    return f"""package {name}

import (
	"strconv"
	"sync"
)

{KEYER}
// Keys names ids 0 and 3 in goroutines released together.
func Keys() string {{
	k := keyer{{prefix: "s/", shard: 2}}
	release := make(chan struct{{}})
	out := make([]string, 2)
	var wg sync.WaitGroup
{setup}	name := k.{method}
{after}	for i := range 2 {{
		wg.Add(1)
		go func() {{
			defer wg.Done()
			<-release
			out[i] = name(3 * i)
		}}()
	}}
{loop}	close(release)
	wg.Wait()
	return out[0] + "," + out[1] + "," + strconv.Itoa(k.calls)
}}
"""


FIXES = {
    "bound_pointer_reads": (  # k.shard set before the method value; key only reads
        _case("bound_pointer_reads", "\tk.shard = 3\n"),
        "\t\t\tnameRecv := nameRecv // read once: its pointer methods only read it\n",
        "{pkg}.Keys()",
    ),
}

DECLINES = {
    "decline_bound_pointer_counts": (  # count writes k.calls: the caller reads 2
        _case("decline_bound_pointer_counts", "", method="count"),
        "gorewrite cannot prove the method only reads it: keyer.count uses its receiver other than to read",
    ),
    "decline_bound_pointer_addressed": (  # a write through p after the statement
        _case("decline_bound_pointer_addressed", "\tp := &k\n", after="\tp.shard = 3\n"),
        "its address is taken (line 27)",
    ),
    "decline_bound_pointer_written_after": (
        _case("decline_bound_pointer_written_after", "", loop="\tk.shard = 3\n"),
        "it is written at line 36, where the calls may see the write",
    ),
    "decline_bound_pointer_literal_write": (  # reshard is defined before the statement, called after it
        _case("decline_bound_pointer_literal_write", "\treshard := func() { k.shard = 3 }\n", loop="\treshard()\n"),
        "it is written at line 27, where the calls may see the write",
    ),
}

LOOPED = (
    """package decline_bound_pointer_loop

import (
	"strconv"
	"sync"
)

"""
    + KEYER
    + """
// Keys binds the method value once per round; the second round reshards before its goroutine starts.
func Keys() string {
	k := keyer{prefix: "s/"}
	release := make(chan struct{})
	out := make([]string, 2)
	var wg sync.WaitGroup
	for i := range 2 {
		k.shard = 2 + i
		name := k.key
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[i] = name(3)
		}()
	}
	close(release)
	wg.Wait()
	return out[0] + "," + out[1]
}
"""
)

PACKAGE_VAR = (
    """package decline_bound_pointer_package

import (
	"strconv"
	"sync"
)

"""
    + KEYER
    + """
var k = keyer{prefix: "s/", shard: 2}

func reshard() { k.shard = 3 }

// Keys names ids through the package's keyer, resharded before the goroutines are released.
func Keys() string {
	release := make(chan struct{})
	out := make([]string, 2)
	var wg sync.WaitGroup
	name := k.key
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[i] = name(3 * i + 1)
		}()
	}
	reshard()
	close(release)
	wg.Wait()
	return out[0] + "," + out[1]
}
"""
)

GOTO = (
    """package decline_bound_pointer_goto

import (
	"strconv"
	"sync"
)

"""
    + KEYER
    + """
// Keys starts a goroutine per pass; the second pass reshards before both are released.
func Keys() string {
	k := keyer{prefix: "s/", shard: 1}
	release := make(chan struct{})
	out := make([]string, 2)
	var wg sync.WaitGroup
	n := 0
again:
	k.shard++
	name := k.key
	wg.Add(1)
	go func(i int) {
		defer wg.Done()
		<-release
		out[i] = name(3)
	}(n)
	if n++; n < 2 {
		goto again
	}
	close(release)
	wg.Wait()
	return out[0] + "," + out[1]
}
"""
)

RERUN = (
    """package decline_bound_pointer_rerun

import (
	"strconv"
	"sync"
)

"""
    + KEYER
    + """
// Keys starts a round per call of start, which reshards k before binding its method value: the second call's
// write reaches the first round's goroutine, released after both.
func Keys() string {
	k := keyer{prefix: "s/"}
	release := make(chan struct{})
	out := make([]string, 2)
	var wg sync.WaitGroup
	start := func(i int) {
		k.shard = 2 + i
		name := k.key
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[i] = name(3)
		}()
	}
	start(0)
	start(1)
	close(release)
	wg.Wait()
	return out[0] + "," + out[1]
}
"""
)

NAMED = (
    """package decline_bound_pointer_result

import "strconv"

"""
    + KEYER
    + """
// Keys binds a named result's method value; the return sets the result before the deferred release, so the
// goroutine names by the returned keyer.
func Keys() (got string) {
	bind(&got)
	return got
}

func bind(got *string) (k keyer) {
	release := make(chan struct{})
	done := make(chan string)
	name := k.key
	go func() {
		<-release
		done <- name(7)
	}()
	defer func() {
		close(release)
		*got = <-done
	}()
	return keyer{prefix: "r/", shard: 2}
}
"""
)

RANGED = (
    """package bound_pointer_range

import (
	"strconv"
	"sync"
)

"""
    + KEYER
    + """
// Keys names ids 0 and 3 by a keyer each, in goroutines released together: from go1.22 each pass has its own k.
func Keys() string {
	ks := []keyer{{prefix: "a/", shard: 2}, {prefix: "b/", shard: 4}}
	release := make(chan struct{})
	out := make([]string, len(ks))
	var wg sync.WaitGroup
	for i, k := range ks {
		name := k.key
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[i] = name(3 * i)
		}()
	}
	close(release)
	wg.Wait()
	return out[0] + "," + out[1]
}
"""
)

FIXES["bound_pointer_range"] = (RANGED, FIXES["bound_pointer_reads"][1], "{pkg}.Keys()")

DECLINES |= {
    "decline_bound_pointer_rerun": (
        RERUN,
        "it is written at line 29, and declared outside the func literal binding the method value",
    ),
    "decline_bound_pointer_result": (NAMED, "it is no local variable or parameter"),  # a return writes k
    "decline_bound_pointer_loop": (LOOPED, "it is written at line 28, where the calls may see the write"),
    "decline_bound_pointer_package": (PACKAGE_VAR, "it is no local variable or parameter"),
    "decline_bound_pointer_goto": (GOTO, "the function uses goto"),
}


def _naive(method: str):
    """The rewrite without the proof: a copy of k where the method value was, the calls through a copy of it."""

    def rewrite(source: str) -> str:
        source = source.replace(f"name := k.{method}", "nameRecv := k")
        source = source.replace("\t\tdefer wg.Done()\n", "\t\tnameRecv := nameRecv\n\t\tdefer wg.Done()\n")
        source = source.replace("\t\t\tdefer wg.Done()\n", "\t\t\tnameRecv := nameRecv\n\t\t\tdefer wg.Done()\n")
        return source.replace("name(", f"nameRecv.{method}(")

    return rewrite


NAIVE = {  # the copies count into themselves (0 calls, not 2), or name by the shard from before the write
    "decline_bound_pointer_counts": (_naive("count"), "{pkg}.Keys()"),
    "decline_bound_pointer_addressed": (_naive("key"), "{pkg}.Keys()"),
    "decline_bound_pointer_written_after": (_naive("key"), "{pkg}.Keys()"),
    "decline_bound_pointer_literal_write": (_naive("key"), "{pkg}.Keys()"),
    "decline_bound_pointer_loop": (_naive("key"), "{pkg}.Keys()"),
    "decline_bound_pointer_package": (_naive("key"), "{pkg}.Keys()"),
    "decline_bound_pointer_goto": (_naive("key"), "{pkg}.Keys()"),
    "decline_bound_pointer_rerun": (_naive("key"), "{pkg}.Keys()"),  # s/0,s/0 (both shard 3), not s/1,s/0
    "decline_bound_pointer_result": (_naive("key"), "{pkg}.Keys()"),  # the zero keyer's 0, not r/1
}

globals().update(case_suite("bound_pointers", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    rewritten = edited(FIXES[name][0], only_fix(proposed[name]))
    assert FIXES[name][1] in rewritten
    assert "\tnameRecv := k\n" in rewritten and "nameRecv.key(3 * i)" in rewritten
