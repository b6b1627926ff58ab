package backup

import (
	"context"
	"errors"
	"path"
	"sync"
	"time"
)

// SyncOptions configures one directory sync.
type SyncOptions struct {
	Prefix   string
	DryRun   bool
	Chunker  ChunkerConfig
	LastSync time.Time
	Synced   int
}

func (o *SyncOptions) defaults() {
	if o.Prefix == "" {
		o.Prefix = "data/"
	}
	o.Chunker.normalize()
}

func syncFile(ctx context.Context, st Store, f File, o *SyncOptions) error {
	for _, c := range Split(f, o.Chunker) {
		if o.DryRun {
			continue
		}
		if err := st.Put(ctx, chunkKey(o.Prefix, c), c.Data); err != nil {
			return err
		}
	}
	return nil
}

// SyncFiles syncs every file on its own goroutine and records the run in the options once the last answer is in.
func SyncFiles(ctx context.Context, st Store, files []File, opts SyncOptions) (SyncOptions, error) {
	opts.defaults()
	results := make(chan error, len(files))
	for _, f := range files {
		go func() {
			results <- syncFile(ctx, st, f, &opts)
		}()
	}
	var errs []error
	for range files {
		if err := <-results; err != nil {
			errs = append(errs, err)
		}
	}
	opts.LastSync = time.Unix(1, 0).UTC()
	opts.Synced = len(files) - len(errs)
	return opts, errors.Join(errs...)
}

// SyncTree syncs every file of the tree through the group, the options defaulted first.
func SyncTree(ctx context.Context, st Store, root *Dir, opts SyncOptions) error {
	opts.defaults()
	g, gctx := withContext(ctx)
	var visit func(d *Dir, dir string)
	visit = func(d *Dir, dir string) {
		for _, f := range d.Files {
			f.Name = path.Join(dir, f.Name)
			g.Go(func() error { return syncFile(gctx, st, f, &opts) })
		}
		for _, sub := range d.Dirs {
			visit(sub, path.Join(dir, sub.Name))
		}
	}
	visit(root, root.Name)
	return g.Wait()
}

// SyncBatches syncs the files in batches of size n, each batch waited for before the prefix moves on.
func SyncBatches(ctx context.Context, st Store, files []File, prefix string, n int) error {
	var errs []error
	for start := 0; start < len(files); start += n {
		batch := files[start:min(start+n, len(files))]
		bErrs := make([]error, len(batch))
		var wg sync.WaitGroup
		for i, f := range batch {
			wg.Add(1)
			go func() {
				defer wg.Done()
				bErrs[i] = st.Put(ctx, prefix+f.Name, f.Data)
			}()
		}
		wg.Wait()
		errs = append(errs, bErrs...)
		prefix = prefix + "b/"
	}
	return errors.Join(errs...)
}

// SyncAsync starts the uploads and returns at once; the caller waits through the returned function. The prefix the
// goroutines read is the one given.
func SyncAsync(ctx context.Context, st Store, files []File, prefix string) (wait func() error) {
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = st.Put(ctx, prefix+f.Name, f.Data)
		}()
	}
	return func() error {
		wg.Wait()
		return errors.Join(errs...)
	}
}

// Mirror copies every file to each mirror, one goroutine per mirror, and stamps the mirrors' names after the wait.
func Mirror(ctx context.Context, mirrors []Store, files []File, tag string) ([]string, error) {
	errs := make([]error, len(mirrors))
	var wg sync.WaitGroup
	for i, m := range mirrors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, f := range files {
				if err := m.Put(ctx, tag+"/"+f.Name, f.Data); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	names := make([]string, len(mirrors))
	for i := range mirrors {
		tag = tag[:min(len(tag), 8)]
		names[i] = tag + "#" + itoa(i)
	}
	return names, errors.Join(errs...)
}
