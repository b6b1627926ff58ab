"""closure and a strided count: `wg.Add((n + step - 1) / step)` before `for lo := 0; lo < n; lo += step` counts
the loop's goroutines only while n + step - 1 cannot wrap. With step unbounded above (a parameter clamped only
from below, as the probe closure-buildtools' RunShards and HashChunked have it), `n = 4, step = math.MaxInt`
adds 0 while the loop starts one goroutine: Wait returns at once, and a later write reaches it. Declined, and
the naive copy shows it.

Tables as for conftest.case_suite: DECLINES (source, the reason), NAIVE (the rewrite a careless rule would make,
and a probe showing it changes what the code does).
"""

from __future__ import annotations

from conftest import case_suite

from gorewrite.rules import RULES

RULE = RULES["closure"]

DECLINES = {
    "decline_strided_wraps": (
        """package decline_strided_wraps

import (
	"strings"
	"sync"
)

// First tags the first name of each shard of step names, one goroutine a shard. Each waits to be released,
// which comes after the rename, and then stays (its Done never runs): with 4 names and step = math.MaxInt, n + step
// - 1 wraps and the Add counts
// no goroutine, Wait returns at once, and the goroutine reads the renamed tag.
func First(names []string, step int, tag string) string {
	if step <= 0 {
		step = 1
	}
	tag = strings.ToUpper(tag)
	firsts := make(chan string, 1)
	release := make(chan struct{})
	var wg sync.WaitGroup
	n := len(names)
	wg.Add((n + step - 1) / step)
	for lo := 0; lo < n; lo += step {
		go func() {
			defer wg.Done()
			<-release
			firsts <- tag + names[lo]
			select {}
		}()
	}
	wg.Wait()
	tag = "late"
	close(release)
	return <-firsts
}
""",
        "no wg.Add counts the goroutine",
    ),
}


def _copy_tag(source: str) -> str:
    return source.replace("\t\tgo func() {\n", "\t\ttag := tag\n\t\tgo func() {\n")


NAIVE = {"decline_strided_wraps": (_copy_tag, '{pkg}.First([]string{"a", "b", "c", "d"}, 1<<63-1, "t")')}

globals().update(case_suite("strided", RULE, {}, DECLINES, NAIVE, pinned=True))
