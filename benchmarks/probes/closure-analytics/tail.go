package analytics

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Entry is one parsed log line.
type Entry struct {
	Level   string
	Service string
	Latency time.Duration
	Fields  map[string]string
}

// ParseOptions configures ParseLines.
type ParseOptions struct {
	Workers int
	Sep     string
	Levels  []string
}

func parseLine(line, sep string) (Entry, error) {
	parts := strings.Split(line, sep)
	if len(parts) < 3 {
		return Entry{}, fmt.Errorf("short line %q", line)
	}
	d, err := time.ParseDuration(parts[2])
	if err != nil {
		return Entry{}, err
	}
	e := Entry{Level: parts[0], Service: parts[1], Latency: d}
	for _, kv := range parts[3:] {
		if k, v, ok := strings.Cut(kv, "="); ok {
			if e.Fields == nil {
				e.Fields = map[string]string{}
			}
			e.Fields[k] = v
		}
	}
	return e, nil
}

// ParseLines parses lines on opts.Workers goroutines, each taking every
// Workers-th line; the separator defaults to "|".
func ParseLines(lines []string, opts ParseOptions) ([]Entry, []error) {
	if opts.Sep == "" {
		opts.Sep = "|"
	}
	if opts.Workers < 1 {
		opts.Workers = 1
	}
	entries := make([]Entry, len(lines))
	errs := make([]error, len(lines))
	var wg sync.WaitGroup
	wg.Add(opts.Workers)
	for w := 0; w < opts.Workers; w++ {
		go func() {
			defer wg.Done()
			for i := w; i < len(lines); i += opts.Workers {
				entries[i], errs[i] = parseLine(lines[i], opts.Sep)
			}
		}()
	}
	wg.Wait()
	return entries, errs
}

// LevelCounts counts levels per service from a reader, parsing on a fixed
// pool that receives lines from a channel.
func LevelCounts(r io.Reader, sep string, workers int) (map[string]map[string]int, error) {
	if sep == "" {
		sep = "|"
	}
	lines := make(chan string)
	var mu sync.Mutex
	counts := map[string]map[string]int{}
	var wg sync.WaitGroup
	n := max(workers, 1)
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer wg.Done()
			for line := range lines {
				e, err := parseLine(line, sep)
				if err != nil {
					continue
				}
				mu.Lock()
				if counts[e.Service] == nil {
					counts[e.Service] = map[string]int{}
				}
				counts[e.Service][e.Level]++
				mu.Unlock()
			}
		}()
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		lines <- sc.Text()
	}
	close(lines)
	wg.Wait()
	return counts, sc.Err()
}

// Tailer follows a growing log held in memory (tests) or on disk.
type Tailer struct {
	Name   string
	Sep    string
	Offset int
	seen   int
}

func (t Tailer) parseJSON(line string) (Entry, error) {
	if !strings.HasPrefix(line, "{") {
		return Entry{}, errors.New(t.Name + ": not json")
	}
	return Entry{Level: "INFO", Service: t.Name}, nil
}

func (t Tailer) parseText(line string) (Entry, error) {
	return parseLine(line, t.Sep)
}

func (t *Tailer) parseCounted(line string) (Entry, error) {
	t.seen++
	return parseLine(line, t.Sep)
}

// ParseAs parses lines in the given format through a table of the tailer's parsers.
func (t *Tailer) ParseAs(format string, lines []string) ([]Entry, error) {
	parsers := map[string]func(string) (Entry, error){
		"json": t.parseJSON,
		"text": t.parseText,
	}
	parse, ok := parsers[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q", format)
	}
	out := make([]Entry, 0, len(lines))
	for _, l := range lines {
		e, err := parse(l)
		if err != nil {
			return out, err
		}
		out = append(out, e)
	}
	return out, nil
}

// TailerRef is how the CLI passes tailers around.
type TailerRef = *Tailer

// ParseCounted parses lines, counting them on the tailer, through a table keyed by format.
func ParseCounted(t TailerRef, format string, lines []string) (int, error) {
	parsers := map[string]func(string) (Entry, error){
		"text":    t.parseCounted,
		"counted": t.parseCounted,
	}
	parse := parsers[format]
	if parse == nil {
		return 0, fmt.Errorf("unknown format %q", format)
	}
	for _, l := range lines {
		if _, err := parse(l); err != nil {
			return t.seen, err
		}
	}
	return t.seen, nil
}

// Follow polls read for new lines until ctx ends; the poll interval backs off
// when nothing arrives and the goroutine reads the current one each round.
func Follow(ctx context.Context, read func(offset int) []string, poll time.Duration, out chan<- string) {
	go func() {
		offset := 0
		for {
			lines := read(offset)
			for _, l := range lines {
				out <- l
			}
			offset += len(lines)
			select {
			case <-ctx.Done():
				close(out)
				return
			case <-time.After(poll):
			}
		}
	}()
	poll *= 2
	_ = poll
}

// SlowRequests scans services' logs in parallel for requests slower than the
// threshold; the threshold is parsed from a flag value first.
func SlowRequests(logs map[string][]string, threshold string) (map[string]int, error) {
	limit, err := time.ParseDuration(threshold)
	if err != nil {
		limit = time.Second
	}
	type result struct {
		svc  string
		slow int
	}
	results := make(chan result)
	for svc, lines := range logs {
		go func() {
			slow := 0
			for _, l := range lines {
				if e, err := parseLine(l, "|"); err == nil && e.Latency > limit {
					slow++
				}
			}
			results <- result{svc, slow}
		}()
	}
	out := map[string]int{}
	for range logs {
		r := <-results
		out[r.svc] = r.slow
	}
	return out, nil
}

// FieldIndex builds an index from a field's value to line numbers, one
// goroutine per chunk; the key is trimmed first and restored for the caller.
func FieldIndex(lines []string, key string, chunks int) map[string][]int {
	key = strings.TrimSpace(key)
	if chunks < 1 {
		chunks = 1
	}
	size := (len(lines) + chunks - 1) / chunks
	parts := make([]map[string][]int, chunks)
	var wg sync.WaitGroup
	wg.Add(chunks)
	for c := 0; c < chunks; c++ {
		go func() {
			defer wg.Done()
			m := map[string][]int{}
			for i := c * size; i < min((c+1)*size, len(lines)); i++ {
				if e, err := parseLine(lines[i], "|"); err == nil {
					if v, ok := e.Fields[key]; ok {
						m[v] = append(m[v], i)
					}
				}
			}
			parts[c] = m
		}()
	}
	wg.Wait()
	idx := map[string][]int{}
	for _, m := range parts {
		for k, v := range m {
			idx[k] = append(idx[k], v...)
		}
	}
	return idx
}

// Levels parses each line's level as an int code on its own goroutine and
// returns the highest; the default code is replaced after the wait.
func Levels(lines []string, def int) int {
	codes := make([]int, len(lines))
	var wg sync.WaitGroup
	for i, l := range lines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lvl, _, _ := strings.Cut(l, "|")
			if c, err := strconv.Atoi(lvl); err == nil {
				codes[i] = c
			} else {
				codes[i] = def
			}
		}()
	}
	wg.Wait()
	def = -1
	best := def
	for _, c := range codes {
		best = max(best, c)
	}
	return best
}
