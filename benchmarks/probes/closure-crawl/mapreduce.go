package crawl

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/sync/errgroup"
)

// WordCount counts words over files: one mapper per file into its own map, merged
// after every mapper is done.
func WordCount(files []string, lower bool) (map[string]int, error) {
	partials := make([]map[string]int, len(files))
	g := new(errgroup.Group)
	for i, name := range files {
		g.Go(func() error {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close()
			m := map[string]int{}
			sc := bufio.NewScanner(f)
			sc.Split(bufio.ScanWords)
			for sc.Scan() {
				w := sc.Text()
				if lower {
					w = strings.ToLower(w)
				}
				m[w]++
			}
			partials[i] = m
			return sc.Err()
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	total := map[string]int{}
	for _, m := range partials {
		for w, n := range m {
			total[w] += n
		}
	}
	return total, nil
}

// TopWords returns the n most frequent words of counts in a sharded parallel sort.
func TopWords(counts map[string]int, n, shards int) []string {
	if shards < 1 {
		shards = 1
	}
	buckets := make([][]string, shards)
	i := 0
	for w := range counts {
		buckets[i%shards] = append(buckets[i%shards], w)
		i++
	}
	less := func(a, b string) bool {
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return a < b
	}
	var wg sync.WaitGroup
	for s := range buckets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sort.Slice(buckets[s], func(x, y int) bool { return less(buckets[s][x], buckets[s][y]) })
			if len(buckets[s]) > n {
				buckets[s] = buckets[s][:n]
			}
		}()
	}
	wg.Wait()
	var all []string
	for _, b := range buckets {
		all = append(all, b...)
	}
	sort.Slice(all, func(x, y int) bool { return less(all[x], all[y]) })
	return all[:min(n, len(all))]
}

// MapReduce runs mapper over inputs with workers goroutines and folds the pairs
// with reduce.
func MapReduce[K comparable, V any](inputs []string, workers int, mapper func(string) map[K]V, reduce func(V, V) V) map[K]V {
	if workers < 1 {
		workers = 2
	}
	in := make(chan string)
	outs := make(chan map[K]V)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range in {
				outs <- mapper(s)
			}
		}()
	}
	go func() {
		for _, s := range inputs {
			in <- s
		}
		close(in)
		wg.Wait()
		close(outs)
	}()
	result := map[K]V{}
	for m := range outs {
		for k, v := range m {
			if old, ok := result[k]; ok {
				v = reduce(old, v)
			}
			result[k] = v
		}
	}
	return result
}

// ShardSum adds xs in shards goroutines, each writing its own slot.
func ShardSum(xs []float64, shards int) float64 {
	shards = max(1, min(shards, len(xs)))
	chunk := (len(xs) + shards - 1) / shards
	sums := make([]float64, shards)
	var wg sync.WaitGroup
	for s := 0; s < shards; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, x := range xs[min(s*chunk, len(xs)):min((s+1)*chunk, len(xs))] {
				sums[s] += x
			}
		}()
	}
	wg.Wait()
	total := 0.0
	for _, s := range sums {
		total += s
	}
	return total
}

// Tokens splits every document in parallel on separators chosen by the caller.
func Tokens(docs []string, extra string) [][]string {
	seps := " \t\n"
	if extra != "" {
		seps += extra
	}
	out := make([][]string, len(docs))
	var wg sync.WaitGroup
	for i, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = strings.FieldsFunc(d, func(r rune) bool {
				return strings.ContainsRune(seps, r) || unicode.IsPunct(r)
			})
		}()
	}
	wg.Wait()
	return out
}

// LongestLine finds the longest line over files; each goroutine updates the
// shared best under a mutex.
func LongestLine(files []string) (best string) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, name := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := os.ReadFile(name)
			if err != nil {
				return
			}
			for _, l := range strings.Split(string(data), "\n") {
				mu.Lock()
				if len(l) > len(best) {
					best = l
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return best
}
