package payments

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"
)

// KeyStore remembers idempotency keys for a retention period.
type KeyStore struct {
	mu   sync.Mutex
	seen map[string]time.Time
	ttl  time.Duration
}

// NewKeyStore returns an empty store keeping keys for ttl.
func NewKeyStore(ttl time.Duration) *KeyStore {
	return &KeyStore{seen: make(map[string]time.Time), ttl: ttl}
}

// Claim records the key and reports whether it was new.
func (k *KeyStore) Claim(key string, now time.Time) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	if t, ok := k.seen[key]; ok && now.Sub(t) < k.ttl {
		return false
	}
	k.seen[key] = now
	return true
}

// fingerprint hashes the fields that make two requests the same payment.
func fingerprint(p Payment, salt string) string {
	h := sha256.Sum256([]byte(salt + p.Merchant + p.Key + p.Currency))
	return hex.EncodeToString(h[:8])
}

// ClaimBatch checks every payment's key in parallel; the salt is reset for
// the next batch after the wait.
func ClaimBatch(ks *KeyStore, ps []Payment, salt string, now time.Time) ([]bool, string) {
	fresh := make([]bool, len(ps))
	var wg sync.WaitGroup
	for i, p := range ps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fresh[i] = ks.Claim(fingerprint(p, salt), now)
		}()
	}
	wg.Wait()
	salt = ""
	return fresh, salt
}

// Dedupe hashes every payment concurrently and drops duplicates in the
// order given; results come back indexed over a channel.
func Dedupe(ps []Payment, salt string) []Payment {
	type fp struct {
		i   int
		key string
	}
	ch := make(chan fp, len(ps))
	for i, p := range ps {
		go func() { ch <- fp{i, fingerprint(p, salt)} }()
	}
	keys := make([]string, len(ps))
	for n := 0; n < len(ps); n++ {
		f := <-ch
		keys[f.i] = f.key
	}
	salt = "used"
	_ = salt
	seen := make(map[string]bool, len(ps))
	var out []Payment
	for i, p := range ps {
		if !seen[keys[i]] {
			seen[keys[i]] = true
			out = append(out, p)
		}
	}
	return out
}

// ProcessOnce runs charge for every payment whose key is new; the duplicate
// count is incremented by the goroutines (must decline: shared).
func ProcessOnce(ctx context.Context, ks *KeyStore, ps []Payment, charge func(context.Context, Payment) error) (int, error) {
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		dups     int
		firstErr error
	)
	for _, p := range ps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !ks.Claim(p.Key, time.Now()) {
				mu.Lock()
				dups++
				mu.Unlock()
				return
			}
			if err := charge(ctx, p); err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return dups, firstErr
}

// Expire sweeps each key shard in parallel; the cutoff is read by the
// sweepers while the caller may move it forward (must decline: the write
// happens before the wait).
func Expire(shards []map[string]time.Time, cutoff time.Time, extend bool) {
	var wg sync.WaitGroup
	for _, sh := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k, t := range sh {
				if t.Before(cutoff) {
					delete(sh, k)
				}
			}
		}()
	}
	if extend {
		cutoff = cutoff.Add(time.Hour)
	}
	wg.Wait()
}

// ReplayKeys checks a replayed log of keys against the store with a worker
// per shard of the log; the replay stamp is advanced after the wait.
func ReplayKeys(ks *KeyStore, log [][]string, stamp time.Time) (int, time.Time) {
	counts := make([]int, len(log))
	var wg sync.WaitGroup
	wg.Add(len(log))
	for i, keys := range log {
		go func() {
			defer wg.Done()
			for _, k := range keys {
				if ks.Claim(k, stamp) {
					counts[i]++
				}
			}
		}()
	}
	wg.Wait()
	stamp = stamp.Add(time.Second)
	total := 0
	for _, c := range counts {
		total += c
	}
	return total, stamp
}
