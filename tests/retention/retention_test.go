// Package retention proves each entry of gorewrite's retention table (gorewrite/retention.py):
// a std function that keeps an argument no longer than the methods it calls on it keep their
// receiver. Each test passes an object tracked by a weak pointer, drops every reference, runs
// the GC and asserts the object was collected. TestHarnessSeesAKeeper shows the check fails
// when a callee does keep the object.
package retention

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/csv"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"encoding/xml"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"hash/crc32"
	htmltemplate "html/template"
	"io"
	"log"
	"mime/multipart"
	"mime/quotedprintable"
	"net/http"
	"net/textproto"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"text/tabwriter"
	"text/template"
	"time"
	"weak"
)

// collected calls use with a fresh buffer and reports whether the buffer is garbage afterwards.
func collected(use func(*bytes.Buffer)) bool {
	return collectedAs(func() *bytes.Buffer { b := new(bytes.Buffer); b.Grow(64); return b }, use)
}

// collectedAs calls use with what fresh makes and reports whether it is garbage afterwards.
//
//go:noinline
func collectedAs[T any](fresh func() *T, use func(*T)) bool {
	p := fresh()
	w := weak.Make(p)
	use(p)
	p = nil
	for range 3 {
		runtime.GC()
	}
	return w.Value() == nil
}

func check(t *testing.T, use func(*bytes.Buffer)) {
	t.Helper()
	if !collected(use) {
		t.Fatal("the object is still reachable after the call returned: the callee kept it")
	}
}

var (
	kept      []*bytes.Buffer
	keptBytes []byte
)

func TestHarnessSeesAKeeper(t *testing.T) {
	if collected(func(b *bytes.Buffer) { kept = append(kept, b) }) {
		t.Fatal("a kept object was reported collected: the harness proves nothing")
	}
	// A slice of an array keeps the whole array: the check sees a buffer kept as p[n:].
	if collectedAs(func() *[64]byte { return new([64]byte) }, func(p *[64]byte) { keptBytes = p[4:] }) {
		t.Fatal("a kept slice's array was reported collected: the harness proves nothing for buffers")
	}
	kept, keptBytes = nil, nil
}

func TestFprintf(t *testing.T) {
	check(t, func(b *bytes.Buffer) { fmt.Fprintf(b, "%d %s %v", 1, "two", []int{3}) })
}

func TestFprint(t *testing.T) {
	check(t, func(b *bytes.Buffer) { fmt.Fprint(b, 1, "two", 3.0) })
}

func TestFprintln(t *testing.T) {
	check(t, func(b *bytes.Buffer) { fmt.Fprintln(b, 1, "two") })
}

// onlyWrite has no WriteString: io.WriteString takes its other path, w.Write([]byte(s)).
type onlyWrite struct{ b *bytes.Buffer }

func (w *onlyWrite) Write(p []byte) (int, error) { return w.b.Write(p) }

// TestBufferWriteRune: neither the buffer nor the storage WriteRune grew for it outlives the buffer.
func TestBufferWriteRune(t *testing.T) {
	b := new(bytes.Buffer)
	b.WriteRune('é')
	storage, buffer := weak.Make(&b.Bytes()[0]), weak.Make(b)
	b = nil
	for range 3 {
		runtime.GC()
	}
	if storage.Value() != nil || buffer.Value() != nil {
		t.Fatal("the buffer or its storage is still reachable: WriteRune kept it")
	}
}

func TestWriteString(t *testing.T) {
	check(t, func(b *bytes.Buffer) { io.WriteString(b, "hello") })
	check(t, func(b *bytes.Buffer) { io.WriteString(&onlyWrite{b}, "hello") })
}

