package gateway

import (
	"fmt"
	"hash/fnv"
	"sync"
	"time"

	"example.com/freshgw/limits"
)

// Bucket is a token bucket.
type Bucket struct {
	mu     sync.Mutex
	tokens float64
	rate   float64
	burst  float64
	last   time.Time
}

// Allow takes one token if the bucket has one.
func (b *Bucket) Allow(now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// Limiter shards buckets by client key.
type Limiter struct {
	shards [limits.BucketShards]struct {
		mu      sync.Mutex
		buckets map[string]*Bucket
	}
	rate, burst float64
}

// shardOf hashes a key to its shard.
func shardOf(key string) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % limits.BucketShards)
}

// Allow admits or refuses a request from key.
func (l *Limiter) Allow(key string, now time.Time) bool {
	s := &l.shards[shardOf(key)]
	s.mu.Lock()
	b, ok := s.buckets[key]
	if !ok {
		if s.buckets == nil {
			s.buckets = map[string]*Bucket{}
		}
		b = &Bucket{tokens: l.burst, rate: l.rate, burst: l.burst, last: now}
		s.buckets[key] = b
	}
	s.mu.Unlock()
	return b.Allow(now)
}

// retryAfter formats a Retry-After message for a refused client.
func retryAfter(key string, wait time.Duration) string {
	secs := int(wait / time.Second)
	return fmt.Sprintf("client %s rate limited, retry in %d s", key, secs)
}

// bucketState is a snapshot for the admin page.
type bucketState struct {
	Key    string
	Tokens float64
}

// snapshot copies every bucket's tokens from one shard.
func (l *Limiter) snapshot(shard int) []bucketState {
	s := &l.shards[shard%limits.BucketShards]
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]bucketState, 0, len(s.buckets))
	for k, b := range s.buckets {
		out = append(out, bucketState{k, b.tokens})
	}
	return out
}

// shardLoads counts buckets per shard for the metrics page.
func (l *Limiter) shardLoads() int {
	loads := make([]int, limits.BucketShards)
	for i := range l.shards {
		l.shards[i].mu.Lock()
		loads[i] = len(l.shards[i].buckets)
		l.shards[i].mu.Unlock()
	}
	most := 0
	for _, n := range loads {
		most = max(most, n)
	}
	return most
}

// refill tops every bucket of every shard in parallel.
func (l *Limiter) refill(now time.Time) {
	var wg sync.WaitGroup
	for i := 0; i < limits.BucketShards; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := &l.shards[i]
			s.mu.Lock()
			for _, b := range s.buckets {
				b.Allow(now)
				b.tokens++
			}
			s.mu.Unlock()
		}()
	}
	wg.Wait()
}
