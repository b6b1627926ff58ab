package wire

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// SyslogMessage is an RFC 5424 message.
type SyslogMessage struct {
	Facility, Severity int
	Time               time.Time
	Host, App, ProcID  string
	MsgID              string
	Data               map[string]map[string]string
	Msg                string
}

var paramEscaper = strings.NewReplacer(`"`, `\"`, `\`, `\\`, `]`, `\]`)

func nilValue(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeStructuredData(w io.Writer, data map[string]map[string]string) {
	if len(data) == 0 {
		io.WriteString(w, "-")
		return
	}
	ids := make([]string, 0, len(data))
	for id := range data {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		io.WriteString(w, "[")
		io.WriteString(w, id)
		params := data[id]
		names := make([]string, 0, len(params))
		for n := range params {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(w, " %s=\"", n)
			paramEscaper.WriteString(w, params[n])
			io.WriteString(w, `"`)
		}
		io.WriteString(w, "]")
	}
}

// Format renders the message without framing.
func (m *SyslogMessage) Format() string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "<%d>1 %s %s %s %s %s ", m.Facility*8+m.Severity, m.Time.UTC().Format(time.RFC3339Nano),
		nilValue(m.Host), nilValue(m.App), nilValue(m.ProcID), nilValue(m.MsgID))
	writeStructuredData(&buf, m.Data)
	if m.Msg != "" {
		buf.WriteByte(' ')
		buf.WriteString(m.Msg)
	}
	return buf.String()
}

// WriteOctetCounted writes the message with RFC 6587 octet-counting framing.
func (m *SyslogMessage) WriteOctetCounted(w io.Writer) error {
	var buf bytes.Buffer
	msg := m.Format()
	buf.WriteString(strconv.Itoa(len(msg)))
	buf.WriteByte(' ')
	buf.WriteString(msg)
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteNonTransparent writes the message with a trailing LF, built by appends.
func (m *SyslogMessage) WriteNonTransparent(w io.Writer) error {
	frame := make([]byte, 0, 2048)
	frame = append(frame, '<')
	frame = strconv.AppendInt(frame, int64(m.Facility*8+m.Severity), 10)
	frame = append(frame, ">1 "...)
	frame = m.Time.UTC().AppendFormat(frame, time.RFC3339Nano)
	frame = append(frame, ' ')
	frame = append(frame, nilValue(m.Host)...)
	frame = append(frame, ' ')
	frame = append(frame, nilValue(m.App)...)
	frame = append(frame, " - - - "...)
	frame = append(frame, m.Msg...)
	frame = append(frame, '\n')
	_, err := w.Write(frame)
	return err
}

// Spool keeps frames in memory while the collector is down: must decline.
type Spool struct {
	frames [][]byte
}

// Add renders m and keeps its bytes.
func (s *Spool) Add(m *SyslogMessage) {
	var buf bytes.Buffer
	m.WriteOctetCounted(&buf)
	s.frames = append(s.frames, buf.Bytes())
}
