// Package workers is an image-processing service's background machinery: worker pools resizing and hashing
// uploads, fan-out to storage replicas, pipelines of decode/transform/encode stages, and timers for retries,
// heartbeats and deadlines.
package workers

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Image is an upload in flight.
type Image struct {
	ID     string
	Width  int
	Height int
	Data   []byte
}

// Options tune a resize run.
type Options struct {
	MaxWidth  int
	MaxHeight int
	Quality   int
	Prefix    string
}

// Result is one image's outcome.
type Result struct {
	ID   string
	Key  string
	Size int
	Err  error
}

func fit(img Image, opt Options) (int, int) {
	w, h := img.Width, img.Height
	if w > opt.MaxWidth {
		h = h * opt.MaxWidth / max(w, 1)
		w = opt.MaxWidth
	}
	if h > opt.MaxHeight {
		w = w * opt.MaxHeight / max(h, 1)
		h = opt.MaxHeight
	}
	return w, h
}

// ResizeAll resizes every image in a goroutine of its own; the options are fixed for the run.
func ResizeAll(imgs []Image, opt Options) []Result {
	out := make([]Result, len(imgs))
	var wg sync.WaitGroup
	for i, img := range imgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w, h := fit(img, opt)
			out[i] = Result{ID: img.ID, Key: opt.Prefix + img.ID, Size: w * h}
		}()
	}
	wg.Wait()
	return out
}

// Pool runs n workers over a job channel; each worker reads the shared quality setting.
func Pool(ctx context.Context, n int, jobs <-chan Image, quality int) <-chan Result {
	out := make(chan Result)
	var wg sync.WaitGroup
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for img := range jobs {
				r := Result{ID: img.ID, Size: len(img.Data) * quality / 100}
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// HashAll hashes uploads in parallel, labelling each digest with the bucket name.
func HashAll(imgs []Image, bucket string) map[string]string {
	var mu sync.Mutex
	sums := make(map[string]string, len(imgs))
	var wg sync.WaitGroup
	for _, img := range imgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum := sha256.Sum256(img.Data)
			key := bucket + "/" + hex.EncodeToString(sum[:])
			mu.Lock()
			sums[img.ID] = key
			mu.Unlock()
		}()
	}
	wg.Wait()
	return sums
}

// ResizeLimited resizes with at most limit goroutines at once, through a semaphore channel.
func ResizeLimited(imgs []Image, opt Options, limit int) []Result {
	out := make([]Result, len(imgs))
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i, img := range imgs {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			w, h := fit(img, opt)
			out[i] = Result{ID: img.ID, Size: w * h}
		}()
	}
	wg.Wait()
	return out
}

// FirstError runs every check and returns the first failure; the label is set before the workers start.
func FirstError(imgs []Image, checks []func(Image) error) error {
	label := "validate"
	if len(checks) > 3 {
		label = "validate-strict"
	}
	errc := make(chan error, len(imgs))
	for _, img := range imgs {
		go func() {
			for _, c := range checks {
				if err := c(img); err != nil {
					errc <- fmt.Errorf("%s %s: %w", label, img.ID, err)
					return
				}
			}
			errc <- nil
		}()
	}
	var first error
	for range imgs {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// CountLarge counts large images; each worker adds its own count under the lock.
func CountLarge(shards [][]Image, threshold int) int {
	var mu sync.Mutex
	total := 0
	var wg sync.WaitGroup
	for _, shard := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for _, img := range shard {
				if len(img.Data) > threshold {
					n++
				}
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}

// Summaries builds a text summary per shard in the shard's own goroutine.
func Summaries(shards [][]Image, sep string) []string {
	out := make([]string, len(shards))
	var wg sync.WaitGroup
	for i, shard := range shards {
		var sb strings.Builder
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, img := range shard {
				sb.WriteString(img.ID)
				sb.WriteString(sep)
			}
			out[i] = sb.String()
		}()
	}
	wg.Wait()
	return out
}

// Retune changes the quality while the workers run (must decline: the workers read the later write).
func Retune(imgs []Image, opt Options, lower <-chan struct{}) []Result {
	out := make([]Result, len(imgs))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, img := range imgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			q := opt.Quality
			mu.Unlock()
			out[i] = Result{ID: img.ID, Size: len(img.Data) * q / 100}
		}()
	}
	select {
	case <-lower:
		mu.Lock()
		opt.Quality /= 2
		mu.Unlock()
	default:
	}
	wg.Wait()
	return out
}

// Stats are counters a background goroutine reports once done.
type Stats struct {
	Done, Failed int
}

// Process runs fn over imgs in the background and reports the counts (the goroutine alone writes st).
func Process(imgs []Image, fn func(Image) error, report chan<- Stats) {
	var st Stats
	go func() {
		for _, img := range imgs {
			if err := fn(img); err != nil {
				st.Failed++
				continue
			}
			st.Done++
		}
		report <- st
	}()
}

// ErrNoImages is returned for an empty batch.
var ErrNoImages = errors.New("workers: no images")

// Batch validates then resizes, with the deadline the caller gave (read by the workers only).
func Batch(ctx context.Context, imgs []Image, opt Options, deadline time.Duration) ([]Result, error) {
	if len(imgs) == 0 {
		return nil, ErrNoImages
	}
	ctx, cancel := context.WithTimeout(ctx, deadline)
	defer cancel()
	out := make([]Result, len(imgs))
	var wg sync.WaitGroup
	for i, img := range imgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ctx.Err() != nil {
				out[i] = Result{ID: img.ID, Err: ctx.Err()}
				return
			}
			w, h := fit(img, opt)
			out[i] = Result{ID: img.ID, Size: w * h}
		}()
	}
	wg.Wait()
	return out, ctx.Err()
}
