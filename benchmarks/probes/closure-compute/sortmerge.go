package compute

import (
	"cmp"
	"slices"
	"sync"
)

// merge merges two sorted runs into dst, which has room for both.
func merge(dst, a, b []int) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if a[i] <= b[j] {
			dst[k] = a[i]
			i++
		} else {
			dst[k] = b[j]
			j++
		}
		k++
	}
	k += copy(dst[k:], a[i:])
	copy(dst[k:], b[j:])
}

// ParallelSort sorts xs by sorting halves concurrently down to cutoff and merging.
func ParallelSort(xs []int, cutoff int) {
	if len(xs) <= cutoff {
		slices.Sort(xs)
		return
	}
	mid := len(xs) / 2
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ParallelSort(xs[:mid], cutoff)
	}()
	ParallelSort(xs[mid:], cutoff)
	wg.Wait()
	tmp := make([]int, len(xs))
	merge(tmp, xs[:mid], xs[mid:])
	copy(xs, tmp)
}

// SortRuns sorts chunks of xs concurrently and then merges the runs pairwise, round by
// round, until one run is left.
func SortRuns(xs []int, chunks int) []int {
	size := (len(xs) + chunks - 1) / chunks
	var runs [][]int
	for lo := 0; lo < len(xs); lo += size {
		runs = append(runs, xs[lo:min(lo+size, len(xs))])
	}
	var wg sync.WaitGroup
	for _, r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slices.Sort(r)
		}()
	}
	wg.Wait()
	for len(runs) > 1 {
		next := make([][]int, (len(runs)+1)/2)
		for i := 0; i < len(runs); i += 2 {
			if i+1 == len(runs) {
				next[i/2] = runs[i]
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				dst := make([]int, len(runs[i])+len(runs[i+1]))
				merge(dst, runs[i], runs[i+1])
				next[i/2] = dst
			}()
		}
		wg.Wait()
		runs = next
	}
	if len(runs) == 0 {
		return nil
	}
	return runs[0]
}

// SortBy sorts records by key concurrently in chunks, then merges them with a heap-free
// k-way merge; desc flips the order.
func SortBy[T any](recs []T, key func(T) int, chunks int, desc bool) []T {
	size := max(1, (len(recs)+chunks-1)/chunks)
	runs := make([][]T, 0, chunks)
	for lo := 0; lo < len(recs); lo += size {
		runs = append(runs, recs[lo:min(lo+size, len(recs))])
	}
	compare := func(a, b T) int {
		if desc {
			return cmp.Compare(key(b), key(a))
		}
		return cmp.Compare(key(a), key(b))
	}
	var wg sync.WaitGroup
	for _, r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slices.SortFunc(r, compare)
		}()
	}
	wg.Wait()
	out := make([]T, 0, len(recs))
	pos := make([]int, len(runs))
	for len(out) < len(recs) {
		best := -1
		for i, r := range runs {
			if pos[i] < len(r) && (best < 0 || compare(r[pos[i]], runs[best][pos[best]]) < 0) {
				best = i
			}
		}
		out = append(out, runs[best][pos[best]])
		pos[best]++
	}
	return out
}
