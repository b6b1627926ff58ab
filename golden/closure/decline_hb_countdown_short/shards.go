// Package shards queries a table's shards concurrently.
package shards

// Query asks every shard for at most limit rows. The primaries answer at once; the last shard,
// a replica, waits for the go-ahead and answers with the limit that remains once the primaries
// are in. The countdown receives len(shards)-1 answers: the replica reads limit after the write,
// so a copy taken at its go statement would be stale.
func Query(shards []string, limit int, ask func(shard string, limit int) int) int { // want "moved to heap: limit" // declined "the trip count of the loop at line 20 is not known when it starts"
	res := make(chan int, len(shards))
	goAhead := make(chan struct{})
	for i, s := range shards {
		go func() { // want "func literal escapes to heap"
			if i == len(shards)-1 {
				<-goAhead
			}
			res <- ask(s, limit)
		}()
	}
	total := 0
	for pending := len(shards) - 1; pending > 0; pending-- {
		total += <-res
	}
	limit -= total
	close(goAhead)
	return total + <-res
}
