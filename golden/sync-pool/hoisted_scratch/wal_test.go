package wal

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"sync"
	"testing"
)

func entry(seq, key, value uint64, op byte) []byte {
	b := make([]byte, entrySize)
	binary.LittleEndian.PutUint64(b[4:], seq)
	binary.LittleEndian.PutUint64(b[12:], key)
	binary.LittleEndian.PutUint64(b[20:], value)
	b[28] = op
	binary.LittleEndian.PutUint32(b, crc32.ChecksumIEEE(b[4:]))
	return b
}

func segment() []byte {
	return bytes.Join([][]byte{entry(1, 7, 70, 'P'), entry(2, 8, 80, 'P'), entry(3, 7, 0, 'D'), entry(4, 9, 90, 'P')}, nil)
}

// TestReplay replays the segment from four goroutines at once, each into its own state.
func TestReplay(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			state := map[uint64]uint64{}
			last, err := Replay(bytes.NewReader(segment()), state)
			if err != nil || last != 4 || len(state) != 2 || state[8] != 80 || state[9] != 90 {
				t.Error(last, err, state)
			}
		}()
	}
	wg.Wait()
	bad := segment()
	bad[40] ^= 1
	if last, err := Replay(bytes.NewReader(bad), map[uint64]uint64{}); err != errCorrupt || last != 1 {
		t.Fatal(last, err)
	}
	if last, err := Replay(bytes.NewReader(segment()[:40]), map[uint64]uint64{}); err == nil || last != 1 {
		t.Fatal(last, err)
	}
}

func TestAllocsPerRun(t *testing.T) {
	seg := segment()
	r := bytes.NewReader(seg)
	state := map[uint64]uint64{}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		r.Reset(seg)
		Replay(r, state)
	}))
}