// TestJSONEncoder: the Encoder holds b, and neither outlives the Encoder, which dies with the call.
func TestJSONEncoder(t *testing.T) {
	check(t, func(b *bytes.Buffer) { json.NewEncoder(b).Encode(map[string]int{"a": 1}) })
	check(t, func(b *bytes.Buffer) {
		enc := json.NewEncoder(b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode([]string{"<a>"})
	})
}

// TestXMLEncoder: the Encoder holds b (in its bufio.Writer) and neither outlives the call, through every listed
// method: Encode and EncodeElement of values whose types have MarshalText (time.Time), MarshalXMLAttr and a
// MarshalXML that keeps nothing of its Encoder, attributes, nested slices and maps' errors, EncodeToken of each token
// type (and an invalid one), Indent, Flush and Close. An Encoder a MarshalXML keeps is seen kept.
func TestXMLEncoder(t *testing.T) {
	type item struct {
		XMLName xml.Name  `xml:"item"`
		ID      int       `xml:"id,attr"`
		Lang    langAttr  `xml:"lang,attr"`
		Title   string    `xml:"title"`
		When    time.Time `xml:"when"`
		Tags    []string  `xml:"tags>tag"`
		Quiet   quietXML  `xml:"quiet"`
		Note    string    `xml:",comment"`
	}
	items := []item{{ID: 1, Lang: "en", Title: "a <b>", When: time.Unix(0, 0).UTC(), Tags: []string{"x", "y"}, Note: "n"}}
	check(t, func(b *bytes.Buffer) {
		enc := xml.NewEncoder(b)
		enc.Indent("", "  ")
		enc.Encode(items)
		enc.EncodeElement(items[0], xml.StartElement{Name: xml.Name{Local: "one"}})
		enc.Encode(map[string]int{"unsupported": 1})
		enc.Flush()
		enc.Close()
	})
	check(t, func(b *bytes.Buffer) {
		enc := xml.NewEncoder(b)
		enc.EncodeToken(xml.ProcInst{Target: "xml", Inst: []byte(`version="1.0"`)})
		enc.EncodeToken(xml.Directive("DOCTYPE feed"))
		start := xml.StartElement{Name: xml.Name{Space: "urn:x", Local: "feed"}, Attr: []xml.Attr{{Name: xml.Name{Local: "a"}, Value: "1"}}}
		enc.EncodeToken(start)
		enc.EncodeToken(xml.CharData("text & more"))
		enc.EncodeToken(xml.Comment("c"))
		enc.EncodeToken(start.End())
		enc.EncodeToken(42)
		enc.Close()
	})
	check(t, func(b *bytes.Buffer) { xml.NewEncoder(b).Encode(struct{ A int }{1}) })
	if collected(func(b *bytes.Buffer) { xml.NewEncoder(b).Encode(encoderKeeper{}) }) {
		t.Fatal("a MarshalXML that keeps its Encoder was not seen: the check proves nothing for xml")
	}
	keptEncoder = nil
}

// langAttr, quietXML: an attribute marshaler and an element marshaler that never touch the Encoder.
type langAttr string

func (l langAttr) MarshalXMLAttr(name xml.Name) (xml.Attr, error) {
	return xml.Attr{Name: name, Value: string(l)}, nil
}

type quietXML struct{}

func (quietXML) MarshalXML(_ *xml.Encoder, _ xml.StartElement) error { return nil }

// encoderKeeper breaks what the proof relies on: its MarshalXML keeps the Encoder, which holds the buffer.
type encoderKeeper struct{}

var keptEncoder *xml.Encoder

func (encoderKeeper) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	keptEncoder = e
	return nil
}

// TestGzipWriter, TestFlateWriter and TestHexDumper: the writer holds b, and neither outlives the
// writer, which dies with the call, written through, flushed and closed (gzip's header Name through
// io.WriteString; flate with a valid level and an invalid one, which returns no Writer).
func TestGzipWriter(t *testing.T) {
	check(t, func(b *bytes.Buffer) {
		zw := gzip.NewWriter(b)
		zw.Name = "a.txt"
		zw.Write(bytes.Repeat([]byte("hello "), 100))
		io.WriteString(zw, "through Write: a gzip.Writer declares no WriteString")
		zw.Flush()
		zw.Close()
	})
	check(t, func(b *bytes.Buffer) { gzip.NewWriter(b).Close() })
}

func TestFlateWriter(t *testing.T) {
	check(t, func(b *bytes.Buffer) {
		fw, _ := flate.NewWriter(b, flate.BestSpeed)
		fw.Write(bytes.Repeat([]byte("hello "), 100))
		io.WriteString(fw, "through Write")
		fw.Flush()
		fw.Close()
	})
	check(t, func(b *bytes.Buffer) { flate.NewWriter(b, 42) })
}

func TestHexDumper(t *testing.T) {
	check(t, func(b *bytes.Buffer) {
		d := hex.Dumper(b)
		d.Write([]byte("0123456789abcdefghij"))
		d.Close()
	})
}

// TestMultipartWriter: the Writer holds b and each part holds the Writer; none outlives the call, written through
// fields, parts (CreatePart, CreateFormFile, CreateFormField: Write, io.WriteString, fmt.Fprintf) and closed.
func TestMultipartWriter(t *testing.T) {
	check(t, func(b *bytes.Buffer) {
		mw := multipart.NewWriter(b)
		mw.SetBoundary("xyz")
		mw.WriteField("a", "1")
		p, _ := mw.CreateFormFile("f", "f.txt")
		p.Write([]byte("data"))
		io.WriteString(p, "more")
		q, _ := mw.CreatePart(textproto.MIMEHeader{"X-Y": {"z"}})
		fmt.Fprintf(q, "%d", 1)
		r, _ := mw.CreateFormField("g")
		r.Write([]byte("2"))
		mw.Close()
		_ = mw.Boundary() + mw.FormDataContentType()
	})
}

// TestQuotedPrintableWriter: the Writer holds b; soft line breaks, encoded bytes and Close each flush its
// line array to b.
func TestQuotedPrintableWriter(t *testing.T) {
	check(t, func(b *bytes.Buffer) {
		qp := quotedprintable.NewWriter(b)
		qp.Write([]byte(strings.Repeat("caf\u00e9 = ", 40) + "\r\nend \t"))
		qp.Close()
	})
}

type gobbed struct{ N int }

func (g gobbed) GobEncode() ([]byte, error) { return []byte{byte(g.N)}, nil }

