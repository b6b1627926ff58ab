package compute

import (
	"context"
	"image"
	"image/color"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"
)

// ThumbOptions say how thumbnails are made.
type ThumbOptions struct {
	Width, Height int
	Workers       int
	Smooth        bool
}

func normalize(o *ThumbOptions) {
	if o.Width == 0 && o.Height == 0 {
		o.Width, o.Height = 128, 128
	}
	if o.Height == 0 {
		o.Height = o.Width
	}
	if o.Width == 0 {
		o.Width = o.Height
	}
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
}

// scale resamples src into a w x h gray image by nearest neighbour (or a 2x2 box).
func scale(src *image.Gray, w, h int, smooth bool) *image.Gray {
	dst := image.NewGray(image.Rect(0, 0, w, h))
	b := src.Bounds()
	for y := 0; y < h; y++ {
		sy := b.Min.Y + y*b.Dy()/h
		for x := 0; x < w; x++ {
			sx := b.Min.X + x*b.Dx()/w
			v := int(src.GrayAt(sx, sy).Y)
			if smooth && sx+1 < b.Max.X && sy+1 < b.Max.Y {
				v = (v + int(src.GrayAt(sx+1, sy).Y) + int(src.GrayAt(sx, sy+1).Y) + int(src.GrayAt(sx+1, sy+1).Y)) / 4
			}
			dst.SetGray(x, y, color.Gray{Y: uint8(v)})
		}
	}
	return dst
}

// Thumbnails scales every source with a bounded number of goroutines, results by index.
func Thumbnails(ctx context.Context, srcs []*image.Gray, opts ThumbOptions) ([]*image.Gray, error) {
	normalize(&opts)
	out := make([]*image.Gray, len(srcs))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(opts.Workers)
	for i, src := range srcs {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			out[i] = scale(src, opts.Width, opts.Height, opts.Smooth)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return out, nil
}

// ThumbSizes makes a thumbnail of src at every requested width, keeping the aspect ratio.
func ThumbSizes(src *image.Gray, widths []int) []*image.Gray {
	out := make([]*image.Gray, len(widths))
	b := src.Bounds()
	aspect := float64(b.Dy()) / float64(b.Dx())
	cfg := ThumbOptions{Smooth: true}
	p := &cfg
	normalize(p)
	var wg sync.WaitGroup
	for i, w := range widths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = scale(src, w, max(1, int(float64(w)*aspect)), cfg.Smooth)
		}()
	}
	wg.Wait()
	return out
}

// Grayscale converts an RGBA image to gray tile by tile.
func Grayscale(dst *image.Gray, src *image.RGBA, tile int) {
	b := src.Bounds()
	var wg sync.WaitGroup
	for ty := b.Min.Y; ty < b.Max.Y; ty += tile {
		for tx := b.Min.X; tx < b.Max.X; tx += tile {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for y := ty; y < min(ty+tile, b.Max.Y); y++ {
					for x := tx; x < min(tx+tile, b.Max.X); x++ {
						c := src.RGBAAt(x, y)
						l := (299*uint32(c.R) + 587*uint32(c.G) + 114*uint32(c.B)) / 1000
						dst.SetGray(x, y, color.Gray{Y: uint8(l)})
					}
				}
			}()
		}
	}
	wg.Wait()
}

// BoxBlur blurs img in place with the given radius, rows in parallel, then columns.
func BoxBlur(img *image.Gray, radius int) {
	if radius < 1 {
		radius = 1
	}
	b := img.Bounds()
	tmp := image.NewGray(b)
	pass := func(dst, src *image.Gray, horizontal bool) {
		var wg sync.WaitGroup
		for y := b.Min.Y; y < b.Max.Y; y++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for x := b.Min.X; x < b.Max.X; x++ {
					s, n := 0, 0
					for d := -radius; d <= radius; d++ {
						sx, sy := x+d, y
						if !horizontal {
							sx, sy = x, y+d
						}
						if image.Pt(sx, sy).In(b) {
							s += int(src.GrayAt(sx, sy).Y)
							n++
						}
					}
					dst.SetGray(x, y, color.Gray{Y: uint8(s / n)})
				}
			}()
		}
		wg.Wait()
	}
	pass(tmp, img, true)
	pass(img, tmp, false)
}

// spawn runs f on its own goroutine, counted by wg.
func spawn(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// ContactSheet lays thumbnails of srcs out in a grid of cols columns.
func ContactSheet(srcs []*image.Gray, cell, cols int) *image.Gray {
	rows := (len(srcs) + cols - 1) / cols
	sheet := image.NewGray(image.Rect(0, 0, cols*cell, rows*cell))
	var wg sync.WaitGroup
	for i, src := range srcs {
		spawn(&wg, func() {
			t := scale(src, cell, cell, false)
			x0, y0 := (i%cols)*cell, (i/cols)*cell
			for y := 0; y < cell; y++ {
				copy(sheet.Pix[(y0+y)*sheet.Stride+x0:], t.Pix[y*t.Stride:y*t.Stride+cell])
			}
		})
	}
	wg.Wait()
	return sheet
}

// Pyramid builds successively halved levels of img; each level's tiles are scaled in
// parallel, and the next level reads the one just finished.
func Pyramid(img *image.Gray, levels int) []*image.Gray {
	out := []*image.Gray{img}
	cur := img
	for l := 1; l < levels; l++ {
		b := cur.Bounds()
		w, h := max(1, b.Dx()/2), max(1, b.Dy()/2)
		next := image.NewGray(image.Rect(0, 0, w, h))
		var wg sync.WaitGroup
		for y0 := 0; y0 < h; y0 += 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for y := y0; y < min(y0+16, h); y++ {
					for x := 0; x < w; x++ {
						next.SetGray(x, y, cur.GrayAt(b.Min.X+2*x, b.Min.Y+2*y))
					}
				}
			}()
		}
		wg.Wait()
		out = append(out, next)
		cur = next
	}
	return out
}
