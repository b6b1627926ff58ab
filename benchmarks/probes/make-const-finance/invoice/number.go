// Package invoice numbers invoices and credit notes and builds their payment references.
package invoice

import (
	"errors"
	"strconv"
)

// Kind is the document a number is issued for.
type Kind uint8

const (
	Invoice Kind = iota
	CreditNote
	ProForma
	Receipt
)

// prefixes are the series prefixes per kind.
var prefixes = [...]string{Invoice: "INV", CreditNote: "CN", ProForma: "PRO", Receipt: "RCPT"}

// seqWidth is how many digits each series zero-pads its sequence to.
var seqWidth = [...]int{Invoice: 6, CreditNote: 6, ProForma: 4, Receipt: 8}

const (
	maxSeqWidth = 8
	maxPrefix   = 4
	maxBranch   = 12
)

var errBranch = errors.New("invoice: branch code too long")

// prefix is the series prefix of a kind.
func prefix(k Kind) string {
	switch k {
	case CreditNote:
		return "CN"
	case ProForma:
		return "PRO"
	case Receipt:
		return "RCPT"
	default:
		return "INV"
	}
}

// width is how many digits the kind's sequence is padded to.
func width(k Kind) int {
	switch k {
	case ProForma:
		return 4
	case Receipt:
		return 8
	}
	return 6
}

// decimalLen is how many digits seq has in decimal.
func decimalLen(seq uint32) int {
	n := 1
	for seq >= 10 {
		seq /= 10
		n++
	}
	return n
}

// Number renders "INV-2026-000123": prefix, year, zero-padded sequence.
func Number(k Kind, year int, seq uint32) string {
	p := prefix(k)
	w := width(k)
	d := decimalLen(seq)
	pad := 0
	if d < w {
		pad = w - d
	}
	buf := make([]byte, 0, len(p)+1+4+1+pad+d)
	buf = append(buf, p...)
	buf = append(buf, '-')
	buf = strconv.AppendInt(buf, int64(year%10000), 10)
	buf = append(buf, '-')
	for i := 0; i < pad; i++ {
		buf = append(buf, '0')
	}
	buf = strconv.AppendUint(buf, uint64(seq), 10)
	return string(buf)
}

// Series renders a sequence padded to the width the series table says.
func Series(k Kind, seq uint32) string {
	w := seqWidth[k&3]
	out := make([]byte, w)
	for i := w - 1; i >= 0; i-- {
		out[i] = byte('0' + seq%10)
		seq /= 10
	}
	return prefixes[k&3] + string(out)
}

// Branch renders "BR-<branch>-<seq>" for a branch office's own series.
func Branch(branch string, seq uint32) (string, error) {
	n := len(branch)
	if n == 0 || n > maxBranch {
		return "", errBranch
	}
	d := decimalLen(seq)
	b := make([]byte, 0, 3+n+1+d)
	b = append(b, "BR-"...)
	b = append(b, branch...)
	b = append(b, '-')
	b = strconv.AppendUint(b, uint64(seq), 10)
	return string(b), nil
}

// Batch numbers a run of documents of one kind from seq on; the numbers are returned.
func Batch(k Kind, year int, seq uint32, count int) []string {
	out := make([]string, count)
	for i := range out {
		out[i] = Number(k, year, seq+uint32(i))
	}
	return out
}
