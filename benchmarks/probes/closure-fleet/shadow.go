package fleet

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Shadow is the desired and reported state of devices, kept in shards.
type Shadow struct {
	mu      sync.Mutex
	shards  []map[string]string
	version int
	policy  SyncPolicy
}

// SyncPolicy says how shards sync with the cloud.
type SyncPolicy struct {
	Timeout time.Duration
	Retries int
	Region  string
}

func (p *SyncPolicy) deadline(now time.Time) time.Time {
	return now.Add(p.Timeout * time.Duration(max(p.Retries, 1)))
}

func shardOf(id string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(max(n, 1)))
}

// NewShadow makes n empty shards.
func NewShadow(n int, p SyncPolicy) *Shadow {
	s := &Shadow{shards: make([]map[string]string, n), policy: p}
	for i := range s.shards {
		s.shards[i] = make(map[string]string)
	}
	return s
}

// Push syncs every shard's state with one goroutine per shard; the version is
// bumped once all shards are synced.
func (s *Shadow) Push(ctx context.Context, send func(ctx context.Context, shard int, kv map[string]string) error) error {
	version := s.version + 1
	errs := make([]error, len(s.shards))
	var wg sync.WaitGroup
	for i, kv := range s.shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cp := make(map[string]string, len(kv)+1)
			for k, v := range kv {
				cp[k] = v
			}
			cp["$version"] = fmt.Sprint(version)
			errs[i] = send(ctx, i, cp)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			version = s.version // a failed shard keeps the old version
			break
		}
	}
	s.version = version
	return errors.Join(errs...)
}

// PushPolicy syncs shards with a deadline from the policy's pointer method
// (the pointer-method capture).
func PushPolicy(ctx context.Context, kvs []map[string]string, p SyncPolicy, send func(context.Context, map[string]string) error) []error {
	errs := make([]error, len(kvs))
	now := time.Unix(1700000000, 0)
	var wg sync.WaitGroup
	for i, kv := range kvs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithDeadline(ctx, p.deadline(now))
			defer cancel()
			errs[i] = send(ctx, kv)
		}()
	}
	wg.Wait()
	return errs
}

// Pull fetches every shard from the cloud on an errgroup and merges them
// under the lock; the region is reported after.
func (s *Shadow) Pull(ctx context.Context, fetch func(ctx context.Context, region string, shard int) (map[string]string, error)) (string, error) {
	region := s.policy.Region
	g, ctx := errgroup.WithContext(ctx)
	for i := range s.shards {
		g.Go(func() error {
			kv, err := fetch(ctx, region, i)
			if err != nil {
				return err
			}
			s.mu.Lock()
			for k, v := range kv {
				s.shards[i][k] = v
			}
			s.mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return region, err
	}
	if region == "" {
		region = "default"
	}
	return region, nil
}

// Reconcile compares desired and reported per shard; the drift count is
// written by the goroutines and read after (a result slot).
func Reconcile(desired, reported []map[string]string) (int, []string) {
	drift := make([]int, len(desired))
	var keys []string
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range desired {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k, v := range desired[i] {
				if reported[i][k] != v {
					drift[i]++
					mu.Lock()
					keys = append(keys, k)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, d := range drift {
		total += d
	}
	sort.Strings(keys)
	return total, keys
}

// Apply writes updates to their shards, one goroutine per shard; the shard
// count may grow while they run when a rebalance arrives (must-decline).
func (s *Shadow) Apply(updates map[string]string, rebalance <-chan int) {
	n := len(s.shards)
	per := make([]map[string]string, n)
	for id, v := range updates {
		i := shardOf(id, n)
		if per[i] == nil {
			per[i] = make(map[string]string)
		}
		per[i][id] = v
	}
	var wg sync.WaitGroup
	for i, kv := range per {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.mu.Lock()
			defer s.mu.Unlock()
			for id, v := range kv {
				if shardOf(id, n) == i {
					s.shards[i][id] = v
				}
			}
		}()
	}
	select {
	case m := <-rebalance:
		n = m
	default:
	}
	wg.Wait()
}

// Watch reports shard sizes every tick in a goroutine the caller stops with
// ctx; the interval may be changed with the returned setter (must-decline).
func (s *Shadow) Watch(ctx context.Context, every time.Duration, report func(int, int)) func(time.Duration) {
	var mu sync.Mutex
	go func() {
		for ctx.Err() == nil {
			mu.Lock()
			d := every
			mu.Unlock()
			time.Sleep(d)
			s.mu.Lock()
			for i, kv := range s.shards {
				report(i, len(kv))
			}
			s.mu.Unlock()
		}
	}()
	return func(d time.Duration) {
		mu.Lock()
		every = d
		mu.Unlock()
	}
}
