package gateway

import (
	"encoding/binary"
	"errors"
	"io"
)

const (
	wsHeaderMax  = 14
	wsMaxPayload = 4096
)

// ErrFrameTooLarge is returned for a frame above the relay's limit.
var ErrFrameTooLarge = errors.New("gateway: websocket frame too large")

// Frame is a websocket frame header.
type Frame struct {
	Fin    bool
	Opcode byte
	Masked bool
	Length uint64
	Mask   [4]byte
}

// readFrameHeader reads a frame header from r using hdr as scratch; it keeps nothing of hdr.
func readFrameHeader(r io.Reader, hdr []byte, f *Frame) error {
	if _, err := io.ReadFull(r, hdr[:2]); err != nil {
		return err
	}
	f.Fin = hdr[0]&0x80 != 0
	f.Opcode = hdr[0] & 0x0f
	f.Masked = hdr[1]&0x80 != 0
	f.Length = uint64(hdr[1] & 0x7f)
	switch f.Length {
	case 126:
		if _, err := io.ReadFull(r, hdr[2:4]); err != nil {
			return err
		}
		f.Length = uint64(binary.BigEndian.Uint16(hdr[2:4]))
	case 127:
		if _, err := io.ReadFull(r, hdr[2:10]); err != nil {
			return err
		}
		f.Length = binary.BigEndian.Uint64(hdr[2:10])
	}
	if f.Masked {
		if _, err := io.ReadFull(r, f.Mask[:]); err != nil {
			return err
		}
	}
	return nil
}

func unmask(p []byte, mask [4]byte) {
	for i := range p {
		p[i] ^= mask[i&3]
	}
}

// RelayFrames relays client frames to the upstream, unmasking each payload in a per-frame scratch.
func RelayFrames(dst io.Writer, src io.Reader) (int, error) {
	frames := 0
	for {
		hdr := make([]byte, wsHeaderMax)
		var f Frame
		if err := readFrameHeader(src, hdr, &f); err != nil {
			if err == io.EOF {
				return frames, nil
			}
			return frames, err
		}
		if f.Length > wsMaxPayload {
			return frames, ErrFrameTooLarge
		}
		payload := make([]byte, wsMaxPayload)
		p := payload[:f.Length]
		if _, err := io.ReadFull(src, p); err != nil {
			return frames, err
		}
		unmask(p, f.Mask)
		if _, err := dst.Write(p); err != nil {
			return frames, err
		}
		frames++
	}
}

// CountFrames counts the frames of a recorded session, by opcode.
func CountFrames(src io.Reader, counts map[byte]int) error {
	for {
		hdr := make([]byte, wsHeaderMax)
		var f Frame
		if err := readFrameHeader(src, hdr, &f); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		counts[f.Opcode]++
		if _, err := io.CopyN(io.Discard, src, int64(f.Length)); err != nil {
			return err
		}
	}
}

// WriteFrame writes one unmasked server frame with a scratch header.
func WriteFrame(w io.Writer, opcode byte, payload []byte) error {
	var hdr [wsHeaderMax]byte
	hdr[0] = 0x80 | opcode
	n := 2
	switch {
	case len(payload) < 126:
		hdr[1] = byte(len(payload))
	case len(payload) <= 0xffff:
		hdr[1] = 126
		binary.BigEndian.PutUint16(hdr[2:], uint16(len(payload)))
		n = 4
	default:
		hdr[1] = 127
		binary.BigEndian.PutUint64(hdr[2:], uint64(len(payload)))
		n = 10
	}
	if _, err := w.Write(hdr[:n]); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

// CollectMessages reads every text frame and returns their payloads: each kept, must stay allocated.
func CollectMessages(src io.Reader) ([][]byte, error) {
	var out [][]byte
	for {
		hdr := make([]byte, wsHeaderMax)
		var f Frame
		if err := readFrameHeader(src, hdr, &f); err != nil {
			if err == io.EOF {
				return out, nil
			}
			return out, err
		}
		if f.Length > wsMaxPayload {
			return out, ErrFrameTooLarge
		}
		payload := make([]byte, wsMaxPayload)
		p := payload[:f.Length]
		if _, err := io.ReadFull(src, p); err != nil {
			return out, err
		}
		unmask(p, f.Mask)
		out = append(out, p)
	}
}

// FanOut relays each frame to every subscriber on its own goroutine: handed to goroutines, must stay allocated.
func FanOut(src io.Reader, subs []chan<- []byte) error {
	for {
		hdr := make([]byte, wsHeaderMax)
		var f Frame
		if err := readFrameHeader(src, hdr, &f); err != nil {
			return err
		}
		if f.Length > wsMaxPayload {
			return ErrFrameTooLarge
		}
		payload := make([]byte, wsMaxPayload)
		p := payload[:f.Length]
		if _, err := io.ReadFull(src, p); err != nil {
			return err
		}
		for _, s := range subs {
			go func(s chan<- []byte) { s <- p }(s)
		}
	}
}
