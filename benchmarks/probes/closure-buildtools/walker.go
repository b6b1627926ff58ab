package buildtools

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// FileHash is one file's content hash.
type FileHash struct {
	Path string
	Sum  string
	Size int64
	Err  error
}

// HashFiles hashes the files on workers goroutines, skipping the ignored suffixes.
func HashFiles(paths []string, workers int, ignore []string) []FileHash {
	if workers <= 0 {
		workers = 4
	}
	if len(ignore) == 0 {
		ignore = []string{".tmp", ".swp"}
	}
	jobs := make(chan int)
	out := make([]FileHash, len(paths))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = hashOne(paths[i], ignore)
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

func hashOne(path string, ignore []string) FileHash {
	for _, s := range ignore {
		if strings.HasSuffix(path, s) {
			return FileHash{Path: path}
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return FileHash{Path: path, Err: err}
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return FileHash{Path: path, Sum: hex.EncodeToString(h.Sum(nil)), Size: n, Err: err}
}

// WalkHash walks root and hashes every regular file on workers goroutines,
// the walk itself feeding them.
func WalkHash(root string, workers int) (map[string]string, error) {
	if workers < 1 {
		workers = 1
	}
	paths := make(chan string, workers)
	sums := make(chan FileHash, workers)
	var wg sync.WaitGroup
	wg.Add(workers)
	for i := 0; i < workers; i++ {
		go func() {
			defer wg.Done()
			for p := range paths {
				sums <- hashOne(p, nil)
			}
		}()
	}
	var walkErr error
	go func() {
		walkErr = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() {
				paths <- p
			}
			return nil
		})
		close(paths)
		wg.Wait()
		close(sums)
	}()
	got := make(map[string]string)
	for s := range sums {
		if s.Err == nil {
			rel, _ := filepath.Rel(root, s.Path)
			got[rel] = s.Sum
		}
	}
	return got, walkErr
}

// TreeDigest hashes the files and then folds their hashes into one, in path
// order; the file list is sorted after the workers are done with it.
func TreeDigest(paths []string, workers int) string {
	if workers <= 0 {
		workers = 2
	}
	sums := make([]string, len(paths))
	var wg sync.WaitGroup
	wg.Add(len(paths))
	sem := make(chan struct{}, workers)
	for i, p := range paths {
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			sums[i] = hashOne(p, nil).Sum
		}()
	}
	wg.Wait()
	idx := make([]int, len(paths))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return paths[idx[a]] < paths[idx[b]] })
	h := sha256.New()
	for _, i := range idx {
		io.WriteString(h, paths[i])
		io.WriteString(h, sums[i])
	}
	paths = nil
	return hex.EncodeToString(h.Sum(nil))
}

// HashChunked hashes the files in chunks of size files, one goroutine a chunk.
func HashChunked(paths []string, size int, salt string) []string {
	if size < 1 {
		size = 8
	}
	if salt == "" {
		salt = "v1"
	}
	sums := make([]string, len(paths))
	var wg sync.WaitGroup
	wg.Add((len(paths) + size - 1) / size)
	for start := 0; start < len(paths); start += size {
		go func() {
			defer wg.Done()
			end := min(start+size, len(paths))
			for i := start; i < end; i++ {
				h := sha256.New()
				io.WriteString(h, salt)
				io.WriteString(h, paths[i])
				sums[i] = hex.EncodeToString(h.Sum(nil))[:12]
			}
		}()
	}
	wg.Wait()
	salt = ""
	return sums
}
