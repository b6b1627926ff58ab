package text

// MinHasher computes MinHash signatures with k of NumHashes seeded hashes.
type MinHasher struct {
	seeds [NumHashes]uint64
	k     int
}

// NewMinHasher clamps k to the signature length.
func NewMinHasher(k int) *MinHasher {
	if k < 1 {
		k = 1
	}
	if k > NumHashes {
		k = NumHashes
	}
	m := &MinHasher{k: k}
	s := uint64(0x9e3779b97f4a7c15)
	for i := range m.seeds {
		s ^= s << 13
		s ^= s >> 7
		s ^= s << 17
		m.seeds[i] = s
	}
	return m
}

func (m *MinHasher) fill(sig []uint64, shingles []uint64) {
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, sh := range shingles {
		for i := range sig {
			h := (sh ^ m.seeds[i]) * fnvPrime
			if h < sig[i] {
				sig[i] = h
			}
		}
	}
}

// Similarity estimates the Jaccard similarity of two shingle sets.
func (m *MinHasher) Similarity(a, b []uint64) float64 {
	sa := make([]uint64, m.k)
	sb := make([]uint64, m.k)
	m.fill(sa, a)
	m.fill(sb, b)
	same := 0
	for i := range sa {
		if sa[i] == sb[i] {
			same++
		}
	}
	return float64(same) / float64(m.k)
}

// Signature returns a signature the LSH index stores.
func (m *MinHasher) Signature(shingles []uint64) []uint64 {
	sig := make([]uint64, m.k)
	m.fill(sig, shingles)
	return sig
}

// Bands hashes the signature in bands of rows; it reports how many bands
// collide with the stored band keys.
func (m *MinHasher) Bands(shingles []uint64, rows int, stored map[uint64]bool) int {
	if rows < 1 || rows > m.k {
		return 0
	}
	sig := make([]uint64, m.k)
	m.fill(sig, shingles)
	hits := 0
	for i := 0; i+rows <= len(sig); i += rows {
		h := uint64(fnvOffset)
		for _, v := range sig[i : i+rows] {
			h = (h ^ v) * fnvPrime
		}
		if stored[h] {
			hits++
		}
	}
	return hits
}
