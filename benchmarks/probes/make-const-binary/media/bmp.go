package media

import (
	"encoding/binary"
	"io"
)

// MaxIconSide is the largest icon side the BMP writer takes.
const MaxIconSide = 64

// rowSize is a 24-bit BMP row's length in bytes, padded to four.
func rowSize(width int) int {
	return (width*3 + 3) &^ 3
}

// WriteBMPRows writes a 24-bit bottom-up icon's rows, each padded to four bytes.
func WriteBMPRows(w io.Writer, px [][3]byte, width, height int) error {
	if width <= 0 || height <= 0 || width > MaxIconSide || height > MaxIconSide || len(px) < width*height {
		return ErrLarge
	}
	row := make([]byte, rowSize(width))
	for y := height - 1; y >= 0; y-- {
		for x := 0; x < width; x++ {
			p := px[y*width+x]
			row[3*x], row[3*x+1], row[3*x+2] = p[2], p[1], p[0]
		}
		if _, err := w.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// BMPFileHeader writes the 14-byte file header and 40-byte info header.
func BMPFileHeader(w io.Writer, width, height int) error {
	if width <= 0 || height <= 0 || width > MaxIconSide || height > MaxIconSide {
		return ErrLarge
	}
	size := 54 + rowSize(width)*height
	h := make([]byte, 54)
	h[0], h[1] = 'B', 'M'
	binary.LittleEndian.PutUint32(h[2:], uint32(size))
	binary.LittleEndian.PutUint32(h[10:], 54)
	binary.LittleEndian.PutUint32(h[14:], 40)
	binary.LittleEndian.PutUint32(h[18:], uint32(width))
	binary.LittleEndian.PutUint32(h[22:], uint32(height))
	binary.LittleEndian.PutUint16(h[26:], 1)
	binary.LittleEndian.PutUint16(h[28:], 24)
	_, err := w.Write(h)
	return err
}

// RowChecksum is an Adler-like checksum of one padded row as a thumbnail cache keys it.
func RowChecksum(px [][3]byte, width int) uint32 {
	if width <= 0 || width > MaxIconSide || len(px) < width {
		return 0
	}
	row := make([]byte, rowSize(width))
	for x := 0; x < width; x++ {
		row[3*x], row[3*x+1], row[3*x+2] = px[x][2], px[x][1], px[x][0]
	}
	var a, b uint32 = 1, 0
	for _, c := range row {
		a = (a + uint32(c)) % 65521
		b = (b + a) % 65521
	}
	return b<<16 | a
}

// Histogram counts luminance levels quantised to bins (a power of two up to 64).
func Histogram(px [][3]byte, shift uint) int {
	if shift > 6 {
		return -1
	}
	bins := make([]int, 1<<shift)
	for _, p := range px {
		y := (299*int(p[0]) + 587*int(p[1]) + 114*int(p[2])) / 1000
		bins[y*len(bins)/256]++
	}
	mode := 0
	for i, c := range bins {
		if c > bins[mode] {
			mode = i
		}
	}
	return mode
}
