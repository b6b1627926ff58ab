// Package settings fans a snapshot of shared settings out to workers.
package settings

import "sync"

// Settings guards Scale with its mutex when the settings are shared; here one goroutine owns them.
type Settings struct {
	mu    sync.Mutex
	Scale int
	Name  string
}

// Rounds sends every key with the current settings, then raises the scale for the next round.
// The copy `s := s` would keep s off the heap and behave the same, but go vet's copylocks would
// fail on it ("assignment copies lock value to s"): a rewrite must not break the user's vet.
func Rounds(keys []string, scale int, sink func(string, int)) int {
	s := Settings{Scale: scale, Name: "x"} // want "moved to heap: s" // declined "s holds a lock (example.com/golden/closure/decline_lock_value.Settings contains sync.Mutex): a copy would make go vet fail (assignment copies lock value)"
	for r := 0; r < 2; r++ {
		var wg sync.WaitGroup // want "moved to heap: wg"
		for _, k := range keys {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				sink(k+s.Name, s.Scale)
			}()
		}
		wg.Wait()
		s.Scale++
	}
	return s.Scale
}
