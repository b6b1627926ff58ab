// Package media reads and writes small PNG, WAV and BMP pieces: chunk headers, scanlines, sample frames.
package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

var (
	ErrFormat = errors.New("media: bad format")
	ErrLarge  = errors.New("media: image too large")
)

// MaxThumbWidth is the widest thumbnail the icon path decodes.
const MaxThumbWidth = 128

// pngSig is the eight-byte PNG signature.
var pngSig = []byte("\x89PNG\r\n\x1a\n")

// ColorType is a PNG IHDR colour type.
type ColorType uint8

const (
	Gray      ColorType = 0
	RGB       ColorType = 2
	Palette   ColorType = 3
	GrayAlpha ColorType = 4
	RGBA      ColorType = 6
)

// bytesPerPixel is the pixel size of an 8-bit image of type ct.
func bytesPerPixel(ct ColorType) int {
	switch ct {
	case Gray, Palette:
		return 1
	case GrayAlpha:
		return 2
	case RGB:
		return 3
	case RGBA:
		return 4
	}
	return 0
}

// WriteChunk writes one PNG chunk: length, type, data, CRC over type and data.
func WriteChunk(w io.Writer, typ string, data []byte) error {
	if len(typ) != 4 {
		return ErrFormat
	}
	hdr := make([]byte, 8, 8+len(data)+4)
	binary.BigEndian.PutUint32(hdr, uint32(len(data)))
	copy(hdr[4:], typ)
	hdr = append(hdr, data...)
	hdr = binary.BigEndian.AppendUint32(hdr, crc32.ChecksumIEEE(hdr[4:]))
	_, err := w.Write(hdr)
	return err
}

// ChunkCRC is the CRC a chunk of type typ and data carries.
func ChunkCRC(typ string, data []byte) uint32 {
	if len(typ) != 4 {
		return 0
	}
	tb := make([]byte, len(typ))
	copy(tb, typ)
	c := crc32.Update(0, crc32.IEEETable, tb)
	return crc32.Update(c, crc32.IEEETable, data)
}

// IHDR is the image header.
type IHDR struct {
	Width, Height uint32
	Depth         uint8
	Color         ColorType
}

// ParseIHDR reads the header chunk after the signature.
func ParseIHDR(b []byte) (IHDR, error) {
	if len(b) < 8+8+13 || !bytes.Equal(b[:8], pngSig) {
		return IHDR{}, ErrFormat
	}
	b = b[8:]
	if string(b[4:8]) != "IHDR" {
		return IHDR{}, ErrFormat
	}
	d := b[8:21]
	return IHDR{
		Width:  binary.BigEndian.Uint32(d[0:]),
		Height: binary.BigEndian.Uint32(d[4:]),
		Depth:  d[8],
		Color:  ColorType(d[9]),
	}, nil
}

// Unfilter reverses the Sub and Up filters of a thumbnail's rows in place and returns the
// sum of the last row, which the icon cache uses as a cheap fingerprint.
func Unfilter(h IHDR, rows [][]byte) (uint32, error) {
	if h.Width > MaxThumbWidth || h.Depth != 8 {
		return 0, ErrLarge
	}
	bpp := bytesPerPixel(h.Color)
	if bpp == 0 {
		return 0, ErrFormat
	}
	stride := int(h.Width) * bpp
	prev := make([]byte, stride)
	for _, row := range rows {
		if len(row) != stride+1 {
			return 0, ErrFormat
		}
		cur := row[1:]
		switch row[0] {
		case 1:
			for i := bpp; i < stride; i++ {
				cur[i] += cur[i-bpp]
			}
		case 2:
			for i := range cur {
				cur[i] += prev[i]
			}
		}
		copy(prev, cur)
	}
	var sum uint32
	for _, c := range prev {
		sum += uint32(c)
	}
	return sum, nil
}

// Paeth filters one row with the Paeth predictor into a scratch row and reports its cost
// (sum of absolute values), as an encoder choosing a filter does.
func PaethCost(cur, prev []byte, bpp int) int {
	if bpp < 1 || bpp > 8 || len(cur) > MaxThumbWidth*4 || len(prev) < len(cur) {
		return -1
	}
	out := make([]byte, len(cur))
	for i := range cur {
		var a, b, c int
		if i >= bpp {
			a = int(cur[i-bpp])
			c = int(prev[i-bpp])
		}
		b = int(prev[i])
		p := a + b - c
		pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
		pred := c
		if pa <= pb && pa <= pc {
			pred = a
		} else if pb <= pc {
			pred = b
		}
		out[i] = cur[i] - byte(pred)
	}
	cost := 0
	for _, v := range out {
		cost += abs(int(int8(v)))
	}
	return cost
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Palette expands a palette image's indices into RGB for a preview; the result is kept.
func ExpandPalette(idx []byte, plte []byte) ([]byte, error) {
	if len(plte)%3 != 0 || len(plte) > 256*3 {
		return nil, ErrFormat
	}
	out := make([]byte, 0, 3*len(idx))
	for _, i := range idx {
		j := int(i) * 3
		if j+3 > len(plte) {
			return nil, ErrFormat
		}
		out = append(out, plte[j:j+3]...)
	}
	return out, nil
}
