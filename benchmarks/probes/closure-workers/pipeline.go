package workers

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"sync"
)

// Decode parses "id:w:h" lines into images, in a stage of its own.
func Decode(ctx context.Context, lines <-chan string, sep string) <-chan Image {
	out := make(chan Image)
	go func() {
		defer close(out)
		for l := range lines {
			parts := strings.Split(l, sep)
			if len(parts) != 3 {
				continue
			}
			w, _ := strconv.Atoi(parts[1])
			h, _ := strconv.Atoi(parts[2])
			select {
			case out <- Image{ID: parts[0], Width: w, Height: h}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Transform fits each image to the options in a stage of its own.
func Transform(ctx context.Context, in <-chan Image, opt Options) <-chan Image {
	out := make(chan Image)
	go func() {
		defer close(out)
		for img := range in {
			img.Width, img.Height = fit(img, opt)
			select {
			case out <- img:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Encode renders each image as a line, through one buffer the stage owns.
func Encode(in <-chan Image, prefix string) <-chan string {
	out := make(chan string)
	var buf bytes.Buffer
	go func() {
		defer close(out)
		for img := range in {
			buf.Reset()
			buf.WriteString(prefix)
			buf.WriteString(img.ID)
			buf.WriteByte(' ')
			buf.WriteString(strconv.Itoa(img.Width))
			buf.WriteByte('x')
			buf.WriteString(strconv.Itoa(img.Height))
			out <- buf.String()
		}
	}()
	return out
}

// Parallel runs the transform stage with n workers whose outputs are merged.
func Parallel(ctx context.Context, in <-chan Image, opt Options, n int) <-chan Image {
	out := make(chan Image)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for img := range in {
				img.Width, img.Height = fit(img, opt)
				select {
				case out <- img:
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

// Collect drains a stage into a slice, counting lines in a goroutine that alone owns the counter.
func Collect(in <-chan string) ([]string, int) {
	var lines []string
	done := make(chan int)
	count := 0
	go func() {
		for l := range in {
			lines = append(lines, l)
			count++
		}
		done <- count
	}()
	n := <-done
	return lines, n
}

// Batches groups a stream into batches of size n in a stage of its own.
func Batches(in <-chan Image, n int) <-chan []Image {
	out := make(chan []Image)
	go func() {
		defer close(out)
		batch := make([]Image, 0, n)
		for img := range in {
			batch = append(batch, img)
			if len(batch) == n {
				out <- batch
				batch = make([]Image, 0, n)
			}
		}
		if len(batch) > 0 {
			out <- batch
		}
	}()
	return out
}

// Tee copies a stream to two consumers; the label is read by both.
func Tee(in <-chan Image, label string) (<-chan string, <-chan string) {
	a, b := make(chan string), make(chan string)
	go func() {
		defer close(a)
		defer close(b)
		for img := range in {
			s := label + ":" + img.ID
			a <- s
			b <- s
		}
	}()
	return a, b
}
