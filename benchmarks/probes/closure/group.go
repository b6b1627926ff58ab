package probe

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

type Store interface {
	Get(ctx context.Context, key string) ([]byte, error)
}

// LoadAll loads keys concurrently with a bounded errgroup, then reports how
// many it loaded under the namespace (written after Wait).
func LoadAll(ctx context.Context, st Store, ns string, keys []string, limit int) (map[string][]byte, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	var mu sync.Mutex
	got := make(map[string][]byte, len(keys))
	for _, k := range keys {
		g.Go(func() error {
			v, err := st.Get(ctx, ns+"/"+k)
			if err != nil {
				return fmt.Errorf("%s/%s: %w", ns, k, err)
			}
			mu.Lock()
			got[k] = v
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	ns = ""
	return got, nil
}

// Mirror copies objects with a plain errgroup; dst is rebound after Wait.
func Mirror(ctx context.Context, src, dst Store, keys []string, copyFn func(context.Context, Store, Store, string) error) error {
	var g errgroup.Group
	for _, k := range keys {
		g.Go(func() error { return copyFn(ctx, src, dst, k) })
	}
	err := g.Wait()
	dst = nil
	_ = dst
	return err
}

// Deadline uses a reassigned ctx inside a plain errgroup.
func Deadline(ctx context.Context, st Store, keys []string, d time.Duration) ([][]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	out := make([][]byte, len(keys))
	var g errgroup.Group
	for i, k := range keys {
		g.Go(func() error {
			v, err := st.Get(ctx, k)
			out[i] = v
			return err
		})
	}
	return out, g.Wait()
}

// FirstOf returns the first successful answer; the others keep running and
// read attempt after it is written (must not be rewritten).
func FirstOf(ctx context.Context, st Store, keys []string) ([]byte, int) {
	type answer struct {
		v   []byte
		err error
	}
	attempt := 1
	ch := make(chan answer, len(keys))
	for _, k := range keys {
		go func() {
			v, err := st.Get(ctx, fmt.Sprintf("%s#%d", k, attempt))
			ch <- answer{v, err}
		}()
	}
	a := <-ch
	attempt++
	if a.err != nil {
		return nil, attempt
	}
	return a.v, attempt
}

// Service holds its own errgroup (a group in a field).
type Service struct {
	g    errgroup.Group
	name string
}

func (s *Service) Start(ctx context.Context, tasks []func(context.Context) error) error {
	prefix := s.name
	if prefix == "" {
		prefix = "svc"
	}
	for i, t := range tasks {
		s.g.Go(func() error {
			if err := t(ctx); err != nil {
				return fmt.Errorf("%s task %d: %w", prefix, i, err)
			}
			return nil
		})
	}
	return s.g.Wait()
}

var errEmpty = errors.New("empty")

// Validate checks every record concurrently, collecting errors by index;
// strict is flipped after the wait.
func Validate(recs []string, strict bool) []error {
	errs := make([]error, len(recs))
	var wg sync.WaitGroup
	for i, r := range recs {
		wg.Add(1)
		go func(i int, r string) {
			defer wg.Done()
			if r == "" && strict {
				errs[i] = errEmpty
			}
		}(i, r)
	}
	wg.Wait()
	strict = false
	_ = strict
	return errs
}
