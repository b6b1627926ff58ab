// Package resize renders image variants.
package resize

import "sync"

// Image is a decoded picture.
type Image struct {
	Name string
	W, H int
}

// Pyramid renders every image at w×h, then at half that, and so on for the given number of
// levels; each level's images are scaled concurrently and the size halves once they are done.
func Pyramid(imgs []Image, w, h, levels int) [][]Image { // want "moved to heap: w" "moved to heap: h"
	out := make([][]Image, levels)
	for l := range out { // want "moved to heap: l"
		out[l] = make([]Image, len(imgs))
		var wg sync.WaitGroup // want "moved to heap: wg"
		for i, img := range imgs {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				out[l][i] = Image{Name: img.Name, W: min(img.W, w), H: min(img.H, h)}
			}()
		}
		wg.Wait()
		w, h = w/2, h/2
	}
	return out
}
