package money

import (
	"strconv"
	"sync"
)

// Ledger keeps the last rendered line for the status bar.
type Ledger struct {
	mu   sync.Mutex
	last []byte
}

// Render formats a ledger line and keeps it: the buffer is retained.
func (l *Ledger) Render(label string, cents int64) string {
	n := len(label) + 24
	if n > 128 {
		n = 128
	}
	line := make([]byte, 0, n)
	line = append(line, label...)
	line = append(line, ": "...)
	line = strconv.AppendInt(line, cents, 10)
	l.mu.Lock()
	l.last = line
	l.mu.Unlock()
	return string(line)
}

// Totals sums each account's postings concurrently; the goroutines fill the
// scratch slice the caller later reads.
func Totals(postings [][]int64) []int64 {
	if len(postings) > 16 {
		postings = postings[:16]
	}
	sums := make([]int64, len(postings))
	var wg sync.WaitGroup
	for i, p := range postings {
		wg.Add(1)
		go func(i int, p []int64) {
			defer wg.Done()
			for _, v := range p {
				sums[i] += v
			}
		}(i, p)
	}
	wg.Wait()
	out := make([]int64, len(sums))
	copy(out, sums)
	return out
}

// Digits renders the decimal digits of an amount's absolute value, least first.
func Digits(v int64) int {
	if v < 0 {
		v = -v
	}
	n := 1
	for x := v; x >= 10; x /= 10 {
		n++
	}
	ds := make([]byte, n)
	for i := range ds {
		ds[i] = byte('0' + v%10)
		v /= 10
	}
	sum := 0
	for _, d := range ds {
		sum += int(d - '0')
	}
	return sum
}
