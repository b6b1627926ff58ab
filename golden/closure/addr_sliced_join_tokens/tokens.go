// Package tokens hands out the join tokens of a match.
package tokens

import (
	"encoding/binary"
	"sync"
)

// Token lets one player join one match.
type Token [16]byte

// Issue gives every player a token made of the match's secret and the player's seat, each
// delivered on its own goroutine, and returns once all are delivered.
func Issue(players []string, secret []byte, deliver func(player string, t Token)) int {
	var wg sync.WaitGroup // want "moved to heap: wg"
	for seat, p := range players {
		var t Token // want "moved to heap: t"
		copy(t[:12], secret)
		binary.BigEndian.PutUint32(t[12:], uint32(seat))
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			deliver(p, t)
		}()
	}
	wg.Wait()
	return len(players)
}
