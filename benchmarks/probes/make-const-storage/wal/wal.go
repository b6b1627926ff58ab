// Package wal frames write-ahead-log records.
package wal

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"

	"example.com/storetel/layout"
)

var (
	ErrTooBig  = errors.New("wal: record too big")
	ErrCorrupt = errors.New("wal: corrupt record")
)

var table = crc32.MakeTable(crc32.Castagnoli)

// Append writes one framed record to w.
func Append(w io.Writer, typ byte, payload []byte) error {
	if len(payload) > layout.MaxPayload {
		return ErrTooBig
	}
	buf := make([]byte, layout.RecordHeader+len(payload))
	binary.LittleEndian.PutUint32(buf[4:], uint32(len(payload)))
	buf[8] = typ
	copy(buf[layout.RecordHeader:], payload)
	binary.LittleEndian.PutUint32(buf, crc32.Checksum(buf[4:], table))
	_, err := w.Write(buf)
	return err
}

// Checksum is the CRC a record of typ and payload carries.
func Checksum(typ byte, payload []byte) (uint32, error) {
	if len(payload) > layout.MaxPayload {
		return 0, ErrTooBig
	}
	buf := make([]byte, layout.RecordHeader+len(payload))
	binary.LittleEndian.PutUint32(buf[4:], uint32(len(payload)))
	buf[8] = typ
	copy(buf[layout.RecordHeader:], payload)
	return crc32.Checksum(buf[4:], table), nil
}

// Verify checks a framed record's CRC.
func Verify(rec []byte) error {
	if len(rec) < layout.RecordHeader {
		return ErrCorrupt
	}
	n := binary.LittleEndian.Uint32(rec[4:])
	if n > layout.MaxPayload || int(n) > len(rec)-layout.RecordHeader {
		return ErrCorrupt
	}
	body := make([]byte, 5+n)
	copy(body, rec[4:])
	if crc32.Checksum(body, table) != binary.LittleEndian.Uint32(rec) {
		return ErrCorrupt
	}
	return nil
}

// KVChecksum frames a put record (key length, value length, key, value, trailer) and sums it.
func KVChecksum(key, val []byte) (uint32, error) {
	if len(key)+len(val) > layout.MaxKey+layout.MaxValue {
		return 0, ErrTooBig
	}
	buf := make([]byte, 2+len(key)+len(val)+4)
	buf[0] = byte(len(key))
	buf[1] = byte(len(val) >> 8)
	n := 2 + copy(buf[2:], key)
	n += copy(buf[n:], val)
	binary.LittleEndian.PutUint32(buf[n:], uint32(n))
	return crc32.Checksum(buf, table), nil
}

// BatchChecksum sums up to eight records, each cut to the largest payload.
func BatchChecksum(recs [][]byte) uint32 {
	const maxBatch = 8
	if len(recs) > maxBatch {
		recs = recs[:maxBatch]
	}
	total := 0
	for _, r := range recs {
		total += layout.RecordHeader + min(len(r), layout.MaxPayload)
	}
	buf := make([]byte, 0, total)
	for _, r := range recs {
		r = r[:min(len(r), layout.MaxPayload)]
		buf = binary.LittleEndian.AppendUint32(buf, 0)
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(r)))
		buf = append(buf, 1)
		buf = append(buf, r...)
	}
	return crc32.Checksum(buf, table)
}

// Segment reads records from r until EOF and returns how many were valid.
func Segment(r io.Reader) (int, error) {
	var hdr [layout.RecordHeader]byte
	count := 0
	for {
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			if err == io.EOF {
				return count, nil
			}
			return count, err
		}
		n := binary.LittleEndian.Uint32(hdr[4:])
		if n > layout.MaxPayload {
			return count, ErrCorrupt
		}
		payload := make([]byte, n)
		if _, err := io.ReadFull(r, payload); err != nil {
			return count, err
		}
		if crc32.Update(crc32.Checksum(hdr[4:], table), table, payload) == binary.LittleEndian.Uint32(hdr[:]) {
			count++
		}
	}
}

// Flusher collects records and writes them on a background goroutine.
type Flusher struct {
	w    io.Writer
	errc chan error
}

// FlushAsync frames payload and hands it to a goroutine that writes it.
func (f *Flusher) FlushAsync(payload []byte) {
	n := min(len(payload), layout.MaxPayload)
	buf := make([]byte, n)
	copy(buf, payload)
	go func() {
		_, err := f.w.Write(buf)
		f.errc <- err
	}()
}
