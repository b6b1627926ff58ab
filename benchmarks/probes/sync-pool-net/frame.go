package netproto

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

// MaxFrame bounds one frame's payload.
const MaxFrame = 1 << 20

// ErrFrameTooLarge reports a frame over MaxFrame.
var ErrFrameTooLarge = errors.New("netproto: frame too large")

// WriteFrame writes a 4-byte big-endian length, then payload.
func WriteFrame(w io.Writer, payload []byte) error {
	hdr := make([]byte, 4)
	binary.BigEndian.PutUint32(hdr, uint32(len(payload)))
	if _, err := w.Write(hdr); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

// ReadFrame reads one frame; the payload is returned to the caller.
func ReadFrame(r io.Reader) ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > MaxFrame {
		return nil, ErrFrameTooLarge
	}
	payload := make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		return nil, err
	}
	return payload, nil
}

// SkipFrames discards count frames, reading each payload into one scratch buffer.
func SkipFrames(r io.Reader, count int) (int64, error) {
	scratch := make([]byte, 64<<10)
	var total int64
	hdr := scratch[:4]
	for i := 0; i < count; i++ {
		if _, err := io.ReadFull(r, hdr); err != nil {
			return total, err
		}
		n := int64(binary.BigEndian.Uint32(hdr))
		total += n
		for n > 0 {
			chunk := scratch
			if n < int64(len(chunk)) {
				chunk = chunk[:n]
			}
			m, err := io.ReadFull(r, chunk)
			n -= int64(m)
			if err != nil {
				return total, err
			}
		}
	}
	return total, nil
}

// FrameChecksum reads a frame and returns the CRC-32 of its payload, through a 16 KiB chunk buffer.
func FrameChecksum(r io.Reader) (uint32, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return 0, err
	}
	n := int(binary.BigEndian.Uint32(hdr[:]))
	buf := make([]byte, 16<<10)
	var sum uint32
	for n > 0 {
		chunk := buf
		if n < len(chunk) {
			chunk = chunk[:n]
		}
		m, err := io.ReadFull(r, chunk)
		sum = crc32.Update(sum, crc32.IEEETable, chunk[:m])
		n -= m
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// WriteCompressed deflates payload into a per-message buffer and writes it as one frame.
func WriteCompressed(w io.Writer, payload []byte) error {
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return err
	}
	if _, err := zw.Write(payload); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return WriteFrame(w, buf.Bytes())
}

// GzipMessage compresses msg into a fresh buffer and sends it on w with its length.
func GzipMessage(w io.Writer, msg string) (int, error) {
	buf := new(bytes.Buffer)
	zw := gzip.NewWriter(buf)
	io.WriteString(zw, msg)
	if err := zw.Close(); err != nil {
		return 0, err
	}
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(buf.Len()))
	if _, err := w.Write(hdr[:]); err != nil {
		return 0, err
	}
	n, err := w.Write(buf.Bytes())
	return n + 4, err
}

// Compressed returns gzip bytes of msg for a cache; the bytes are kept by the caller.
func Compressed(msg []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(msg)
	zw.Close()
	return buf.Bytes()
}

// Batcher collects frames and writes them from its own goroutine.
type Batcher struct {
	ch chan []byte
}

// Send hands a framed copy of payload to the writer goroutine, which writes it later.
func (b *Batcher) Send(payload []byte) {
	frame := make([]byte, 4+len(payload))
	binary.BigEndian.PutUint32(frame, uint32(len(payload)))
	copy(frame[4:], payload)
	b.ch <- frame
}

// Upload streams r to w as frames of up to 32 KiB, reusing one buffer.
func Upload(w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 4+32<<10)
	var total int64
	for {
		n, err := r.Read(buf[4:])
		if n > 0 {
			binary.BigEndian.PutUint32(buf[:4], uint32(n))
			if _, werr := w.Write(buf[:4+n]); werr != nil {
				return total, werr
			}
			total += int64(n)
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}
