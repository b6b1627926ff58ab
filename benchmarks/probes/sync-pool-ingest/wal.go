package ingest

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

// ErrCorrupt is returned for an entry whose checksum does not match.
var ErrCorrupt = errors.New("ingest: corrupt entry")

// Entry is one write-ahead log entry: a sequence number and a fixed 24-byte value.
type Entry struct {
	Seq   uint64
	Op    byte
	Key   uint64
	Value [24]byte
}

// entrySize is a WAL entry on disk: crc(4) seq(8) op(1) key(8) value(24) pad(3).
const entrySize = 48

func decodeEntry(b []byte, e *Entry) error {
	if crc32.ChecksumIEEE(b[4:]) != binary.LittleEndian.Uint32(b[0:4]) {
		return ErrCorrupt
	}
	e.Seq = binary.LittleEndian.Uint64(b[4:12])
	e.Op = b[12]
	e.Key = binary.LittleEndian.Uint64(b[13:21])
	copy(e.Value[:], b[21:45])
	return nil
}

// Replay applies every entry of a segment to the state, in order, and returns the last sequence number.
func Replay(r io.Reader, state map[uint64][24]byte) (uint64, error) {
	var last uint64
	for {
		raw := make([]byte, entrySize)
		if _, err := io.ReadFull(r, raw); err != nil {
			if err == io.EOF {
				return last, nil
			}
			return last, err
		}
		var e Entry
		if err := decodeEntry(raw, &e); err != nil {
			return last, err
		}
		switch e.Op {
		case 'P':
			state[e.Key] = e.Value
		case 'D':
			delete(state, e.Key)
		}
		last = e.Seq
	}
}

// ReplaySegments replays each segment in turn; a segment ends at EOF.
func ReplaySegments(segments []io.Reader, state map[uint64][24]byte) (int, error) {
	applied := 0
	for _, seg := range segments {
		for {
			raw := make([]byte, entrySize)
			if _, err := io.ReadFull(seg, raw); err != nil {
				if err == io.EOF {
					break
				}
				return applied, err
			}
			var e Entry
			if err := decodeEntry(raw, &e); err != nil {
				continue // a torn entry: skip it, as the recovery policy says
			}
			state[e.Key] = e.Value
			applied++
		}
	}
	return applied, nil
}

// Tail returns the raw bytes of the entries after seq, for shipping to a follower.
func Tail(r io.Reader, seq uint64) ([][]byte, error) {
	var out [][]byte
	for {
		raw := make([]byte, entrySize)
		if _, err := io.ReadFull(r, raw); err != nil {
			if err == io.EOF {
				return out, nil
			}
			return out, err
		}
		if binary.LittleEndian.Uint64(raw[4:12]) > seq {
			out = append(out, raw)
		}
	}
}

// Pending is a replayed entry waiting for its commit record, kept with its raw bytes.
type Pending struct {
	Seq uint64
	Raw []byte
}

// Uncommitted returns the entries with op 'P' that no later 'C' commits.
func Uncommitted(r io.Reader) (map[uint64]Pending, error) {
	pending := map[uint64]Pending{}
	for {
		raw := make([]byte, entrySize)
		if _, err := io.ReadFull(r, raw); err != nil {
			if err == io.EOF {
				return pending, nil
			}
			return pending, err
		}
		seq := binary.LittleEndian.Uint64(raw[4:12])
		switch raw[12] {
		case 'P':
			pending[seq] = Pending{Seq: seq, Raw: raw}
		case 'C':
			delete(pending, binary.LittleEndian.Uint64(raw[13:21]))
		}
	}
}

// Verify checks every entry's checksum and counts the good ones, stopping at the first bad one.
func Verify(r io.Reader) (good int, err error) {
	for {
		raw := make([]byte, entrySize)
		if _, err := io.ReadFull(r, raw); err != nil {
			if err == io.EOF {
				return good, nil
			}
			return good, err
		}
		if crc32.ChecksumIEEE(raw[4:]) != binary.LittleEndian.Uint32(raw[0:4]) {
			return good, ErrCorrupt
		}
		good++
	}
}

// SegmentHeader is the 16-byte header at the start of a segment file.
type SegmentHeader struct {
	Magic   uint32
	Version uint32
	First   uint64
}

// FirstSeqs reads the header of each segment and returns its first sequence number.
func FirstSeqs(segments []io.Reader) ([]uint64, error) {
	firsts := make([]uint64, 0, len(segments))
	for _, seg := range segments {
		hdr := make([]byte, 16)
		if _, err := io.ReadFull(seg, hdr); err != nil {
			return firsts, err
		}
		var h SegmentHeader
		h.Magic = binary.LittleEndian.Uint32(hdr[0:4])
		h.Version = binary.LittleEndian.Uint32(hdr[4:8])
		h.First = binary.LittleEndian.Uint64(hdr[8:16])
		if h.Magic != 0x57414c31 {
			return firsts, ErrCorrupt
		}
		firsts = append(firsts, h.First)
	}
	return firsts, nil
}

// Compact copies the entries whose key is still live to w, one write per entry.
func Compact(r io.Reader, w io.Writer, live map[uint64]bool) (int, error) {
	kept := 0
	for {
		raw := make([]byte, entrySize)
		if _, err := io.ReadFull(r, raw); err != nil {
			if err == io.EOF {
				return kept, nil
			}
			return kept, err
		}
		if !live[binary.LittleEndian.Uint64(raw[13:21])] {
			continue
		}
		if _, err := w.Write(raw); err != nil {
			return kept, err
		}
		kept++
	}
}

// ReplayLogged replays entries and logs the raw bytes of each from a deferred call when the replay fails.
func ReplayLogged(r io.Reader, logf func(string, ...any)) (n int, err error) {
	for {
		raw := make([]byte, entrySize)
		if _, err := io.ReadFull(r, raw); err != nil {
			if err == io.EOF {
				return n, nil
			}
			return n, err
		}
		defer func() {
			if err != nil {
				logf("entry %x", raw[:12])
			}
		}()
		var e Entry
		if err := decodeEntry(raw, &e); err != nil {
			return n, err
		}
		n++
	}
}
