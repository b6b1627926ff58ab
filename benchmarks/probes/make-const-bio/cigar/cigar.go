// Package cigar builds and parses CIGAR strings.
package cigar

import (
	"errors"
	"strconv"

	"example.com/probes/make-const-bio/seq"
)

// Op is one CIGAR operation.
type Op struct {
	Len  int
	Kind byte
}

var errOps = errors.New("cigar: too many operations")

// maxOpText is the longest text of one operation: a 9-digit length and its letter.
const maxOpText = 10

// String renders ops into a CIGAR string through one byte buffer.
func String(ops []Op) (string, error) {
	if len(ops) > seq.MaxCigarOps {
		return "", errOps
	}
	buf := make([]byte, 0, len(ops)*maxOpText)
	for _, op := range ops {
		buf = strconv.AppendInt(buf, int64(op.Len), 10)
		buf = append(buf, op.Kind)
	}
	return string(buf), nil
}

// RefSpan returns how many reference bases a CIGAR string covers, parsing into an op buffer.
func RefSpan(cigar string) (int, error) {
	if len(cigar) > seq.MaxCigarOps*maxOpText {
		return 0, errOps
	}
	ops := make([]Op, 0, len(cigar)/2)
	n := 0
	for i := 0; i < len(cigar); i++ {
		c := cigar[i]
		if c >= '0' && c <= '9' {
			n = n*10 + int(c-'0')
			continue
		}
		ops = append(ops, Op{Len: n, Kind: c})
		n = 0
	}
	span := 0
	for _, op := range ops {
		switch op.Kind {
		case 'M', 'D', 'N', '=', 'X':
			span += op.Len
		}
	}
	return span, nil
}

// Expand spells a CIGAR's operations one letter per base, for a short read.
func Expand(ops []Op) (string, error) {
	total := 0
	for _, op := range ops {
		if op.Len < 0 || op.Len > seq.MaxReadLen {
			return "", errOps
		}
		total += op.Len
		if total > seq.MaxReadLen {
			return "", seq.ErrTooLong
		}
	}
	out := make([]byte, total)
	i := 0
	for _, op := range ops {
		for j := 0; j < op.Len; j++ {
			out[i] = op.Kind
			i++
		}
	}
	return string(out), nil
}

// Compact merges adjacent operations of one kind; the result is the caller's.
func Compact(ops []Op) []Op {
	out := make([]Op, 0, len(ops))
	for _, op := range ops {
		if n := len(out); n > 0 && out[n-1].Kind == op.Kind {
			out[n-1].Len += op.Len
			continue
		}
		out = append(out, op)
	}
	return out
}

// MD renders an MD tag for a read of mismatches only.
func MD(ref, read []byte) string {
	if len(ref) != len(read) || len(ref) > seq.MaxReadLen {
		return ""
	}
	buf := make([]byte, 0, 4*len(ref))
	run := 0
	for i := range ref {
		if ref[i] == read[i] {
			run++
			continue
		}
		buf = strconv.AppendInt(buf, int64(run), 10)
		buf = append(buf, ref[i])
		run = 0
	}
	buf = strconv.AppendInt(buf, int64(run), 10)
	return string(buf)
}