// TestGobEncoder: the Encoder holds b; types and values (one through its own GobEncode), then the same
// type again, are written to it by Encode and EncodeValue.
func TestGobEncoder(t *testing.T) {
	check(t, func(b *bytes.Buffer) {
		enc := gob.NewEncoder(b)
		enc.Encode(map[string][]int{"a": {1, 2}})
		enc.Encode(gobbed{7})
		enc.EncodeValue(reflect.ValueOf(struct{ S string }{"x"}))
		enc.Encode(gobbed{8})
	})
}

// TestZlibWriter: as gzip's, by each constructor, and with an invalid level, which returns no Writer.
func TestZlibWriter(t *testing.T) {
	check(t, func(b *bytes.Buffer) {
		zw := zlib.NewWriter(b)
		zw.Write(bytes.Repeat([]byte("hello "), 100))
		io.WriteString(zw, "through Write")
		zw.Flush()
		zw.Close()
	})
	check(t, func(b *bytes.Buffer) {
		zw, _ := zlib.NewWriterLevelDict(b, zlib.BestSpeed, []byte("hello"))
		zw.Write([]byte("hello, hello"))
		zw.Close()
	})
	check(t, func(b *bytes.Buffer) { zlib.NewWriterLevel(b, 42) })
	check(t, func(b *bytes.Buffer) { gzip.NewWriterLevel(b, 42) })
	check(t, func(b *bytes.Buffer) {
		zw, _ := gzip.NewWriterLevel(b, gzip.BestSpeed)
		zw.Write([]byte("hello"))
		zw.Close()
	})
}

// TestEncoders: each stream encoder holds b, written through (io.WriteString calls its Write) and closed.
func TestEncoders(t *testing.T) {
	for _, open := range []func(io.Writer) io.Writer{
		func(w io.Writer) io.Writer { return base64.NewEncoder(base64.StdEncoding, w) },
		func(w io.Writer) io.Writer { return base32.NewEncoder(base32.HexEncoding, w) },
		func(w io.Writer) io.Writer { return ascii85.NewEncoder(w) },
		func(w io.Writer) io.Writer { return hex.NewEncoder(w) },
	} {
		check(t, func(b *bytes.Buffer) {
			enc := open(b)
			io.WriteString(enc, strings.Repeat("hello ", 400))
			enc.Write([]byte("x"))
			if c, ok := enc.(io.Closer); ok {
				c.Close()
			}
		})
	}
}

// TestBufioNewWriter: the Writer holds b; WriteString of a long string with an empty buffer hands it
// to b's WriteString; every listed method is called, over each constructor.
func TestBufioNewWriter(t *testing.T) {
	for _, size := range []int{0, 16, 8192} {
		check(t, func(b *bytes.Buffer) {
			bw := bufio.NewWriterSize(b, size)
			bw.WriteString(strings.Repeat("long ", 4000))
			bw.Write([]byte("hello"))
			bw.WriteByte(' ')
			bw.WriteRune('é')
			_ = bw.Buffered() + bw.Available() + bw.Size()
			bw.Flush()
		})
	}
	check(t, func(b *bytes.Buffer) { bufio.NewWriter(b).WriteString("x") })
}

// TestCSVWriter: the csv.Writer holds b through its bufio.Writer; quoted fields, CRLF, WriteAll and Error.
func TestCSVWriter(t *testing.T) {
	check(t, func(b *bytes.Buffer) {
		cw := csv.NewWriter(b)
		cw.UseCRLF = true
		cw.Write([]string{"a", "b,c", "d\"e", "f\ng", strings.Repeat("x", 5000)})
		cw.Flush()
		cw.Error()
		cw.WriteAll([][]string{{"1", "2"}})
	})
}

// TestCopySource: io.Copy calls the buffer's WriteTo, which hands its bytes to the writer and
// keeps nothing; a writer without ReadFrom takes the same path.
func TestCopySource(t *testing.T) {
	check(t, func(b *bytes.Buffer) { b.WriteString("hello"); io.Copy(io.Discard, b) })
	check(t, func(b *bytes.Buffer) { b.WriteString("hello"); io.Copy(&onlyWrite{new(bytes.Buffer)}, b) })
}

// TestBufferWriteTo and TestBufferReadFrom: the buffer is garbage after handing its storage to a
// writer's Write (a reader's Read) that, as io's contracts require, keeps no p.
func TestBufferWriteTo(t *testing.T) {
	check(t, func(b *bytes.Buffer) { b.WriteString("hello"); b.WriteTo(&onlyWrite{new(bytes.Buffer)}) })
}

// TestBufferWriteToWriter: the writer a buffer's WriteTo writes to is garbage afterwards, whether the
// buffer is empty (no Write) or not (one Write of a writer that keeps no p).
func TestBufferWriteToWriter(t *testing.T) {
	check(t, func(w *bytes.Buffer) { new(bytes.Buffer).WriteTo(w) })
	check(t, func(w *bytes.Buffer) { bytes.NewBufferString("hello").WriteTo(w) })
	check(t, func(w *bytes.Buffer) { bytes.NewBufferString("hello").WriteTo(&onlyWrite{w}) })
	fresh := func() *bufio.Writer { return bufio.NewWriter(&onlyWrite{new(bytes.Buffer)}) }
	if !collectedAs(fresh, func(w *bufio.Writer) { bytes.NewBufferString("hello").WriteTo(w); w.Flush() }) {
		t.Fatal("the bufio.Writer is still reachable after a buffer's WriteTo wrote to it")
	}
}

