package mime

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Part is one body part.
type Part struct {
	Type     string
	Filename string
	Body     []byte
}

// Message is a message ready to render.
type Message struct {
	Header map[string]string
	Text   string
	Parts  []Part
}

// headerNames lists the header names in the order they are written: the well-known ones first.
func headerNames(h map[string]string) []string {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	rank := func(k string) int {
		switch k {
		case "From":
			return 0
		case "To":
			return 1
		case "Subject":
			return 2
		}
		return 3
	}
	sort.Slice(names, func(i, j int) bool {
		ri, rj := rank(names[i]), rank(names[j])
		if ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	return names
}

// WriteTo renders the message as multipart/mixed with the given boundary.
func (m *Message) WriteTo(w io.Writer, boundary string) error {
	for _, k := range headerNames(m.Header) {
		if err := WriteHeader(w, k, m.Header[k]); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=%q\r\n\r\n", boundary)
	fmt.Fprintf(w, "--%s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", boundary)
	if err := WriteQuotedPrintable(w, m.Text); err != nil {
		return err
	}
	for _, p := range m.Parts {
		fmt.Fprintf(w, "\r\n--%s\r\nContent-Type: %s\r\nContent-Transfer-Encoding: base64\r\n", boundary, p.Type)
		if p.Filename != "" {
			fmt.Fprintf(w, "Content-Disposition: attachment; filename=%q\r\n", p.Filename)
		}
		io.WriteString(w, "\r\n")
		if err := WriteBase64(w, p.Body); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "\r\n--%s--\r\n", boundary)
	return err
}

// Render renders the message into memory and returns its bytes for the queue to keep.
func (m *Message) Render(boundary string) ([]byte, error) {
	var buf bytes.Buffer
	if err := m.WriteTo(&buf, boundary); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Size is the rendered size, for the SIZE extension; the rendering itself is thrown away.
func (m *Message) Size(boundary string) int {
	var buf bytes.Buffer
	m.WriteTo(&buf, boundary)
	return buf.Len()
}

// ContentType is the Content-Type of a part with its parameters, quoted where needed.
func ContentType(typ string, params map[string]string) string {
	var b strings.Builder
	b.WriteString(typ)
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "; %s=%q", k, params[k])
	}
	return b.String()
}
