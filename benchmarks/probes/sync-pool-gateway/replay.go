package gateway

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

// A recording is a sequence of records: a fixed header, then the request line and the body.
const (
	headerLen   = 24
	maxLineLen  = 512
	recordMagic = 0x4757
)

// ErrBadRecord is returned for a record whose header does not check.
var ErrBadRecord = errors.New("gateway: bad record")

// Record is a decoded record header.
type Record struct {
	Kind    byte
	Status  uint16
	LineLen uint32
	BodyLen uint32
	Nanos   int64
}

// parseRecord decodes a record header; it keeps nothing of b.
func parseRecord(b []byte) (Record, error) {
	if binary.BigEndian.Uint16(b[0:2]) != recordMagic {
		return Record{}, ErrBadRecord
	}
	if crc32.ChecksumIEEE(b[:20]) != binary.BigEndian.Uint32(b[20:24]) {
		return Record{}, ErrBadRecord
	}
	return Record{
		Kind:    b[2],
		Status:  binary.BigEndian.Uint16(b[4:6]),
		LineLen: uint32(binary.BigEndian.Uint16(b[6:8])),
		BodyLen: binary.BigEndian.Uint32(b[8:12]),
		Nanos:   int64(binary.BigEndian.Uint64(b[12:20])),
	}, nil
}

// RequestLine is a request line that still points into the buffer it was parsed from.
type RequestLine struct {
	Method []byte
	Target []byte
}

// parseLine splits a request line; the result keeps sub-slices of b.
func parseLine(b []byte) (RequestLine, bool) {
	i := bytes.IndexByte(b, ' ')
	if i < 0 {
		return RequestLine{}, false
	}
	return RequestLine{Method: b[:i], Target: bytes.TrimSpace(b[i+1:])}, true
}

// lineMethod returns the method of a request line as a string; it keeps nothing of b.
func lineMethod(b []byte) string {
	if i := bytes.IndexByte(b, ' '); i >= 0 {
		return string(b[:i])
	}
	return ""
}

// Replay reads every record of a recording and counts the responses by status.
func Replay(r io.Reader, statuses map[uint16]int) (int, error) {
	n := 0
	for {
		hdr := make([]byte, headerLen)
		if _, err := io.ReadFull(r, hdr); err != nil {
			if err == io.EOF {
				return n, nil
			}
			return n, err
		}
		rec, err := parseRecord(hdr)
		if err != nil {
			return n, err
		}
		statuses[rec.Status]++
		if _, err := io.CopyN(io.Discard, r, int64(rec.LineLen)+int64(rec.BodyLen)); err != nil {
			return n, err
		}
		n++
	}
}

// ReplayMethods counts the recorded requests by method, reading each request line into a bounded scratch.
func ReplayMethods(r io.Reader, methods map[string]int) error {
	var hdr [headerLen]byte
	for {
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		rec, err := parseRecord(hdr[:])
		if err != nil {
			return err
		}
		if rec.LineLen > maxLineLen {
			return ErrBadRecord
		}
		line := make([]byte, maxLineLen)
		if _, err := io.ReadFull(r, line[:rec.LineLen]); err != nil {
			return err
		}
		methods[lineMethod(line[:rec.LineLen])]++
		if _, err := io.CopyN(io.Discard, r, int64(rec.BodyLen)); err != nil {
			return err
		}
	}
}

// ReplayDurations sums the recorded latencies per kind, one header array per record.
func ReplayDurations(r io.Reader) (map[byte]int64, error) {
	sums := map[byte]int64{}
	for {
		var hdr [headerLen]byte
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			if err == io.EOF {
				return sums, nil
			}
			return sums, err
		}
		rec, err := parseRecord(hdr[:])
		if err != nil {
			return sums, err
		}
		sums[rec.Kind] += rec.Nanos
		if _, err := io.CopyN(io.Discard, r, int64(rec.LineLen)+int64(rec.BodyLen)); err != nil {
			return sums, err
		}
	}
}

// ReplayTargets returns every recorded request target: parseLine keeps sub-slices, so each line is retained.
func ReplayTargets(r io.Reader) ([][]byte, error) {
	var targets [][]byte
	for {
		hdr := make([]byte, headerLen)
		if _, err := io.ReadFull(r, hdr); err != nil {
			if err == io.EOF {
				return targets, nil
			}
			return targets, err
		}
		rec, err := parseRecord(hdr)
		if err != nil {
			return targets, err
		}
		if rec.LineLen > maxLineLen {
			return targets, ErrBadRecord
		}
		line := make([]byte, maxLineLen)
		if _, err := io.ReadFull(r, line[:rec.LineLen]); err != nil {
			return targets, err
		}
		if rl, ok := parseLine(line[:rec.LineLen]); ok {
			targets = append(targets, rl.Target)
		}
		if _, err := io.CopyN(io.Discard, r, int64(rec.BodyLen)); err != nil {
			return targets, err
		}
	}
}

// FirstHeader reads the recording's first header and returns its bytes for the file sniffer: returned.
func FirstHeader(r io.Reader) ([]byte, error) {
	hdr := make([]byte, headerLen)
	if _, err := io.ReadFull(r, hdr); err != nil {
		return nil, err
	}
	if _, err := parseRecord(hdr); err != nil {
		return nil, err
	}
	return hdr, nil
}

// Recorder appends records to a recording.
type Recorder struct {
	W    io.Writer
	last []byte
}

// Record writes one record: the header is built in a scratch array.
func (rc *Recorder) Record(rec Record, line, body []byte) error {
	hdr := make([]byte, headerLen)
	binary.BigEndian.PutUint16(hdr[0:2], recordMagic)
	hdr[2] = rec.Kind
	binary.BigEndian.PutUint16(hdr[4:6], rec.Status)
	binary.BigEndian.PutUint16(hdr[6:8], uint16(len(line)))
	binary.BigEndian.PutUint32(hdr[8:12], uint32(len(body)))
	binary.BigEndian.PutUint64(hdr[12:20], uint64(rec.Nanos))
	binary.BigEndian.PutUint32(hdr[20:24], crc32.ChecksumIEEE(hdr[:20]))
	if _, err := rc.W.Write(hdr); err != nil {
		return err
	}
	if _, err := rc.W.Write(line); err != nil {
		return err
	}
	_, err := rc.W.Write(body)
	return err
}

// RecordKeep writes one record and keeps its header for the next call's chaining: stored, must stay allocated.
func (rc *Recorder) RecordKeep(rec Record) error {
	hdr := make([]byte, headerLen)
	binary.BigEndian.PutUint16(hdr[0:2], recordMagic)
	hdr[2] = rec.Kind
	binary.BigEndian.PutUint32(hdr[20:24], crc32.ChecksumIEEE(hdr[:20]))
	rc.last = hdr
	_, err := rc.W.Write(hdr)
	return err
}

// ReplayBodies feeds each recorded body through a Buffer to the checker, which only measures it.
func ReplayBodies(r io.Reader, check func(n int) bool) (int, error) {
	bad := 0
	for {
		var hdr [headerLen]byte
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			if err == io.EOF {
				return bad, nil
			}
			return bad, err
		}
		rec, err := parseRecord(hdr[:])
		if err != nil {
			return bad, err
		}
		var body bytes.Buffer
		if _, err := io.CopyN(&body, r, int64(rec.LineLen)+int64(rec.BodyLen)); err != nil {
			return bad, err
		}
		if !check(bodySize(&body)) {
			bad++
		}
	}
}

// bodySize measures a buffered body; it keeps nothing of it.
func bodySize(b *bytes.Buffer) int {
	return b.Len()
}
