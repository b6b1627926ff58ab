package logtail

import (
	"bufio"
	"os"
	"strings"
	"sync"
)

// Stats are the counts of one tailed file.
type Stats struct {
	Lines, Errors int
}

func countFile(path, match string) Stats {
	f, err := os.Open(path)
	if err != nil {
		return Stats{Errors: 1}
	}
	defer f.Close()
	var s Stats
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.Contains(sc.Text(), match) {
			s.Lines++
		}
	}
	return s
}

// Options of a scan.
type Options struct {
	Match   string
	Workers int
}

func (o *Options) defaults() {
	if o.Match == "" {
		o.Match = "level=error"
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
}

// ScanAll counts matching lines of every file, one goroutine per file.
func ScanAll(paths []string, opts Options) []Stats {
	opts.defaults()
	out := make([]Stats, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = countFile(p, opts.Match)
		}()
	}
	wg.Wait()
	return out
}

// Rescan counts the files again with a widened match after a first pass found nothing.
func Rescan(paths []string, match string) int {
	total := 0
	for pass := 0; pass < 2; pass++ {
		counts := make([]int, len(paths))
		var wg sync.WaitGroup
		for i, p := range paths {
			wg.Add(1)
			go func() {
				defer wg.Done()
				counts[i] = countFile(p, match).Lines
			}()
		}
		wg.Wait()
		for _, c := range counts {
			total += c
		}
		if total > 0 {
			break
		}
		match = strings.ToLower(match)
	}
	return total
}

// FirstFile counts the first file in the background while the caller's goroutine checks the rest exist.
func FirstFile(paths []string, match string) (Stats, int) {
	done := make(chan struct{})
	var first Stats
	go func() {
		defer close(done)
		first = countFile(paths[0], match)
	}()
	missing := 0
	for _, p := range paths[1:] {
		if _, err := os.Stat(p); err != nil {
			missing++
		}
	}
	<-done
	match = ""
	_ = match
	return first, missing
}

// Follow tails a file until stop is closed, reporting matches on the returned channel.
func Follow(path string, match string, stop <-chan struct{}) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for {
			select {
			case <-stop:
				return
			default:
			}
			s := countFile(path, match)
			select {
			case out <- path + ":" + strings.Repeat("*", s.Lines):
			case <-stop:
				return
			}
		}
	}()
	match = strings.TrimSpace(match)
	return out
}

// Drained counts matches per file through a results channel that is drained before the match is reused.
func Drained(paths []string, match string) (int, string) {
	results := make(chan int, len(paths))
	for _, p := range paths {
		go func() {
			results <- countFile(p, match).Lines
		}()
	}
	total := 0
	for range paths {
		total += <-results
	}
	match = strings.ToUpper(match)
	return total, match
}