// decoded is what json.Unmarshal filled, held past the call: it must hold nothing of the input.
type decoded struct {
	S   string            `json:"s"`
	B   []byte            `json:"b"`
	Raw json.RawMessage   `json:"raw"`
	Any any               `json:"any"`
	M   map[string]any    `json:"m"`
	K   map[int]string    `json:"k"`
	T   time.Time         `json:"t"`
	N   json.Number       `json:"n"`
	P   *decoded          `json:"p"`
	L   []json.RawMessage `json:"l"`
	I   int               `json:"i"`
}

var (
	keptDecoded []decoded
	keptErrs    []error
)

// TestJSONUnmarshal: the input bytes are garbage after json.Unmarshal returned, while every value it
// decoded and every error it returned (syntax, type, and the v2 errors that quote a value) is still held.
func TestJSONUnmarshal(t *testing.T) {
	inputs := []string{
		`{"s":"x\u00e9","b":"aGVsbG8=","raw":{"a":[1,2]},"any":{"q":["r",1.5,true,null]},"m":{"k":"v"},` +
			`"k":{"7":"seven"},"t":"2024-01-02T03:04:05Z","n":12.5,"p":{"s":"inner","raw":"s"},"l":[{"x":1},"y"],"i":3}`,
		`{"s":"unterminated`,
		`{"i":"not a number"}`,
		`{"i":123456789012345678901234567890}`,
		`{"t":"not a time"}`,
		`{"b":"!!!"}`,
		`{"k":{"x":"bad key"}}`,
		`[1,2]`,
	}
	for _, in := range inputs {
		if !collectedAs(func() *[512]byte { return new([512]byte) }, func(p *[512]byte) {
			var v decoded
			err := json.Unmarshal(p[:copy(p[:], in)], &v)
			keptDecoded, keptErrs = append(keptDecoded, v), append(keptErrs, err)
		}) {
			t.Fatalf("json.Unmarshal kept its input %s", in)
		}
	}
	for _, err := range keptErrs {
		if err != nil {
			_ = err.Error()
		}
	}
	keptDecoded, keptErrs = nil, nil
	k := new(struct{ ID idKeeper })
	if collectedAs(func() *[512]byte { return new([512]byte) }, func(p *[512]byte) {
		json.Unmarshal(p[:copy(p[:], `{"ID":"abc"}`)], k)
	}) {
		t.Fatal("an UnmarshalJSON that keeps its argument was not seen: the check proves nothing for json")
	}
	runtime.KeepAlive(k)
}

// idKeeper breaks json.Unmarshaler's contract: it keeps the bytes it is given.
type idKeeper []byte

func (k *idKeeper) UnmarshalJSON(b []byte) error { *k = b; return nil }

func TestBufferReadFrom(t *testing.T) {
	check(t, func(b *bytes.Buffer) { b.ReadFrom(strings.NewReader("hello")) })
	check(t, func(b *bytes.Buffer) { b.ReadFrom(io.LimitReader(strings.NewReader("hello"), 3)) })
}

// TestBufioWriter: a bufio.Writer written through each of its writing methods and fmt, then
// flushed into a writer that keeps no p, is garbage after the calls.
func TestBufioWriter(t *testing.T) {
	fresh := func() *bufio.Writer { return bufio.NewWriter(&onlyWrite{new(bytes.Buffer)}) }
	if !collectedAs(fresh, func(b *bufio.Writer) {
		b.Write([]byte("a"))
		b.WriteString("b")
		b.WriteByte('c')
		b.WriteRune('é')
		fmt.Fprintf(b, "%d", 1)
		b.Flush()
	}) {
		t.Fatal("the bufio.Writer is still reachable after its writing methods returned")
	}
}

// TestBufioWriterBytes: the bytes a bufio.Writer writes are garbage after Write returned, while the
// Writer lives on (a later Write or Flush could use what it kept): copied into b.buf (short), handed
// to the wrapped writer whole (long, nothing buffered), and copied then flushed in rounds (long,
// something buffered), to a writer that keeps no p.
func TestBufioWriterBytes(t *testing.T) {
	bw := bufio.NewWriterSize(&onlyWrite{new(bytes.Buffer)}, 16)
	for _, written := range []func(*[64]byte){
		func(p *[64]byte) { bw.Write(p[:3]) },
		func(p *[64]byte) { bw.Flush(); bw.Write(p[:]) },
		func(p *[64]byte) { bw.Write(p[:1]); bw.Write(p[:40]) },
	} {
		if !collectedAs(func() *[64]byte { return new([64]byte) }, written) {
			t.Fatal("the bufio.Writer kept the bytes written")
		}
	}
	bw.Flush()
}

// TestBufioReaderBytes: the bytes a bufio.Reader reads into are garbage after Read returned, while the
// Reader lives on: filled from b.buf (short), read into directly (long, nothing buffered), and empty.
func TestBufioReaderBytes(t *testing.T) {
	br := bufio.NewReaderSize(strings.NewReader(strings.Repeat("x", 300)), 16)
	for _, read := range []func(*[64]byte){
		func(p *[64]byte) { br.Read(p[:3]) },
		func(p *[64]byte) { br.Discard(br.Buffered()); br.Read(p[:]) },
		func(p *[64]byte) { br.Read(p[:0]) },
	} {
		if !collectedAs(func() *[64]byte { return new([64]byte) }, read) {
			t.Fatal("the bufio.Reader kept the bytes read into")
		}
	}
}

