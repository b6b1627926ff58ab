// Package tiles applies a gain to an image tile by tile on goroutines its tiler starts.
package tiles

import "sync"

// Tiler splits a w x h image into square tiles.
type Tiler struct{ W, H, Tile int }

// each starts a goroutine per tile that calls f with the tile's corner, each counted by wg before it
// starts; the caller waits.
func (t *Tiler) each(wg *sync.WaitGroup, f func(y0, x0 int)) {
	for ty := range (t.H + t.Tile - 1) / t.Tile { // want "moved to heap: ty"
		for tx := range (t.W + t.Tile - 1) / t.Tile {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f(ty*t.Tile, tx*t.Tile)
			}()
		}
	}
}

// Gain scales every pixel by gain, tile by tile in parallel, and returns the gain the next frame
// starts from, reset only once every tile is done.
func (t *Tiler) Gain(img []float64, gain float64) float64 { // want "moved to heap: gain"
	var wg sync.WaitGroup
	t.each(&wg, func(y0, x0 int) { // want "func literal escapes to heap"
		for y := y0; y < min(y0+t.Tile, t.H); y++ {
			for x := x0; x < min(x0+t.Tile, t.W); x++ {
				img[y*t.W+x] *= gain
			}
		}
	})
	wg.Wait()
	gain = 1
	return gain
}
