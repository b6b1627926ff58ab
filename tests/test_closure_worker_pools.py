"""closure and a worker pool fanned in per item (worker_pools.py): workers `for it := range work { …; res <- v }`,
the send last, a loop that sends on work at most once an iteration and runs once, and a later loop as long
receiving from res once an iteration: its receives pair with one send of every item's iteration, so a write
after it follows every worker's reads and the variable may stay off the heap.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain), DECLINES (source, the
reason), NAIVE (the copy a careless rule would insert, and a call showing it changes what the code does), ALLOCS.
The declines share one shape (`pool`): a worker adds x*k for each item, one above 1 only once `gate` closes,
after `k = 10`; each varies one premise of the proof so that an item is answered after the write (original
21 = 1*1 + 2*10, or 20 or 30), where the naive copy of k reads 1.
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "worker_pool_feeder": (  # three workers, a feeding goroutine, a range loop as long receiving
        """package worker_pool_feeder

// Score scores each item on a pool of workers, then doubles the weight for the next batch.
func Score(items []int, weight int) (int, int) {
	work := make(chan int)
	res := make(chan int)
	for w := 0; w < 3; w++ {
		go func() {
			for it := range work {
				res <- it * weight
			}
		}()
	}
	go func() {
		for _, it := range items {
			work <- it
		}
		close(work)
	}()
	total := 0
	for range items {
		total += <-res
	}
	weight *= 2
	return total, weight
}
""",
        "\t\t{\n\t\tweight := weight // captured by value: keeps weight off the heap\n\t\tgo func() {",
    ),
    "worker_pool_inline": (  # buffered channels fed in the function, a counted loop receiving
        """package worker_pool_inline

// Squares sums the squares of xs scaled by unit on two workers, then resets unit.
func Squares(xs []int, unit int) (int, int) {
	work := make(chan int, len(xs))
	res := make(chan int, len(xs))
	for range 2 {
		go func() {
			for x := range work {
				v := x * x
				res <- v * unit
			}
		}()
	}
	for _, x := range xs {
		work <- x
	}
	close(work)
	sum := 0
	for i := 0; i < len(xs); i++ {
		sum += <-res
	}
	unit = 1
	return sum, unit
}
""",
        "\t\t{\n\t\tunit := unit // captured by value: keeps unit off the heap\n\t\tgo func() {",
    ),
    "worker_pool_fast_path": (  # a receive outside any loop first (one item's fast path), then the counted loop
        """package worker_pool_fast_path

// Total scales each item on two workers; a single item's answer is returned at once, else the weight doubles.
func Total(items []int, weight int) (int, int) {
	work := make(chan int, len(items))
	res := make(chan int, len(items))
	for range 2 {
		go func() {
			for it := range work {
				res <- it * weight
			}
		}()
	}
	for _, it := range items {
		work <- it
	}
	close(work)
	if len(items) == 1 {
		return <-res, weight
	}
	total := 0
	for range items {
		total += <-res
	}
	weight *= 2
	return total, weight
}
""",
        "\t\t{\n\t\tweight := weight // captured by value: keeps weight off the heap\n\t\tgo func() {",
    ),
    "worker_pool_self_fed": (  # one worker queueing the items itself on a channel it makes, then answering each
        """package worker_pool_self_fed

// Score scores items on one worker that queues them itself, then doubles the weight.
func Score(items []int, weight int) (int, int) {
	res := make(chan int)
	go func() {
		work := make(chan int, len(items))
		for _, it := range items {
			work <- it
		}
		close(work)
		for it := range work {
			res <- it * weight
		}
	}()
	total := 0
	for range items {
		total += <-res
	}
	weight *= 2
	return total, weight
}
""",
        "\t{\n\tweight := weight // captured by value: keeps weight off the heap\n\tgo func() {",
    ),
}

WORKER = """	go func() {
		sum := 0
		for x := range work {
			if x > 1 {
				<-gate
			}
			sum += x * k
			res <- x
		}
		mu.Lock()
		got = sum
		mu.Unlock()
	}()
