// Package poll reads a change feed from every shard, page by page.
package poll

import "sync"

// Pages reads pages rounds of the feed; in each round every shard reads from the same cursor,
// which advances by the round's largest page once all shards are done.
func Pages(shards []string, pages int, read func(shard string, cursor int) int) int {
	cursor := 0 // want "moved to heap: cursor"
	for p := 0; p < pages; p++ {
		got := make([]int, len(shards))
		var wg sync.WaitGroup // want "moved to heap: wg"
		for i, s := range shards {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				got[i] = read(s, cursor)
			}()
		}
		wg.Wait()
		cursor += max(0, maxOf(got))
	}
	return cursor
}

func maxOf(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
