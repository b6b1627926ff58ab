// Package board sends each round's scoreboard to the players of a match.
package board

import (
	"fmt"
	"sync"
)

// Board is a round's figures.
type Board struct {
	Round        int
	Kills, Flags int
}

// Next clears the figures and moves on to the next round.
func (b *Board) Next() {
	*b = Board{Round: b.Round + 1}
}

// EndRound sends every player the round's scoreboard, each on its own goroutine, and once all
// are sent starts the next round's board, which it returns.
func EndRound(players []string, b Board, send func(player, line string)) Board { // want "moved to heap: b"
	var wg sync.WaitGroup // want "moved to heap: wg"
	for _, p := range players {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			send(p, fmt.Sprintf("round %d: %d kills, %d flags", b.Round, b.Kills, b.Flags))
		}()
	}
	wg.Wait()
	b.Next()
	return b
}
