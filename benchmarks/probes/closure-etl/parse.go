package etl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// ParseChunks parses CSV chunks in parallel into a pre-sized slice, one slot
// per chunk.
func ParseChunks(chunks [][]byte, sep byte) ([][]Row, error) {
	out := make([][]Row, len(chunks))
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], errs[i] = parseChunk(c, sep)
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

func parseChunk(c []byte, sep byte) ([]Row, error) {
	var rows []Row
	for len(c) > 0 {
		line := c
		if i := bytes.IndexByte(c, '\n'); i >= 0 {
			line, c = c[:i], c[i+1:]
		} else {
			c = nil
		}
		if len(line) == 0 {
			continue
		}
		k, v, ok := bytes.Cut(line, []byte{sep})
		if !ok {
			return rows, fmt.Errorf("no separator in %q", line)
		}
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return rows, err
		}
		rows = append(rows, Row{Key: string(k), Value: f})
	}
	return rows, nil
}

// ParseLimited parses chunks with errgroup, at most limit at a time, stopping
// at the first error; the line count is read by every chunk.
func ParseLimited(ctx context.Context, chunks []string, limit int) ([][]Row, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	out := make([][]Row, len(chunks))
	maxLines := 10000
	for i, c := range chunks {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if strings.Count(c, "\n") > maxLines {
				return fmt.Errorf("chunk %d: too many lines", i)
			}
			rows, err := parseChunk([]byte(c), ',')
			out[i] = rows
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return out, nil
}

// File is one file to verify.
type File struct {
	Name string
	Data []byte
	Sum  uint32
}

// VerifyAll checks every checksum in parallel, bounded, and returns the
// first mismatch.
func VerifyAll(ctx context.Context, files []File, limit int) (int, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	table := crc32.MakeTable(crc32.Castagnoli)
	ok := make([]bool, len(files))
	for i := range files {
		g.Go(func() error {
			select {
			case <-ctx.Done():
				return ctx.Err()
			default:
			}
			if crc32.Checksum(files[i].Data, table) != files[i].Sum {
				return fmt.Errorf("%s: checksum mismatch", files[i].Name)
			}
			ok[i] = true
			return nil
		})
	}
	err := g.Wait()
	n := 0
	for _, v := range ok {
		if v {
			n++
		}
	}
	return n, err
}

// VerifyCount counts good files; the counter is written by every goroutine
// under a mutex whose address is taken before they start.
func VerifyCount(files []File) int {
	var mu sync.Mutex
	good := 0
	lock := &mu
	var g errgroup.Group
	for _, f := range files {
		g.Go(func() error {
			if crc32.ChecksumIEEE(f.Data) == f.Sum {
				lock.Lock()
				good++
				lock.Unlock()
			}
			return nil
		})
	}
	_ = g.Wait()
	return good
}

// Dedup removes duplicate keys across chunks, keeping the first seen.
func Dedup(chunks [][]Row) []Row {
	var mu sync.Mutex
	seen := make(map[string]bool)
	var kept []Row
	var wg sync.WaitGroup
	for _, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range c {
				mu.Lock()
				if !seen[r.Key] {
					seen[r.Key] = true
					kept = append(kept, r)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return kept
}

var (
	delimOnce sync.Once
	delims    string
)

// Fields splits a record on the configured delimiters, set once.
func Fields(rec string) []string {
	delimOnce.Do(func() { delims = ",;\t|" })
	return strings.FieldsFunc(rec, func(r rune) bool { return strings.ContainsRune(delims, r) })
}

// Normalize lower-cases keys in parallel; the prefix is set once lazily and
// shared.
func Normalize(rows []Row, prefix string) {
	var once sync.Once
	var p string
	var wg sync.WaitGroup
	for i := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { p = strings.ToLower(prefix) })
			rows[i].Key = p + strings.ToLower(rows[i].Key)
		}()
	}
	wg.Wait()
}
