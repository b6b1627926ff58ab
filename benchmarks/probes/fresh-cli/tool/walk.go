package tool

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// walkFiles lists regular files under root.
func walkFiles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// hashFiles hashes files with a fixed number of workers.
func hashFiles(files []string, workers int) map[string]string {
	jobs := make(chan string)
	var mu sync.Mutex
	out := make(map[string]string, len(files))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				sum, err := hashFile(p)
				if err != nil {
					continue
				}
				mu.Lock()
				out[p] = sum
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	return out
}

// hashFile returns a file's hex SHA-256.
func hashFile(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	buf := make([]byte, 32*1024)
	if _, err := io.CopyBuffer(h, f, buf); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// totalSize sums file sizes in parallel.
func totalSize(files []string) int64 {
	sizes := make([]int64, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if st, err := os.Stat(f); err == nil {
				sizes[i] = st.Size()
			}
		}()
	}
	wg.Wait()
	var total int64
	for _, s := range sizes {
		total += s
	}
	return total
}

// duplicates groups files with the same digest.
func duplicates(root string, workers int) ([][]string, error) {
	files, err := walkFiles(root)
	if err != nil {
		return nil, err
	}
	sums := hashFiles(files, workers)
	byDigest := map[string][]string{}
	for p, s := range sums {
		byDigest[s] = append(byDigest[s], p)
	}
	var groups [][]string
	for _, g := range byDigest {
		if len(g) > 1 {
			sort.Strings(g)
			groups = append(groups, g)
		}
	}
	return groups, nil
}

// firstErr stats every file and returns the first failure.
func firstErr(files []string) error {
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := os.Stat(f); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}
