// Package render converts pixels and colours and formats timestamps into byte slices.
package render

import (
	"errors"
	"image/color"
	"strconv"
	"time"
)

var errSize = errors.New("render: bad size")

const (
	maxRow     = 1024
	bytesPerPx = 4
)

// GrayRow converts a row of RGBA pixels to 8-bit luma and returns the row's mean.
func GrayRow(px []color.RGBA) (uint8, error) {
	if len(px) > maxRow {
		return 0, errSize
	}
	gray := make([]uint8, len(px))
	for i, p := range px {
		gray[i] = uint8((19595*uint32(p.R) + 38470*uint32(p.G) + 7471*uint32(p.B) + 1<<15) >> 16)
	}
	sum := 0
	for _, g := range gray {
		sum += int(g)
	}
	if len(gray) == 0 {
		return 0, nil
	}
	return uint8(sum / len(gray)), nil
}

// Premultiply converts straight-alpha RGBA bytes (4 per pixel) in chunks of at most a row.
func Premultiply(pix []byte) uint32 {
	var h uint32
	for off := 0; off < len(pix); off += maxRow * bytesPerPx {
		end := off + maxRow*bytesPerPx
		if end > len(pix) {
			end = len(pix)
		}
		row := make([]byte, end-off)
		copy(row, pix[off:end])
		for i := 0; i+3 < len(row); i += bytesPerPx {
			a := uint32(row[i+3])
			row[i] = uint8(uint32(row[i]) * a / 255)
			row[i+1] = uint8(uint32(row[i+1]) * a / 255)
			row[i+2] = uint8(uint32(row[i+2]) * a / 255)
		}
		for _, c := range row {
			h = h*16777619 ^ uint32(c)
		}
	}
	return h
}

// HexColors formats a palette as "#rrggbb" strings joined by spaces.
func HexColors(pal []color.RGBA) string {
	if len(pal) > 16 {
		pal = pal[:16]
	}
	const digits = "0123456789abcdef"
	b := make([]byte, 0, 8*len(pal))
	for i, c := range pal {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, '#',
			digits[c.R>>4], digits[c.R&15],
			digits[c.G>>4], digits[c.G&15],
			digits[c.B>>4], digits[c.B&15])
	}
	return string(b)
}

// Quantize maps each 8-bit channel to levels steps and returns a histogram's largest bucket.
func Quantize(ch []uint8, levels int) int {
	if levels < 2 || levels > 256 {
		return 0
	}
	hist := make([]int, levels)
	for _, c := range ch {
		hist[int(c)*levels/256]++
	}
	best := 0
	for _, n := range hist {
		best = max(best, n)
	}
	return best
}

// Stamp formats t as "2006-01-02T15:04:05" plus prec fractional digits (0 to 9).
func Stamp(t time.Time, prec int) string {
	prec = max(0, min(prec, 9))
	layout := "2006-01-02T15:04:05"
	b := make([]byte, 0, len(layout)+1+prec)
	b = t.AppendFormat(b, layout)
	if prec > 0 {
		b = append(b, '.')
		ns := strconv.Itoa(t.Nanosecond() + 1e9)
		b = append(b, ns[1:1+prec]...)
	}
	return string(b)
}

// LogTime formats t for a log line, compact or with the zone.
func LogTime(t time.Time, withZone bool) string {
	layout := time.DateTime
	if withZone {
		layout = time.RFC3339
	}
	b := make([]byte, 0, len(layout)+6)
	b = t.AppendFormat(b, layout)
	return string(b)
}

// Elapsed formats a duration as h:mm:ss.
func Elapsed(d time.Duration) string {
	s := int64(d / time.Second)
	if s < 0 {
		s = -s
	}
	h := s / 3600
	digits := 1
	for x := h; x >= 10; x /= 10 {
		digits++
	}
	b := make([]byte, 0, digits+6)
	b = strconv.AppendInt(b, h, 10)
	b = append(b, ':', byte('0'+s/60%60/10), byte('0'+s/60%10), ':', byte('0'+s%60/10), byte('0'+s%10))
	return string(b)
}

// Months returns the three-letter names of months from..to, comma-separated.
func Months(from, to time.Month) string {
	if from < time.January || to > time.December || from > to {
		return ""
	}
	n := int(to-from) + 1
	b := make([]byte, 0, 4*n)
	for m := from; m <= to; m++ {
		if m > from {
			b = append(b, ',')
		}
		b = append(b, m.String()[:3]...)
	}
	return string(b)
}

// Sparkline draws values as block characters, scaled to the largest.
func Sparkline(vals []int) string {
	const bars = "▁▂▃▄▅▆▇█"
	if len(vals) == 0 {
		return ""
	}
	top := 1
	for _, v := range vals {
		top = max(top, v)
	}
	out := make([]rune, 0, len(vals))
	for _, v := range vals {
		i := max(0, v) * 7 / top
		out = append(out, []rune(bars)[i])
	}
	return string(out)
}
