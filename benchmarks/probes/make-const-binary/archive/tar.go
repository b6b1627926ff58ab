// Package archive writes and checks tar and zip headers for a backup tool's index.
package archive

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"strconv"
)

var (
	ErrName  = errors.New("archive: name too long")
	ErrField = errors.New("archive: field overflow")
)

const (
	blockSize   = 512
	nameSize    = 100
	maxZipName  = 255
	maxZipExtra = 64
)

// formatOctal writes v into a NUL-terminated octal field of width bytes.
func formatOctal(dst []byte, v int64) error {
	s := strconv.FormatInt(v, 8)
	if len(s) >= len(dst) {
		return ErrField
	}
	for i := range dst {
		dst[i] = '0'
	}
	copy(dst[len(dst)-1-len(s):], s)
	dst[len(dst)-1] = 0
	return nil
}

// OctalField renders v as a tar numeric field of width bytes, for a header dump.
func OctalField(v int64, width int) string {
	if width < 2 || width > 12 {
		return ""
	}
	f := make([]byte, width)
	if formatOctal(f, v) != nil {
		return ""
	}
	return string(f[:width-1])
}

// TarChecksum is the header checksum of a block: the sum of its bytes with the
// checksum field read as spaces.
func TarChecksum(hdr []byte) int64 {
	if len(hdr) != blockSize {
		return -1
	}
	tmp := make([]byte, len(hdr))
	copy(tmp, hdr)
	copy(tmp[148:156], "        ")
	var sum int64
	for _, c := range tmp {
		sum += int64(c)
	}
	return sum
}

// WriteTarHeader writes a ustar header block for a regular file.
func WriteTarHeader(w io.Writer, name string, size int64, mode int64) error {
	if len(name) > nameSize {
		return ErrName
	}
	b := make([]byte, blockSize)
	copy(b, name)
	if err := formatOctal(b[100:108], mode); err != nil {
		return err
	}
	if err := formatOctal(b[124:136], size); err != nil {
		return err
	}
	copy(b[257:], "ustar\x0000")
	b[156] = '0'
	if err := formatOctal(b[148:155], TarChecksum(b)); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

// PaddingFor writes the zero padding after a file body of size bytes.
func PaddingFor(w io.Writer, size int64) error {
	n := int(-size & (blockSize - 1))
	pad := make([]byte, n)
	_, err := w.Write(pad)
	return err
}

// ZipLocalHeader writes a local file header; the name and extra field are bounded by the index format.
func ZipLocalHeader(w io.Writer, name string, extra []byte, crc uint32, size uint32) error {
	if len(name) > maxZipName {
		return ErrName
	}
	if len(extra) > maxZipExtra {
		return ErrField
	}
	h := make([]byte, 30+len(name)+len(extra))
	binary.LittleEndian.PutUint32(h, 0x04034b50)
	binary.LittleEndian.PutUint16(h[4:], 20)
	binary.LittleEndian.PutUint32(h[14:], crc)
	binary.LittleEndian.PutUint32(h[18:], size)
	binary.LittleEndian.PutUint32(h[22:], size)
	binary.LittleEndian.PutUint16(h[26:], uint16(len(name)))
	binary.LittleEndian.PutUint16(h[28:], uint16(len(extra)))
	copy(h[30:], name)
	copy(h[30+len(name):], extra)
	_, err := w.Write(h)
	return err
}

// NameCRC is the CRC the index stores for an entry's name, folded to lower-case ASCII.
func NameCRC(name string) uint32 {
	if len(name) > maxZipName {
		name = name[:maxZipName]
	}
	lower := make([]byte, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return crc32.Update(0, crc32.IEEETable, lower)
}

// CentralEntry builds a central-directory record that the writer keeps until Close.
type Directory struct {
	entries [][]byte
}

// Add appends name's central record; the directory keeps it.
func (d *Directory) Add(name string, crc uint32) error {
	if len(name) > maxZipName {
		return ErrName
	}
	rec := make([]byte, 46+len(name))
	binary.LittleEndian.PutUint32(rec, 0x02014b50)
	binary.LittleEndian.PutUint32(rec[16:], crc)
	binary.LittleEndian.PutUint16(rec[28:], uint16(len(name)))
	copy(rec[46:], name)
	d.entries = append(d.entries, rec)
	return nil
}
