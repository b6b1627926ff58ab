package devops

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// Digest is one file's checksum.
type Digest struct {
	Path string
	Sum  string
	Size int64
}

func hashFile(path, algoTag string) (Digest, error) {
	f, err := os.Open(path)
	if err != nil {
		return Digest{}, err
	}
	defer f.Close()
	h := sha256.New()
	io.WriteString(h, algoTag)
	n, err := io.Copy(h, f)
	if err != nil {
		return Digest{}, err
	}
	return Digest{Path: path, Sum: hex.EncodeToString(h.Sum(nil)), Size: n}, nil
}

// TreeSums walks root and hashes every regular file with a fixed pool of
// workers fed by the walker; results are sorted by path.
func TreeSums(ctx context.Context, root string, workers int, tag string) ([]Digest, error) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	tag = strings.ToLower(tag)
	paths := make(chan string, 64)
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(paths)
		return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.Type().IsRegular() {
				return nil
			}
			select {
			case paths <- p:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	})
	var mu sync.Mutex
	var out []Digest
	for w := 0; w < workers; w++ {
		g.Go(func() error {
			for p := range paths {
				d, err := hashFile(p, tag)
				if err != nil {
					return err
				}
				mu.Lock()
				out = append(out, d)
				mu.Unlock()
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// SumFiles hashes a known list of files, each result written at its index.
func SumFiles(paths []string, tag string, limit int) ([]Digest, error) {
	if limit < 1 {
		limit = 4
	}
	tag = strings.TrimSpace(tag)
	out := make([]Digest, len(paths))
	var g errgroup.Group
	g.SetLimit(limit)
	for i, p := range paths {
		g.Go(func() error {
			d, err := hashFile(p, tag)
			out[i] = d
			return err
		})
	}
	err := g.Wait()
	return out, err
}

// DiskUsage sums file sizes per top-level directory; the walk callback
// captures the skip set and the root's depth.
func DiskUsage(root string, skip []string) (map[string]int64, error) {
	root = filepath.Clean(root)
	skipped := make(map[string]bool, len(skip))
	for _, s := range skip {
		skipped[s] = true
	}
	usage := map[string]int64{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && skipped[d.Name()] {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		usage[top] += info.Size()
		return nil
	})
	return usage, err
}

// CountLines counts lines of many in-memory blobs with one goroutine per blob
// and an atomic total; the separator is normalised first.
func CountLines(blobs [][]byte, sep byte) (per []int, total int64) {
	if sep == 0 {
		sep = '\n'
	}
	per = make([]int, len(blobs))
	var sum atomic.Int64
	var wg sync.WaitGroup
	for i, b := range blobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for _, c := range b {
				if c == sep {
					n++
				}
			}
			per[i] = n
			sum.Add(int64(n))
		}()
	}
	wg.Wait()
	return per, sum.Load()
}

// DigestBlobs hashes in-memory blobs with a bounded pool that pulls indexes.
func DigestBlobs(blobs [][]byte, tag string, workers int) []string {
	if workers <= 0 {
		workers = 2
	}
	tag = strings.ToUpper(tag)
	out := make([]string, len(blobs))
	idx := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				h := sha256.New()
				io.WriteString(h, tag)
				h.Write(blobs[i])
				out[i] = hex.EncodeToString(h.Sum(nil))[:12]
			}
		}()
	}
	for i := range blobs {
		idx <- i
	}
	close(idx)
	wg.Wait()
	return out
}

// Dedup groups blobs by digest; the goroutines share a map under a mutex
// and the first collision error is recorded.
func Dedup(blobs map[string][]byte, prefix string) map[string][]string {
	prefix = strings.TrimSuffix(prefix, "/")
	byDigest := map[string][]string{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for name, b := range blobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := sha256.Sum256(b)
			k := hex.EncodeToString(h[:4])
			mu.Lock()
			byDigest[k] = append(byDigest[k], prefix+"/"+name)
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, v := range byDigest {
		sort.Strings(v)
	}
	return byDigest
}
