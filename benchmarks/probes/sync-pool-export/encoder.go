package exportkit

import (
	"bytes"
	"io"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// Level is a log severity, zap-style.
type Level int8

const (
	DebugLevel Level = iota - 1
	InfoLevel
	WarnLevel
	ErrorLevel
)

func (l Level) String() string {
	switch l {
	case DebugLevel:
		return "debug"
	case InfoLevel:
		return "info"
	case WarnLevel:
		return "warn"
	case ErrorLevel:
		return "error"
	}
	return "level(" + strconv.Itoa(int(l)) + ")"
}

// FieldType says which member of a Field holds its value.
type FieldType uint8

const (
	StringType FieldType = iota
	Int64Type
	BoolType
	DurationType
	FloatType
)

// Field is one structured key/value pair of an entry.
type Field struct {
	Key   string
	Type  FieldType
	Int   int64
	Str   string
	Float float64
}

func String(k, v string) Field           { return Field{Key: k, Type: StringType, Str: v} }
func Int(k string, v int) Field          { return Field{Key: k, Type: Int64Type, Int: int64(v)} }
func Bool(k string, v bool) Field        { f := Field{Key: k, Type: BoolType}; if v { f.Int = 1 }; return f }
func Duration(k string, d time.Duration) Field { return Field{Key: k, Type: DurationType, Int: int64(d)} }

// Core writes encoded entries to its sink under a lock.
type Core struct {
	mu    sync.Mutex
	out   io.Writer
	level Level
	// lastErr keeps the last entry that failed to write, for the health endpoint.
	lastErr []byte
}

func NewCore(w io.Writer, lvl Level) *Core { return &Core{out: w, level: lvl} }

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as a JSON string.
func appendJSONString(buf *bytes.Buffer, s string) {
	buf.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			buf.WriteByte(c)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch c {
			case '"', '\\':
				buf.WriteByte('\\')
				buf.WriteByte(c)
			case '\n':
				buf.WriteString(`\n`)
			case '\t':
				buf.WriteString(`\t`)
			default:
				buf.WriteString(`\u00`)
				buf.WriteByte(hexDigits[c>>4])
				buf.WriteByte(hexDigits[c&0xf])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		buf.WriteRune(r)
		i += size
	}
	buf.WriteByte('"')
}

func encodeField(buf *bytes.Buffer, f Field) {
	buf.WriteByte(',')
	appendJSONString(buf, f.Key)
	buf.WriteByte(':')
	switch f.Type {
	case StringType:
		appendJSONString(buf, f.Str)
	case Int64Type:
		buf.Write(strconv.AppendInt(buf.AvailableBuffer(), f.Int, 10))
	case BoolType:
		buf.WriteString(strconv.FormatBool(f.Int != 0))
	case DurationType:
		appendJSONString(buf, time.Duration(f.Int).String())
	case FloatType:
		buf.Write(strconv.AppendFloat(buf.AvailableBuffer(), f.Float, 'g', -1, 64))
	}
}

// WriteJSON encodes one entry as a JSON line, zap's production encoder style.
func (c *Core) WriteJSON(ts time.Time, lvl Level, msg string, fields ...Field) error {
	if lvl < c.level {
		return nil
	}
	buf := new(bytes.Buffer)
	buf.WriteString(`{"level":"`)
	buf.WriteString(lvl.String())
	buf.WriteString(`","ts":`)
	buf.Write(strconv.AppendInt(buf.AvailableBuffer(), ts.UnixMilli(), 10))
	buf.WriteString(`,"msg":`)
	appendJSONString(buf, msg)
	for _, f := range fields {
		encodeField(buf, f)
	}
	buf.WriteString("}\n")
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err := c.out.Write(buf.Bytes())
	if err != nil {
		c.lastErr = buf.Bytes() // retained: must not be pooled
	}
	return err
}

// WriteLogfmt encodes one entry as logfmt.
func (c *Core) WriteLogfmt(ts time.Time, lvl Level, msg string, fields ...Field) error {
	if lvl < c.level {
		return nil
	}
	var buf bytes.Buffer
	buf.WriteString("ts=")
	buf.WriteString(ts.UTC().Format(time.RFC3339))
	buf.WriteString(" level=")
	buf.WriteString(lvl.String())
	buf.WriteString(" msg=")
	writeLogfmtValue(&buf, msg)
	for _, f := range fields {
		buf.WriteByte(' ')
		buf.WriteString(f.Key)
		buf.WriteByte('=')
		switch f.Type {
		case StringType:
			writeLogfmtValue(&buf, f.Str)
		case DurationType:
			buf.WriteString(time.Duration(f.Int).String())
		default:
			buf.WriteString(strconv.FormatInt(f.Int, 10))
		}
	}
	buf.WriteByte('\n')
	c.mu.Lock()
	_, err := buf.WriteTo(c.out)
	c.mu.Unlock()
	return err
}

func writeLogfmtValue(buf *bytes.Buffer, s string) {
	needs := s == ""
	for _, r := range s {
		if r <= ' ' || r == '=' || r == '"' || r == utf8.RuneError {
			needs = true
			break
		}
	}
	if !needs {
		buf.WriteString(s)
		return
	}
	buf.WriteString(strconv.Quote(s))
}

// Sampler drops repeated messages; it hashes the message into a counter slot.
type Sampler struct {
	counts [4096]uint32
}

// Check says whether the n-th occurrence of msg in this tick should be logged.
func (s *Sampler) Check(msg string) bool {
	h := uint32(2166136261)
	for i := 0; i < len(msg); i++ {
		h ^= uint32(msg[i])
		h *= 16777619
	}
	s.counts[h%4096]++
	n := s.counts[h%4096]
	return n <= 3 || n%100 == 0
}

// AsyncCore hands encoded entries to a background writer.
type AsyncCore struct {
	entries chan *bytes.Buffer
	out     io.Writer
}

func NewAsyncCore(w io.Writer) *AsyncCore {
	a := &AsyncCore{entries: make(chan *bytes.Buffer, 128), out: w}
	go func() {
		for b := range a.entries {
			a.out.Write(b.Bytes())
		}
	}()
	return a
}

// Log encodes and queues an entry: the buffer outlives the call.
func (a *AsyncCore) Log(lvl Level, msg string) {
	buf := new(bytes.Buffer)
	buf.WriteString(lvl.String())
	buf.WriteByte(' ')
	buf.WriteString(msg)
	buf.WriteByte('\n')
	a.entries <- buf
}
