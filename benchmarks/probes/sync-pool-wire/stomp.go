package wire

import (
	"bufio"
	"bytes"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Frame is a STOMP frame.
type Frame struct {
	Command string
	Header  map[string]string
	Body    []byte
}

var stompEscaper = strings.NewReplacer("\\", `\\`, "\r", `\r`, "\n", `\n`, ":", `\c`)

func writeFrameHeader(w io.Writer, h map[string]string) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		stompEscaper.WriteString(w, k)
		io.WriteString(w, ":")
		stompEscaper.WriteString(w, h[k])
		io.WriteString(w, "\n")
	}
}

// WriteFrame writes a frame with content-length and its NUL terminator.
func WriteFrame(w io.Writer, f *Frame) error {
	var buf bytes.Buffer
	buf.WriteString(f.Command)
	buf.WriteByte('\n')
	writeFrameHeader(&buf, f.Header)
	if f.Body != nil {
		buf.WriteString("content-length:")
		buf.WriteString(strconv.Itoa(len(f.Body)))
		buf.WriteByte('\n')
	}
	buf.WriteByte('\n')
	buf.Write(f.Body)
	buf.WriteByte(0)
	_, err := w.Write(buf.Bytes())
	return err
}

// Send writes a SEND frame through a bufio.Writer.
func Send(w io.Writer, dest, contentType string, body []byte) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("SEND\ndestination:")
	stompEscaper.WriteString(bw, dest)
	bw.WriteString("\ncontent-type:")
	bw.WriteString(contentType)
	bw.WriteString("\ncontent-length:")
	bw.WriteString(strconv.Itoa(len(body)))
	bw.WriteString("\n\n")
	bw.Write(body)
	bw.WriteByte(0)
	return bw.Flush()
}

// Connect renders a CONNECT frame.
func Connect(host, login, passcode string, heartbeat [2]int) string {
	var sb strings.Builder
	sb.WriteString("CONNECT\naccept-version:1.2\nhost:")
	sb.WriteString(host)
	if login != "" {
		sb.WriteString("\nlogin:" + login + "\npasscode:" + passcode)
	}
	sb.WriteString("\nheart-beat:")
	sb.WriteString(strconv.Itoa(heartbeat[0]))
	sb.WriteByte(',')
	sb.WriteString(strconv.Itoa(heartbeat[1]))
	sb.WriteString("\n\n\x00")
	return sb.String()
}

// Ack writes an ACK frame.
func Ack(w io.Writer, id, tx string) error {
	var buf bytes.Buffer
	writeFrameHeader(&buf, map[string]string{"id": id, "transaction": tx})
	_, err := io.WriteString(w, "ACK\n"+buf.String()+"\n\x00")
	return err
}

// Receipts keeps frames awaiting a RECEIPT: must decline.
type Receipts struct {
	waiting map[string][]byte
}

// SendWithReceipt writes f with a receipt header and keeps its bytes until the receipt arrives.
func (r *Receipts) SendWithReceipt(w io.Writer, id string, f *Frame) error {
	f.Header["receipt"] = id
	var buf bytes.Buffer
	if err := WriteFrame(&buf, f); err != nil {
		return err
	}
	r.waiting[id] = buf.Bytes()
	_, err := w.Write(buf.Bytes())
	return err
}
