package backup

import (
	"crypto/sha256"
	"sync"
)

// Chunk is one content-defined piece of a file.
type Chunk struct {
	File string
	Off  int
	Data []byte
	Sum  [32]byte
}

// ChunkerConfig sets the content-defined chunk sizes: a boundary falls where the rolling hash's low bits are zero.
type ChunkerConfig struct {
	Min, Avg, Max int
	mask          uint64
}

var gear = func() (t [256]uint64) {
	x := uint64(0x9E3779B97F4A7C15)
	for i := range t {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		t[i] = x
	}
	return t
}()

func (c *ChunkerConfig) normalize() {
	if c.Avg <= 0 {
		c.Avg = 64
	}
	if c.Min <= 0 {
		c.Min = c.Avg / 4
	}
	if c.Max <= 0 {
		c.Max = c.Avg * 4
	}
	bits := 0
	for 1<<bits < c.Avg {
		bits++
	}
	c.mask = 1<<bits - 1
}

// boundaries returns the end offset of each chunk of data.
func (c ChunkerConfig) boundaries(data []byte) []int {
	var ends []int
	start := 0
	var h uint64
	for i, b := range data {
		h = h<<1 + gear[b]
		n := i + 1 - start
		if n >= c.Max || (n >= c.Min && h&c.mask == 0) {
			ends = append(ends, i+1)
			start = i + 1
			h = 0
		}
	}
	if start < len(data) {
		ends = append(ends, len(data))
	}
	return ends
}

// Split cuts one file into chunks.
func Split(f File, cfg ChunkerConfig) []Chunk {
	var out []Chunk
	start := 0
	for _, end := range cfg.boundaries(f.Data) {
		d := f.Data[start:end]
		out = append(out, Chunk{File: f.Name, Off: start, Data: d, Sum: sha256.Sum256(d)})
		start = end
	}
	return out
}

// ChunkFiles splits every file on its own goroutine with the normalised configuration.
func ChunkFiles(files []File, cfg ChunkerConfig) [][]Chunk {
	cfg.normalize()
	out := make([][]Chunk, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = Split(f, cfg)
		}()
	}
	wg.Wait()
	return out
}

// ChunkSizes reports each file's chunk count, counting through a pointer to the shared configuration.
func ChunkSizes(files []File, cfg ChunkerConfig) []int {
	cfg.normalize()
	c := &cfg
	counts := make([]int, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i] = len(c.boundaries(f.Data))
		}()
	}
	wg.Wait()
	return counts
}

// chunkResult is one file's chunks or the reason it failed.
type chunkResult struct {
	index  int
	chunks []Chunk
}

// ChunkStream splits the files on workers that report a start event and then their chunks: two sends per file.
func ChunkStream(files []File, cfg ChunkerConfig) (started int, chunks [][]Chunk) {
	cfg.normalize()
	events := make(chan chunkResult)
	for i, f := range files {
		go func() {
			events <- chunkResult{index: -1}
			events <- chunkResult{index: i, chunks: Split(f, cfg)}
		}()
	}
	chunks = make([][]Chunk, len(files))
	for n := 0; n < 2*len(files); n++ {
		ev := <-events
		if ev.index < 0 {
			started++
			continue
		}
		chunks[ev.index] = ev.chunks
	}
	return started, chunks
}
