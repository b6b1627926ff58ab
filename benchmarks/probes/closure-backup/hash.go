package backup

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"sync"
)

// Entry is one hashed file.
type Entry struct {
	Path string
	Size int
	Sum  [32]byte
}

// Keys are a repository's secrets, loaded once per run.
type Keys struct {
	Dedup [32]byte
	MAC   [32]byte
	Enc   [32]byte
	ID    [16]byte
	Label string
}

// hasher derives content ids keyed by the repository's dedup key.
type hasher struct {
	key  [32]byte
	name string
}

func (h *hasher) sum(data []byte) [32]byte {
	m := hmac.New(sha256.New, h.key[:])
	m.Write(data)
	var out [32]byte
	copy(out[:], m.Sum(nil))
	return out
}

// HashFiles hashes the files on a pool of workers fed by a channel and returns them sorted by path.
func HashFiles(files []File, workers int) []Entry {
	jobs := make(chan File)
	results := make(chan Entry)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				results <- Entry{Path: f.Name, Size: len(f.Data), Sum: sha256.Sum256(f.Data)}
			}
		}()
	}
	go func() {
		for _, f := range files {
			jobs <- f
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var out []Entry
	for e := range results {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// HashKeyed hashes each file with the repository's dedup key through the hasher's method value.
func HashKeyed(files []File, key [32]byte) []Entry {
	h := hasher{key: key, name: "hmac-sha256"}
	sum := h.sum
	out := make([]Entry, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = Entry{Path: f.Name, Size: len(f.Data), Sum: sum(f.Data)}
		}()
	}
	wg.Wait()
	return out
}

// HashSealed hashes and MACs each file with the repository's keys.
func HashSealed(files []File, keys Keys) []string {
	ids := make([]string, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := hmac.New(sha256.New, keys.MAC[:])
			m.Write(keys.ID[:])
			m.Write(f.Data)
			ids[i] = keys.Label + "/" + hex.EncodeToString(m.Sum(nil))
		}()
	}
	wg.Wait()
	return ids
}

// Dedup groups files by content, hashing on one goroutine per file, and names the duplicates.
func Dedup(files []File, key [32]byte) map[[32]byte][]string {
	h := hasher{key: key, name: "dedup"}
	sums := make([][32]byte, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[i] = h.sum(f.Data)
		}()
	}
	wg.Wait()
	groups := map[[32]byte][]string{}
	for i, s := range sums {
		groups[s] = append(groups[s], files[i].Name)
	}
	return groups
}

// Fingerprint hashes every file and then the sorted list of sums, recording the algorithm used.
func Fingerprint(files []File, algo string) (string, string) {
	sums := make([]string, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := sha256.Sum256(f.Data)
			sums[i] = algo + ":" + hex.EncodeToString(s[:8])
		}()
	}
	wg.Wait()
	sort.Strings(sums)
	all := sha256.New()
	for _, s := range sums {
		all.Write([]byte(s))
	}
	algo += "+tree"
	return algo, hex.EncodeToString(all.Sum(nil))
}
