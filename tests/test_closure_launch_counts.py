"""closure and a fan-in whose receive loop runs as many times as a counter of the goroutines started:
`n++; go func() {…}()` in a loop whose own trip count is unknown (a range over a map, a `continue`), then `for i
:= 0; i < n; i++ { <-ch }`, `range n` or `for ; n > 0; n-- { <-ch }` (launch_counts.py). n starts at a
non-negative constant and only ever grows, by `n++` statements of the function's own code each followed by its go
statement with nothing between that can jump, so the loop receives at least once per goroutine.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the rewrite a careless rule would make, and a probe showing it changes
what the code does).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "launch_count_scores": (  # the probe's ScoreAll: a map of payments, the threshold raised after the gather
        """package launch_count_scores

import "sort"

// Flag starts a check per payment of the map and counts them; the threshold is raised after the gather.
func Flag(amounts map[string]int, threshold int) ([]string, int) {
	ch := make(chan string)
	n := 0
	for id, amount := range amounts {
		n++ // one check per payment
		go func() {
			if amount < threshold {
				ch <- ""
				return
			}
			ch <- id
		}()
	}
	var flagged []string
	for i := 0; i < n; i++ {
		if id := <-ch; id != "" {
			flagged = append(flagged, id)
		}
	}
	threshold += 5
	sort.Strings(flagged)
	return flagged, threshold
}
""",
        "threshold := threshold // captured by value: keeps threshold off the heap",
        'fmt.Sprint({pkg}.Flag(map[string]int{"a": 10, "b": 70, "c": 90}, 50))',
    ),
    "launch_count_countdown": (  # the probe's FanOutEndpoints: skipped items, the counter counted down
        """package launch_count_countdown

import "strings"

// Send posts the body to every endpoint subscribed to kind; the body is dropped after.
func Send(subs map[string]string, kind string, body string) (int, string) {
	ch := make(chan int)
	var sent int
	for url, kinds := range subs {
		if !strings.Contains(kinds, kind) {
			continue
		}
		sent++
		go func() { ch <- len(url) + len(body) }()
	}
	total := 0
	for ; sent > 0; sent-- {
		total += <-ch
	}
	body = ""
	return total, body
}
""",
        "body := body // captured by value: keeps body off the heap",
        'fmt.Sprint({pkg}.Send(map[string]string{"ab": "paid", "c": "refund", "def": "paid,refund"}, "paid", "xy"))',
    ),
}

GATHER = """package {name}

import "strings"

{helper}// Gather starts a producer per non-empty name, counting them; "held" waits to be released. {what}, so the
// receive loop ends before "held" sent: it reads the tag once released, after the rename.
func Gather(names []string, tag string) string {{
	tag = strings.ToUpper(tag)
	res := make(chan string, len(names))
	release := make(chan struct{{}})
	{decl}
	for _, name := range names {{
		if name == "" {{
			continue
		}}
		{start}
	}}
	{receive} {{
		<-res
	}}
	tag = "late"
	close(release)
	last := ""
	for !strings.HasSuffix(last, "held") {{
		last = <-res
	}}
	return last
}}
"""

GO = """go func() {
			if name == "held" {
				<-release
			}
			res <- tag + name
		}()"""

NAMES = """func Names(k int) []string {
	out := []string{"held"}
	for len(out) < k {
		out = append(out, "n")
	}
	return out
}

