package kv

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"example.com/freshkv/format"
)

const (
	kindPut byte = 1
	kindDel byte = 2
)

var (
	errShort    = errors.New("kv: short record")
	errChecksum = errors.New("kv: checksum mismatch")
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Record is one log entry.
type Record struct {
	Kind  byte
	Seq   uint32
	Key   []byte
	Value []byte
}

// encodeHeader fills a fixed-size header for r.
func encodeHeader(r *Record) []byte {
	h := make([]byte, format.HeaderSize)
	h[4] = r.Kind
	binary.LittleEndian.PutUint16(h[6:], uint16(len(r.Key)))
	binary.LittleEndian.PutUint32(h[8:], uint32(len(r.Value)))
	binary.LittleEndian.PutUint32(h[12:], r.Seq)
	return h
}

// WriteRecord writes header, key and value to w with the header's checksum covering all.
func WriteRecord(w io.Writer, r *Record) error {
	if len(r.Key) > format.MaxKeySize || len(r.Value) > format.MaxValueSize {
		return fmt.Errorf("kv: record too large: key %d value %d", len(r.Key), len(r.Value))
	}
	buf := make([]byte, format.HeaderSize+len(r.Key)+len(r.Value))
	buf[4] = r.Kind
	binary.LittleEndian.PutUint16(buf[6:], uint16(len(r.Key)))
	binary.LittleEndian.PutUint32(buf[8:], uint32(len(r.Value)))
	binary.LittleEndian.PutUint32(buf[12:], r.Seq)
	copy(buf[format.HeaderSize:], r.Key)
	copy(buf[format.HeaderSize+len(r.Key):], r.Value)
	binary.LittleEndian.PutUint32(buf[0:], crc32.Checksum(buf[4:], castagnoli))
	_, err := w.Write(buf)
	return err
}

// ReadHeader reads and decodes one header from rd.
func ReadHeader(rd io.Reader) (kind byte, keyLen, valLen int, seq uint32, err error) {
	var h [format.HeaderSize]byte
	if _, err = io.ReadFull(rd, h[:]); err != nil {
		return
	}
	kind = h[4]
	keyLen = int(binary.LittleEndian.Uint16(h[6:]))
	valLen = int(binary.LittleEndian.Uint32(h[8:]))
	seq = binary.LittleEndian.Uint32(h[12:])
	return
}

// ReadRecord reads one full record from rd and checks its checksum.
func ReadRecord(rd io.Reader) (*Record, error) {
	h := make([]byte, format.HeaderSize)
	if _, err := io.ReadFull(rd, h); err != nil {
		return nil, err
	}
	keyLen := int(binary.LittleEndian.Uint16(h[6:]))
	valLen := int(binary.LittleEndian.Uint32(h[8:]))
	if keyLen > format.MaxKeySize || valLen > format.MaxValueSize {
		return nil, errShort
	}
	body := make([]byte, keyLen+valLen)
	if _, err := io.ReadFull(rd, body); err != nil {
		return nil, err
	}
	crc := crc32.Update(crc32.Checksum(h[4:], castagnoli), castagnoli, body)
	if crc != binary.LittleEndian.Uint32(h[0:]) {
		return nil, errChecksum
	}
	return &Record{Kind: h[4], Seq: binary.LittleEndian.Uint32(h[12:]), Key: body[:keyLen], Value: body[keyLen:]}, nil
}

// Checksum returns the record's checksum without writing it anywhere.
func Checksum(r *Record) uint32 {
	if len(r.Key) > format.MaxKeySize {
		return 0
	}
	scratch := make([]byte, 0, format.HeaderSize+len(r.Key))
	scratch = append(scratch, r.Kind)
	scratch = binary.LittleEndian.AppendUint32(scratch, r.Seq)
	scratch = append(scratch, r.Key...)
	c := crc32.Checksum(scratch, castagnoli)
	return crc32.Update(c, castagnoli, r.Value)
}

// PutUvarints encodes a list of integers as varints and returns the encoded size.
func PutUvarints(xs []uint64) int {
	if len(xs) > format.MaxBatchItems {
		return -1
	}
	buf := make([]byte, len(xs)*binary.MaxVarintLen64)
	n := 0
	for _, x := range xs {
		n += binary.PutUvarint(buf[n:], x)
	}
	return n
}

// AppendKeyLen writes the key length as a varint followed by the key.
func AppendKeyLen(dst, key []byte) []byte {
	var tmp [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(tmp[:], uint64(len(key)))
	dst = append(dst, tmp[:n]...)
	return append(dst, key...)
}

// DecodeVarints decodes up to max varints from b.
func DecodeVarints(b []byte, limit int) (uint64, error) {
	if limit > format.MaxBatchItems {
		limit = format.MaxBatchItems
	}
	vals := make([]uint64, 0, limit)
	for len(b) > 0 && len(vals) < limit {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, fmt.Errorf("kv: bad varint at %d", len(vals))
		}
		vals = append(vals, v)
		b = b[n:]
	}
	var sum uint64
	for _, v := range vals {
		sum += v
	}
	return sum, nil
}

// footer encodes a segment footer: entry count and magic.
func footer(count uint32) uint64 {
	f := make([]byte, format.FooterSize)
	binary.BigEndian.PutUint32(f, count)
	binary.BigEndian.PutUint16(f[4:], format.Magic)
	return binary.BigEndian.Uint64(f)
}

// CompareKeys orders two keys with a length prefix, as the index stores them.
func CompareKeys(a, b []byte) int {
	if len(a) > format.MaxKeySize || len(b) > format.MaxKeySize {
		return 0
	}
	pa := AppendKeyLen(make([]byte, 0, len(a)+binary.MaxVarintLen64), a)
	pb := AppendKeyLen(make([]byte, 0, len(b)+binary.MaxVarintLen64), b)
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] != pb[i] {
			return int(pa[i]) - int(pb[i])
		}
	}
	return len(pa) - len(pb)
}

// IndexEntry encodes one index entry: key hash and offset.
func IndexEntry(w io.Writer, hash uint32, off uint64) error {
	e := make([]byte, format.IndexEntrySz)
	binary.LittleEndian.PutUint32(e, hash)
	binary.LittleEndian.PutUint64(e[4:], off)
	_, err := w.Write(e)
	return err
}

// WriteHeaderTo writes the header through binary.Write.
func WriteHeaderTo(w io.Writer, r *Record) error {
	hdr := struct {
		CRC    uint32
		Kind   byte
		Flags  byte
		KeyLen uint16
		ValLen uint32
		Seq    uint32
	}{Kind: r.Kind, KeyLen: uint16(len(r.Key)), ValLen: uint32(len(r.Value)), Seq: r.Seq}
	return binary.Write(w, binary.LittleEndian, &hdr)
}
