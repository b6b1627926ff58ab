// Package thumbs scales images down with a fixed pool of workers sharing one queue.
package thumbs

import "sync"

// Image is a grayscale image, one byte a pixel, row by row.
type Image struct {
	W, H int
	Pix  []uint8
}

// Shrink scales every image down by factor with workers goroutines, each running the one named
// worker literal; once they are all done it reports the scale used, in percent.
func Shrink(imgs []Image, workers, factor int) ([]Image, int) { // want "moved to heap: factor"
	if factor < 1 {
		factor = 1
	}
	out := make([]Image, len(imgs))
	queue := make(chan int)
	var wg sync.WaitGroup // want "moved to heap: wg"
	shrink := func() { // want "func literal escapes to heap"
		defer wg.Done()
		for i := range queue {
			out[i] = scale(imgs[i], factor)
		}
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go shrink()
	}
	for i := range imgs {
		queue <- i
	}
	close(queue)
	wg.Wait()
	factor = 100 / factor
	return out, factor
}

// scale keeps every factor-th pixel of every factor-th row.
func scale(img Image, factor int) Image {
	w, h := (img.W+factor-1)/factor, (img.H+factor-1)/factor
	small := Image{W: w, H: h, Pix: make([]uint8, 0, w*h)}
	for y := 0; y < img.H; y += factor {
		for x := 0; x < img.W; x += factor {
			small.Pix = append(small.Pix, img.Pix[y*img.W+x])
		}
	}
	return small
}
