package crawl

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// HashTree hashes every regular file under root with workers goroutines.
func HashTree(root string, workers int) (map[string]string, error) {
	root = filepath.Clean(root)
	if workers < 1 {
		workers = 4
	}
	paths := make(chan string)
	var mu sync.Mutex
	sums := map[string]string{}
	g := new(errgroup.Group)
	for w := 0; w < workers; w++ {
		g.Go(func() error {
			for p := range paths {
				sum, err := hashFile(p)
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(root, p)
				mu.Lock()
				sums[rel] = sum
				mu.Unlock()
			}
			return nil
		})
	}
	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			paths <- p
		}
		return nil
	})
	close(paths)
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return sums, walkErr
}

func hashFile(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// DirSizes sums the sizes under each top-level directory of root, one goroutine each.
func DirSizes(root string) (map[string]int64, error) {
	root = filepath.Clean(root)
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	sizes := make([]int64, len(entries))
	var wg sync.WaitGroup
	for i, e := range entries {
		if !e.IsDir() {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			filepath.WalkDir(filepath.Join(root, e.Name()), func(_ string, d fs.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() {
					if info, err := d.Info(); err == nil {
						sizes[i] += info.Size()
					}
				}
				return nil
			})
		}()
	}
	wg.Wait()
	out := map[string]int64{}
	for i, e := range entries {
		if e.IsDir() {
			out[e.Name()] = sizes[i]
		}
	}
	return out, nil
}

// Duplicates groups files of at least minSize bytes by content hash.
func Duplicates(paths []string, minSize int64) [][]string {
	if minSize <= 0 {
		minSize = 1
	}
	sums := make([]string, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if info, err := os.Stat(p); err != nil || info.Size() < minSize {
				return
			}
			sums[i], _ = hashFile(p)
		}()
	}
	wg.Wait()
	groups := map[string][]string{}
	for i, s := range sums {
		if s != "" {
			groups[s] = append(groups[s], paths[i])
		}
	}
	var out [][]string
	for _, g := range groups {
		if len(g) > 1 {
			sort.Strings(g)
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// Grep returns, per file, the numbers of lines containing pattern; case folding is
// decided once, up front.
func Grep(files []string, pattern string, fold bool) (map[string][]int, error) {
	if fold {
		pattern = strings.ToLower(pattern)
	}
	hits := make([][]int, len(files))
	g := new(errgroup.Group)
	g.SetLimit(4)
	for i, name := range files {
		g.Go(func() error {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			for n := 1; sc.Scan(); n++ {
				line := sc.Text()
				if fold {
					line = strings.ToLower(line)
				}
				if strings.Contains(line, pattern) {
					hits[i] = append(hits[i], n)
				}
			}
			return sc.Err()
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	out := map[string][]int{}
	for i, h := range hits {
		if len(h) > 0 {
			out[files[i]] = h
		}
	}
	return out, nil
}

// Scan walks root reporting the phase a progress goroutine prints each time it is
// poked; the phase changes while the goroutine runs.
func Scan(root string, poke <-chan struct{}, report func(string, int)) int {
	phase := "listing"
	count := 0
	var mu sync.Mutex
	stop := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			select {
			case <-poke:
				mu.Lock()
				report(phase, count)
				mu.Unlock()
			case <-stop:
				return
			}
		}
	}()
	var files []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			mu.Lock()
			files = append(files, p)
			count++
			mu.Unlock()
		}
		return nil
	})
	mu.Lock()
	phase = "hashing"
	mu.Unlock()
	for _, p := range files {
		hashFile(p)
	}
	close(stop)
	<-finished
	return len(files)
}
