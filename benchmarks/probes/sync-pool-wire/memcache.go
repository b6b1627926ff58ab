package wire

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteStorage writes a set/add/replace command and its data block.
func WriteStorage(w io.Writer, verb, key string, flags uint32, exptime int, value []byte) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s %s %d %d %d\r\n", verb, key, flags, exptime, len(value))
	buf.Write(value)
	buf.WriteString("\r\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteGet writes a get for several keys.
func WriteGet(w io.Writer, keys ...string) error {
	var sb strings.Builder
	sb.WriteString("gets")
	for _, k := range keys {
		sb.WriteByte(' ')
		sb.WriteString(k)
	}
	sb.WriteString("\r\n")
	_, err := io.WriteString(w, sb.String())
	return err
}

// Incr writes incr and reads the new value back.
func Incr(rw io.ReadWriter, key string, delta uint64) (uint64, error) {
	line := make([]byte, 0, 512)
	line = append(line, "incr "...)
	line = append(line, key...)
	line = append(line, ' ')
	line = strconv.AppendUint(line, delta, 10)
	line = append(line, "\r\n"...)
	if _, err := rw.Write(line); err != nil {
		return 0, err
	}
	br := bufio.NewReader(rw)
	resp, err := br.ReadString('\n')
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(strings.TrimSpace(resp), 10, 64)
}

// ReadValue reads one VALUE block and the END line.
func ReadValue(r io.Reader) (key string, value []byte, err error) {
	br := bufio.NewReader(r)
	hdr, err := br.ReadString('\n')
	if err != nil {
		return "", nil, err
	}
	var flags, n int
	if _, err := fmt.Sscanf(hdr, "VALUE %s %d %d", &key, &flags, &n); err != nil {
		return "", nil, err
	}
	value = make([]byte, n+2)
	if _, err := io.ReadFull(br, value); err != nil {
		return "", nil, err
	}
	return key, value[:n], nil
}

// Touch renders a touch command.
func Touch(key string, exptime int) string {
	var buf bytes.Buffer
	buf.WriteString("touch ")
	buf.WriteString(key)
	buf.WriteByte(' ')
	buf.WriteString(strconv.Itoa(exptime))
	buf.WriteString("\r\n")
	return buf.String()
}

// Pending keeps commands sent but not yet answered, to replay on reconnect: must decline.
type Pending struct {
	cmds []*bytes.Buffer
}

// Delete writes delete key and keeps the buffer for replay.
func (p *Pending) Delete(w io.Writer, key string) error {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "delete %s\r\n", key)
	p.cmds = append(p.cmds, buf)
	_, err := w.Write(buf.Bytes())
	return err
}
