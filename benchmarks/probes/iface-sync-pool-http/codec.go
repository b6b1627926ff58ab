package probe43

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Encoder writes one message.
type Encoder interface {
	Encode(w io.Writer, v any) error
}

// Decoder reads one message.
type Decoder interface {
	Decode(r io.Reader, v any) error
}

// Marshaler is the optional fast path of a message.
type Marshaler interface {
	MarshalRPC() ([]byte, error)
}

// Flusher is the optional interface of a buffered encoder.
type Flusher interface {
	Flush() error
}

// Named reports the wire name of a codec.
type Named interface {
	Name() string
}

type jsonCodec struct{ indent bool }

func (c *jsonCodec) Name() string { return "json" }

func (c *jsonCodec) Encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	if c.indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}

func (c *jsonCodec) Decode(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }

type lineCodec struct{ sep byte }

func (c *lineCodec) Name() string { return "line" }

func (c *lineCodec) Encode(w io.Writer, v any) error {
	_, err := fmt.Fprintf(w, "%v%c", v, c.sep)
	return err
}

var (
	codecMu sync.RWMutex
	codecs  = map[string]any{}
)

// RegisterCodec adds a codec under its name.
func RegisterCodec(c Named) {
	codecMu.Lock()
	codecs[c.Name()] = c
	codecMu.Unlock()
}

// Lookup returns the codec's encoder.
func Lookup(name string) (Encoder, error) {
	codecMu.RLock()
	c, ok := codecs[name]
	codecMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("rpc: no codec %q", name)
	}
	enc, ok := c.(Encoder)
	if !ok {
		return nil, fmt.Errorf("rpc: codec %q cannot encode", name)
	}
	return enc, nil
}

// Ping is the health-check message.
type Ping struct {
	Seq  uint32
	Node string
}

// MarshalRPC is Ping's fast path.
func (p *Ping) MarshalRPC() ([]byte, error) {
	b := make([]byte, 4, 4+len(p.Node))
	binary.BigEndian.PutUint32(b, p.Seq)
	return append(b, p.Node...), nil
}

// CallOptions configures one call.
type CallOptions struct {
	Codec   any
	Retries int
	Header  map[string]string
}

// EncodePing encodes a health check with the default codec, taking the fast path when it has one.
func EncodePing(w io.Writer, seq uint32, node string) error {
	p := Ping{Seq: seq, Node: node}
	jc := jsonCodec{}
	opts := CallOptions{Codec: &jc, Retries: 1}
	var msg any = &p
	if m, ok := msg.(Marshaler); ok {
		b, err := m.MarshalRPC()
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}
	enc, ok := opts.Codec.(Encoder)
	if !ok {
		return errors.New("rpc: codec cannot encode")
	}
	return enc.Encode(w, msg)
}

// CodecName reports the wire name of the configured codec.
func CodecName(indent bool) string {
	jc := jsonCodec{indent: indent}
	opts := CallOptions{Codec: &jc}
	if n, ok := opts.Codec.(Named); ok {
		return n.Name()
	}
	return "unknown"
}

// Frame writes a length-prefixed frame through a scratch buffer.
func Frame(w io.Writer, enc Encoder, v any) error {
	var body bytes.Buffer
	if err := enc.Encode(&body, v); err != nil {
		return err
	}
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(body.Len()))
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	_, err := body.WriteTo(w)
	return err
}

// EncodeLines encodes values one per line through a bufio.Writer.
func EncodeLines(w io.Writer, vals []string) error {
	bw := bufio.NewWriter(w)
	lc := lineCodec{sep: '\n'}
	var enc Encoder = &lc
	for _, v := range vals {
		if err := enc.Encode(bw, v); err != nil {
			return err
		}
	}
	if f, ok := enc.(Flusher); ok {
		return f.Flush()
	}
	return bw.Flush()
}

// MethodKey is the registry key of an RPC method.
func MethodKey(service, method string) string {
	var sb strings.Builder
	sb.WriteString(service)
	sb.WriteByte('/')
	sb.WriteString(method)
	return sb.String()
}

// frameReader reads frames and keeps the last payload.
type frameReader struct {
	r    *bufio.Reader
	last []byte
}

// Next reads one frame, retaining it.
func (fr *frameReader) Next() ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(fr.r, hdr[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	buf := make([]byte, n)
	if _, err := io.ReadFull(fr.r, buf); err != nil {
		return nil, err
	}
	fr.last = buf
	return buf, nil
}

// Checksum sums a stream through a fixed scratch buffer.
func Checksum(r io.Reader) (uint32, error) {
	buf := make([]byte, 32<<10)
	var sum uint32
	for {
		n, err := r.Read(buf)
		for _, b := range buf[:n] {
			sum = sum*31 + uint32(b)
		}
		if err == io.EOF {
			return sum, nil
		}
		if err != nil {
			return sum, err
		}
	}
}
