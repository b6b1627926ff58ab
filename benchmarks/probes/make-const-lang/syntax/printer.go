package syntax

import "unicode/utf8"

const maxIndent = 40

// Printer writes indented lines into its own buffer.
type Printer struct {
	buf   []byte
	marks [][]byte
}

// Bytes returns the output.
func (p *Printer) Bytes() []byte { return p.buf }

// Line writes s at depth levels of two-space indentation.
func (p *Printer) Line(depth int, s string) {
	n := 2 * depth
	if n > maxIndent {
		n = maxIndent
	}
	pad := make([]byte, n)
	for i := range pad {
		pad[i] = ' '
	}
	p.buf = append(p.buf, pad...)
	p.buf = append(p.buf, s...)
	p.buf = append(p.buf, '\n')
}

// Mark records the indentation of depth for a later reflow; the pad is kept.
func (p *Printer) Mark(depth int) {
	n := min(depth, maxIndent)
	pad := make([]byte, n)
	p.marks = append(p.marks, pad)
}

// UTF16To8 transcodes UTF-16 code units to UTF-8, at most 256 units.
func UTF16To8(units []uint16) (string, bool) {
	if len(units) > 256 {
		return "", false
	}
	buf := make([]byte, 0, len(units)*utf8.UTFMax)
	for i := 0; i < len(units); i++ {
		r := rune(units[i])
		if 0xd800 <= r && r < 0xdc00 && i+1 < len(units) {
			r = (r-0xd800)<<10 | (rune(units[i+1]) - 0xdc00) + 0x10000
			i++
		}
		buf = utf8.AppendRune(buf, r)
	}
	return string(buf), true
}

// UTF8To16 transcodes s; the result is the caller's.
func UTF8To16(s string) []uint16 {
	out := make([]uint16, 0, len(s))
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, uint16(0xd800+r>>10), uint16(0xdc00+r&0x3ff))
			continue
		}
		out = append(out, uint16(r))
	}
	return out
}

// EncodeRuneList encodes up to 8 runes into one string.
func EncodeRuneList(rs []rune) string {
	rs = rs[:min(len(rs), 8)]
	buf := make([]byte, len(rs)*utf8.UTFMax)
	n := 0
	for _, r := range rs {
		n += utf8.EncodeRune(buf[n:], r)
	}
	return string(buf[:n])
}
