package backup

import (
	"context"
	"encoding/hex"
	"errors"
	"sync"
	"sync/atomic"
)

func chunkKey(prefix string, c Chunk) string {
	return prefix + hex.EncodeToString(c.Sum[:])
}

// uploader writes chunks under a repository prefix, counting what it sent.
type uploader struct {
	st     Store
	prefix string
	sent   atomic.Int64
}

func (u *uploader) upload(ctx context.Context, c Chunk) error {
	key := chunkKey(u.prefix, c)
	if u.st.Has(key) {
		return nil
	}
	if err := u.st.Put(ctx, key, c.Data); err != nil {
		return err
	}
	u.sent.Add(1)
	return nil
}

// target is where a chunk goes: a store and a prefix, passed by value.
type target struct {
	st     Store
	prefix string
}

func (t target) put(ctx context.Context, c Chunk) error {
	return t.st.Put(ctx, chunkKey(t.prefix, c), c.Data)
}

// keyer names chunks; its pointer method only reads.
type keyer struct {
	prefix string
	shard  int
}

func (k *keyer) key(c Chunk) string {
	if k.shard > 0 {
		return k.prefix + itoa(int(c.Sum[0])%k.shard) + "/" + hex.EncodeToString(c.Sum[:])
	}
	return chunkKey(k.prefix, c)
}

// UploadChunks uploads every chunk through the group, at most maxInFlight at a time, stopping at the first error.
func UploadChunks(ctx context.Context, st Store, chunks []Chunk, prefix string, maxInFlight int) error {
	g, ctx := withContext(ctx)
	sem := make(chan struct{}, maxInFlight)
	for _, c := range chunks {
		sem <- struct{}{}
		g.Go(func() error {
			defer func() { <-sem }()
			return st.Put(ctx, chunkKey(prefix, c), c.Data)
		})
	}
	return g.Wait()
}

// FanOut uploads the chunks through the uploader's method value and reports how many were new.
func FanOut(ctx context.Context, st Store, chunks []Chunk, prefix string) (int64, error) {
	u := uploader{st: st, prefix: prefix}
	send := u.upload
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = send(ctx, c)
		}()
	}
	wg.Wait()
	return u.sent.Load(), errors.Join(errs...)
}

// UploadTo uploads the chunks through a target's method value (a value receiver).
func UploadTo(ctx context.Context, st Store, chunks []Chunk, prefix string) error {
	t := target{st: st, prefix: prefix}
	put := t.put
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = put(ctx, c)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// UploadSharded names each chunk through a keyer's pointer method value before uploading it.
func UploadSharded(ctx context.Context, st Store, chunks []Chunk, prefix string, shards int) error {
	k := keyer{prefix: prefix, shard: shards}
	name := k.key
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = st.Put(ctx, name(c), c.Data)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// UploadBounded uploads with a semaphore of maxInFlight slots; the prefix is reset for the next snapshot after the wait.
func UploadBounded(ctx context.Context, st Store, chunks []Chunk, prefix string, maxInFlight int) (string, error) {
	sem := newSemaphore(maxInFlight)
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		if err := sem.acquire(ctx); err != nil {
			errs[i] = err
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer sem.release()
			errs[i] = st.Put(ctx, chunkKey(prefix, c), c.Data)
		}()
	}
	wg.Wait()
	prefix = prefix + "next/"
	return prefix, errors.Join(errs...)
}

// worker uploads chunks it receives until the channel closes.
type worker struct {
	id   int
	st   Store
	keys keyer
	done *sync.WaitGroup
	errs chan<- error
}

func (w *worker) run(ctx context.Context, jobs <-chan Chunk) {
	defer w.done.Done()
	for c := range jobs {
		if err := w.st.Put(ctx, w.keys.key(c), c.Data); err != nil {
			w.errs <- err
		}
	}
}

// RunWorkers starts n workers by method and feeds them the chunks.
func RunWorkers(ctx context.Context, st Store, chunks []Chunk, prefix string, n int) error {
	jobs := make(chan Chunk)
	errc := make(chan error, len(chunks))
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		w := worker{id: i, st: st, keys: keyer{prefix: prefix}, done: &wg, errs: errc}
		wg.Add(1)
		go w.run(ctx, jobs)
	}
	for _, c := range chunks {
		jobs <- c
	}
	close(jobs)
	wg.Wait()
	close(errc)
	var errs []error
	for err := range errc {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// UploadEach uploads every chunk on a goroutine holding a target that points at the run's keyer.
func UploadEach(ctx context.Context, st Store, chunks []Chunk, prefix string) error {
	k := keyer{prefix: prefix}
	type sink struct {
		st   Store
		keys *keyer
	}
	s := sink{st: st, keys: &k}
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.st.Put(ctx, s.keys.key(c), c.Data)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}
