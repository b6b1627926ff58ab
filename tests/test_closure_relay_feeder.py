"""closure and a pipeline's feeder that is its closer too: `go func() { for _, j := range items { jobs <- j };
close(jobs); wg.Wait(); close(errs) }()`, with the function draining `for err := range errs`. The feeding runs
before the wait and only delays it; a return or panic there skips the close, so the drain never ends and the write
after it never comes. So the helper's wait, right before its signal, passes the workers' Done on (relay.py) as a
helper of the wait alone does. A deferred close is run by any return: there the helper must still be the wait alone.

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
    "relay_feeder_deliver": (  # the probe's DeliverAll: workers over jobs, a feeder that closes errs after the wait
        """package relay_feeder_deliver

import (
	"errors"
	"strings"
	"sync"
)

// Deliver signs and sends every event with a pool of workers; the secret is rotated after the drain.
func Deliver(events []string, workers int, secret string) (int, string) {
	jobs := make(chan string)
	errs := make(chan error)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ev := range jobs {
				if strings.HasPrefix(ev, "down") {
					errs <- errors.New(secret + ev)
				}
			}
		}()
	}
	go func() {
		for _, ev := range events {
			jobs <- ev
		}
		close(jobs)
		wg.Wait()
		close(errs)
	}()
	failed := 0
	for err := range errs {
		failed += len(err.Error())
	}
	secret += "'"
	return failed, secret
}
""",
        "secret := secret // captured by value: keeps secret off the heap",
        'fmt.Sprint({pkg}.Deliver([]string{"a", "down1", "b"}, 2, "s"))',
    ),
}

DECLINES = {
    "decline_relay_feeder_deferred": (  # the deferred close runs on the feeder's early return, before the wait
        """package decline_relay_feeder_deferred

import "sync"

// Tag feeds the ids to two taggers until an empty one; the feeder's deferred close ends the drain at once
// then, so the prefix is renamed while a tagger still holds a job: it reads the new prefix once the gate opens.
func Tag(ids []string) string {
	prefix := "old:"
	jobs := make(chan string)
	errs := make(chan error)
	gate := make(chan struct{})
	got := make(chan string, len(ids))
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				<-gate
				got <- prefix + id
			}
		}()
	}
	go func() {
		defer close(errs)
		for _, id := range ids {
			if id == "" {
				return
			}
			jobs <- id
		}
		close(jobs)
		wg.Wait()
	}()
	for range errs {
	}
	prefix = "new:"
	close(gate)
	return <-got
}
""",
        "wg is used other than by this goroutine's one signal and the function's wait",
    ),
}


def _copy_prefix(source: str) -> str:
    return source.replace("\t\twg.Add(1)\n\t\tgo func() {\n", "\t\twg.Add(1)\n\t\tprefix := prefix\n\t\tgo func() {\n")


NAIVE = {"decline_relay_feeder_deferred": (_copy_prefix, '{pkg}.Tag([]string{"a", ""})')}

globals().update(case_suite("relayfeeder", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
