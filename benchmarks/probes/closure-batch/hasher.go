package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// FileSum is one file's digest.
type FileSum struct {
	Path string
	Sum  string
	Size int64
	Err  error
}

func sumBytes(prefix string, b []byte) string {
	h := sha256.New()
	h.Write([]byte(prefix))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// HashFiles hashes each file in its own goroutine into a preallocated slice;
// the salt is normalised before the goroutines start and cleared after.
func HashFiles(paths []string, salt string) []FileSum {
	salt = strings.TrimSpace(salt)
	out := make([]FileSum, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := os.ReadFile(p)
			if err != nil {
				out[i] = FileSum{Path: p, Err: err}
				return
			}
			out[i] = FileSum{Path: p, Sum: sumBytes(salt, b), Size: int64(len(b))}
		}()
	}
	wg.Wait()
	salt = ""
	_ = salt
	return out
}

// HashData is the in-memory variant used by tests and benchmarks: a fixed pool
// of workers pulls indexes from a channel.
func HashData(blobs [][]byte, prefix string, workers int) []string {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	sums := make([]string, len(blobs))
	idx := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				sums[i] = sumBytes(prefix, blobs[i])
			}
		}()
	}
	for i := range blobs {
		idx <- i
	}
	close(idx)
	wg.Wait()
	prefix = "done"
	_ = prefix
	return sums
}

// WalkSizes walks root and stats files concurrently, adding their sizes with an atomic.
func WalkSizes(root string, ext string) (int64, int, error) {
	ext = strings.ToLower(ext)
	var total atomic.Int64
	var count atomic.Int32
	var wg sync.WaitGroup
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(strings.ToLower(path), ext) {
			return nil
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if fi, err := os.Stat(path); err == nil {
				total.Add(fi.Size())
				count.Add(1)
			}
		}()
		return nil
	})
	wg.Wait()
	return total.Load(), int(count.Load()), err
}

// Dedup groups equal digests; the first error wins and is kept under the mutex.
func Dedup(blobs [][]byte, label string) (map[string][]int, error) {
	if label == "" {
		label = "dedup"
	}
	var mu sync.Mutex
	groups := map[string][]int{}
	var firstErr error
	var wg sync.WaitGroup
	for i, b := range blobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if len(b) == 0 {
				mu.Lock()
				if firstErr == nil {
					firstErr = errors.New(label + ": empty blob")
				}
				mu.Unlock()
				return
			}
			s := sumBytes(label, b)
			mu.Lock()
			groups[s] = append(groups[s], i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, g := range groups {
		sort.Ints(g)
	}
	return groups, firstErr
}

// Manifest hashes blobs with a bounded number in flight and writes lines by index;
// the header is rewritten after all are done to carry the count.
func Manifest(blobs [][]byte, header string, limit int) []string {
	lines := make([]string, len(blobs)+1)
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i, b := range blobs {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			lines[i+1] = header + " " + sumBytes("", b)
		}()
	}
	wg.Wait()
	header = header + " n=" + itoa(len(blobs))
	lines[0] = header
	return lines
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
