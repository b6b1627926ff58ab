package ingest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"math"
	"strconv"
)

// chunkSize is the size of the chunks a CSV/TSV reader scans for record separators.
const chunkSize = 128

// CountRows counts the newline-terminated rows of a CSV stream, a chunk at a time.
func CountRows(r io.Reader) (int, error) {
	rows := 0
	for {
		chunk := make([]byte, chunkSize)
		n, err := r.Read(chunk)
		rows += bytes.Count(chunk[:n], []byte{'\n'})
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
	}
}

// CountFields counts the tab-separated fields of a TSV stream; a chunk may end mid-line.
func CountFields(r io.Reader) (int, error) {
	fields := 0
	for {
		chunk := make([]byte, chunkSize)
		n, err := r.Read(chunk)
		for _, c := range chunk[:n] {
			if c == '\t' || c == '\n' {
				fields++
			}
		}
		if err == io.EOF {
			return fields, nil
		}
		if err != nil {
			return fields, err
		}
	}
}

// SumColumn sums the first column of fixed-width 16-byte numeric records (space padded).
func SumColumn(r io.Reader, count int) (int64, error) {
	var sum int64
	for i := 0; i < count; i++ {
		rec := make([]byte, 16)
		if _, err := io.ReadFull(r, rec); err != nil {
			return sum, err
		}
		v, err := strconv.ParseInt(string(bytes.TrimSpace(rec[:8])), 10, 64)
		if err != nil {
			return sum, err
		}
		sum += v
	}
	return sum, nil
}

// NullCount reads 32-byte records with a partial Read and counts the zero bytes of each whole record:
// a short read leaves the tail as make gave it, zeros.
func NullCount(r io.Reader, count int) (int, error) {
	zeros := 0
	for i := 0; i < count; i++ {
		rec := make([]byte, 32)
		n, err := r.Read(rec)
		if n == 0 && err != nil {
			if err == io.EOF {
				return zeros, nil
			}
			return zeros, err
		}
		for _, b := range rec {
			if b == 0 {
				zeros++
			}
		}
	}
	return zeros, nil
}

// RecordSums reads records of at least 8 bytes (io.ReadAtLeast into a 24-byte buffer) and sums each
// whole buffer: the bytes past what was read are make's zeros.
func RecordSums(r io.Reader, count int) ([]uint32, error) {
	sums := make([]uint32, 0, count)
	for i := 0; i < count; i++ {
		rec := make([]byte, 24)
		if _, err := io.ReadAtLeast(r, rec, 8); err != nil {
			return sums, err
		}
		var s uint32
		for _, b := range rec {
			s += uint32(b)
		}
		sums = append(sums, s)
	}
	return sums, nil
}

// LogRecord is one binary log record: a timestamp, a level, a code and a float sample.
type LogRecord struct {
	Nanos int64
	Level uint8
	Code  uint16
	Value float64
}

// binRecord is a LogRecord on disk: nanos(8) level(1) code(2) value(8) pad(1) crc(4).
const binRecord = 24

// DecodeLog decodes count binary log records into out.
func DecodeLog(r io.Reader, count int, out []LogRecord) (int, error) {
	n := 0
	for n < count && n < len(out) {
		b := make([]byte, binRecord)
		if _, err := io.ReadFull(r, b); err != nil {
			return n, err
		}
		if crc32.ChecksumIEEE(b[:20]) != binary.BigEndian.Uint32(b[20:24]) {
			return n, ErrCorrupt
		}
		out[n] = LogRecord{
			Nanos: int64(binary.BigEndian.Uint64(b[0:8])),
			Level: b[8],
			Code:  binary.BigEndian.Uint16(b[9:11]),
			Value: math.Float64frombits(binary.BigEndian.Uint64(b[11:19])),
		}
		n++
	}
	return n, nil
}

// MaxLevel scans a binary log for its most severe level, record by record.
func MaxLevel(r io.Reader) (uint8, error) {
	var max uint8
	for {
		b := make([]byte, binRecord)
		if _, err := io.ReadFull(r, b); err == io.EOF {
			return max, nil
		} else if err != nil {
			return max, err
		}
		if b[8] > max {
			max = b[8]
		}
	}
}

// Errors collects the records at level 3 or above, decoded, and keeps the raw bytes of the first one.
func Errors(r io.Reader) ([]LogRecord, []byte, error) {
	var found []LogRecord
	var first []byte
	for {
		b := make([]byte, binRecord)
		if _, err := io.ReadFull(r, b); err != nil {
			if err == io.EOF {
				return found, first, nil
			}
			return found, first, err
		}
		if b[8] < 3 {
			continue
		}
		if first == nil {
			first = b
		}
		found = append(found, LogRecord{Nanos: int64(binary.BigEndian.Uint64(b[0:8])), Level: b[8]})
	}
}

// BlockCRCs reads checksummed 64-byte blocks (60 bytes of data and their CRC) and checks each.
func BlockCRCs(r io.Reader, count int) (bad int, err error) {
	for i := 0; i < count; i++ {
		blk := make([]byte, 64)
		if _, err := io.ReadFull(r, blk); err != nil {
			return bad, err
		}
		if crc32.ChecksumIEEE(blk[:60]) != binary.LittleEndian.Uint32(blk[60:]) {
			bad++
		}
	}
	return bad, nil
}

// Block is a verified block's data, kept by the caller.
type Block struct {
	Index int
	Data  []byte
}

// ReadBlocks returns the verified blocks, each keeping a slice of what was read.
func ReadBlocks(r io.Reader, count int) ([]Block, error) {
	var blocks []Block
	for i := 0; i < count; i++ {
		blk := make([]byte, 64)
		if _, err := io.ReadFull(r, blk); err != nil {
			return blocks, err
		}
		if crc32.ChecksumIEEE(blk[:60]) != binary.LittleEndian.Uint32(blk[60:]) {
			return blocks, ErrCorrupt
		}
		blocks = append(blocks, Block{Index: i, Data: blk[:60]})
	}
	return blocks, nil
}

// Digest folds every block into a running CRC, one 96-byte block at a time.
func Digest(r io.Reader) (uint32, error) {
	h := crc32.NewIEEE()
	for {
		blk := make([]byte, 96)
		n, err := io.ReadFull(r, blk)
		h.Write(blk[:n])
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return h.Sum32(), nil
		}
		if err != nil {
			return 0, err
		}
	}
}