"""
FEED = "\tfor _, x := range xs {\n\t\twork <- x\n\t}\n"
RECEIVE = "\tfor range xs {\n\t\t<-res\n\t}\n"
# The worker publishes its total under mu, no signal of the kinds signals.py knows: only worker_pools.py may prove.
POLL = (
    "\tfor {\n\t\tmu.Lock()\n\t\tg := got\n\t\tmu.Unlock()\n\t\tif g != 0 {\n\t\t\treturn g\n\t\t}\n"
    "\t\truntime.Gosched()\n\t}\n}\n"
)
RES = "\tres := make(chan int, 8)\n"
TAIL = "\tk = 10\n\tclose(gate)\n\tclose(work)\n" + POLL

# A feeding goroutine's body: round r > 0 sends only once gate is open, after k = 10; the tail takes that answer.
LATE_FEED = "\t\t\tif r > 0 {\n\t\t\t\t<-gate\n\t\t\t}\n\t\t\tfor _, x := range xs {\n\t\t\t\twork <- x + r\n\t\t\t}\n"
ANSWERED_TAIL = "\tk = 10\n\tclose(gate)\n\t<-res\n\tclose(work)\n" + POLL


def pool(name: str, feed: str = FEED, receive: str = RECEIVE, worker: str = WORKER, **parts: str) -> str:
    """The declines' shape: `Sum(xs)` feeds xs to a worker, receives, raises k, then lets gated items through
    and polls for the worker's total."""
    return (
        f'package {name}\n\nimport (\n\t"runtime"\n\t"sync"\n)\n\n// Sum feeds xs to a worker adding x*k; k grows '
        f"once the answers are in.\nfunc Sum(xs []int{parts.get('params', '')}) int {{\n\tk := 1\n"
        f"\twork := make(chan int, 8)\n{parts.get('res', RES)}\tgate := make(chan struct{{}})\n"
        f"\tvar mu sync.Mutex\n\tgot := 0\n{worker}{feed}{receive}{parts.get('tail', TAIL)}{parts.get('after', '')}"
    )


