// Package board shows a round's scoreboard once the round is over.
package board

import "sync"

// Board is a round's figures.
type Board struct {
	Round, Kills int
}

// Next clears the figures and moves on to the next round.
func (b *Board) Next() {
	*b = Board{Round: b.Round + 1}
}

// Show starts the scoreboard, which draws once the round's last frame is out, and moves the
// board on before that: the scoreboard shows the next round's empty board.
func Show(b Board, draw func(Board)) { // want "moved to heap: b" // declined "the write at line 27 can come before the wait at line 29 returns"
	frameOut := make(chan struct{})
	var wg sync.WaitGroup // want "moved to heap: wg"
	wg.Add(1)
	go func() { // want "func literal escapes to heap"
		defer wg.Done()
		<-frameOut
		draw(b)
	}()
	b.Next()
	close(frameOut)
	wg.Wait()
}
