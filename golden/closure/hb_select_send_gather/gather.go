// Package gather scatters a lookup over shards and gathers the answers, round after round.
package gather

import "context"

// Gather asks every shard for the keys' weight with the current scale, rounds times. A shard
// that sees ctx done gives up instead of sending, and so does the gathering loop, by returning;
// the scale moves on only after one answer per shard was received, so every shard has read it.
func Gather(ctx context.Context, shards []string, scale, rounds int, ask func(ctx context.Context, shard string, scale int) int) int { // want "moved to heap: scale"
	total := 0
	for r := 0; r < rounds; r++ {
		out := make(chan int)
		for _, s := range shards {
			go func() { // want "func literal escapes to heap"
				n := ask(ctx, s, scale)
				select {
				case out <- n:
				case <-ctx.Done():
				}
			}()
		}
		for range shards {
			select {
			case n := <-out:
				total += n
			case <-ctx.Done():
				return total
			}
		}
		scale++
	}
	return total
}