DECLINES = {
    "decline_worker_pool_reads_after_loop": (  # the worker reads k in the range and once it ends, after close(work)
        pool(
            "decline_worker_pool_reads_after_loop",
            worker="\tgo func() {\n\t\tsum := 0\n\t\tfor x := range work {\n\t\t\tsum += x * k\n\t\t\tres <- x\n"
            "\t\t}\n\t\tsum *= k\n\t\tmu.Lock()\n\t\tgot = sum\n\t\tmu.Unlock()\n\t}()\n",
        ),
        "does not call wg.Done(), send on or close a channel as its last statement",
    ),
    "decline_worker_pool_reads_after_send": (  # the iteration reads k after its answer
        pool(
            "decline_worker_pool_reads_after_send",
            worker="\tgo func() {\n\t\tsum := 0\n\t\tfor x := range work {\n\t\t\tres <- x\n\t\t\t<-gate\n"
            "\t\t\tsum += x * k\n\t\t}\n\t\tmu.Lock()\n\t\tgot = sum\n\t\tmu.Unlock()\n\t}()\n",
        ),
        "does not call wg.Done(), send on or close a channel as its last statement",
    ),
    "decline_worker_pool_literal": (  # a literal made in the iteration reads k when called, after the loop
        pool(
            "decline_worker_pool_literal",
            worker="\tgo func() {\n\t\tvar late []func() int\n\t\tfor x := range work {\n"
            "\t\t\tlate = append(late, func() int { return x * k })\n\t\t\tres <- x\n\t\t}\n\t\tsum := 0\n"
            "\t\tfor _, f := range late {\n\t\t\tsum += f()\n\t\t}\n\t\tmu.Lock()\n\t\tgot = sum\n"
            "\t\tmu.Unlock()\n\t}()\n",
        ),
        "does not call wg.Done(), send on or close a channel as its last statement",
    ),
    "decline_worker_pool_shared_results": (  # res is the caller's, an answer already in it
        pool(
            "decline_worker_pool_shared_results",
            params=", res chan int",
            res="",
            after="\n// Run hands Sum a result channel holding an answer already.\nfunc Run(xs []int) int {\n"
            "\tres := make(chan int, 8)\n\tres <- 0\n\treturn Sum(xs, res)\n}\n",
        ),
        "res is not a channel the function makes",
    ),
    "decline_worker_pool_aliased_results": (  # res names the caller's channel, made elsewhere
        pool(
            "decline_worker_pool_aliased_results",
            params=", shared chan int",
            res="\tres := shared\n",
            after="\n// Run hands Sum a result channel holding an answer already.\nfunc Run(xs []int) int {\n"
            "\tres := make(chan int, 8)\n\tres <- 0\n\treturn Sum(xs, res)\n}\n",
        ),
        "res is not a channel the function makes",
    ),
    "decline_worker_pool_outer_channels": (  # the pool runs in a literal; work and res are its caller's, used before
        'package decline_worker_pool_outer_channels\n\nimport (\n\t"runtime"\n\t"sync"\n)\n\n'
        "// Sum runs a pool over xs in a literal sharing the function's channels, one item and one answer already in.\n"
        "func Sum(xs []int) int {\n\twork := make(chan int, 8)\n\tres := make(chan int, 8)\n"
        "\tgate := make(chan struct{})\n\tvar mu sync.Mutex\n\tgot := 0\n\trun := func() {\n\t\tk := 1\n"
        + "".join("\t" + line + "\n" for line in (WORKER + FEED + RECEIVE).splitlines())
        + "\t\tk = 10\n\t\tclose(gate)\n\t}\n\twork <- 2\n\tres <- 0\n\trun()\n\tclose(work)\n"
        + POLL,
        "work is not a channel the function makes",
    ),
    "decline_worker_pool_two_sends": (  # two items an iteration
        pool("decline_worker_pool_two_sends", feed="\tfor _, x := range xs {\n\t\twork <- x\n\t\twork <- x + 1\n\t}\n"),
        "work is sent on more than once",
    ),
    "decline_worker_pool_work_passed": (  # a helper feeds one more item
        pool(
            "decline_worker_pool_work_passed",
            feed=FEED + "\textra(work)\n",
            after="\nfunc extra(work chan int) { work <- 2 }\n",
        ),
        "or used other than to send, receive or close",
    ),
    "decline_worker_pool_second_sender": (  # a heartbeat answers first
        pool("decline_worker_pool_second_sender", feed="\tgo func() { res <- 0 }()\n" + FEED),
        "res is used other than by the worker's one send and receives",
    ),
    "decline_worker_pool_fed_twice": (  # the feeding loop runs twice
        pool(
            "decline_worker_pool_fed_twice",
            feed="\tfor r := 0; r < 2; r++ {\n\t\tfor _, x := range xs {\n\t\t\twork <- x + r\n\t\t}\n\t}\n",
        ),
        "the send on the work channel is not in one loop of its own, run once",
    ),
    "decline_worker_pool_feeder_called_twice": (  # a literal feeds, called twice
        pool(
            "decline_worker_pool_feeder_called_twice",
            feed="\tn := 0\n\tfeed := func() {\n\t\tfor _, x := range xs {\n\t\t\tn++\n\t\t\twork <- x * n\n\t\t}\n"
            "\t}\n\tfeed()\n\tfeed()\n",
        ),
        "neither in the function nor a goroutine it starts",
    ),
    "decline_worker_pool_feeder_in_loop": (  # the feeding goroutine started twice: round two's item comes after k = 10
        pool(
            "decline_worker_pool_feeder_in_loop",
            feed="\tfor r := 0; r < 2; r++ {\n\t\tgo func(r int) {\n" + LATE_FEED + "\t\t}(r)\n\t}\n",
            tail=ANSWERED_TAIL,
        ),
        "the goroutine feeding the work channel may start more than once",
    ),
    "decline_worker_pool_feeder_started_twice": (  # a literal starting the feeding goroutine, called twice
        pool(
            "decline_worker_pool_feeder_started_twice",
            feed="\tfeed := func(r int) {\n\t\tgo func() {\n" + LATE_FEED + "\t\t}()\n\t}\n\tfeed(0)\n\tfeed(1)\n",
            tail=ANSWERED_TAIL,
        ),
        "the goroutine feeding the work channel may start more than once",
    ),
    "decline_worker_pool_feeder_goto": (  # the feeding goroutine's goto runs its loop again, once k = 10
        pool(
            "decline_worker_pool_feeder_goto",
            feed="\tgo func() {\n\t\tr := 0\n\tagain:\n\t\tfor _, x := range xs {\n\t\t\twork <- x + r\n\t\t}\n"
            "\t\tif r == 0 {\n\t\t\tr = 1\n\t\t\t<-gate\n\t\t\tgoto again\n\t\t}\n\t}()\n",
            tail=ANSWERED_TAIL,
        ),
        "a goto in the goroutine feeding the work channel",
    ),
    "decline_worker_pool_rounds": (  # fed by a goroutine and drained once a round: round two reads the raised k
        pool(
            "decline_worker_pool_rounds",
            feed="\tfor round := 0; round < 2; round++ {\n\t\tgo func() {\n\t\t\tfor _, x := range xs {\n"
            "\t\t\t\twork <- x\n\t\t\t}\n\t\t}()\n\t\tfor range xs {\n\t\t\t<-res\n\t\t}\n\t\tk *= 10\n\t}\n",
            receive="",
            tail="\tclose(gate)\n\tclose(work)\n" + POLL,
        ),
        "the goroutine feeding the work channel may start more than once",
    ),
    "decline_worker_pool_receive_break": (  # the receiving loop breaks after the first answer
        pool(
            "decline_worker_pool_receive_break",
            receive="\tfor range xs {\n\t\tif <-res == 1 {\n\t\t\tbreak\n\t\t}\n\t}\n",
        ),
        "can be left or continued before its receive",
    ),
    "decline_worker_pool_receive_continue": (  # the first iteration skips its receive
        pool(
            "decline_worker_pool_receive_continue",
            receive="\tfor i := range xs {\n\t\tif i == 0 {\n\t\t\tcontinue\n\t\t}\n\t\t<-res\n\t}\n",
        ),
        "can be left or continued before its receive",
    ),
    "decline_worker_pool_short_receive": (  # one answer fewer than items
        pool("decline_worker_pool_short_receive", receive="\tfor range xs[1:] {\n\t\t<-res\n\t}\n"),
        "is not proven to run as often as the feeder",
    ),
    "decline_worker_pool_receive_in_if": (  # the receive only for small items
        pool(
            "decline_worker_pool_receive_in_if",
            receive="\tfor _, x := range xs {\n\t\tif x < 2 {\n\t\t\t<-res\n\t\t}\n\t}\n",
        ),
        "is not a statement's of a loop's own body",
    ),
    "decline_worker_pool_feeder_late": (  # the feeding goroutine ranges over xs only after xs changes
        pool(
            "decline_worker_pool_feeder_late",
            feed="\tstart := make(chan struct{})\n\tgo func() {\n\t\t<-start\n\t\tfor _, x := range xs {\n"
            "\t\t\twork <- x\n\t\t}\n\t\tclose(work)\n\t}()\n",
            tail="\tk = 10\n\txs = []int{2}\n\tclose(start)\n\tclose(gate)\n" + POLL,
        ),
        "its count may change after the goroutine feeding it starts",
    ),
}


