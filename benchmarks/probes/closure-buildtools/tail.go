package buildtools

import (
	"bufio"
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Line is one line a tailer read, with the file it came from.
type Line struct {
	File string
	Text string
}

// Follow reads the files from their current end on, one goroutine per file,
// until ctx is done, polling every interval; lines not matching filter are dropped.
func Follow(ctx context.Context, paths []string, filter string, interval time.Duration, out chan<- Line) error {
	if interval <= 0 {
		interval = 100 * time.Millisecond
	}
	filter = strings.TrimSpace(filter)
	var wg sync.WaitGroup
	errs := make([]error, len(paths))
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = followOne(ctx, p, filter, interval, out)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func followOne(ctx context.Context, path, filter string, interval time.Duration, out chan<- Line) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		return err
	}
	r := bufio.NewReader(f)
	var partial string
	for {
		s, err := r.ReadString('\n')
		partial += s
		if err == io.EOF {
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(interval):
				continue
			}
		}
		if err != nil {
			return err
		}
		text := strings.TrimRight(partial, "\n")
		partial = ""
		if filter == "" || strings.Contains(text, filter) {
			select {
			case out <- Line{File: path, Text: text}:
			case <-ctx.Done():
				return nil
			}
		}
	}
}

// Grep scans the files in parallel and returns the matching lines per file,
// the pattern lowercased first when the search ignores case.
func Grep(paths []string, pattern string, ignoreCase bool) map[string][]string {
	if ignoreCase {
		pattern = strings.ToLower(pattern)
	}
	found := make([][]string, len(paths))
	var wg sync.WaitGroup
	wg.Add(len(paths))
	for i, p := range paths {
		go func() {
			defer wg.Done()
			f, err := os.Open(p)
			if err != nil {
				return
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				line := sc.Text()
				if ignoreCase {
					line = strings.ToLower(line)
				}
				if strings.Contains(line, pattern) {
					found[i] = append(found[i], sc.Text())
				}
			}
		}()
	}
	wg.Wait()
	pattern = ""
	out := make(map[string][]string)
	for i, p := range paths {
		if len(found[i]) > 0 {
			out[p] = found[i]
		}
	}
	return out
}

// TailLast returns the last n lines of every file, read concurrently; the
// results come back on a channel and are counted in.
func TailLast(paths []string, n int) map[string][]string {
	if n <= 0 {
		n = 10
	}
	type tail struct {
		path  string
		lines []string
	}
	ch := make(chan tail, len(paths))
	for _, p := range paths {
		go func() {
			b, err := os.ReadFile(p)
			if err != nil {
				ch <- tail{path: p}
				return
			}
			lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
			if len(lines) > n {
				lines = lines[len(lines)-n:]
			}
			ch <- tail{p, lines}
		}()
	}
	out := make(map[string][]string, len(paths))
	for len(out) < len(paths) {
		t := <-ch
		out[t.path] = t.lines
	}
	n = 0
	return out
}

// Multiplex merges several line channels into one; the prefix is changed
// while the forwarders run (must decline: they read the new one).
func Multiplex(ins []<-chan string, prefix string, rename <-chan string) <-chan string {
	out := make(chan string)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range in {
				mu.Lock()
				p := prefix
				mu.Unlock()
				out <- p + s
			}
		}()
	}
	go func() {
		for p := range rename {
			mu.Lock()
			prefix = p
			mu.Unlock()
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
