package shipper

import (
	"encoding/binary"
	"errors"
	"flag"
	"hash/crc32"
	"io"
)

// A columnar spool file: pages of fixed size, each a column's values.
var (
	pageSize  = 8 << 10
	footerLen = 48
	indexSize = 2048
	blockSize = 4096
)

func init() {
	flag.IntVar(&blockSize, "shipper.block", blockSize, "spool block size")
}

// ErrCorrupt reports a page whose checksum does not match.
var ErrCorrupt = errors.New("corrupt page")

// PageSum reads one page and checks its trailing CRC.
func PageSum(r io.Reader) (uint32, error) {
	page := make([]byte, pageSize)
	if _, err := io.ReadFull(r, page); err != nil {
		return 0, err
	}
	body, sum := page[:len(page)-4], binary.LittleEndian.Uint32(page[len(page)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return 0, ErrCorrupt
	}
	return sum, nil
}

// SumInts reads a page of little-endian int64s and adds them.
func SumInts(r io.Reader) (int64, error) {
	page := make([]byte, pageSize)
	n, err := io.ReadFull(r, page)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return 0, err
	}
	var total int64
	for i := 0; i+8 <= n; i += 8 {
		total += int64(binary.LittleEndian.Uint64(page[i:]))
	}
	return total, nil
}

// ReadPage returns a page for the caller to decode.
func ReadPage(r io.Reader) ([]byte, error) {
	page := make([]byte, pageSize)
	_, err := io.ReadFull(r, page)
	return page, err
}

// Footer reads the file's footer.
func Footer(r io.Reader) (uint64, error) {
	buf := make([]byte, footerLen)
	if _, err := io.ReadFull(r, buf); err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(buf), nil
}

// IndexSum reads the index block and checks it.
func IndexSum(r io.Reader) (uint32, error) {
	buf := make([]byte, indexSize)
	if _, err := io.ReadFull(r, buf); err != nil {
		return 0, err
	}
	return crc32.ChecksumIEEE(buf), nil
}

// Block reads one spool block of the flag's size.
func Block(r io.Reader) (uint32, error) {
	buf := make([]byte, blockSize)
	if _, err := io.ReadFull(r, buf); err != nil {
		return 0, err
	}
	return crc32.ChecksumIEEE(buf), nil
}

// CopyPages relays whole pages from r to w.
func CopyPages(w io.Writer, r io.Reader) (int64, error) {
	page := make([]byte, pageSize)
	return io.CopyBuffer(w, r, page)
}

// Reader reads pages of a column whose page size the file's header gives.
type Reader struct {
	r        io.Reader
	pageSize int
	pages    int
}

// Next reads the next page and returns its checksum.
func (c *Reader) Next() (uint32, error) {
	page := make([]byte, c.pageSize)
	if _, err := io.ReadFull(c.r, page); err != nil {
		return 0, err
	}
	c.pages++
	return crc32.ChecksumIEEE(page), nil
}

// Frame writes a record: a 4-byte length and the payload, refused past 16 KiB.
func Frame(w io.Writer, payload []byte) error {
	if len(payload) > 16<<10 {
		return errors.New("record too large")
	}
	rec := make([]byte, 4+len(payload))
	binary.BigEndian.PutUint32(rec, uint32(len(payload)))
	copy(rec[4:], payload)
	_, err := w.Write(rec)
	return err
}