def copy_k(source: str) -> str:
    """The naive rewrite: k copied in a block around the worker's go statement, with no proof."""
    start = source.index("\tgo func() {\n")
    end = source.index("\n\t}()\n", start) + len("\n\t}()\n")
    return source[:start] + "\t{\n\tk := k\n" + source[start:end] + "\t}\n" + source[end:]


CALLS = {
    "decline_worker_pool_reads_after_send": "fmt.Sprint({pkg}.Sum([]int{1}))",
    "decline_worker_pool_shared_results": "fmt.Sprint({pkg}.Run([]int{2}))",
    "decline_worker_pool_aliased_results": "fmt.Sprint({pkg}.Run([]int{2}))",
    "decline_worker_pool_two_sends": "fmt.Sprint({pkg}.Sum([]int{1}))",
    "decline_worker_pool_work_passed": "fmt.Sprint({pkg}.Sum([]int{1}))",
    "decline_worker_pool_second_sender": "fmt.Sprint({pkg}.Sum([]int{2}))",
    "decline_worker_pool_fed_twice": "fmt.Sprint({pkg}.Sum([]int{1}))",
    "decline_worker_pool_feeder_called_twice": "fmt.Sprint({pkg}.Sum([]int{1}))",
    "decline_worker_pool_rounds": "fmt.Sprint({pkg}.Sum([]int{1}))",
    "decline_worker_pool_feeder_in_loop": "fmt.Sprint({pkg}.Sum([]int{1}))",
    "decline_worker_pool_feeder_goto": "fmt.Sprint({pkg}.Sum([]int{1}))",
    "decline_worker_pool_feeder_started_twice": "fmt.Sprint({pkg}.Sum([]int{1}))",
    "decline_worker_pool_feeder_late": "fmt.Sprint({pkg}.Sum(nil))",
}
NAIVE = {name: (copy_k, CALLS.get(name, "fmt.Sprint({pkg}.Sum([]int{1, 2}))")) for name in DECLINES}


def copy_k_before(source: str) -> str:
    """The naive rewrite of a worker indented twice: k copied before its go statement, the literal reading the copy."""
    return source.replace("\t\tgo func() {\n", "\t\tkk := k\n\t\tgo func() {\n\t\t\tk := kk\n", 1)


NAIVE["decline_worker_pool_outer_channels"] = (copy_k_before, "fmt.Sprint({pkg}.Sum([]int{1}))")

ALLOCS = {
    "worker_pool_feeder": "fmt.Sprint({pkg}.Score([]int{1, 2, 3}, 2))",
    # its workers may still be ranging when Squares returns: whether they exit before the next run decides whether
    # that run's goroutines reuse them or allocate (7 or 6 before, 6 or 5 after); yielding once lets them exit
    "worker_pool_inline": "fmt.Sprint(func() (int, int) {"
    + " defer runtime.Gosched(); return {pkg}.Squares([]int{1, 2, 3}, 2) }())",
    "worker_pool_self_fed": "fmt.Sprint({pkg}.Score([]int{1, 2, 3}, 2))",
    "worker_pool_fast_path": None,  # its workers may still be exiting when the next run starts: noisy counts
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("workerpools", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
