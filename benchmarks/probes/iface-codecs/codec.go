package codecs

import (
	"bytes"
	"encoding"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Message is what our RPC layer sends: a named, resettable value.
type Message interface {
	Reset()
	ProtoName() string
}

// Ping is the keep-alive message: a sequence number and a send time.
type Ping struct {
	Seq   uint32
	Stamp int64
}

func (p *Ping) Reset()            { *p = Ping{} }
func (p *Ping) ProtoName() string { return "rpc.Ping" }

func (p *Ping) MarshalBinary() ([]byte, error) {
	b := make([]byte, 12)
	binary.BigEndian.PutUint32(b, p.Seq)
	binary.BigEndian.PutUint64(b[4:], uint64(p.Stamp))
	return b, nil
}

func (p *Ping) UnmarshalBinary(b []byte) error {
	if len(b) != 12 {
		return errors.New("ping: bad length " + strconv.Itoa(len(b)))
	}
	p.Seq = binary.BigEndian.Uint32(b)
	p.Stamp = int64(binary.BigEndian.Uint64(b[4:]))
	return nil
}

// Hello opens a session; it travels as text.
type Hello struct {
	Client  string
	Version int
}

func (h *Hello) Reset()            { *h = Hello{} }
func (h *Hello) ProtoName() string { return "rpc.Hello" }

func (h *Hello) MarshalText() ([]byte, error) {
	return []byte(h.Client + "/" + strconv.Itoa(h.Version)), nil
}

// Codec encodes messages for one content type.
type Codec interface {
	Name() string
	Encode(w io.Writer, v any) error
}

type binaryCodec struct{ frames int }

func (c *binaryCodec) Name() string { return "binary" }

func (c *binaryCodec) Encode(w io.Writer, v any) error {
	bm, ok := v.(encoding.BinaryMarshaler)
	if !ok {
		return fmt.Errorf("binary codec: %T is not a BinaryMarshaler", v)
	}
	b, err := bm.MarshalBinary()
	if err != nil {
		return err
	}
	c.frames++
	_, err = w.Write(b)
	return err
}

type textCodec struct{}

func (textCodec) Name() string { return "text" }

func (textCodec) Encode(w io.Writer, v any) error {
	if tm, ok := v.(encoding.TextMarshaler); ok {
		b, err := tm.MarshalText()
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}
	_, err := fmt.Fprint(w, v)
	return err
}

// ContentTyper is implemented by codecs that name a MIME type of their own.
type ContentTyper interface{ ContentType() string }

type jsonCodec struct{ indent bool }

func (jsonCodec) Name() string        { return "json" }
func (jsonCodec) ContentType() string { return "application/json" }

func (c jsonCodec) Encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	if c.indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}

// PingFrame encodes a keep-alive message for the wire.
func PingFrame(seq uint32, stamp int64) []byte {
	p := Ping{Seq: seq, Stamp: stamp}
	var m Message = &p
	if bm, ok := m.(encoding.BinaryMarshaler); ok {
		b, _ := bm.MarshalBinary()
		return b
	}
	return nil
}

// FrameSize is the length of a message's name plus its binary body.
func FrameSize(seq uint32) (int, error) {
	p := Ping{Seq: seq}
	var m Message = &p
	name := m.ProtoName()
	bm, ok := m.(encoding.BinaryMarshaler)
	if !ok {
		return 0, errors.New(name + ": not binary")
	}
	b, err := bm.MarshalBinary()
	return len(name) + len(b), err
}

// HelloText is the session-opening line a text client sends.
func HelloText(client string, version int) string {
	h := Hello{Client: client, Version: version}
	var m Message = &h
	if tm, ok := m.(encoding.TextMarshaler); ok {
		b, err := tm.MarshalText()
		if err == nil {
			return m.ProtoName() + " " + string(b)
		}
	}
	return m.ProtoName()
}

// RoundTrip decodes what a ping encodes, as the transport tests do.
func RoundTrip(seq uint32) uint32 {
	in := Ping{Seq: seq, Stamp: 9}
	var out Ping
	pair := [2]any{&in, &out}
	b, _ := pair[0].(encoding.BinaryMarshaler).MarshalBinary()
	if err := pair[1].(encoding.BinaryUnmarshaler).UnmarshalBinary(b); err != nil {
		return 0
	}
	return out.Seq
}

// ResetAll clears pooled messages before they are reused.
func ResetAll(seq uint32) int {
	p, h := Ping{Seq: seq}, Hello{Client: "c"}
	msgs := []Message{&p, &h}
	n := 0
	for _, m := range msgs {
		m.Reset()
		n++
	}
	return n + int(p.Seq) + len(h.Client)
}

// EncodeWith encodes a message with the codec registered under name.
func EncodeWith(name string, seq uint32) (string, error) {
	bc, tc := binaryCodec{}, textCodec{}
	codecs := map[string]Codec{"binary": &bc, "text": tc}
	c, ok := codecs[name]
	if !ok {
		return "", errors.New("no codec " + name)
	}
	var buf bytes.Buffer
	p := Ping{Seq: seq}
	err := c.Encode(&buf, &p)
	return buf.String(), err
}

// DefaultContentType is the MIME type of the default codec.
func DefaultContentType() string {
	jc := jsonCodec{}
	reg := map[string]Codec{"json": jc}
	if ct, ok := reg["json"].(ContentTyper); ok {
		return ct.ContentType()
	}
	return "application/octet-stream"
}

// CodecHeader names the codec and its content type for a response header.
func CodecHeader(indent bool) string {
	jc := jsonCodec{indent: indent}
	opts := struct {
		Codec   Codec
		Charset string
	}{Codec: jc, Charset: "utf-8"}
	ct := "application/octet-stream"
	if t, ok := opts.Codec.(ContentTyper); ok {
		ct = t.ContentType()
	}
	return opts.Codec.Name() + "; " + ct + "; charset=" + opts.Charset
}

// MarshalAny encodes a value with the first interface it implements.
func MarshalAny(seq uint32) ([]byte, error) {
	p := Ping{Seq: seq}
	var v any = &p
	switch m := v.(type) {
	case encoding.BinaryMarshaler:
		return m.MarshalBinary()
	case encoding.TextMarshaler:
		return m.MarshalText()
	case json.Marshaler:
		return m.MarshalJSON()
	}
	return json.Marshal(v)
}

// JSONLine encodes a hello as one JSON line: the encoder keeps what it is given.
func JSONLine(client string) string {
	h := Hello{Client: client, Version: 1}
	var sb strings.Builder
	var v any = &h
	if m, ok := v.(Message); ok {
		sb.WriteString(m.ProtoName())
		sb.WriteByte(' ')
	}
	json.NewEncoder(&sb).Encode(v)
	return sb.String()
}
