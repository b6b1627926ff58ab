package backup

import (
	"path"
	"sort"
	"strings"
	"sync"
)

// File is one regular file of a snapshot tree.
type File struct {
	Name string
	Data []byte
}

// Dir is one directory of a snapshot tree.
type Dir struct {
	Name  string
	Files []File
	Dirs  []*Dir
}

// WalkOptions says which entries a walk skips.
type WalkOptions struct {
	SkipHidden bool
	MaxDepth   int
	Exclude    []string
}

func (o *WalkOptions) normalize() {
	if o.MaxDepth <= 0 {
		o.MaxDepth = 32
	}
	sort.Strings(o.Exclude)
}

func (o *WalkOptions) skip(name string) bool {
	if o.SkipHidden && strings.HasPrefix(name, ".") {
		return true
	}
	i := sort.SearchStrings(o.Exclude, name)
	return i < len(o.Exclude) && o.Exclude[i] == name
}

func walkDir(d *Dir, prefix string, depth int, o *WalkOptions, out *[]string) {
	if depth > o.MaxDepth {
		return
	}
	for _, f := range d.Files {
		if !o.skip(f.Name) {
			*out = append(*out, path.Join(prefix, f.Name))
		}
	}
	for _, sub := range d.Dirs {
		if !o.skip(sub.Name) {
			walkDir(sub, path.Join(prefix, sub.Name), depth+1, o, out)
		}
	}
}

// WalkAll walks each root on its own goroutine with the normalised options.
func WalkAll(roots []*Dir, opts WalkOptions) [][]string {
	opts.normalize()
	out := make([][]string, len(roots))
	var wg sync.WaitGroup
	for i, r := range roots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var paths []string
			walkDir(r, r.Name, 0, &opts, &paths)
			out[i] = paths
		}()
	}
	wg.Wait()
	return out
}

func countTree(d *Dir) (files, bytes int) {
	for _, f := range d.Files {
		files++
		bytes += len(f.Data)
	}
	for _, sub := range d.Dirs {
		n, b := countTree(sub)
		files += n
		bytes += b
	}
	return files, bytes
}

// Usage sums each root's size on its own goroutine; the lines name the volume, tidied for the summary after the wait.
func Usage(roots []*Dir, volume string) []string {
	lines := make([]string, len(roots))
	var wg sync.WaitGroup
	for i, r := range roots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, b := countTree(r)
			lines[i] = volume + ":" + r.Name + " " + itoa(n) + " files " + itoa(b) + " bytes"
		}()
	}
	wg.Wait()
	volume = strings.TrimSuffix(volume, "/")
	return append(lines, "total on "+volume)
}

// Scan feeds every file of the trees to the walkers over a channel and gathers their paths.
func Scan(roots []*Dir, workers int) []string {
	dirs := make(chan *Dir, len(roots))
	found := make(chan []string, len(roots))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			opts := WalkOptions{MaxDepth: 32}
			for d := range dirs {
				var paths []string
				walkDir(d, d.Name, 0, &opts, &paths)
				found <- paths
			}
		}()
	}
	for _, r := range roots {
		dirs <- r
	}
	close(dirs)
	wg.Wait()
	close(found)
	var all []string
	for p := range found {
		all = append(all, p...)
	}
	sort.Strings(all)
	return all
}

// WalkStaged walks the roots once the exclusion list is resolved: the walkers start early and wait for the go signal.
func WalkStaged(roots []*Dir, opts WalkOptions, resolve func() []string) [][]string {
	out := make([][]string, len(roots))
	ready := make(chan struct{})
	var wg sync.WaitGroup
	for i, r := range roots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ready
			var paths []string
			walkDir(r, r.Name, 0, &opts, &paths)
			out[i] = paths
		}()
	}
	opts.Exclude = resolve()
	opts.normalize()
	close(ready)
	wg.Wait()
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
