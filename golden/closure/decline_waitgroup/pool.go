// Package pool resizes images with a fixed number of workers.
package pool

import "sync"

// Image is a decoded picture.
type Image struct {
	Name string
	W, H int
}

// ResizeAll shrinks every image so that its width is at most maxW. The
// WaitGroup is captured by reference (Done has a pointer receiver); a copy
// would never be waited for, and vet's copylocks check would flag it.
func ResizeAll(imgs []Image, maxW, workers int) {
	var wg sync.WaitGroup // want "moved to heap: wg" // declined "address of wg is taken"
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			for i := range next {
				if imgs[i].W > maxW {
					imgs[i].H = imgs[i].H * maxW / imgs[i].W
					imgs[i].W = maxW
				}
			}
		}()
	}
	for i := range imgs {
		next <- i
	}
	close(next)
	wg.Wait()
}
