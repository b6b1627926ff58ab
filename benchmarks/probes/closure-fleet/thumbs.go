package fleet

import (
	"context"
	"fmt"
	"path"
	"sync"
)

// Thumbnailer makes thumbnails with a pool sized by a field.
type Thumbnailer struct {
	Workers int
	Sizes   []int
	Quality int
	Render  func(src string, size, quality int) ([]byte, error)
}

// Thumb is one rendered thumbnail.
type Thumb struct {
	Src  string
	Size int
	Data []byte
	Err  error
}

// Generate renders every size of every source with t.Workers workers.
func (t *Thumbnailer) Generate(srcs []string) []Thumb {
	type job struct {
		i    int
		src  string
		size int
	}
	jobs := make(chan job)
	out := make([]Thumb, len(srcs)*len(t.Sizes))
	quality := t.Quality
	if quality <= 0 {
		quality = 80
	}
	var wg sync.WaitGroup
	for w := 0; w < max(t.Workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				data, err := t.Render(j.src, j.size, quality)
				out[j.i] = Thumb{j.src, j.size, data, err}
			}
		}()
	}
	k := 0
	for _, s := range srcs {
		for _, size := range t.Sizes {
			jobs <- job{k, s, size}
			k++
		}
	}
	close(jobs)
	wg.Wait()
	return out
}

// GenerateNamed renders each source's poster in its own goroutine and names
// the files under dir; dir is cleaned after for the returned index.
func GenerateNamed(srcs []string, dir string, render func(string) ([]byte, error)) (map[string]int, string) {
	sizes := make([]int, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := render(path.Join(dir, path.Base(s)))
			if err == nil {
				sizes[i] = len(b)
			}
		}()
	}
	wg.Wait()
	dir = path.Clean(dir)
	idx := make(map[string]int, len(srcs))
	for i, s := range srcs {
		idx[path.Join(dir, path.Base(s))] = sizes[i]
	}
	return idx, dir
}

// Resize changes the pool's quality while a batch is rendering when the
// context asks for a cheaper pass (must-decline).
func (t *Thumbnailer) Resize(ctx context.Context, srcs []string, size int) [][]byte {
	quality := t.Quality
	out := make([][]byte, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], _ = t.Render(s, size, quality)
		}()
	}
	if ctx.Err() != nil {
		quality = 30
	}
	wg.Wait()
	return out
}

// Contact lays out a contact sheet: each tile's label carries the sheet title,
// set when the first tile is done (must-decline: written after the go
// statement, before the wait).
func Contact(srcs []string, render func(string) string) []string {
	title := ""
	labels := make([]string, len(srcs))
	first := make(chan struct{}, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			labels[i] = fmt.Sprintf("%s: %s", title, render(s))
			first <- struct{}{}
		}()
	}
	<-first
	title = "sheet"
	wg.Wait()
	return labels
}
