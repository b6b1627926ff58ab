package sensor

import (
	"errors"
	"strconv"
	"strings"
)

const ringSize = 64

// Ring holds the latest readings of one sensor.
type Ring struct {
	buf  [ringSize]Reading
	head int
	n    int
}

// Push adds a reading, dropping the oldest when full.
func (r *Ring) Push(x Reading) {
	r.buf[(r.head+r.n)%len(r.buf)] = x
	if r.n < len(r.buf) {
		r.n++
	} else {
		r.head = (r.head + 1) % len(r.buf)
	}
}

// LastMean averages the last k readings, at most the ring's size.
func (r *Ring) LastMean(k int) float32 {
	if k > len(r.buf) {
		k = len(r.buf)
	}
	if k <= 0 || k > r.n {
		return 0
	}
	tmp := make([]Reading, k)
	for i := range tmp {
		tmp[i] = r.buf[(r.head+r.n-k+i)%len(r.buf)]
	}
	var sum float32
	for _, x := range tmp {
		sum += x.Value
	}
	return sum / float32(k)
}

// Snapshot copies the ring for a consistent read; its size is the ring's count field.
func (r *Ring) SnapshotMax() float32 {
	out := make([]Reading, r.n)
	for i := range out {
		out[i] = r.buf[(r.head+i)%len(r.buf)]
	}
	var m float32
	for _, x := range out {
		m = max(m, x.Value)
	}
	return m
}

// Labels renders channel labels; the guard checks the names, the make sizes by the IDs.
func Labels(ids []uint8, names []string) (int, error) {
	if len(names) > maxChannels {
		return 0, errors.New("sensor: too many names")
	}
	labels := make([]string, len(ids))
	n := 0
	for i, id := range ids {
		labels[i] = "ch" + strconv.Itoa(int(id))
		n += len(labels[i])
	}
	return n, nil
}

// CSVLine formats up to maxChannels values as one CSV record for the upload file.
func CSVLine(vals []float32) string {
	if len(vals) > maxChannels {
		vals = vals[:maxChannels]
	}
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = strconv.FormatFloat(float64(v), 'f', 2, 32)
	}
	return strings.Join(parts, ",")
}

// Histogram counts readings into buckets; the bucket count comes from the caller's dashboard.
func Histogram(xs []float32, buckets int, lo, hi float32) int {
	if buckets <= 0 || hi <= lo {
		return 0
	}
	counts := make([]int, buckets)
	for _, x := range xs {
		b := int((x - lo) / (hi - lo) * float32(buckets))
		if b >= 0 && b < buckets {
			counts[b]++
		}
	}
	best := 0
	for _, c := range counts {
		best = max(best, c)
	}
	return best
}
