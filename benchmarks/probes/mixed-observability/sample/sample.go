// Package sample decides which traces and log lines to keep.
package sample

import (
	"hash/fnv"
	"io"
	"strconv"
	"sync"
)

// Kinds of sampling decision.
type Decision int

const (
	Drop Decision = iota
	RecordOnly
	Keep
	numDecisions
)

const reservoirMax = 1 << 6

// Ratio keeps a trace when its id hashes below the ratio.
func Ratio(traceID string, ratio float64) bool {
	h := fnv.New64a()
	io.WriteString(h, traceID)
	return float64(h.Sum64()>>11)/float64(1<<53) < ratio
}

// Reservoir keeps k of the items uniformly, k at most reservoirMax, by a caller's random source; returns the kept bytes.
func Reservoir(items []string, k int, rnd func(int) int) int {
	if k > reservoirMax {
		k = reservoirMax
	}
	if k <= 0 {
		return 0
	}
	res := make([]string, 0, k)
	for i, it := range items {
		if len(res) < k {
			res = append(res, it)
		} else if j := rnd(i + 1); j < k {
			res[j] = it
		}
	}
	n := 0
	for _, r := range res {
		n += len(r)
	}
	return n
}

// Tally counts decisions per kind.
func Tally(ds []Decision) int {
	counts := make([]int, numDecisions)
	for _, d := range ds {
		if d >= 0 && d < numDecisions {
			counts[d]++
		}
	}
	return counts[Keep]
}

// Key renders a rate-limit key service:operation:bucket.
func Key(service, op string, bucket int64) string {
	b := make([]byte, 0, 48)
	b = append(b, service...)
	b = append(b, ':')
	b = append(b, op...)
	b = append(b, ':')
	b = strconv.AppendInt(b, bucket, 10)
	return string(b)
}

// Decide decides every trace concurrently with one rule set; the ratio is logged after the wait.
func Decide(ids []string, ratio float64) ([]Decision, float64) {
	out := make([]Decision, len(ids))
	var wg sync.WaitGroup
	wg.Add(len(ids))
	for i, id := range ids {
		go func() {
			defer wg.Done()
			if Ratio(id, ratio) {
				out[i] = Keep
			}
		}()
	}
	wg.Wait()
	ratio = ratio * 100
	return out, ratio
}

// Adaptive starts a decider per trace, then halves the ratio for a large batch before releasing them:
// every decider must read the halved ratio, so it must not be copied.
func Adaptive(ids []string, ratio float64) int {
	start := make(chan struct{})
	kept := make(chan bool, len(ids))
	for _, id := range ids {
		go func() {
			<-start
			kept <- Ratio(id, ratio)
		}()
	}
	if len(ids) > 1000 {
		ratio /= 2
	}
	close(start)
	n := 0
	for range ids {
		if <-kept {
			n++
		}
	}
	return n
}
