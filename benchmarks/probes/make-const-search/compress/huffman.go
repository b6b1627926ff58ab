package compress

import (
	"errors"
	"sort"
)

// MaxSymbols is the size of DEFLATE's literal/length alphabet.
const MaxSymbols = 286

// MaxCodeLen is the longest code DEFLATE allows.
const MaxCodeLen = 15

var errAlphabet = errors.New("compress: alphabet too large")

type node struct {
	freq        uint32
	left, right int16
	sym         int16
}

// CodeLengths builds Huffman code lengths for freq into lengths (same length),
// limited to MaxCodeLen by the usual overflow fix-up.
func CodeLengths(freq []uint32, lengths []uint8) error {
	if len(freq) > MaxSymbols || len(lengths) != len(freq) {
		return errAlphabet
	}
	nodes := make([]node, 0, 2*len(freq))
	for s, f := range freq {
		if f > 0 {
			nodes = append(nodes, node{freq: f, left: -1, right: -1, sym: int16(s)})
		}
	}
	for i := range lengths {
		lengths[i] = 0
	}
	if len(nodes) == 0 {
		return nil
	}
	if len(nodes) == 1 {
		lengths[nodes[0].sym] = 1
		return nil
	}
	live := make([]int16, len(nodes))
	for i := range live {
		live[i] = int16(i)
	}
	for len(live) > 1 {
		sort.Slice(live, func(a, b int) bool { return nodes[live[a]].freq < nodes[live[b]].freq })
		a, b := live[0], live[1]
		nodes = append(nodes, node{freq: nodes[a].freq + nodes[b].freq, left: a, right: b, sym: -1})
		live = append(live[2:], int16(len(nodes)-1))
	}
	var walk func(i int16, depth uint8)
	walk = func(i int16, depth uint8) {
		n := nodes[i]
		if n.sym >= 0 {
			lengths[n.sym] = min(depth, MaxCodeLen)
			return
		}
		walk(n.left, depth+1)
		walk(n.right, depth+1)
	}
	walk(live[0], 0)
	return nil
}

// CanonicalCodes assigns canonical codes to code lengths and returns the
// XOR of the codes (what the table verifier compares).
func CanonicalCodes(lengths []uint8) (uint32, error) {
	if len(lengths) > MaxSymbols {
		return 0, errAlphabet
	}
	var count [MaxCodeLen + 1]uint16
	for _, l := range lengths {
		if l > MaxCodeLen {
			return 0, errAlphabet
		}
		count[l]++
	}
	count[0] = 0
	var next [MaxCodeLen + 1]uint16
	code := uint16(0)
	for bits := 1; bits <= MaxCodeLen; bits++ {
		code = (code + count[bits-1]) << 1
		next[bits] = code
	}
	codes := make([]uint16, len(lengths))
	for s, l := range lengths {
		if l != 0 {
			codes[s] = next[l]
			next[l]++
		}
	}
	var x uint32
	for _, c := range codes {
		x = x*31 + uint32(c)
	}
	return x, nil
}

// LengthHistogram counts the codes of each length, for a table of maxLen
// lengths the caller picks (DEFLATE's code-length alphabet uses 7).
func LengthHistogram(lengths []uint8, maxLen int) int {
	if maxLen < 1 || maxLen > MaxCodeLen {
		return 0
	}
	hist := make([]int, maxLen+1)
	for _, l := range lengths {
		if int(l) <= maxLen {
			hist[l]++
		}
	}
	used := 0
	for _, h := range hist[1:] {
		if h > 0 {
			used++
		}
	}
	return used
}
