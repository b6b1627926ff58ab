package buildtools

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Artifact is one build output to upload.
type Artifact struct {
	Name string
	Data []byte
}

// Store is where artifacts go.
type Store interface {
	Put(ctx context.Context, key string, data []byte) error
}

// ErrTransient marks an upload error worth retrying.
var ErrTransient = errors.New("transient")

// UploadOptions tunes an upload.
type UploadOptions struct {
	Prefix   string
	Attempts int
	Backoff  time.Duration
	Parallel int
}

func putWithRetry(ctx context.Context, s Store, key string, data []byte, attempts int, backoff time.Duration) error {
	var err error
	for a := 0; a < attempts; a++ {
		if err = s.Put(ctx, key, data); err == nil || !errors.Is(err, ErrTransient) {
			return err
		}
		if backoff > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(backoff << a):
			}
		}
	}
	return err
}

// Upload puts every artifact under the prefix, opts.Parallel at a time, with retries.
func Upload(ctx context.Context, s Store, arts []Artifact, opts UploadOptions) error {
	prefix := opts.Prefix
	if prefix != "" && prefix[len(prefix)-1] != '/' {
		prefix += "/"
	}
	attempts := opts.Attempts
	if attempts < 1 {
		attempts = 3
	}
	sem := make(chan struct{}, max(opts.Parallel, 1))
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	for i, a := range arts {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = putWithRetry(ctx, s, prefix+a.Name, a.Data, attempts, opts.Backoff)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// UploadWithProgress reports the bytes sent so far every tick while the uploads run.
func UploadWithProgress(ctx context.Context, s Store, arts []Artifact, prefix string, tick time.Duration, report func(sent, total int64)) error {
	if prefix == "" {
		prefix = "artifacts/"
	}
	var total int64
	for _, a := range arts {
		total += int64(len(a.Data))
	}
	var sent atomic.Int64
	stop := make(chan struct{})
	var reporter sync.WaitGroup
	reporter.Add(1)
	go func() {
		defer reporter.Done()
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				report(sent.Load(), total)
			case <-stop:
				report(sent.Load(), total)
				return
			}
		}
	}()
	var wg sync.WaitGroup
	errs := make(chan error, len(arts))
	for _, a := range arts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Put(ctx, prefix+a.Name, a.Data); err != nil {
				errs <- err
				return
			}
			sent.Add(int64(len(a.Data)))
		}()
	}
	wg.Wait()
	close(stop)
	reporter.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	prefix = ""
	return errors.Join(all...)
}

// UploadFirstError returns the first failure; the other uploads' errors are
// logged by a goroutine left running after the return, which reads the label
// set once it is released (must decline: it observes the later write).
func UploadFirstError(ctx context.Context, s Store, arts []Artifact, label string, logf func(string, ...any)) error {
	if label == "" {
		label = "upload"
	}
	errs := make(chan error)
	for _, a := range arts {
		go func() {
			errs <- s.Put(ctx, a.Name, a.Data)
		}()
	}
	var first error
	received := 0
	for range arts {
		received++
		if err := <-errs; err != nil {
			first = err
			break
		}
	}
	if first != nil {
		release := make(chan struct{})
		go func() {
			<-release
			for i := received; i < len(arts); i++ {
				if err := <-errs; err != nil {
					logf("%s: %v", label, err)
				}
			}
		}()
		label += " (abandoned)"
		close(release)
	}
	return first
}

// UploadManifest uploads a manifest once every artifact is up; the artifacts'
// keys are read by the goroutines and rewritten for the manifest after.
func UploadManifest(ctx context.Context, s Store, arts []Artifact, version string) error {
	if version == "" {
		version = "dev"
	}
	done := make(chan error, len(arts))
	for _, a := range arts {
		go func() {
			done <- s.Put(ctx, version+"/"+a.Name, a.Data)
		}()
	}
	for range arts {
		if err := <-done; err != nil {
			return err
		}
	}
	version = "latest"
	return s.Put(ctx, version+"/MANIFEST", []byte(fmt.Sprint(len(arts))))
}