// TestTabwriter: a tabwriter.Writer written directly and through fmt, a block ended by a line
// without cells (Write formats it), then flushed, is garbage after the calls.
func TestTabwriter(t *testing.T) {
	fresh := func() *tabwriter.Writer { return tabwriter.NewWriter(&onlyWrite{new(bytes.Buffer)}, 0, 8, 1, ' ', 0) }
	if !collectedAs(fresh, func(tw *tabwriter.Writer) {
		fmt.Fprintf(tw, "a\tb\n")
		tw.Write([]byte("ccc\td\nno cells\n"))
		fmt.Fprintln(tw, "e\tf")
		tw.Flush()
	}) {
		t.Fatal("the tabwriter.Writer is still reachable after Write and Flush returned")
	}
}

// TestBufioReader: a bufio.Reader read through each of its copying methods, filled from a reader
// that keeps no p, is garbage after the calls.
func TestBufioReader(t *testing.T) {
	fresh := func() *bufio.Reader { return bufio.NewReader(strings.NewReader("abcdefgh\nijkl\nmnop")) }
	if !collectedAs(fresh, func(b *bufio.Reader) {
		b.Read(make([]byte, 2))
		b.ReadByte()
		b.ReadRune()
		b.ReadString('\n')
		b.ReadBytes('\n')
		b.Discard(1)
	}) {
		t.Fatal("the bufio.Reader is still reachable after its reading methods returned")
	}
}

// TestReadFull and TestBinaryRead: the reader they read from is garbage after the call.
func TestReadFull(t *testing.T) {
	fresh := func() *bufio.Reader { return bufio.NewReader(strings.NewReader("abcdefgh")) }
	if !collectedAs(fresh, func(b *bufio.Reader) { io.ReadFull(b, make([]byte, 4)) }) {
		t.Fatal("io.ReadFull kept its reader")
	}
}

// TestBinaryWrite: binary.Write's fast path (a fixed-size value) and its reflect path (a struct)
// each call w.Write once, into a buffer and into a writer without WriteString, and keep no w.
func TestBinaryWrite(t *testing.T) {
	check(t, func(b *bytes.Buffer) { binary.Write(b, binary.BigEndian, uint32(7)) })
	check(t, func(b *bytes.Buffer) { binary.Write(b, binary.LittleEndian, struct{ A, B uint16 }{1, 2}) })
	check(t, func(b *bytes.Buffer) { binary.Write(&onlyWrite{b}, binary.BigEndian, []uint16{1, 2}) })
}

// TestCopyBuffer: io.CopyBuffer's buffer is garbage after the call on each of its paths: a source
// with WriteTo and a destination with ReadFrom leave it unused; otherwise src.Read fills it and
// dst.Write gets buf[:n] (150 bytes: three rounds), neither of which keeps p.
func TestCopyBuffer(t *testing.T) {
	long := strings.Repeat("x", 150)
	for _, copied := range []func(*[64]byte){
		func(p *[64]byte) { io.CopyBuffer(io.Discard, strings.NewReader("hello"), p[:]) },
		func(p *[64]byte) { io.CopyBuffer(new(bytes.Buffer), io.LimitReader(strings.NewReader(long), 3), p[:]) },
		func(p *[64]byte) {
			io.CopyBuffer(&onlyWrite{new(bytes.Buffer)}, io.LimitReader(strings.NewReader(long), 150), p[:])
		},
	} {
		if !collectedAs(func() *[64]byte { return new([64]byte) }, copied) {
			t.Fatal("io.CopyBuffer kept its buffer")
		}
	}
}

// TestReadFullBuffer: the buffer io.ReadFull and io.ReadAtLeast fill is garbage after the call:
// filled in one Read, in several (a reader giving 3 bytes a Read), short (ErrUnexpectedEOF), and
// unused (ErrShortBuffer), each Read through a reader that keeps no p.
func TestReadFullBuffer(t *testing.T) {
	long := strings.Repeat("x", 150)
	for _, read := range []func(*[64]byte){
		func(p *[64]byte) { io.ReadFull(strings.NewReader(long), p[:]) },
		func(p *[64]byte) { io.ReadFull(io.LimitReader(strings.NewReader(long), 3), p[:]) },
		func(p *[64]byte) { io.ReadFull(&threeAtATime{strings.NewReader(long)}, p[:]) },
		func(p *[64]byte) { io.ReadAtLeast(&threeAtATime{strings.NewReader(long)}, p[:], 10) },
		func(p *[64]byte) { io.ReadAtLeast(strings.NewReader(long), p[:8], 9) },
	} {
		if !collectedAs(func() *[64]byte { return new([64]byte) }, read) {
			t.Fatal("io.ReadFull or io.ReadAtLeast kept its buffer")
		}
	}
}

