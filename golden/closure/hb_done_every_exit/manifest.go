// Package manifest hashes files concurrently, at most a few at a time.
package manifest

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"sync"
)

// Entry is one file of a manifest.
type Entry struct {
	Path   string
	Size   int64
	Digest [sha256.Size]byte
	Err    error
}

// Build hashes every file, at most workers at a time. Files larger than limit are listed with an
// error instead of being read; the limit doubles for a second pass over the files the first pass
// refused. Each goroutine calls wg.Done() right before each of its returns and as its last
// statement, nowhere else: every path that ends it signals once, after its reads of limit.
func Build(fsys fs.FS, paths []string, workers int, limit int64) []Entry { // want "moved to heap: limit"
	entries := make([]Entry, len(paths))
	sem := make(chan struct{}, workers)
	todo := make([]int, len(paths))
	for i := range todo {
		todo[i] = i
	}
	for pass := 0; pass < 2 && len(todo) > 0; pass++ {
		var wg sync.WaitGroup // want "moved to heap: wg"
		for _, i := range todo {
			wg.Add(1)
			sem <- struct{}{}
			go func() { // want "func literal escapes to heap"
				defer func() { <-sem }()
				e := Entry{Path: paths[i]}
				info, err := fs.Stat(fsys, paths[i])
				if err != nil {
					e.Err = err
					entries[i] = e
					wg.Done()
					return
				}
				e.Size = info.Size()
				if e.Size > limit {
					e.Err = fmt.Errorf("%s: %d bytes over the %d limit", e.Path, e.Size, limit)
					entries[i] = e
					wg.Done()
					return
				}
				b, err := fs.ReadFile(fsys, paths[i])
				if err != nil {
					e.Err = err
				} else {
					e.Digest = sha256.Sum256(b)
				}
				entries[i] = e
				wg.Done()
			}()
		}
		wg.Wait()
		var again []int
		for _, i := range todo {
			if e := entries[i]; e.Err != nil && e.Size > limit {
				again = append(again, i)
			}
		}
		todo = again
		limit *= 2
	}
	return entries
}
