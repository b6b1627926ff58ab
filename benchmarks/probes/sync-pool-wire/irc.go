package wire

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Message is one IRC message.
type Message struct {
	Tags    map[string]string
	Prefix  string
	Command string
	Params  []string
}

// escapeTag escapes an IRCv3 tag value.
var tagEscaper = strings.NewReplacer(";", `\:`, " ", `\s`, "\\", `\\`, "\r", `\r`, "\n", `\n`)

// String formats the message as it goes on the wire, without the CRLF.
func (m *Message) String() string {
	var sb strings.Builder
	if len(m.Tags) > 0 {
		sb.WriteByte('@')
		first := true
		for k, v := range m.Tags {
			if !first {
				sb.WriteByte(';')
			}
			first = false
			sb.WriteString(k)
			if v != "" {
				sb.WriteByte('=')
				tagEscaper.WriteString(&sb, v)
			}
		}
		sb.WriteByte(' ')
	}
	if m.Prefix != "" {
		sb.WriteByte(':')
		sb.WriteString(m.Prefix)
		sb.WriteByte(' ')
	}
	sb.WriteString(m.Command)
	for i, p := range m.Params {
		sb.WriteByte(' ')
		if i == len(m.Params)-1 && (p == "" || strings.ContainsAny(p, " :")) {
			sb.WriteByte(':')
		}
		sb.WriteString(p)
	}
	return sb.String()
}

// WriteTo writes the message and its CRLF in one write.
func (m *Message) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	buf.WriteString(m.String())
	buf.WriteString("\r\n")
	n, err := w.Write(buf.Bytes())
	return int64(n), err
}

// Privmsg writes a PRIVMSG, split into lines of at most 400 bytes.
func Privmsg(w io.Writer, target, text string) error {
	var buf bytes.Buffer
	for len(text) > 0 {
		chunk := text
		if len(chunk) > 400 {
			chunk = chunk[:400]
		}
		text = text[len(chunk):]
		fmt.Fprintf(&buf, "PRIVMSG %s :%s\r\n", target, chunk)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Join renders a JOIN for several channels, keys where given.
func Join(channels map[string]string) string {
	var names, keys strings.Builder
	for ch, key := range channels {
		if names.Len() > 0 {
			names.WriteByte(',')
			keys.WriteByte(',')
		}
		names.WriteString(ch)
		keys.WriteString(key)
	}
	return fmt.Sprintf("JOIN %s %s\r\n", names.String(), keys.String())
}

// Formatter formats messages for a client; a hook may see each line.
type Formatter struct {
	Log io.Writer
}

// Send formats m and hands the buffer to the log hook first, then to w: the hook is any io.Writer the
// caller set, it may keep what it is handed... but Write's contract says it must not. Pooled or not
// is the rule's call.
func (f *Formatter) Send(w io.Writer, m *Message) error {
	var buf bytes.Buffer
	buf.WriteString(m.String())
	buf.WriteString("\r\n")
	if f.Log != nil {
		f.Log.Write(buf.Bytes())
	}
	_, err := w.Write(buf.Bytes())
	return err
}
