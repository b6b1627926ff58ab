package wire

import (
	"errors"
	"flag"
	"hash/crc32"
	"os"
	"strconv"
)

// maxBatch can be raised from the environment at start-up.
var maxBatch = 64

func init() {
	if s := os.Getenv("WIRE_MAX_BATCH"); s != "" {
		if v, err := strconv.Atoi(s); err == nil {
			maxBatch = v
		}
	}
}

var errBatch = errors.New("wire: batch too big")

// BatchSum sums the ids of a batch; the batch limit is tunable, so it bounds nothing at compile time.
func BatchSum(ids []uint32, n int) (uint32, error) {
	if n > maxBatch || n > len(ids) {
		return 0, errBatch
	}
	scratch := make([]uint32, n)
	copy(scratch, ids)
	var s uint32
	for _, v := range scratch {
		s += v
	}
	return s, nil
}

// maxLine is a flag: its address is handed to the flag package.
var maxLine = 512

func RegisterFlags(fs *flag.FlagSet) {
	fs.IntVar(&maxLine, "wire.max-line", maxLine, "longest text line accepted")
}

// LineSum checksums one protocol text line.
func LineSum(line []byte) (uint32, error) {
	if len(line) > maxLine {
		return 0, errTooBig
	}
	buf := make([]byte, len(line))
	copy(buf, line)
	return crc32.ChecksumIEEE(buf), nil
}

// MaxRecord is exported: another package may set it before serving.
var MaxRecord = 4096

// RecordSum checksums a record under the exported limit.
func RecordSum(rec []byte) (uint32, error) {
	if len(rec) > MaxRecord {
		return 0, errTooBig
	}
	buf := make([]byte, len(rec))
	copy(buf, rec)
	return crc32.ChecksumIEEE(buf), nil
}

// maxChunk comes from a computation at start-up.
var maxChunk = pageAligned(3000)

func pageAligned(n int) int { return (n + 4095) &^ 4095 }

// ChunkSum checksums a chunk under a computed limit.
func ChunkSum(c []byte) (uint32, error) {
	if len(c) > maxChunk {
		return 0, errTooBig
	}
	buf := make([]byte, len(c))
	copy(buf, c)
	return crc32.ChecksumIEEE(buf), nil
}

// maxWindow is halved by SetLowMemory through a pointer.
var maxWindow = 8192

func SetLowMemory() {
	p := &maxWindow
	*p /= 2
}

// WindowSum checksums a window under a limit that a pointer may lower.
func WindowSum(w []byte) (uint32, error) {
	if len(w) > maxWindow {
		return 0, errTooBig
	}
	buf := make([]byte, len(w))
	copy(buf, w)
	return crc32.ChecksumIEEE(buf), nil
}

// maxField is a plain limit that the SetStrict helper overwrites.
var maxField = 128

func SetStrict() { maxField = 32 }

// FieldSum checksums one field.
func FieldSum(f []byte) (uint32, error) {
	if len(f) > maxField {
		return 0, errTooBig
	}
	buf := make([]byte, len(f))
	copy(buf, f)
	return crc32.ChecksumIEEE(buf), nil
}
