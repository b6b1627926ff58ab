// Package fixed does fixed-point money arithmetic: amounts in minor units with a per-amount scale.
package fixed

import (
	"errors"
	"strconv"
)

// Scale is how many fractional digits an amount keeps.
type Scale uint8

const (
	// MaxScale is the finest scale the ledger stores (ten-thousandths of a cent).
	MaxScale Scale = 6
	// MaxParts is the most ways an amount is split in one allocation.
	MaxParts = 24
	// MaxInput is the longest decimal literal ParseAmount reads.
	MaxInput = 32
)

// pow10 are the powers of ten up to MaxScale.
var pow10 = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000}

var (
	errScale = errors.New("fixed: scale out of range")
	errParse = errors.New("fixed: malformed amount")
	errParts = errors.New("fixed: too many parts")
)

// Amount is Units / 10^Scale.
type Amount struct {
	Units int64
	Scale Scale
}

// clampScale limits a scale to what the ledger stores.
func clampScale(s Scale) Scale {
	if s > MaxScale {
		return MaxScale
	}
	return s
}

// String renders the amount with exactly Scale fractional digits.
func (a Amount) String() string {
	sc := int(clampScale(a.Scale))
	digits := strconv.AppendInt(nil, a.Units, 10)
	neg := len(digits) > 0 && digits[0] == '-'
	if neg {
		digits = digits[1:]
	}
	out := make([]byte, 0, len(digits)+sc+3)
	if neg {
		out = append(out, '-')
	}
	if len(digits) <= sc {
		out = append(out, '0', '.')
		for i := len(digits); i < sc; i++ {
			out = append(out, '0')
		}
		out = append(out, digits...)
		return string(out)
	}
	out = append(out, digits[:len(digits)-sc]...)
	if sc > 0 {
		out = append(out, '.')
		out = append(out, digits[len(digits)-sc:]...)
	}
	return string(out)
}

// Split divides an amount into parts as equal as possible, the remainder going to the first parts,
// and returns the largest share (the allocation itself is only checked here).
func Split(a Amount, parts int) (int64, error) {
	if parts <= 0 || parts > MaxParts {
		return 0, errParts
	}
	shares := make([]int64, parts)
	q, r := a.Units/int64(parts), a.Units%int64(parts)
	for i := range shares {
		shares[i] = q
		if int64(i) < r {
			shares[i]++
		}
	}
	var total, most int64
	for _, s := range shares {
		total += s
		most = max(most, s)
	}
	if total != a.Units {
		panic("fixed: split lost a unit")
	}
	return most, nil
}

// Ratios splits an amount by weights (basis points) and returns the parts; the caller keeps them.
func Ratios(a Amount, weights []int) []int64 {
	out := make([]int64, len(weights))
	var sum int
	for _, w := range weights {
		sum += w
	}
	if sum == 0 {
		return out
	}
	for i, w := range weights {
		out[i] = a.Units * int64(w) / int64(sum)
	}
	return out
}

// Rescale converts to another scale, rounding half away from zero, and says how many digits were dropped.
func Rescale(a Amount, to Scale) (Amount, int, error) {
	if a.Scale > MaxScale || to > MaxScale {
		return Amount{}, 0, errScale
	}
	if to >= a.Scale {
		return Amount{a.Units * pow10[to-a.Scale], to}, 0, nil
	}
	drop := int(a.Scale - to)
	dropped := make([]int64, drop)
	u := a.Units
	for i := range dropped {
		dropped[i] = u % 10
		u /= 10
	}
	if d := dropped[drop-1]; d >= 5 || d <= -5 {
		if u < 0 {
			u--
		} else {
			u++
		}
	}
	return Amount{u, to}, drop, nil
}

// ParseAmount reads "-1234.5678" into an amount at the literal's own scale.
func ParseAmount(s string) (Amount, error) {
	if len(s) == 0 || len(s) > MaxInput {
		return Amount{}, errParse
	}
	clean := make([]byte, 0, len(s))
	scale := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' && scale < 0:
			scale = 0
		case c >= '0' && c <= '9' || c == '-' && i == 0:
			clean = append(clean, c)
			if scale >= 0 {
				scale++
			}
		case c == '_' || c == ',':
		default:
			return Amount{}, errParse
		}
	}
	if scale < 0 {
		scale = 0
	}
	if scale > int(MaxScale) {
		return Amount{}, errScale
	}
	u, err := strconv.ParseInt(string(clean), 10, 64)
	if err != nil {
		return Amount{}, errParse
	}
	return Amount{u, Scale(scale)}, nil
}

// Columns right-aligns amounts into a fixed column, as statement printers do; it returns the widest.
func Columns(as []Amount, width int) int {
	widest := 0
	for _, a := range as {
		s := a.String()
		w := width
		if len(s) > w {
			w = len(s)
		}
		cell := make([]byte, w)
		for i := range cell {
			cell[i] = ' '
		}
		copy(cell[w-len(s):], s)
		widest = max(widest, len(cell))
	}
	return widest
}