// threeAtATime reads at most three bytes a call: ReadAtLeast calls Read again with buf[n:].
type threeAtATime struct{ r io.Reader }

func (r *threeAtATime) Read(p []byte) (int, error) { return r.r.Read(p[:min(len(p), 3)]) }

// TestCRC32: the bytes crc32 sums are garbage after the call, for each table's path: IEEE (the
// architecture's or slicing-by-8 updateIEEE), Castagnoli (updateCastagnoli) and any other table
// (simpleUpdate), through ChecksumIEEE, Checksum and Update.
func TestCRC32(t *testing.T) {
	koopman := crc32.MakeTable(crc32.Koopman)
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	for _, sum := range []func(*[64]byte){
		func(p *[64]byte) { crc32.ChecksumIEEE(p[:]) },
		func(p *[64]byte) { crc32.Checksum(p[:], crc32.IEEETable) },
		func(p *[64]byte) { crc32.Checksum(p[:], castagnoli) },
		func(p *[64]byte) { crc32.Update(1, koopman, p[:]) },
		func(p *[64]byte) { crc32.Update(1, castagnoli, p[3:]) },
	} {
		if !collectedAs(func() *[64]byte { return new([64]byte) }, sum) {
			t.Fatal("crc32 kept the bytes it summed")
		}
	}
}

func TestBinaryRead(t *testing.T) {
	fresh := func() *bufio.Reader { return bufio.NewReader(strings.NewReader("\x96\x01abcdefgh")) }
	if !collectedAs(fresh, func(b *bufio.Reader) {
		binary.ReadUvarint(b)
		var v struct{ A, B uint16 }
		binary.Read(b, binary.BigEndian, &v)
	}) {
		t.Fatal("binary.ReadUvarint or binary.Read kept its reader")
	}
}

// TestTemplateExecute: text/template and html/template, Execute and ExecuteTemplate, with text,
// printed values (fmt.Fprint), a range and a nested template, keep no writer after the call.
func TestTemplateExecute(t *testing.T) {
	const page = `{{define "row"}}<li>{{.}}</li>{{end}}<h1>{{.Title}}</h1>{{range .Items}}{{template "row" .}}{{end}}`
	data := struct {
		Title string
		Items []int
	}{"a & b", []int{1, 2}}
	text := template.Must(template.New("page").Parse(page))
	html := htmltemplate.Must(htmltemplate.New("page").Parse(page))
	check(t, func(b *bytes.Buffer) { text.Execute(b, data) })
	check(t, func(b *bytes.Buffer) { text.ExecuteTemplate(b, "row", 3) })
	check(t, func(b *bytes.Buffer) { html.Execute(b, data) })
	check(t, func(b *bytes.Buffer) { html.ExecuteTemplate(b, "row", "<x>") })
}

// TestReplacerWriteString: every kind of replacer (generic, single string, byte, byte to string) writes
// through w's WriteString, or Write for a writer without one, and keeps nothing of it.
func TestReplacerWriteString(t *testing.T) {
	for _, r := range []*strings.Replacer{
		strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;"),
		strings.NewReplacer("\t", "    "),
		strings.NewReplacer("\t", " ", "\n", " "),
		strings.NewReplacer("a", "1", "b", "22"),
	} {
		check(t, func(b *bytes.Buffer) { r.WriteString(b, strings.Repeat("a\tb<c>\n", 9000)) })
		check(t, func(b *bytes.Buffer) { r.WriteString(&onlyWrite{b}, "a\tb<c>\n") })
	}
}

// Errorf is cleared only for a literal format without %w: with `fmt.Errorf("%w", b[:])` held, b was seen
// reachable under go1.24.11 and go1.27.3 (vet would reject that format anyway).
var (
	noWrap   = "bad frame %x %q"
	kept_err []error
)

// TestFormatOperands: a []byte operand (or a named []byte type without methods) formatted by fmt's and
// log's print functions is garbage after the call, with every verb, while the error Errorf returns is
// still held (gorewrite/operands.py). The harness sees a keeper: a Stringer.
func TestFormatOperands(t *testing.T) {
	type frame []byte
	var out bytes.Buffer
	logger := log.New(&out, "p ", log.LstdFlags|log.Lshortfile)
	saved := log.Writer()
	log.SetOutput(&out)
	defer log.SetOutput(saved)
	for i, format := range []func(*[64]byte){
		func(p *[64]byte) {
			fmt.Fprintf(&out, "%s %q %x %X %v %#v %d %p %T", p[:], p[:], p[:], p[:], p[:], p[:], p[:], p[:], p[:])
		},
		func(p *[64]byte) { fmt.Fprint(&out, p[:8], frame(p[8:])); fmt.Fprintln(&out, p[:]) },
		func(p *[64]byte) {
			out.WriteString(fmt.Sprint(p[:]) + fmt.Sprintln(p[:]) + fmt.Sprintf("%+v", frame(p[:])))
		},
		func(p *[64]byte) { out.Write(fmt.Appendf(fmt.Append(fmt.Appendln(nil, p[:]), p[:]), "%x", p[:])) },
		func(p *[64]byte) { kept_err = append(kept_err, fmt.Errorf("bad frame %x", p[:])) },
		func(p *[64]byte) { kept_err = append(kept_err, fmt.Errorf(noWrap, p[:], frame(p[:]))) },
		func(p *[64]byte) { log.Printf("%q", p[:]); log.Print(p[:]); log.Println(p[:]) },
		func(p *[64]byte) { logger.Printf("%x", p[:]); logger.Print(p[:]); logger.Println(frame(p[:])) },
	} {
		if !collectedAs(func() *[64]byte { return new([64]byte) }, format) {
			t.Fatalf("fmt or log kept a []byte operand (case %d)", i)
		}
	}
	for _, err := range kept_err {
		if err.Error() == "" {
			t.Fatal("no message")
		}
	}
	if collectedAs(func() *[64]byte { return new([64]byte) }, func(p *[64]byte) { fmt.Fprint(&out, keeper(p[:])) }) {
		t.Fatal("a Stringer keeping its receiver was reported collected: the harness proves nothing for operands")
	}
	kept_err, keptBytes = nil, nil
}

