// Package ingest reads records from files, sockets and archives: length-prefixed frames, write-ahead
// log segments, tar-like archives, CSV chunks, binary logs and checksummed blocks.
package ingest

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// MaxFrame bounds a frame's payload.
const MaxFrame = 256

// ErrFrameTooLarge is returned for a frame above MaxFrame.
var ErrFrameTooLarge = errors.New("ingest: frame too large")

// Header is a frame's fixed 8-byte header.
type Header struct {
	Kind   uint16
	Flags  uint16
	Length uint32
}

func parseHeader(b []byte) Header {
	return Header{
		Kind:   binary.BigEndian.Uint16(b[0:2]),
		Flags:  binary.BigEndian.Uint16(b[2:4]),
		Length: binary.BigEndian.Uint32(b[4:8]),
	}
}

// CountKinds reads count frame headers (header-only frames) and tallies their kinds.
func CountKinds(r io.Reader, count int, kinds map[uint16]int) error {
	for i := 0; i < count; i++ {
		hdr := make([]byte, 8)
		if _, err := io.ReadFull(r, hdr); err != nil {
			return fmt.Errorf("frame %d: %w", i, err)
		}
		h := parseHeader(hdr)
		kinds[h.Kind]++
	}
	return nil
}

// SumLengths reads headers until EOF and sums the lengths they announce.
func SumLengths(r io.Reader) (uint64, error) {
	var total uint64
	for {
		hdr := make([]byte, 8)
		_, err := io.ReadFull(r, hdr)
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		total += uint64(binary.BigEndian.Uint32(hdr[4:8]))
	}
}

// Payloads reads frames with bounded payloads and hands each to fn, which must not keep it.
func Payloads(r io.Reader, fn func(kind uint16, n int)) error {
	for {
		hdr := make([]byte, 8)
		if _, err := io.ReadFull(r, hdr); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		h := parseHeader(hdr)
		if h.Length > MaxFrame {
			return ErrFrameTooLarge
		}
		body := make([]byte, h.Length)
		if _, err := io.ReadFull(r, body); err != nil {
			return err
		}
		fn(h.Kind, len(body))
	}
}

// CollectFrames returns every frame's payload: each must be its own slice.
func CollectFrames(r io.Reader, count int) ([][]byte, error) {
	var out [][]byte
	for i := 0; i < count; i++ {
		buf := make([]byte, 16)
		if _, err := io.ReadFull(r, buf); err != nil {
			return out, err
		}
		out = append(out, buf)
	}
	return out, nil
}

// LastFrame returns the last 16-byte frame read before EOF.
func LastFrame(r io.Reader) []byte {
	var last []byte
	for {
		buf := make([]byte, 16)
		if _, err := io.ReadFull(r, buf); err != nil {
			return last
		}
		last = buf
	}
}

// FrameIndex maps a frame's key (its first 4 bytes) to its 16 bytes.
func FrameIndex(r io.Reader, count int) map[uint32][]byte {
	idx := make(map[uint32][]byte, count)
	for i := 0; i < count; i++ {
		buf := make([]byte, 16)
		if _, err := io.ReadFull(r, buf); err != nil {
			break
		}
		idx[binary.BigEndian.Uint32(buf)] = buf
	}
	return idx
}

// KeyedCounts counts frames by their 4-byte key, a string copy of the bytes.
func KeyedCounts(r io.Reader, count int) map[string]int {
	seen := map[string]int{}
	for i := 0; i < count; i++ {
		key := make([]byte, 4)
		if _, err := io.ReadFull(r, key); err != nil {
			break
		}
		seen[string(key)]++
	}
	return seen
}

// Tails keeps a sub-slice of every frame: the tail after its 4-byte key.
func Tails(r io.Reader, count int) [][]byte {
	var tails [][]byte
	for i := 0; i < count; i++ {
		buf := make([]byte, 16)
		if _, err := io.ReadFull(r, buf); err != nil {
			break
		}
		tails = append(tails, buf[4:])
	}
	return tails
}

// Stream sends each frame to a consumer goroutine.
func Stream(r io.Reader, out chan<- []byte) error {
	defer close(out)
	for {
		buf := make([]byte, 16)
		if _, err := io.ReadFull(r, buf); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		out <- buf
	}
}

// VarFrames reads frames whose lengths the header gives, unbounded: each gets its own buffer.
func VarFrames(r io.Reader, fn func([]byte)) error {
	for {
		var lenb [4]byte
		if _, err := io.ReadFull(r, lenb[:]); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		body := make([]byte, binary.BigEndian.Uint32(lenb[:]))
		if _, err := io.ReadFull(r, body); err != nil {
			return err
		}
		fn(body)
	}
}

// LengthSum reads length-prefixed frames of at most MaxFrame bytes and sums their bytes.
func LengthSum(r io.Reader, count int) (int, error) {
	sum := 0
	for i := 0; i < count; i++ {
		lenb := make([]byte, 2)
		if _, err := io.ReadFull(r, lenb); err != nil {
			return sum, err
		}
		n := int(binary.BigEndian.Uint16(lenb))
		if n > MaxFrame {
			return sum, ErrFrameTooLarge
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return sum, err
		}
		for _, b := range body {
			sum += int(b)
		}
	}
	return sum, nil
}

// PeekKinds reads the kind of each frame through a bufio.Reader's Peek, then discards the frame.
func PeekKinds(br *bufio.Reader, count int) ([]uint16, error) {
	kinds := make([]uint16, 0, count)
	for i := 0; i < count; i++ {
		p, err := br.Peek(8)
		if err != nil {
			return kinds, err
		}
		h := parseHeader(p)
		kinds = append(kinds, h.Kind)
		if _, err := br.Discard(8 + int(h.Length)); err != nil {
			return kinds, err
		}
	}
	return kinds, nil
}

// Checksums reads 32-byte blocks and returns each block's CRC.
func Checksums(r io.Reader, count int) ([]uint32, error) {
	sums := make([]uint32, 0, count)
	for i := 0; i < count; i++ {
		blk := make([]byte, 32)
		if _, err := io.ReadFull(r, blk); err != nil {
			return sums, err
		}
		sums = append(sums, crc32.ChecksumIEEE(blk))
	}
	return sums, nil
}