"""


def gather(name: str, what: str, decl: str, start: str, receive: str, helper: str = "") -> str:
    return GATHER.format(name=name, what=what, decl=decl, start=start, receive=receive, helper=helper)


COUNTED = "n++\n\t\t" + GO
FOR_N = "for i := 0; i < n; i++"
UNKNOWN = "is not proven to run as many times as the loop starting the goroutines"

DECLINES = {
    "decline_launch_count_small": (  # an int8 counter wraps: 257 producers count as 1
        gather("decline_launch_count_small", "The int8 counter wraps", "var n int8", COUNTED, "for range n", NAMES),
        UNKNOWN,
    ),
    "decline_launch_count_address": (  # the counter handed to a helper that takes the held producer off
        gather(
            "decline_launch_count_address",
            "A helper takes the held producer off the count",
            "n := 0",
            COUNTED,
            "uncount(&n)\n\t" + FOR_N,
            "func uncount(n *int) { *n-- }\n\n",
        ),
        UNKNOWN,
    ),
    "decline_launch_count_negative": (  # the count starts at -1
        gather("decline_launch_count_negative", "The count starts at -1", "n := -1", COUNTED, FOR_N),
        UNKNOWN,
    ),
    "decline_launch_count_decremented": (  # a decrement after the loop
        gather("decline_launch_count_decremented", "The count is lowered after", "n := 0", COUNTED, "n--\n\t" + FOR_N),
        UNKNOWN,
    ),
    "decline_launch_count_other_go": (  # the one increment counts an audit goroutine before the loop
        gather(
            "decline_launch_count_other_go",
            "Only the audit is counted",
            'n := 0\n\tn++\n\tgo audit("all")',
            GO,
            FOR_N,
            "func audit(string) {}\n\n",
        ),
        UNKNOWN,
    ),
    "decline_launch_count_lowered": (  # a decrement right before a go statement is no count of it
        gather(
            "decline_launch_count_lowered",
            "The held producer is taken off before an audit",
            "n := 0",
            COUNTED,
            'n--\n\tgo audit("rest")\n\t' + FOR_N,
            "func audit(string) {}\n\n",
        ),
        UNKNOWN,
    ),
    "decline_launch_count_unpaired": (  # increments of no goroutine wrap an int32 around
        gather(
            "decline_launch_count_unpaired",
            "Skipped increments wrap the int32 count",
            "var n int32\n\tfor range skip {\n\t\tn++\n\t}",
            COUNTED,
            FOR_N.replace("i := 0", "i := int32(0)"),
        ).replace("tag string) string", "tag string, skip int) string"),
        UNKNOWN,
    ),
    "decline_launch_count_parameter": (  # a counter the caller starts
        gather("decline_launch_count_parameter", "The caller starts the count", "", COUNTED, FOR_N).replace(
            "tag string) string", "tag string, n int) string"
        ),
        UNKNOWN,
    ),
    "decline_launch_count_countdown_one": (  # counted down to 1, not 0
        gather("decline_launch_count_countdown_one", "The countdown stops at 1", "n := 0", COUNTED, "for ; n > 1; n--"),
        UNKNOWN,
    ),
    "decline_launch_count_countdown_less": (  # `n < 0`: the countdown never runs
        gather(
            "decline_launch_count_countdown_less",
            "The countdown's test is reversed",
            "n := 0",
            COUNTED,
            "for ; n < 0; n--",
        ),
        UNKNOWN,
    ),
}


def _copy_tag(source: str) -> str:
    return source.replace("\t\tgo func() {\n", "\t\ttag := tag\n\t\tgo func() {\n")


NAIVE = {name: (_copy_tag, 'fmt.Sprint({pkg}.Gather([]string{"a", "", "b", "held"}, "t"))') for name in DECLINES}
NAIVE["decline_launch_count_unpaired"] = (
    _copy_tag,
    'fmt.Sprint({pkg}.Gather([]string{"a", "", "b", "held"}, "t", 1<<32-1))',
)
NAIVE["decline_launch_count_parameter"] = (
    _copy_tag,
    'fmt.Sprint({pkg}.Gather([]string{"a", "", "b", "held"}, "t", -1))',
)
NAIVE["decline_launch_count_small"] = (_copy_tag, 'fmt.Sprint({pkg}.Gather({pkg}.Names(257), "t"))')

# A counter a func literal increments races with the function's own increments: a lost update counts one
# goroutine fewer, which no run shows reliably, so this decline has no naive probe.
DECLINES["decline_launch_count_literal"] = (
    gather(
        "decline_launch_count_literal",
        "A literal counts the starts",
        "n := 0",
        "start := func() {\n\t\t\tn++\n\t\t\tgo audit(name)\n\t\t}\n\t\tstart()\n\t\t" + COUNTED,
        FOR_N,
        "func audit(string) {}\n\n",
    ),
    UNKNOWN,
)

globals().update(case_suite("launchcounts", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