// keeper keeps the bytes it shows: an operand's String may, which is why only method-less types are cleared.
type keeper []byte

func (k keeper) String() string { keptBytes = k; return "kept" }

// TestTabwriterNewWriter: the output a tabwriter.Writer holds, written through fmt and directly, a block
// ended by a line without cells, then flushed, is garbage after the calls.
func TestTabwriterNewWriter(t *testing.T) {
	check(t, func(b *bytes.Buffer) {
		tw := tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "a\tb")
		tw.Write([]byte("ccc\td\nno cells\n"))
		tw.Flush()
	})
}

// TestTrimSubslice: each trim returns nil, s, or s[i:j] with 0 <= i <= j <= len(s) (same array, within its
// length), nil for nil, and keeps nothing of s once its result is dropped.
func TestTrimSubslice(t *testing.T) {
	trims := []func([]byte) []byte{
		func(s []byte) []byte { return bytes.TrimSuffix(s, []byte("\n")) },
		func(s []byte) []byte { return bytes.TrimPrefix(s, []byte("k:")) },
		bytes.TrimSpace,
	}
	inputs := []string{"", "\n", "k:v\n", "  x  ", " \u00a0é x\u00a0 ", "   ", "\u00a0", "k:"}
	for i, trim := range trims {
		if trim(nil) != nil {
			t.Fatalf("trim %d: nil gives non-nil", i)
		}
		for _, in := range inputs {
			backing := make([]byte, len(in), len(in)+8)
			copy(backing, in)
			got := trim(backing)
			if got == nil {
				continue
			}
			start := cap(backing) - cap(got)
			if start < 0 || start+len(got) > len(backing) || (cap(got) > 0 && &backing[:cap(backing)][start] != &got[:cap(got)][0]) {
				t.Fatalf("trim %d of %q: not a subslice of s within its length", i, in)
			}
		}
		if !collectedAs(func() *[64]byte { return new([64]byte) }, func(p *[64]byte) { _ = trim(p[:10]) }) {
			t.Fatalf("trim %d kept its argument", i)
		}
	}
}

// TestFormatSource: go/format.Source returns either bytes of its own (a complete file, a declaration or a statement
// list, formatted) or, when the formatted fragment is empty (blanks, a lone `;`), src itself, and keeps nothing of
// src once the call returns, whatever it returns: the heap the compiler reports for src is the parser's, dropped
// with the call. A kept result other than src leaves src collectable, so it shares no storage with it.
func TestFormatSource(t *testing.T) {
	inputs := []string{"package p\nvar x = 1\n", "// gen\n\npackage p\nfunc F() {}\n", "var x = 1", "x := 1\ny(x)",
		"package p\nvar = \n", "", " \n\t", ";", "\n;\n"}
	for _, in := range inputs {
		itself := false
		keep := func(p *[64]byte) {
			n := copy(p[:], in)
			got, err := format.Source(p[:n])
			itself = cap(got) > 0 && &got[:cap(got)][0] == &p[0]
			if itself && (len(got) != n || cap(got) != len(p) || err != nil) {
				t.Fatalf("format.Source(%q) returned a part of src other than src itself", in)
			}
			keptBytes = got
		}
		if !collectedAs(func() *[64]byte { return new([64]byte) }, keep) && !itself {
			t.Fatalf("format.Source(%q) kept src though its result is not src", in)
		}
		if !collectedAs(func() *[64]byte { return new([64]byte) }, func(p *[64]byte) {
			n := copy(p[:], in)
			format.Source(p[:n])
		}) {
			t.Fatalf("format.Source(%q) kept src after the call", in)
		}
	}
	keptBytes = nil
	if got, _ := format.Source(nil); got != nil {
		t.Fatal("format.Source(nil) is not nil")
	}
	blank := []byte(" \n")
	if got, _ := format.Source(blank); &got[0] != &blank[0] {
		t.Fatal("format.Source of blanks is not src itself: the must-decline case format_source_returned proves nothing")
	}
}

