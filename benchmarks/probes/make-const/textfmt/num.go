// Package textfmt formats numbers and splits simple text records.
package textfmt

import (
	"io"
	"strconv"
	"unicode/utf8"
)

const (
	maxWidth = 40
	groupSep = ','
)

// PadLeft writes v right-aligned in a field of width columns.
func PadLeft(w io.Writer, v int64, width int) error {
	if width > maxWidth {
		width = maxWidth
	}
	digits := strconv.FormatInt(v, 10)
	pad := width - len(digits)
	if pad <= 0 {
		_, err := io.WriteString(w, digits)
		return err
	}
	spaces := make([]byte, pad)
	for i := range spaces {
		spaces[i] = ' '
	}
	if _, err := w.Write(spaces); err != nil {
		return err
	}
	_, err := io.WriteString(w, digits)
	return err
}

// Grouped formats v with thousands separators and returns the byte count written.
func Grouped(w io.Writer, v uint64) (int, error) {
	var digits [20]byte
	s := strconv.AppendUint(digits[:0], v, 10)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, groupSep)
		}
		out = append(out, c)
	}
	return w.Write(out)
}

// Fixed formats a value with a fixed number of decimals (at most 9) into w.
func Fixed(w io.Writer, v int64, decimals int) (int, error) {
	if decimals < 0 || decimals > 9 {
		decimals = 9
	}
	buf := make([]byte, 0, 21+decimals)
	buf = strconv.AppendInt(buf, v, 10)
	if decimals > 0 {
		buf = append(buf, '.')
		for i := 0; i < decimals; i++ {
			buf = append(buf, '0')
		}
	}
	return w.Write(buf)
}

// Binary renders the low bits of v, most significant first.
func Binary(w io.Writer, v uint32, bits int) (int, error) {
	if bits <= 0 || bits > 32 {
		return 0, strconv.ErrRange
	}
	out := make([]byte, bits)
	for i := range out {
		if v&(1<<(bits-1-i)) != 0 {
			out[i] = '1'
		} else {
			out[i] = '0'
		}
	}
	return w.Write(out)
}

// Truncate writes s cut to at most n runes.
func Truncate(w io.Writer, s string, n int) (int, error) {
	if n > maxWidth {
		n = maxWidth
	}
	runes := make([]rune, 0, n)
	for _, r := range s {
		if len(runes) == n {
			break
		}
		runes = append(runes, r)
	}
	buf := make([]byte, 0, utf8.UTFMax*len(runes))
	for _, r := range runes {
		buf = utf8.AppendRune(buf, r)
	}
	return w.Write(buf)
}
