// Package replay records the inputs of a match so it can be replayed deterministically.
package replay

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"

	"example.com/probes/mixed-gameserver/limits"
)

// Frame is the inputs of one tick.
type Frame struct {
	Tick   uint32
	Inputs []uint16
}

// Recorder appends frames to a writer.
type Recorder struct {
	mu     sync.Mutex
	w      *bufio.Writer
	frames int
}

// NewRecorder writes the replay header and returns a recorder.
func NewRecorder(w io.Writer, match string) (*Recorder, error) {
	bw := bufio.NewWriter(w)
	if _, err := fmt.Fprintf(bw, "REPLAY1 %s\n", match); err != nil {
		return nil, err
	}
	return &Recorder{w: bw}, nil
}

// Add writes one frame: tick, count, inputs, through a fixed scratch.
func (r *Recorder) Add(f Frame) error {
	var scratch [4 + 1 + 2*limits.MaxPlayers]byte
	n := min(len(f.Inputs), limits.MaxPlayers)
	binary.BigEndian.PutUint32(scratch[:], f.Tick)
	scratch[4] = byte(n)
	for i := 0; i < n; i++ {
		binary.BigEndian.PutUint16(scratch[5+2*i:], f.Inputs[i])
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.frames++
	_, err := r.w.Write(scratch[:5+2*n])
	return err
}

// Flush writes the buffered frames.
func (r *Recorder) Flush() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.w.Flush()
}

// ErrCorrupt is returned for a malformed replay.
var ErrCorrupt = errors.New("replay: corrupt")

// ReadFrame reads one frame; the inputs go into dst's storage.
func ReadFrame(r io.Reader, dst []uint16) (Frame, error) {
	var head [5]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return Frame{}, err
	}
	n := int(head[4])
	if n > limits.MaxPlayers {
		return Frame{}, ErrCorrupt
	}
	body := make([]byte, 2*n)
	if _, err := io.ReadFull(r, body); err != nil {
		return Frame{}, err
	}
	dst = dst[:0]
	for i := 0; i < n; i++ {
		dst = append(dst, binary.BigEndian.Uint16(body[2*i:]))
	}
	return Frame{Tick: binary.BigEndian.Uint32(head[:]), Inputs: dst}, nil
}

// Count reads frames until EOF and returns how many there were.
func Count(r io.Reader) (int, error) {
	var inputs [limits.MaxPlayers]uint16
	n := 0
	for {
		_, err := ReadFrame(r, inputs[:0])
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

// Summary renders a replay's frame count and ticks covered.
func Summary(frames []Frame) string {
	var buf bytes.Buffer
	first, last := uint32(0), uint32(0)
	if len(frames) > 0 {
		first, last = frames[0].Tick, frames[len(frames)-1].Tick
	}
	fmt.Fprintf(&buf, "%d frames, ticks %d..%d", len(frames), first, last)
	return buf.String()
}

// Checkpoint encodes the scores of the players at a tick; the caller keeps the bytes.
func Checkpoint(tick uint32, scores []int32) []byte {
	n := min(len(scores), limits.MaxPlayers)
	out := make([]byte, 4+4*n)
	binary.BigEndian.PutUint32(out, tick)
	for i := 0; i < n; i++ {
		binary.BigEndian.PutUint32(out[4+4*i:], uint32(scores[i]))
	}
	return out
}

// Verify replays frames through step concurrently per player seat and reports the seats whose result differs.
func Verify(frames []Frame, want []int, step func(seat int, in uint16, acc int) int) []int {
	seats := min(len(want), limits.MaxPlayers)
	var got [limits.MaxPlayers]int
	var wg sync.WaitGroup
	for s := 0; s < seats; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := 0
			for _, f := range frames {
				if s < len(f.Inputs) {
					acc = step(s, f.Inputs[s], acc)
				}
			}
			got[s] = acc
		}()
	}
	wg.Wait()
	var bad []int
	for s := 0; s < seats; s++ {
		if got[s] != want[s] {
			bad = append(bad, s)
		}
	}
	return bad
}
