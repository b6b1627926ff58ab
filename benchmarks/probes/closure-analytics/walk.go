package analytics

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// HashParams configures HashTree.
type HashParams struct {
	Workers int
	Ext     string
	Salt    string
}

// FileHash is a file's digest.
type FileHash struct {
	Path string
	Sum  string
	Err  error
}

func digest(salt string, b []byte) string {
	h := sha256.New()
	io.WriteString(h, salt)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// HashTree hashes every file under fsys matching p.Ext on p.Workers goroutines
// fed through a channel.
func HashTree(fsys fs.FS, p HashParams) ([]FileHash, error) {
	if p.Workers <= 0 {
		p.Workers = 4
	}
	p.Ext = strings.ToLower(p.Ext)
	var paths []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(strings.ToLower(name), p.Ext) {
			paths = append(paths, name)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]FileHash, len(paths))
	idx := make(chan int)
	var wg sync.WaitGroup
	wg.Add(p.Workers)
	for i := 0; i < p.Workers; i++ {
		go func() {
			defer wg.Done()
			for j := range idx {
				b, err := fs.ReadFile(fsys, paths[j])
				out[j] = FileHash{Path: paths[j], Err: err}
				if err == nil {
					out[j].Sum = digest(p.Salt, b)
				}
			}
		}()
	}
	for j := range paths {
		idx <- j
	}
	close(idx)
	wg.Wait()
	return out, nil
}

// HashBlobs hashes in-memory blobs on a pool sized by the params, each worker
// taking a contiguous range.
func HashBlobs(blobs [][]byte, p *HashParams) []string {
	sums := make([]string, len(blobs))
	per := (len(blobs) + p.Workers - 1) / p.Workers
	var wg sync.WaitGroup
	wg.Add(p.Workers)
	for w := 0; w < p.Workers; w++ {
		go func() {
			defer wg.Done()
			for i := w * per; i < min((w+1)*per, len(blobs)); i++ {
				sums[i] = digest(p.Salt, blobs[i])
			}
		}()
	}
	wg.Wait()
	return sums
}

// SyncPlan lists what a one-way directory sync must copy and delete.
type SyncPlan struct {
	Copy   []string
	Delete []string
}

// SyncOptions configures PlanSync.
type SyncOptions struct {
	Workers   int
	Tolerance time.Duration
	DryRun    bool
}

type stamp struct {
	size int64
	mod  time.Time
}

func listTree(fsys fs.FS) (map[string]stamp, error) {
	m := map[string]stamp{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		m[name] = stamp{fi.Size(), fi.ModTime()}
		return nil
	})
	return m, err
}

// PlanSync lists both trees concurrently and compares them; the tolerance is
// rounded first.
func PlanSync(src, dst fs.FS, opt SyncOptions) (SyncPlan, error) {
	if opt.Tolerance < time.Second {
		opt.Tolerance = time.Second
	}
	var a, b map[string]stamp
	var errA, errB error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); a, errA = listTree(src) }()
	go func() { defer wg.Done(); b, errB = listTree(dst) }()
	wg.Wait()
	if err := errors.Join(errA, errB); err != nil {
		return SyncPlan{}, err
	}
	var plan SyncPlan
	for name, s := range a {
		d, ok := b[name]
		if !ok || d.size != s.size || s.mod.Sub(d.mod) > opt.Tolerance {
			plan.Copy = append(plan.Copy, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			plan.Delete = append(plan.Delete, name)
		}
	}
	sort.Strings(plan.Copy)
	sort.Strings(plan.Delete)
	return plan, nil
}

// CopyFiles copies the planned files with opt.Workers goroutines taking every
// Workers-th name; the destination root is cleaned first.
func CopyFiles(src fs.FS, dstRoot string, names []string, opt SyncOptions) []error {
	dstRoot = filepath.Clean(dstRoot)
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	wg.Add(opt.Workers)
	for w := 0; w < opt.Workers; w++ {
		go func() {
			defer wg.Done()
			for i := w; i < len(names); i += opt.Workers {
				if opt.DryRun {
					continue
				}
				b, err := fs.ReadFile(src, names[i])
				if err == nil {
					target := filepath.Join(dstRoot, filepath.FromSlash(names[i]))
					if err = os.MkdirAll(filepath.Dir(target), 0o755); err == nil {
						err = os.WriteFile(target, b, 0o644)
					}
				}
				errs[i] = err
			}
		}()
	}
	wg.Wait()
	return errs
}

// ArchiveSpec names what BuildArchive packs.
type ArchiveSpec struct {
	Prefix string
	Files  map[string][]byte
	Mode   int64
}

// BuildArchive writes a tar stream through a pipe from a goroutine and reads
// it back into a buffer; the prefix is cleaned first.
func BuildArchive(spec ArchiveSpec) ([]byte, error) {
	spec.Prefix = path.Clean("/" + spec.Prefix)[1:]
	names := make([]string, 0, len(spec.Files))
	for n := range spec.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	pr, pw := io.Pipe()
	go func() {
		tw := tar.NewWriter(pw)
		for _, n := range names {
			body := spec.Files[n]
			hdr := &tar.Header{Name: path.Join(spec.Prefix, n), Mode: spec.Mode, Size: int64(len(body))}
			if err := tw.WriteHeader(hdr); err != nil {
				pw.CloseWithError(err)
				return
			}
			tw.Write(body)
		}
		pw.CloseWithError(tw.Close())
	}()
	var buf bytes.Buffer
	_, err := io.Copy(&buf, pr)
	return buf.Bytes(), err
}

// DiskUsage sums file sizes per top-level directory, one goroutine per
// directory, the results sent back on a channel.
func DiskUsage(fsys fs.FS, dirs []string, minSize int64) map[string]int64 {
	if minSize < 0 {
		minSize = 0
	}
	type usage struct {
		dir   string
		bytes int64
	}
	res := make(chan usage, len(dirs))
	for _, d := range dirs {
		go func() {
			var total int64
			fs.WalkDir(fsys, d, func(_ string, e fs.DirEntry, err error) error {
				if err == nil && !e.IsDir() {
					if fi, err := e.Info(); err == nil && fi.Size() >= minSize {
						total += fi.Size()
					}
				}
				return nil
			})
			res <- usage{d, total}
		}()
	}
	out := make(map[string]int64, len(dirs))
	for range dirs {
		u := <-res
		out[u.dir] = u.bytes
	}
	return out
}

// Watcher polls a tree for changes; the caller can retune its period after
// Start, which the polling goroutine must see.
type Watcher struct {
	Period time.Duration
	mu     sync.Mutex
	last   map[string]stamp
}

// Start polls fsys every w.Period until stop closes.
func (w *Watcher) Start(fsys fs.FS, stop <-chan struct{}, changed func(string)) {
	go func() {
		t := time.NewTimer(w.Period)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				cur, _ := listTree(fsys)
				w.mu.Lock()
				for n, s := range cur {
					if old, ok := w.last[n]; !ok || old != s {
						changed(n)
					}
				}
				w.last = cur
				w.mu.Unlock()
				t.Reset(w.Period)
			}
		}
	}()
}
