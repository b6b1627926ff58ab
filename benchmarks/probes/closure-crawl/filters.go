package crawl

import (
	"image"
	"image/color"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// Grayscale converts src to luma, one goroutine per band of rows.
func Grayscale(src *image.RGBA, workers int) *image.Gray {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	b := src.Bounds()
	dst := image.NewGray(b)
	band := (b.Dy() + workers - 1) / workers
	var wg sync.WaitGroup
	for y0 := b.Min.Y; y0 < b.Max.Y; y0 += band {
		y1 := min(y0+band, b.Max.Y)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for y := y0; y < y1; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					off := src.PixOffset(x, y)
					r, g, bl := int(src.Pix[off]), int(src.Pix[off+1]), int(src.Pix[off+2])
					dst.SetGray(x, y, color.Gray{Y: uint8((299*r + 587*g + 114*bl) / 1000)})
				}
			}
		}()
	}
	wg.Wait()
	return dst
}

// BoxBlur blurs each row horizontally with a window of 2*radius+1, rows in parallel.
func BoxBlur(src *image.Gray, radius int) *image.Gray {
	if radius < 1 {
		radius = 1
	}
	b := src.Bounds()
	dst := image.NewGray(b)
	var wg sync.WaitGroup
	for y := b.Min.Y; y < b.Max.Y; y++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for x := b.Min.X; x < b.Max.X; x++ {
				sum, n := 0, 0
				for k := max(b.Min.X, x-radius); k <= min(b.Max.X-1, x+radius); k++ {
					sum += int(src.GrayAt(k, y).Y)
					n++
				}
				dst.SetGray(x, y, color.Gray{Y: uint8(sum / n)})
			}
		}()
	}
	wg.Wait()
	return dst
}

// Threshold sets pixels at or above level to white, others to black, tile rows in
// parallel, and reports how many pixels changed.
func Threshold(img *image.Gray, level uint8, tiles int) int64 {
	var changed atomic.Int64
	rows := img.Bounds().Dy()
	per := max(1, rows/max(tiles, 1))
	var wg sync.WaitGroup
	for y0 := 0; y0 < rows; y0 += per {
		wg.Add(1)
		go func(y0 int) {
			defer wg.Done()
			y1 := min(y0+per, rows)
			for i := y0 * img.Stride; i < y1*img.Stride; i++ {
				v := uint8(0)
				if img.Pix[i] >= level {
					v = 255
				}
				if img.Pix[i] != v {
					img.Pix[i] = v
					changed.Add(1)
				}
			}
		}(y0)
	}
	wg.Wait()
	return changed.Load()
}

// Histogram counts luma values; each part fills its own partial histogram.
func Histogram(img *image.Gray, parts int) [256]int {
	step := len(img.Pix) / max(parts, 1)
	if step == 0 {
		step = len(img.Pix)
	}
	partials := make([][256]int, (len(img.Pix)+step-1)/max(step, 1))
	var wg sync.WaitGroup
	for p := range partials {
		wg.Add(1)
		go func() {
			defer wg.Done()
			end := min((p+1)*step, len(img.Pix))
			for _, v := range img.Pix[p*step : end] {
				partials[p][v]++
			}
		}()
	}
	wg.Wait()
	var total [256]int
	for _, h := range partials {
		for i, n := range h {
			total[i] += n
		}
	}
	return total
}

// Gamma applies a gamma curve through a lookup table, tiles in parallel with errgroup.
func Gamma(img *image.Gray, gamma float64, tile int) error {
	var lut [256]uint8
	for i := range lut {
		lut[i] = uint8(math.Round(255 * math.Pow(float64(i)/255, 1/gamma)))
	}
	if tile <= 0 {
		tile = 64
	}
	var g errgroup.Group
	for off := 0; off < len(img.Pix); off += tile {
		g.Go(func() error {
			for i := off; i < min(off+tile, len(img.Pix)); i++ {
				img.Pix[i] = lut[img.Pix[i]]
			}
			return nil
		})
	}
	return g.Wait()
}

// Tiles runs fn over square tiles of img with at most limit goroutines at once.
func Tiles(img image.Rectangle, size, limit int, fn func(image.Rectangle) error) error {
	if size <= 0 {
		size = 32
	}
	g := new(errgroup.Group)
	g.SetLimit(limit)
	for y := img.Min.Y; y < img.Max.Y; y += size {
		for x := img.Min.X; x < img.Max.X; x += size {
			r := image.Rect(x, y, x+size, y+size).Intersect(img)
			g.Go(func() error { return fn(r) })
		}
	}
	return g.Wait()
}

// Preview renders a downscaled copy in the background while the caller keeps
// adjusting the quality; the goroutine reads whatever quality is current when it
// gets to each row.
func Preview(src *image.Gray, scale int, adjust <-chan int) *image.Gray {
	quality := 1
	b := src.Bounds()
	dst := image.NewGray(image.Rect(0, 0, b.Dx()/scale, b.Dy()/scale))
	var mu sync.Mutex
	done := make(chan struct{})
	go func() {
		defer close(done)
		for y := 0; y < dst.Rect.Dy(); y++ {
			mu.Lock()
			q := quality
			mu.Unlock()
			for x := 0; x < dst.Rect.Dx(); x++ {
				dst.SetGray(x, y, src.GrayAt(x*scale, y*scale+(y%q)))
			}
		}
	}()
	for q := range adjust {
		mu.Lock()
		quality = max(q, 1)
		mu.Unlock()
	}
	<-done
	return dst
}
