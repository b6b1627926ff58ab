package frame

import (
	"encoding/binary"
	"errors"
	"io"
	"sync"
)

// ErrRecord reports a record file whose record size is out of range.
var ErrRecord = errors.New("frame: bad record size")

// MaxRecord is the largest fixed record size a RecordFile uses.
const MaxRecord = 256

// RecordFile is a file of fixed-size records.
type RecordFile struct {
	rw   io.ReaderAt
	size int
}

// Open checks the record size.
func Open(rw io.ReaderAt, size int) (*RecordFile, error) {
	if size <= 0 || size > MaxRecord {
		return nil, ErrRecord
	}
	return &RecordFile{rw: rw, size: size}, nil
}

// Key reads record i's first eight bytes as its key.
func (f *RecordFile) Key(i int64) (uint64, error) {
	rec := make([]byte, f.size)
	if _, err := f.rw.ReadAt(rec, i*int64(f.size)); err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(rec), nil
}

// Scan calls fn with each record's key up to n records, reusing one buffer.
func Scan(r io.Reader, recSize int, n int, fn func(uint64)) error {
	if recSize < 8 || recSize > MaxRecord {
		return ErrRecord
	}
	rec := make([]byte, recSize)
	for i := 0; i < n; i++ {
		if _, err := io.ReadFull(r, rec); err != nil {
			return err
		}
		fn(binary.LittleEndian.Uint64(rec))
	}
	return nil
}

// PackFlags packs up to 64 booleans into bytes, LSB first, and returns the popcount of each byte summed.
func PackFlags(flags []bool) int {
	if len(flags) > 64 {
		flags = flags[:64]
	}
	packed := make([]byte, (len(flags)+7)/8)
	for i, f := range flags {
		if f {
			packed[i/8] |= 1 << (i % 8)
		}
	}
	n := 0
	for _, b := range packed {
		for ; b != 0; b &= b - 1 {
			n++
		}
	}
	return n
}

// PackBits packs values of width bits each (1..16) into a bit stream and returns its length in bytes
// and the XOR of its bytes.
func PackBits(vals []uint16, width uint) (int, byte) {
	if width == 0 || width > 16 || len(vals) > 128 {
		return 0, 0
	}
	out := make([]byte, (len(vals)*int(width)+7)/8)
	var bit uint
	for _, v := range vals {
		for k := uint(0); k < width; k++ {
			if v>>k&1 != 0 {
				out[bit/8] |= 1 << (bit % 8)
			}
			bit++
		}
	}
	var x byte
	for _, b := range out {
		x ^= b
	}
	return len(out), x
}

// Broadcast encodes a header once and hands it to each subscriber's writer in its own
// goroutine, then stamps a sequence number into the next header it builds.
func Broadcast(ws []io.Writer, seq uint32, n int) {
	if n > 64 {
		return
	}
	hdr := make([]byte, 8+n)
	binary.BigEndian.PutUint32(hdr, seq)
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.Write(hdr)
		}()
	}
	binary.BigEndian.PutUint32(hdr[4:], seq+1)
	wg.Wait()
}

// Batcher keeps the records it is given until Flush.
type Batcher struct {
	pending [][]byte
}

// Add copies rec into a buffer the batcher keeps.
func (b *Batcher) Add(rec []byte) error {
	if len(rec) > MaxRecord {
		return ErrRecord
	}
	c := make([]byte, len(rec))
	copy(c, rec)
	b.pending = append(b.pending, c)
	return nil
}

// Checksum16 is the Internet checksum of a header of hdrLen 32-bit words, as IPv4 computes it.
func Checksum16(pkt []byte) uint16 {
	if len(pkt) < 20 {
		return 0
	}
	ihl := int(pkt[0]&0x0f) * 4
	if ihl < 20 || ihl > len(pkt) {
		return 0
	}
	hdr := make([]byte, ihl)
	copy(hdr, pkt)
	hdr[10], hdr[11] = 0, 0
	var sum uint32
	for i := 0; i+1 < len(hdr); i += 2 {
		sum += uint32(hdr[i])<<8 | uint32(hdr[i+1])
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}