// TestPrinterFprint: go/printer's Fprint, a Config's Fprint (tabwriter and raw) and go/format's Node keep nothing of
// their writer once they return: the trimmer and the tabwriter that hold it are locals of the call.
func TestPrinterFprint(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", "package p\n\nimport (\n\t\"os\"\n\t\"fmt\"\n)\n\nvar x = 1 // c\n", parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	expr := &ast.BinaryExpr{X: ast.NewIdent("a"), Op: token.ADD, Y: ast.NewIdent("b")}
	for _, print := range []func(*bytes.Buffer){
		func(b *bytes.Buffer) { printer.Fprint(b, fset, file) },
		func(b *bytes.Buffer) { printer.Fprint(b, fset, expr) },
		func(b *bytes.Buffer) {
			(&printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 4}).Fprint(b, fset, file)
		},
		func(b *bytes.Buffer) { (&printer.Config{Mode: printer.RawFormat}).Fprint(b, fset, file) },
		func(b *bytes.Buffer) { format.Node(b, fset, file) }, // unsorted imports: Node sorts a copy first
		func(b *bytes.Buffer) { format.Node(b, fset, expr) },
		func(b *bytes.Buffer) {
			format.Node(b, fset, &printer.CommentedNode{Node: file, Comments: file.Comments})
		},
		func(b *bytes.Buffer) {
			printer.Fprint(b, fset, &printer.CommentedNode{Node: expr, Comments: file.Comments})
		},
	} {
		check(t, print)
	}
}

// TestDetectContentType: net/http's sniffer keeps nothing of the bytes it matches, whichever signature decides.
func TestDetectContentType(t *testing.T) {
	inputs := []string{"<!DOCTYPE HTML>x", "%PDF-1.4", "\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "plain text",
		"\x89PNG\x0d\x0a\x1a\x0a", "GIF89a", "\x01\x02binary", ""}
	for _, in := range inputs {
		if !collectedAs(func() *[600]byte { return new([600]byte) }, func(p *[600]byte) {
			n := copy(p[:], in)
			http.DetectContentType(p[:n])
			http.DetectContentType(p[:]) // longer than the 512 bytes it reads
		}) {
			t.Fatalf("http.DetectContentType(%q) kept the bytes it sniffed", in)
		}
	}
}

// TestEscapers: text/template's and html/template's HTMLEscape and JSEscape and encoding/xml's EscapeText and Escape
// write the escaped text through w.Write (JSEscape's \u escapes through fmt.Fprintf) and keep nothing of w.
func TestEscapers(t *testing.T) {
	in := []byte("a<b>&\"c'\x00\u2028=\n\x01é")
	for _, escape := range []func(*bytes.Buffer){
		func(b *bytes.Buffer) { template.HTMLEscape(b, in) },
		func(b *bytes.Buffer) { htmltemplate.HTMLEscape(b, in) },
		func(b *bytes.Buffer) { template.JSEscape(b, in) },
		func(b *bytes.Buffer) { htmltemplate.JSEscape(b, in) },
		func(b *bytes.Buffer) { xml.EscapeText(b, in) },
		func(b *bytes.Buffer) { xml.Escape(b, in) },
	} {
		check(t, escape)
	}
}

// TestPEMEncode: pem.Encode holds out only in a lineBreaker local to the call (and the base64 encoder over it).
func TestPEMEncode(t *testing.T) {
	block := &pem.Block{Type: "CERTIFICATE", Headers: map[string]string{"Proc-Type": "4,ENCRYPTED", "A": "b"}, Bytes: bytes.Repeat([]byte{7}, 100)}
	check(t, func(b *bytes.Buffer) { pem.Encode(b, block) })
	check(t, func(b *bytes.Buffer) { pem.Encode(b, &pem.Block{Type: "KEY", Bytes: []byte{1, 2, 3}}) })
}

var keptFiles []*ast.File

// TestParseFileSource: go/parser.ParseFile keeps nothing of src, a []byte, a string or a *bytes.Buffer, even while
// the *ast.File it returns is alive: the scanner that reads src is a local of the call, and every name, literal and
// comment of the tree is a string converted (copied) from it.
func TestParseFileSource(t *testing.T) {
	fset := token.NewFileSet()
	inputs := []string{"package p\n\n// Doc.\nvar x = `raw` + \"s\" + 'c' + 1.5 // tail\n/* b */ func F() { x := 1; _ = x }\n",
		"//line other.go:10\npackage p\n", "package", "", "\xef\xbb\xbfpackage p; import \"fmt\"; var _ = fmt.Sprint\n",
		"\xff\xfep\x00a\x00", "package p\nvar s = \"\x00\xff\" /* \xfe */\n"} // go1.27's scanner reads src for its UTF-16 error
	for _, in := range inputs {
		if !collectedAs(func() *[256]byte { return new([256]byte) }, func(p *[256]byte) {
			n := copy(p[:], in)
			f, _ := parser.ParseFile(fset, "p.go", p[:n], parser.ParseComments|parser.AllErrors)
			keptFiles = append(keptFiles, f)
		}) {
			t.Fatalf("parser.ParseFile(%q) kept src while its file is alive", in)
		}
		check(t, func(b *bytes.Buffer) {
			b.WriteString(in)
			f, _ := parser.ParseFile(fset, "p.go", b, parser.ParseComments)
			keptFiles = append(keptFiles, f)
		})
	}
	runtime.KeepAlive(keptFiles)
	keptFiles = nil
}
