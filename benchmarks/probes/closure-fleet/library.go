package fleet

import (
	"context"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Item is one media file found by a scan.
type Item struct {
	Path  string
	Kind  string
	Bytes int64
}

// scanRules classify files; its methods read its fields only.
type scanRules struct {
	video []string
	audio []string
	skip  string
}

func (r *scanRules) kind(name string) string {
	if r.skip != "" && strings.HasPrefix(path.Base(name), r.skip) {
		return ""
	}
	ext := strings.ToLower(path.Ext(name))
	if r.has(r.video, ext) {
		return "video"
	}
	if r.has(r.audio, ext) {
		return "audio"
	}
	return ""
}

func (r *scanRules) has(exts []string, ext string) bool {
	for _, e := range exts {
		if e == ext {
			return true
		}
	}
	return false
}

// ScanDirs walks each top-level directory in its own goroutine; the root is
// cleaned after the scan for the report.
func ScanDirs(fsys fs.FS, root string, dirs []string) ([]Item, string) {
	found := make([][]Item, len(dirs))
	var wg sync.WaitGroup
	for i, d := range dirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fs.WalkDir(fsys, path.Join(root, d), func(p string, de fs.DirEntry, err error) error {
				if err != nil || de.IsDir() {
					return nil
				}
				info, err := de.Info()
				if err != nil {
					return nil
				}
				found[i] = append(found[i], Item{Path: p, Bytes: info.Size()})
				return nil
			})
		}()
	}
	wg.Wait()
	root = path.Clean("/" + root)
	var all []Item
	for _, f := range found {
		all = append(all, f...)
	}
	return all, root
}

// Classify classifies the items with the scan rules' pointer method on an
// errgroup (the pointer-method capture, two methods deep).
func Classify(ctx context.Context, items []Item, video, audio []string, skip string) ([]Item, error) {
	rules := scanRules{video: video, audio: audio, skip: skip}
	out := make([]Item, len(items))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i, it := range items {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			it.Kind = rules.kind(it.Path)
			out[i] = it
			return nil
		})
	}
	return out, g.Wait()
}

// Dedupe groups items by size in a pool sized by workers and reports the
// duplicates; the minimum size is raised after for the next scan.
func Dedupe(items []Item, workers int, minSize int64) ([][]string, int64) {
	jobs := make(chan Item)
	bySize := make(map[int64][]string)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				if it.Bytes < minSize {
					continue
				}
				mu.Lock()
				bySize[it.Bytes] = append(bySize[it.Bytes], it.Path)
				mu.Unlock()
			}
		}()
	}
	for _, it := range items {
		jobs <- it
	}
	close(jobs)
	wg.Wait()
	var dups [][]string
	for _, ps := range bySize {
		if len(ps) > 1 {
			sort.Strings(ps)
			dups = append(dups, ps)
		}
	}
	sort.Slice(dups, func(i, j int) bool { return dups[i][0] < dups[j][0] })
	minSize = max(minSize, 1) * 2
	return dups, minSize
}

// ScanIncremental rescans while an indexer goroutine keeps running after the
// call (must-decline: the goroutine outlives the function and reads the
// generation the loop bumps).
func ScanIncremental(ctx context.Context, changes <-chan string, index func(string, int)) {
	gen := 0
	go func() {
		for {
			select {
			case p := <-changes:
				index(p, gen)
			case <-ctx.Done():
				return
			}
		}
	}()
	gen++
}

// Tally counts items per kind in stripes; each stripe's goroutine reads the
// shared error set after the spawning loop (must-decline: an error variable
// written after the go statement and read by the goroutine).
func Tally(items []Item, stripes int) (map[string]int, error) {
	var err error
	counts := make([]map[string]int, max(stripes, 1))
	var wg sync.WaitGroup
	for s := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := make(map[string]int)
			for i := s; i < len(items); i += len(counts) {
				if err != nil {
					return
				}
				m[items[i].Kind]++
			}
			counts[s] = m
		}()
		if len(items) == 0 {
			err = fs.ErrNotExist
		}
	}
	wg.Wait()
	total := make(map[string]int)
	for _, m := range counts {
		for k, n := range m {
			total[k] += n
		}
	}
	return total, err
}
