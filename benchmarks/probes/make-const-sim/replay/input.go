// Package replay records player input for deterministic replays and netcode.
package replay

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
)

// Input is one tick of controller state.
type Input struct {
	Tick    uint32
	Buttons uint16
	StickX  int8
	StickY  int8
}

// FrameSize is an encoded Input's size.
const FrameSize = 8

// MaxFrames bounds a replay chunk.
const MaxFrames = 120

var errChunk = errors.New("replay: bad chunk")

// Ring keeps the last 128 inputs for rollback.
type Ring struct {
	buf  [128]Input
	head int
	n    int
}

// Push records one input.
func (r *Ring) Push(in Input) {
	r.buf[r.head] = in
	r.head = (r.head + 1) % len(r.buf)
	r.n = min(r.n+1, len(r.buf))
}

// Last folds the newest k inputs, oldest first, into a button mask history.
func (r *Ring) Last(k int) uint32 {
	k = min(k, r.n)
	if k < 0 {
		return 0
	}
	out := make([]Input, k)
	for i := range out {
		out[i] = r.buf[(r.head-k+i+len(r.buf))%len(r.buf)]
	}
	var h uint32
	for _, in := range out {
		h = h*31 + uint32(in.Buttons)
	}
	return h
}

func put(b []byte, in Input) {
	binary.LittleEndian.PutUint32(b, in.Tick)
	binary.LittleEndian.PutUint16(b[4:], in.Buttons)
	b[6], b[7] = byte(in.StickX), byte(in.StickY)
}

// Encode serialises a chunk: the bytes go to the caller.
func Encode(frames []Input) []byte {
	out := make([]byte, len(frames)*FrameSize)
	for i, f := range frames {
		put(out[i*FrameSize:], f)
	}
	return out
}

// Checksum is the desync check two peers compare every chunk.
func Checksum(frames []Input) uint32 {
	if len(frames) > MaxFrames {
		return 0
	}
	buf := make([]byte, len(frames)*FrameSize)
	for i, f := range frames {
		put(buf[i*FrameSize:], f)
	}
	var h uint32 = 2166136261
	for _, b := range buf {
		h = (h ^ uint32(b)) * 16777619
	}
	return h
}

// Decode reads a chunk header's count and sums the ticks of its frames.
func Decode(data []byte) (uint32, error) {
	if len(data) < 2 {
		return 0, errChunk
	}
	n := int(binary.LittleEndian.Uint16(data))
	if n > MaxFrames || len(data) < 2+n*FrameSize {
		return 0, errChunk
	}
	frames := make([]Input, n)
	for i := range frames {
		b := data[2+i*FrameSize:]
		frames[i] = Input{Tick: binary.LittleEndian.Uint32(b), Buttons: binary.LittleEndian.Uint16(b[4:])}
	}
	var sum uint32
	for _, f := range frames {
		sum += f.Tick
	}
	return sum, nil
}

// CRC frames a chunk for the wire check with the table-driven CRC.
func CRC(frames []Input) uint32 {
	if len(frames) > MaxFrames {
		return 0
	}
	buf := make([]byte, len(frames)*FrameSize)
	for i, f := range frames {
		put(buf[i*FrameSize:], f)
	}
	return crc32.ChecksumIEEE(buf)
}

// Snapshot is a fixed set of entity states for delta compression.
type Snapshot struct {
	ents [32]uint64
	n    int
}

// Add appends an entity state unless the snapshot is full.
func (s *Snapshot) Add(v uint64) bool {
	if s.n == len(s.ents) {
		return false
	}
	s.ents[s.n] = v
	s.n++
	return true
}

// Delta counts the entities that changed between two snapshots.
func Delta(a, b *Snapshot) int {
	changed := make([]int, 0, a.n)
	for i := 0; i < a.n && i < b.n; i++ {
		if a.ents[i] != b.ents[i] {
			changed = append(changed, i)
		}
	}
	return len(changed)
}

// Broadcast sends each encoded chunk to the netcode goroutine.
func Broadcast(chunks [][]Input, out chan<- []byte) {
	for _, c := range chunks {
		buf := make([]byte, len(c)*FrameSize)
		for i, f := range c {
			put(buf[i*FrameSize:], f)
		}
		out <- buf
	}
}

// Rewind replays the newest inputs through a step function with a scratch copy.
func Rewind(r *Ring, ticks int, step func([]Input)) {
	if ticks > len(r.buf) {
		ticks = len(r.buf)
	}
	scratch := make([]Input, ticks)
	for i := range scratch {
		scratch[i] = r.buf[(r.head-ticks+i+len(r.buf))%len(r.buf)]
	}
	step(scratch)
}
