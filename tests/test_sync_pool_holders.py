"""sync-pool pools a buffer handed to a std writer that holds it (gzip.NewWriter, flate.NewWriter,
hex.Dumper, zlib's, the stream encoders, csv.NewWriter, bufio.NewWriter: holders.py, stdtable.py)
when that writer is only the receiver of its listed methods in the function, and a scratch
`var a [N]byte` handed to io as `a[:]` (arrays.py); a buffer a template's Execute or a strings.Replacer's
WriteString writes into (a Builder's stand-in too: sites.WRITER_AT names those methods by go/types). For each
decline, the naive pool it must not become, whose callers then read bytes written after the Put."""

from __future__ import annotations

import re

import pytest
from conftest import (
    DETERMINISTIC_POOL,
    gorewrite,
    module,
    naive_rewrites,
    proposal_at,
    proposals,
    proposals_by_case,
    releases,
)

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/base32"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

var _, _, _, _, _ = bytes.Clone, flate.NewWriter, gzip.NewWriter, hex.Dumper, io.EOF
var _, _, _, _ = json.NewEncoder, fmt.Fprintf, bufio.NewWriter, zlib.NewWriter
var _, _, _, _ = ascii85.NewEncoder, base32.NewEncoder, base64.NewEncoder, csv.NewWriter
var _ strings.Builder

// Plain copies s through a buffer the naive rewrite pools too: it shows what a writer left in it.
func Plain(s string) string {{
	var out bytes.Buffer
	io.WriteString(&out, s)
	return out.String()
}}

"""

POOLED = {
    # gzip over gzip by a recursive helper: the Writer handed back to the function that made it is a call back into
    # one being followed (holders.py's `following`; since gzip lists WriteString, it recursed without end)
    "gzip_nested": """func nest(w io.Writer, depth int) error {
	zw := gzip.NewWriter(w)
	if depth > 0 {
		if err := nest(zw, depth-1); err != nil {
			return err
		}
	} else {
		io.WriteString(zw, "leaf")
	}
	return zw.Close()
}

func Nested(w io.Writer, depth int) error {
	var body bytes.Buffer
	if err := nest(&body, depth); err != nil {
		return err
	}
	_, err := w.Write(body.Bytes())
	return err
}
""",
    # probe45d's RenderSubject: a subject line rendered into a Builder
    "template_builder": """func Subject(t *template.Template, data any) (string, error) {
	var sb strings.Builder
	if err := t.Execute(&sb, data); err != nil {
		return "", err
	}
	return strings.TrimSpace(sb.String()), nil
}
""",
    "html_template_builder": """func Row(t *htmltemplate.Template, v string) string {
	var sb strings.Builder
	t.ExecuteTemplate(&sb, "row", v)
	return sb.String()
}
""",
    # probe45d's ExportTSV: the Buffer reaches a package-level Replacer's WriteString through a helper
    "replacer_buffer": """var tsvEscaper = strings.NewReplacer("\\t", " ", "\\n", " ")

func line(w io.Writer, fields []string) {
	for i, f := range fields {
		if i > 0 {
			io.WriteString(w, "\\t")
		}
		tsvEscaper.WriteString(w, f)
	}
	io.WriteString(w, "\\n")
}

func TSV(w io.Writer, rows [][]string) error {
	buf := new(bytes.Buffer)
	for _, r := range rows {
		line(buf, r)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
""",
    "replacer_builder": """var escaper = strings.NewReplacer("<", "&lt;", ">", "&gt;")

func Escape(parts ...string) string {
	var sb strings.Builder
	for _, p := range parts {
		escaper.WriteString(&sb, p)
	}
	return sb.String()
}
""",
    # chi's recoverer (probe37a): the package declares a Write that reads past len(p), but this Buffer is only
    # written (an own helper's w.Write and fmt.Fprintf) and copied out (String): its storage reaches no Write.
    "sloppy_writer_elsewhere": """type Tee struct{ Seen string }

// Write looks at p's storage past its length: a pooled Buffer's storage must never reach it.
func (t *Tee) Write(p []byte) (int, error) { t.Seen = string(p[:cap(p)]); return len(p), nil }

func paint(w io.Writer, color, s string, args ...any) {
	if color != "" {
		w.Write([]byte(color))
	}
	fmt.Fprintf(w, s, args...)
}

func Decorate(pkg, method string) string {
	var buf bytes.Buffer
	paint(&buf, "\\x1b[33m", "%s", pkg)
	paint(&buf, "", "%s\\n", method)
	return buf.String()
}
""",
    # The probe's markdown HeadingLevel: Bytes() held in a local that is only measured and indexed.
    "bytes_local_read": """func renderLine(w *bytes.Buffer, line string) {
	if strings.HasPrefix(line, "# ") {
		fmt.Fprintf(w, "<h%d>%s</h%d>", 1, line[2:], 1)
		return
	}
	fmt.Fprintf(w, "<p>%s</p>", line)
}

func HeadingLevel(line string) int {
	var buf bytes.Buffer
	renderLine(&buf, line)
	b := buf.Bytes()
	if len(b) > 3 && b[1] == 'h' {
		return int(b[2] - '0')
	}
	return 0
}
""",
    # a byte of Bytes() read straight away (a log line's newline check): a copy of a byte keeps nothing
    "bytes_direct_read": """func Line(w io.Writer, format string, args ...any) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, format, args...)
	if buf.Len() == 0 || buf.Bytes()[buf.Len()-1] != '\\n' {
		buf.WriteByte('\\n')
	}
	w.Write(buf.Bytes())
}
""",
    # Bytes() in a local, resliced into another local, copied out by string() and counted by bytes.Count.
    "bytes_local_copied": """func Summary(rows []string) (string, int) {
	var buf bytes.Buffer
	for _, r := range rows {
		fmt.Fprintf(&buf, "%s;", r)
	}
	b := buf.Bytes()
	head := b[:min(len(b), 8)]
	return string(head), bytes.Count(b, []byte(";"))
}
""",
    # B6: the gzip writer is written through and closed, then dropped with the frame.
    "gzip_member": """func Gzip(w io.Writer, body []byte) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(body)
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
""",
    # probe44g's GzipMessage: io.WriteString of the writers that declare no WriteString calls their Write
    "gzip_write_string": """func Message(w io.Writer, msg string) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.WriteString(zw, msg)
	zw.Close()
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	io.WriteString(fw, msg)
	fw.Close()
	lw := zlib.NewWriter(&buf)
	io.WriteString(lw, msg)
	lw.Close()
	_, err := w.Write(buf.Bytes())
	return err
}
""",
    # the writer passed on to Fprintf, which calls only its Write, and to json.NewEncoder, a holder in turn
    "gzip_fprintf": """func Metrics(w io.Writer, names []string, v any) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for i, name := range names {
		fmt.Fprintf(zw, "%s %d\\n", name, i)
	}
	if err := json.NewEncoder(zw).Encode(v); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
""",
    # a deferred method of the writer runs before the pool's Put (defers run last in, first out)
    "gzip_deferred_close": """func Packed(body []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	defer zw.Close()
	zw.Write(body)
	zw.Flush()
	return buf.Len()
}
""",
    # flate's constructor returns an error beside the writer: the writer is the first name.
    "flate_block": """func Deflate(body []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, level)
	if err != nil {
		return nil, err
	}
	fw.Write(body)
	fw.Flush()
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return append([]byte(nil), buf.Bytes()...), nil
}
""",
    # B5: a strings.Builder, pooled as the bytes.Buffer that stands for it: hex asks nothing of its type.
    # an email body: the Builder behind a quoted-printable Writer, written by io.WriteString (it declares no
    # WriteString: its Write runs) and by fmt, then closed
    "quoted_body": """func Body(name, text string) string {
	var sb strings.Builder
	qp := quotedprintable.NewWriter(&sb)
	fmt.Fprintf(qp, "Dear %s,\\r\\n", name)
	io.WriteString(qp, text)
	qp.Close()
	return sb.String()
}
""",
    # a gob snapshot measured: the Encoder over the Buffer encodes twice (the type, then the value alone)
    "gob_size": """func Size(v, w map[string]int) (int, error) {
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		return 0, err
	}
	if err := enc.Encode(w); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}
""",
    "hex_dump": """func Dump(data []byte) string {
	var sb strings.Builder
	d := hex.Dumper(&sb)
	d.Write(data)
	d.Close()
	return sb.String()
}
""",
    # zlib with a level and a dictionary: the writer is the first of its names, flushed and closed.
    "zlib_level_dict": """func Pack(body, dict []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevelDict(&buf, zlib.BestSpeed, dict)
	if err != nil {
		return nil, err
	}
	zw.Write(body)
	zw.Flush()
	zw.Close()
	return append([]byte(nil), buf.Bytes()...), nil
}
""",
    "gzip_level": """func Level(body []byte) (int, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return 0, err
	}
	zw.Write(body)
	zw.Close()
	return buf.Len(), nil
}
""",
    # base64's writer is its second argument, here after a comment; io.WriteString calls the encoder's Write.
    "base64_auth": """func Auth(w io.Writer, user, pass string) error {
	var buf bytes.Buffer
	enc := base64.NewEncoder(base64.StdEncoding /* RFC 4616 */, &buf)
	io.WriteString(enc, "\\x00"+user+"\\x00"+pass)
	enc.Close()
	_, err := fmt.Fprintf(w, "AUTH PLAIN %s\\r\\n", buf.String())
	return err
}
""",
    # an API error's JSON body in a strings.Builder: json's Encoder calls only its writer's Write (probe41c)
    "json_builder": """func ErrorBody(code int, msg string) string {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.Encode(map[string]any{"code": code, "msg": msg})
	return sb.String()
}
""",
    # a strings.Builder behind base32's encoder, pooled as the bytes.Buffer that stands for it
    "base32_builder": """func Token(id []byte) string {
	var sb strings.Builder
	enc := base32.NewEncoder(base32.HexEncoding, &sb)
	enc.Write(id)
	enc.Close()
	return sb.String()
}
""",
    "hex_ascii85": """func Armor(body []byte) string {
	var buf bytes.Buffer
	hex.NewEncoder(&buf).Write(body[:1])
	enc := ascii85.NewEncoder(&buf)
	fmt.Fprint(enc, string(body))
	enc.Close()
	return buf.String()
}
""",
    "csv_export": """func Export(w io.Writer, rows [][]string) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	for _, row := range rows {
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
""",
    # the package's own Read reslices p (p[:n]): the buffer only writes and never reaches a Read
    "reader_beside": """type hashReader struct {
	r   io.Reader
	sum int
}

func (h *hashReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	for _, b := range p[:n] {
		h.sum += int(b)
	}
	return n, err
}

func Render(s string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "<%s>", s)
	return buf.String()
}
""",
    "csv_semicolons": """func Semicolons(rows [][]string) (string, error) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Comma = ';'
	cw.UseCRLF = true
	if cw.Comma != ';' {
		return "", nil
	}
	if err := cw.WriteAll(rows); err != nil {
		return "", err
	}
	return buf.String(), nil
}
""",
    "gzip_named": """func Named(name string, body []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Name = name
	zw.Comment = "made by Named"
	zw.Write(body)
	zw.Close()
	return append([]byte(nil), buf.Bytes()...)
}
""",
    "csv_write_all": """func Table(rows [][]string) (string, error) {
	var sb strings.Builder
	if err := csv.NewWriter(&sb).WriteAll(rows); err != nil {
		return "", err
	}
	return sb.String(), nil
}
""",
    # B2: a stack array sliced for io.CopyBuffer.
    "array_copy": """func Drain(r io.Reader) (int64, error) {
	var scratch [2048]byte
	return io.CopyBuffer(io.Discard, r, scratch[:])
}
""",
    # A Read loop over an array: sliced, indexed and measured, each meaning the same on a pointer to it.
    "array_read_loop": """func Count(r io.Reader, c byte) (int, error) {
	var chunk [4096]byte
	count := 0
	for {
		n, err := r.Read(chunk[:len(chunk)])
		for i := 0; i < n; i++ {
			if chunk[i] == c {
				count++
			}
		}
		if err == io.EOF {
			return count, nil
		}
		if err != nil {
			return count, err
		}
	}
}
""",
    # A helper of the package that only writes to the buffer (and passes it to Fprintf, and to another
    # helper that writes), and one that reads its bytes within their length: neither sees the capacity.
    "helper_writes": """func writeRow(b *bytes.Buffer, k string, v int) {
	b.WriteString(k)
	fmt.Fprintf(b, "=%d", v)
	endRow(b)
}

func endRow(w io.Writer) { io.WriteString(w, "\\n") }

func sum(p []byte) int {
	n := len(p)
	for _, c := range p {
		n += int(c)
	}
	return n + int(p[0])
}

func Rows(keys []string) (string, int) {
	var buf bytes.Buffer
	for i, k := range keys {
		writeRow(&buf, k, i)
	}
	return buf.String(), sum(buf.Bytes())
}
""",
    # The storage through bytes' trims, a subslice within its length, straight to io.Writer's Write and to a
    # string conversion (probe32b's b3: json.Encoder's trailing newline cut).
    "trim_suffix": """func WriteJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\\n")))
	return err
}
""",
    "trim_space_string": """func Key(v int) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, " k:%d ", v)
	return string(bytes.TrimPrefix(bytes.TrimSpace(buf.Bytes()), []byte("k:")))
}
""",
}

# HEAD with text/tabwriter too, for the cases that use it (the other cases' messages count lines).
TABS_HEAD = HEAD.replace('\t"strings"\n)\n', '\t"strings"\n\t"text/tabwriter"\n)\n\nvar _ = tabwriter.NewWriter\n')


# gob's Encoder and quoted-printable's Writer (probe39b), in a head of their own: the others' lines stay put.
CODECS_HEAD = HEAD.replace(
    '\t"strings"\n)\n',
    '\t"strings"\n\t"encoding/gob"\n\t"mime/quotedprintable"\n)\n\n'
    "var _, _ = gob.NewEncoder, quotedprintable.NewWriter\n",
)
CODECS = ("quoted_body", "gob_size", "gob_encoder_stored")

# Templates and a strings.Replacer (probe45d), in a head of their own: the others' lines stay put.
TEMPLATES_HEAD = HEAD.replace(
    '\t"strings"\n)\n',
    '\t"strings"\n\thtmltemplate "html/template"\n\t"text/template"\n)\n\n'
    "var _ *template.Template\nvar _ *htmltemplate.Template\n",
)
TEMPLATES = ("template_builder", "html_template_builder", "replacer_buffer", "replacer_builder")
TEMPLATES += ("own_execute_asserts", "own_replacer_keeps")


def _head(case: str) -> str:
    if case in CODECS:
        return CODECS_HEAD
    if case in TEMPLATES:
        return TEMPLATES_HEAD
    return TABS_HEAD if case in BESIDE_WRAPPER or case.startswith("tabwriter_") else HEAD


# Pooled beside a wrapper the rule declines: the bufio.Writer over `&out` (waiting a run) keeps its own make, and
# the tabwriter.Writer of a constrained file (_linux.go) its own allocation: tabwriter only calls output.Write.
BESIDE_WRAPPER = {
    # probe sync-pool-codegen's RenderTable: io.WriteString(tw, h) calls the tabwriter's Write (it declares no
    # WriteString); the tabwriter, its pool's `sync` import meeting the Buffer pool's in this one file, waits a run
    "tabs_write_string": """func Render(header []string, rows [][]string) string {
	var sb strings.Builder
	tw := tabwriter.NewWriter(&sb, 0, 4, 1, ' ', tabwriter.AlignRight)
	for _, h := range header {
		io.WriteString(tw, h+"\\t")
	}
	tw.Write([]byte{'\\n'})
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\\t\\n", strings.Join(r, "\\t"))
	}
	tw.Flush()
	return sb.String()
}
""",
    "tabs_linux": """func Tabs(rows [][]string) string {
	var sb strings.Builder
	tw := tabwriter.NewWriter(&sb, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\\t"))
	}
	tw.Flush()
	return sb.String()
}
""",
    # probe32b's b4: a Builder behind a bufio.Writer handed to a helper of the package that only writes to it
    # (through fmt and a helper in turn): the helper is followed, as retention follows the package's callees.
    # a Buffer behind a bufio.Writer of a constant size: the Writer, pooled per size since session 38, waits one
    # run as bufio_helper's does (the Buffer's fix rewrites `&buf` to `buf`)
    "bufio_sized": """func Lines(w io.Writer, lines []string) error {
	var buf bytes.Buffer
	bw := bufio.NewWriterSize(&buf, 8192)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteRune('\\u00b6')
		bw.WriteByte('\\n')
	}
	bw.Flush()
	_, err := w.Write(buf.Bytes())
	return err
}
""",
    "bufio_helper": """func writeLines(w io.Writer, xs []string) {
	for _, x := range xs {
		fmt.Fprintf(w, "- %s\\n", x)
	}
	endLines(w)
}

func endLines(w io.Writer) { io.WriteString(w, "--\\n") }

func Report(w io.Writer, name string, xs []string) error {
	var out strings.Builder
	fmt.Fprintf(&out, "# %s\\n", name)
	bw := bufio.NewWriter(&out)
	writeLines(bw, xs)
	bw.Flush()
	_, err := io.WriteString(w, out.String())
	return err
}
""",
}

# Each must-decline: the reason, and a probe whose value the naive pool changes.
DECLINED = {
    # A package's own Execute, named like template's: it asks for the Builder, which a Buffer is not.
    "own_execute_asserts": (
        """type Template struct{ text string }

func (t *Template) Execute(w io.Writer, data string) error {
	if sb, ok := w.(*strings.Builder); ok {
		for i := 0; i < 2; i++ {
			sb.WriteString(t.text)
		}
		return nil
	}
	_, err := io.WriteString(w, "<"+t.text+data+">")
	return err
}

func Render(t *Template, data string) string {
	var sb strings.Builder
	t.Execute(&sb, data)
	return sb.String()
}
""",
        "is passed to t.Execute, whose w (own_execute_asserts.go:40) is used in a type assertion expression",
        'func() string { return {pkg}.Render(&{pkg}.Template{}, "x") }()',
    ),
    # A package's own Replacer, named like strings': its WriteString keeps the writer.
    "own_replacer_keeps": (
        """type Replacer struct{ last io.Writer }

func (r *Replacer) WriteString(w io.Writer, s string) (int, error) {
	r.last = w
	return io.WriteString(w, strings.ToUpper(s))
}

var shouter = &Replacer{}

func Shout(s string) string {
	var buf bytes.Buffer
	shouter.WriteString(&buf, s)
	return buf.String()
}

func Last() string { return shouter.last.(*bytes.Buffer).String() }
""",
        "is passed to shouter.WriteString",
        'func() string { {pkg}.Shout("a"); return {pkg}.Last() }()',
    ),
    # probe37a: the storage reaches the package's sloppy Write through an own helper's WriteTo (spare.hands_out)
    "sloppy_writer_helper": (
        """type Sink struct{ Got string }

func (s *Sink) Write(p []byte) (int, error) { s.Got = string(p[:cap(p)]); return len(p), nil }

func drain(dst io.Writer, src *bytes.Buffer) { src.WriteTo(dst) }

func Spill(s string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	var sk Sink
	drain(&sk, &buf)
	return strings.TrimRight(sk.Got, "\\x00")
}
""",
        "buf may reach the package's own Sink.Write, whose p (",
        'func() string { {pkg}.Spill(strings.Repeat("secret!", 700)); return {pkg}.Spill("x") }()',
    ),
    # ... and through an own helper that hands its Bytes() to an io.Writer (the contract, trusted for others)
    "sloppy_writer_helper_bytes": (
        """type Sink struct{ Got string }

func (s *Sink) Write(p []byte) (int, error) { s.Got = string(p[:cap(p)]); return len(p), nil }

func flush(dst io.Writer, src *bytes.Buffer) { dst.Write(src.Bytes()) }

func Flush(s string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	var sk Sink
	flush(&sk, &buf)
	return strings.TrimRight(sk.Got, "\\x00")
}
""",
        "buf is passed to flush, whose src (sloppy_writer_helper_bytes.go:36) calls Bytes, which reports the capacity",
        'func() string { {pkg}.Flush(strings.Repeat("secret!", 700)); return {pkg}.Flush("x") }()',
    ),
    # Bytes() held in a local that outlives the call: returned (resliced), stored, captured by a closure.
    "bytes_local_returned": (
        """func Tail(s string) []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "<%s>", s)
	b := buf.Bytes()
	return b[1:]
}
""",
        "and that is held in b, which is returned",
        'func() string { a := {pkg}.Tail("first"); {pkg}.Plain("zzzzzzzzz"); return string(a) }()',
    ),
    # Bytes() in a local resliced past its length, then a byte read: a fresh Buffer's storage holds zeros there, a
    # pooled one's the bytes an earlier, longer call wrote (pool44g: `b[i:j][k]` was read as within the length)
    "bytes_local_past_length": (
        """func Eighth(s string) byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	b := buf.Bytes()
	return b[0:8][7]
}
""",
        "and that is held in b, which is used in a slice expression",
        'func() byte { {pkg}.Eighth("abcdefgh"); return {pkg}.Eighth("ab") }()',
    ),
    # Bytes() held while the Buffer is reset and written again (adv44g): a fresh Buffer's 64-byte storage moves to
    # a new array for the long write and b keeps s; a pooled one's larger storage takes it in place, under b
    "bytes_local_written_under": (
        """func Swap(s, t string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	b := buf.Bytes()
	buf.Reset()
	fmt.Fprintf(&buf, "%s", t)
	return string(b)
}
""",
        "and that is held in b, while buf is used on line",
        'func() string { l := strings.Repeat("L", 100); {pkg}.Swap(l, l); return {pkg}.Swap("short", l) }()',
    ),
    # Bytes() resliced to a bound go/types shows within its length, `b[:min(len(b), 8)]` as well
    "bytes_local_within_then_past": (
        """func Ninth(s string) byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	b := buf.Bytes()
	head := b[:len(b)-1]
	return head[:9][8]
}
""",
        "which is used in a slice expression",
        'func() byte { {pkg}.Ninth("abcdefghij"); return {pkg}.Ninth("abc") }()',
    ),
    # `&(buf.Bytes()[1])` is no byte read straight away: the pointer outlives the Put
    "bytes_direct_address": (
        """func First(s string) *byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "<%s>", s)
	return &(buf.Bytes()[1])
}
""",
        "buf is the receiver of buf.Bytes, which returns its storage",
        'func() string { a := {pkg}.First("first"); {pkg}.First("zzzzzzzzz"); return string(*a) }()',
    ),
    # adv34g: `&b[0]` is no byte read: the pointer outlives the Put
    "bytes_local_address": (
        """func First(s string) *byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "<%s>", s)
	b := buf.Bytes()
	return &b[1]
}
""",
        "and that is held in b, which",
        'func() string { a := {pkg}.First("first"); {pkg}.Plain("zzzzzzzzz"); return string(*a) }()',
    ),
    "bytes_local_stored": (
        """var last []byte

func Keep(s string) int {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "<%s>", s)
	b := buf.Bytes()
	last = b
	return len(b)
}

func Last() string { return string(last) }
""",
        "and that is held in b, which is assigned",
        'func() string { {pkg}.Keep("first"); {pkg}.Plain("zzzzzzzzz"); return {pkg}.Last() }()',
    ),
    "bytes_local_captured": (
        """func Later(s string) func() string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "<%s>", s)
	b := buf.Bytes()
	return func() string { return string(b) }
}
""",
        "is held in b, which is used in a func literal: it may run after the pool's Put",
        'func() string { f := {pkg}.Later("first"); {pkg}.Plain("zzzzzzzzz"); return f() }()',
    ),
    # A pooled buffer's capacity and the bytes past its length (an earlier caller's) are what a fresh one
    # lacks: each probe runs a long secret, then a short input, which the naive pool answers differently.
    "helper_cap": (
        """func room(b *bytes.Buffer) int { return b.Cap() }

func Room(s string) int {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	return room(&buf)
}
""",
        "buf is passed to room, whose b (helper_cap.go:32) calls Cap, which reports the capacity",
        'func() string { {pkg}.Room(strings.Repeat("secret!", 700)); return fmt.Sprint({pkg}.Room("x")) }()',
    ),
    "helper_spare": (
        """func leftover(b *bytes.Buffer) string { return string(b.AvailableBuffer()[:8]) }

func Leftover(s string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	return leftover(&buf)
}
""",
        "buf is passed to leftover, whose b (helper_spare.go:32) calls AvailableBuffer",
        'func() string { {pkg}.Leftover(strings.Repeat("secret!", 700)); return {pkg}.Leftover("x") }()',
    ),
    "storage_peek": (
        """func spare(p []byte) string { return string(p[len(p):cap(p)][:8]) }

func Spare(s string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	return spare(buf.Bytes())
}
""",
        "buf gives its storage through Bytes, which is passed to spare, whose p (storage_peek.go:32) is used in a"
        " slice expression",
        'func() string { {pkg}.Spare(strings.Repeat("secret!", 700)); return {pkg}.Spare("x") }()',
    ),
    # the package's own io.Writer reads past len(p): the storage reaches it through io.Copy and the
    # Buffer's WriteTo, and through a type parameter, without the code naming it (spare.sloppy_io)
    "sloppy_writer_copy": (
        """type Sink struct{ Got string }

// Write keeps what p's storage holds, past its length too.
func (s *Sink) Write(p []byte) (int, error) { s.Got = string(p[:cap(p)]); return len(p), nil }

func Copy(s string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	var sk Sink
	io.Copy(&sk, &buf)
	return strings.TrimRight(sk.Got, "\\x00")
}
""",
        "buf may reach the package's own Sink.Write, whose p (",
        'func() string { {pkg}.Copy(strings.Repeat("secret!", 700)); return {pkg}.Copy("x") }()',
    ),
    "sloppy_writer_generic": (
        """type Log struct{ Got string }

func (l *Log) Write(p []byte) (int, error) { l.Got = string(p[len(p):cap(p)]); return len(p), nil }

func send[W io.Writer](w W, p []byte) { w.Write(p) }

func Generic(s string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	var l Log
	send(&l, buf.Bytes())
	return strings.TrimRight(l.Got, "\\x00")
}
""",
        "buf may reach the package's own Log.Write, whose p (",
        'func() string { {pkg}.Generic(strings.Repeat("secret!", 700)); return {pkg}.Generic("x") }()',
    ),
    # the same through a parameter spelled by an alias: go/types, not the text, says it is a slice
    "sloppy_writer_alias": (
        """type Frame = []uint8

type Sink struct{ Got string }

func (s *Sink) Write(p Frame) (int, error) { s.Got = string(p[:cap(p)]); return len(p), nil }

func Send(s string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	var sk Sink
	buf.WriteTo(&sk)
	return strings.TrimRight(sk.Got, "\\x00")
}
""",
        "buf may reach the package's own Sink.Write, whose p (",
        'func() string { {pkg}.Send(strings.Repeat("secret!", 700)); return {pkg}.Send("x") }()',
    ),
    "cap_bytes_holder": (
        """func CapZ(s string) int {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return cap(buf.Bytes())
}
""",
        "buf gives its storage through Bytes, which is passed to cap, which sees the capacity a pooled bytes.Buffer"
        " keeps from earlier calls",
        'func() string { {pkg}.CapZ(strings.Repeat("secret!", 7000)); return fmt.Sprint({pkg}.CapZ("x")) }()',
    ),
    "cap_next": (
        """func CapNext(s string) int {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	return cap(buf.Next(1))
}
""",
        "buf gives its storage through Next, which is passed to cap",
        'func() string { {pkg}.CapNext(strings.Repeat("secret!", 700)); return fmt.Sprint({pkg}.CapNext("x")) }()',
    ),
    # append to the storage writes in place where a fresh buffer (64 bytes for 64) would reallocate:
    # the byte written after it then shows through.
    "append_storage": (
        """func Tail(s string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", s)
	return mark(append(buf.Bytes(), '!'), &buf)
}

func mark(out []byte, b *bytes.Buffer) string { b.WriteByte('?'); return string(out) }
""",
        "and that is append's first argument: what append returns may share its storage",
        'func() string { {pkg}.Tail(strings.Repeat("secret!", 700)); return {pkg}.Tail(strings.Repeat("x", 64)) }()',
    ),
    "writer_returned": (
        """func Open(header string) *gzip.Writer {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(header))
	return zw
}
""",
        "buf is passed to gzip.NewWriter, which keeps it in what it returns, and that is held by zw, which is used"
        " as a value on line 36",
        'func() string { zw := {pkg}.Open("head"); zw.Close(); return {pkg}.Plain("next") }()',
    ),
    "writer_stored": (
        """type Archive struct{ zw *gzip.Writer }

func (a *Archive) Begin(body []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	n, _ := zw.Write(body)
	a.zw = zw
	return n
}

func (a *Archive) End() error { return a.zw.Close() }
""",
        "which keeps it in what it returns, and that is held by zw, which is used as a value on line 38",
        'func() string { var a {pkg}.Archive; a.Begin([]byte("body")); a.End(); return {pkg}.Plain("next") }()',
    ),
    "writer_goroutine": (
        """func Spool(body []byte, done chan struct{}) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(body)
	go func() {
		zw.Close()
		close(done)
	}()
}
""",
        "that is held by zw, which on line 37 is captured by a func literal, which may outlive the call",
        'func() string { done := make(chan struct{}); {pkg}.Spool([]byte("body"), done); <-done;'
        ' return {pkg}.Plain("next") }()',
    ),
    # The deferred Close was registered before the buffer: it runs after the Put the rewrite defers.
    "writer_closed_after_put": (
        """func Compress(body []byte) []byte {
	var zw *gzip.Writer
	defer func() {
		if zw != nil {
			zw.Close()
		}
	}()
	var buf bytes.Buffer
	zw = gzip.NewWriter(&buf)
	zw.Write(body)
	zw.Flush()
	return bytes.Clone(buf.Bytes())
}
""",
        "which keeps it in what it returns, and that is not assigned to a variable of its own",
        'func() string { {pkg}.Compress([]byte("body")); return {pkg}.Plain("next") }()',
    ),
    # `fw, e :=` in the body assigns the named result fw (not a new variable), which the bare return hands out.
    "writer_named_result": (
        """func Open(level int) (fw *flate.Writer, err error) {
	var buf bytes.Buffer
	fw, e := flate.NewWriter(&buf, level)
	if e != nil {
		return nil, e
	}
	fw.Write([]byte("head"))
	return
}
""",
        "buf is passed to flate.NewWriter, which keeps it in what it returns, and that is not assigned to a"
        " variable of its own",
        'func() string { fw, _ := {pkg}.Open(1); fw.Close(); return {pkg}.Plain("next") }()',
    ),
    # A comment is a named child of the argument list: counted, it made the index name keep's n, not b.
    "comment_shifts_argument": (
        """var kept *bytes.Buffer

func keep(b *bytes.Buffer, n int) {
	kept = b
}

func Render(name string) int {
	var buf bytes.Buffer
	io.WriteString(&buf, name)
	keep( /* remember */ &buf, 1)
	return buf.Len()
}

func Kept() string { return kept.String() }
""",
        "buf is passed to keep, whose b (comment_shifts_argument.go:35) is assigned",
        'func() string { {pkg}.Render("one"); {pkg}.Plain("next"); return {pkg}.Kept() }()',
    ),
    # passed to a helper of the package that keeps it: a later write lands in the pooled buffer
    "writer_remembered": (
        """var last io.Writer

func remember(w io.Writer) { last = w }

func Spool(body []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	remember(zw)
	zw.Write(body)
	zw.Flush()
	return buf.Len()
}

func Again() {
	last.Write([]byte("late"))
	last.(*gzip.Writer).Flush()
}
""",
        "which keeps it in what it returns, and that is held by zw, which on line 39 is passed to remember, whose w"
        " (writer_remembered.go:34) is used as a value",
        'func() string { {pkg}.Spool([]byte("body")); {pkg}.Again(); return fmt.Sprint(len({pkg}.Plain("next"))) }()',
    ),
    # a deferred Close inside a func literal runs when the literal does, not before the pool's Put
    "writer_closed_by_literal": (
        """var Later func()

func Stored(s string) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	fmt.Fprint(zw, s)
	Later = func() { defer zw.Close() }
	return buf.Len()
}
""",
        "that is held by zw, which on line 38 is captured by a func literal, which may outlive the call",
        'func() string { {pkg}.Stored("abc"); {pkg}.Later(); return fmt.Sprint(len({pkg}.Plain("next"))) }()',
    ),
    # io.Copy hands its dst to the source's WriteTo, which may keep it
    "writer_copied_into": (
        """type keeper struct{ w io.Writer }

func (k *keeper) Read(p []byte) (int, error) { return 0, io.EOF }

func (k *keeper) WriteTo(w io.Writer) (int64, error) {
	k.w = w
	return 0, nil
}

var source keeper

func Fill() int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.Copy(zw, &source)
	zw.Flush()
	return buf.Len()
}

func Again() {
	source.w.Write([]byte("late"))
	source.w.(*gzip.Writer).Flush()
}
""",
        "that is held by zw, which on line 46 is passed to io.Copy, which the std table does not clear for it",
        'func() string { {pkg}.Fill(); {pkg}.Again(); return fmt.Sprint(len({pkg}.Plain("next"))) }()',
    ),
    "zlib_writer_returned": (
        """func Open(header string) io.WriteCloser {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	zw.Write([]byte(header))
	return zw
}
""",
        "buf is passed to zlib.NewWriter, which keeps it in what it returns, and that is held by zw, which is used"
        " as a value on line 36",
        'func() string { zw := {pkg}.Open("head"); zw.Close(); return {pkg}.Plain("next") }()',
    ),
    "base64_encoder_stored": (
        """type Session struct{ enc io.WriteCloser }

func (s *Session) Begin(user string) {
	var buf bytes.Buffer
	enc := base64.NewEncoder(base64.StdEncoding, &buf)
	enc.Write([]byte(user))
	s.enc = enc
}

func (s *Session) End() error { return s.enc.Close() }
""",
        "which keeps it in what it returns, and that is held by enc, which is used as a value on line 38",
        'func() string { var s {pkg}.Session; s.Begin("ab"); s.End(); return {pkg}.Plain("next") }()',
    ),
    "gob_encoder_stored": (
        """type Stream struct{ enc *gob.Encoder }

func (s *Stream) Open(header string) {
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	enc.Encode(header)
	s.enc = enc
}

func (s *Stream) Send(v string) error { return s.enc.Encode(v) }
""",
        "buf is passed to gob.NewEncoder, which keeps it in what it returns, and that is held by enc, which is used"
        " as a value on line",
        'func() string { var s {pkg}.Stream; s.Open("ab"); s.Send("later"); return {pkg}.Plain("next") }()',
    ),
    "csv_writer_goroutine": (
        """func Spool(rows [][]string, start, done chan struct{}) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	go func() {
		<-start
		cw.WriteAll(rows)
		close(done)
	}()
}
""",
        "that is held by cw, which on line 37 is captured by a func literal, which may outlive the call",
        # the goroutine writes once Spool has returned (its naive Put done): a scheduler that ran it at once
        # on another core wrote before the Put, which emptied the buffer, and the probe saw nothing
        "func() string { start, done := make(chan struct{}), make(chan struct{}); "
        '{pkg}.Spool([][]string{{"a", "b"}}, start, done); close(start); <-done; return {pkg}.Plain("next") }()',
    ),
    "bufio_writer_captured": (
        """var Later func()

func Stage(s string) int {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	bw.WriteString(s)
	Later = func() { bw.Flush() }
	return buf.Len()
}
""",
        "that is held by bw, which on line 38 is captured by a func literal, which may outlive the call",
        'func() string { {pkg}.Stage("late"); {pkg}.Later(); return {pkg}.Plain("next") }()',
    ),
    "base64_closed_by_literal": (
        """var Later func()

func Stored(s string) int {
	var buf bytes.Buffer
	enc := base64.NewEncoder(base64.StdEncoding, &buf)
	fmt.Fprint(enc, s)
	Later = func() { defer enc.Close() }
	return buf.Len()
}
""",
        "that is held by enc, which on line 38 is captured by a func literal, which may outlive the call",
        'func() string { {pkg}.Stored("abcd"); {pkg}.Later(); return {pkg}.Plain("next") }()',
    ),
    # bufio.Writer.ReadFrom hands the bytes.Buffer to the source: its ReadFrom gives the source its storage.
    "bufio_read_from": (
        """type keeper struct{ p []byte }

func (k *keeper) Read(p []byte) (int, error) {
	k.p = p[:4]
	return 0, io.EOF
}

var source keeper

func Fill() int {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	bw.ReadFrom(&source)
	bw.Flush()
	return buf.Len()
}

func Kept() string { return string(source.p) }
""",
        "that is held by bw, which on line 44 has its method ReadFrom called, which the std table does not clear",
        'func() string { {pkg}.Fill(); {pkg}.Plain("next"); return {pkg}.Kept() }()',
    ),
    # an encoder handed, as an io.Writer, to a function value gorewrite cannot follow
    "hex_encoder_to_func_value": (
        """var last io.Writer

var Emit = func(w io.Writer, p []byte) { last = w; w.Write(p) }

func Encode(p []byte) int {
	var buf bytes.Buffer
	enc := hex.NewEncoder(&buf)
	Emit(enc, p)
	return buf.Len()
}

func Again() { last.Write([]byte("late")) }
""",
        "that is held by enc, which on line 39 is passed to Emit, which the std table does not clear for it",
        'func() string { {pkg}.Encode([]byte("a")); {pkg}.Again(); return {pkg}.Plain("next") }()',
    ),
    "array_returned": (
        """func Head(r io.Reader) []byte {
	var scratch [512]byte
	n, _ := io.ReadFull(r, scratch[:])
	return scratch[:n]
}
""",
        "scratch is returned: it outlives the call",
        'func() string { a := {pkg}.Head(strings.NewReader("one")); {pkg}.Head(strings.NewReader("two"));'
        " return string(a) }()",
    ),
    "array_stored": (
        """var first []byte

func Greet(r io.Reader) int {
	var scratch [512]byte
	n, _ := io.ReadFull(r, scratch[:])
	if first == nil {
		first = scratch[1:n]
	}
	return n
}

func First() string { return string(first) }
""",
        "scratch is stored in the package-level first: it outlives the call",
        'func() string { {pkg}.Greet(strings.NewReader("+one")); {pkg}.Greet(strings.NewReader("+two"));'
        " return {pkg}.First() }()",
    ),
    # A range over an array ranges over a copy: over a pointer to it, the loop sees its own writes.
    "array_ranged": (
        """func Mix(r io.Reader) int {
	var scratch [512]byte
	n, _ := io.ReadFull(r, scratch[:])
	sum := 0
	for i, c := range scratch {
		if i+1 < len(scratch) {
			scratch[i+1] += c
		}
		sum += int(c)
	}
	return sum + n
}
""",
        "scratch is used as an array value, which a pooled pointer to it cannot stand for",
        'func() string { return fmt.Sprint({pkg}.Mix(strings.NewReader("abc"))) }()',
    ),
    # A trim's result is the storage with its capacity: cap sees a pooled buffer's, and a kept one the next call's.
    "trim_cap": (
        """func Room(s string) int {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s\\n", s)
	return cap(bytes.TrimSuffix(buf.Bytes(), []byte("\\n")))
}
""",
        "is passed to cap, which sees the capacity a pooled bytes.Buffer keeps",
        'func() string { {pkg}.Room(strings.Repeat("secret!", 700)); return fmt.Sprint({pkg}.Room("x")) }()',
    ),
    "trim_kept": (
        """var lastLine []byte

func Remember(s string) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, " %s ", s)
	lastLine = bytes.TrimSpace(buf.Bytes())
}

func Last() []byte { return lastLine }
""",
        "and that is assigned",
        'func() string { {pkg}.Remember("first"); a := {pkg}.Last(); {pkg}.Remember("xx"); return string(a) }()',
    ),
    # a helper that keeps the bufio.Writer holding the buffer: a later write through it lands in the pool
    "bufio_helper_kept": (
        """var lastWriter io.Writer

func keepWriting(w io.Writer, s string) {
	fmt.Fprint(w, s)
	lastWriter = w
}

func Scribble(s string) { fmt.Fprint(lastWriter, s); lastWriter.(*bufio.Writer).Flush() }

func Note(s string) string {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	keepWriting(bw, s)
	bw.Flush()
	return buf.String()
}
""",
        "held by bw, which on line 44 is passed to keepWriting, whose w (bufio_helper_kept.go:36) is used as a value",
        'func() string { {pkg}.Note("a"); {pkg}.Scribble("zz"); return {pkg}.Note("b") }()',
    ),
    # a tabwriter.Writer kept past the call: what it writes later lands in the pooled buffer
    "tabwriter_kept": (
        """var lastTab *tabwriter.Writer

func Table(rows []string) string {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 4, 1, ' ', 0)
	lastTab = tw
	for _, r := range rows {
		fmt.Fprintln(tw, r)
	}
	tw.Flush()
	return buf.String()
}

func Late(s string) { fmt.Fprintln(lastTab, s); lastTab.Flush() }
""",
        "buf is passed to tabwriter.NewWriter, which keeps it in what it returns, and that is held by tw",
        'func() string { {pkg}.Table([]string{"a"}); {pkg}.Late("zz"); return {pkg}.Table([]string{"b"}) }()',
    ),
}

BUFFER = re.compile(r"^\tvar (\w+) (?:bytes\.Buffer|strings\.Builder)$", re.M)
ARRAY = re.compile(r"^\tvar (\w+) \[512\]byte$", re.M)
NAIVE_POOLS = (
    DETERMINISTIC_POOL
    + """
var naiveBuffers = &naivePool{New: func() any { return new(bytes.Buffer) }}

func naivePut(b *bytes.Buffer) { b.Reset(); naiveBuffers.Put(b) }

var naiveArrays = &naivePool{New: func() any { return new([512]byte) }}
"""
)


def _naive(source: str) -> str:
    """The source with every buffer and 512-byte array taken from a pool anyway: Get, reset, deferred Put."""
    for name in BUFFER.findall(source):
        source = re.sub(rf"&{name}\b", name, source)
    source = BUFFER.sub(r"\t\1 := naiveBuffers.Get().(*bytes.Buffer)\n\tdefer naivePut(\1)", source)
    source = ARRAY.sub(
        r"\t\1 := naiveArrays.Get().(*[512]byte)\n\tdefer naiveArrays.Put(\1)\n\t*\1 = [512]byte{}", source
    )
    return source.replace('\t"io"\n', '\t"io"\n\t"sync"\n', 1) + NAIVE_POOLS


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _head(name).format(name=name) + code for name, code in POOLED.items()}
    cases |= {name: _head(name).format(name=name) + code for name, (code, _, _) in DECLINED.items()}
    cases |= {name: _head(name).format(name=name) + code for name, code in BESIDE_WRAPPER.items()}
    return proposals_by_case(tmp_path_factory.mktemp("holders"), RULE, cases)


def _site(results, case: str, line: str):
    """The proposal for the case's site declared by `line` (Plain's buffer has its own)."""
    source = _head(case).format(name=case) + (POOLED.get(case) or BESIDE_WRAPPER.get(case) or DECLINED[case][0])
    return proposal_at(results[case], source, line)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    assert all(isinstance(r, Fix) for r in results[case]), results[case]
    # Plain's buffer and the case's site, whether they share a pool or not.
    assert sum(len(f.targets) for f in results[case]) == 2, results[case]


def test_a_builder_as_a_tabwriters_output_is_pooled(results):
    assert isinstance(_site(results, "tabs_linux", "\tvar sb strings.Builder"), Fix), results["tabs_linux"]


def test_a_builder_behind_a_tabwriter_written_by_io_writestring_is_pooled_with_it_in_one_run(results):
    """The Builder under io.WriteString(tw, h), and its tabwriter, in one run: both pools add the file's `sync`
    import, one shared edit applied once (reach49h), so neither waits for the other (before, the tabwriter waited a
    run; golden `tabwriter_builder_one_run` has the two pools in two files)."""
    found = results["tabs_write_string"]
    assert isinstance(_site(results, "tabs_write_string", "\tvar sb strings.Builder"), Fix), found
    wrapper = _site(
        results, "tabs_write_string", "\ttw := tabwriter.NewWriter(&sb, 0, 4, 1, ' ', tabwriter.AlignRight)"
    )
    assert isinstance(wrapper, Fix), wrapper


def test_a_buffer_behind_a_sized_bufio_writer_is_pooled_and_the_writer_waits_a_run(results):
    assert isinstance(_site(results, "bufio_sized", "\tvar buf bytes.Buffer"), Fix), results["bufio_sized"]
    wrapper = _site(results, "bufio_sized", "\tbw := bufio.NewWriterSize(&buf, 8192)")
    said = "is pooled in this run, which makes `&buf` `buf`: run gorewrite again once that one is applied"
    assert not isinstance(wrapper, Fix) and said in wrapper.reason, wrapper


def test_a_buffer_behind_a_bufio_writer_handed_to_a_writing_helper_is_pooled(results):
    assert isinstance(_site(results, "bufio_helper", "\tvar out strings.Builder"), Fix), results["bufio_helper"]
    wrapper = _site(results, "bufio_helper", "\tbw := bufio.NewWriter(&out)")
    # the Builder's fix rewrites `&out` to `out`: the wrapper waits one run (probe35a), it no longer declines for good
    said = "is pooled in this run, which makes `&out` `out`: run gorewrite again once that one is applied"
    assert not isinstance(wrapper, Fix) and said in wrapper.reason, wrapper


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    site = next(line for line in DECLINED[case][0].splitlines() if line.startswith("\tvar ") and "*" not in line)
    result = _site(results, case, site)
    assert not isinstance(result, Fix) and DECLINED[case][1] in result.reason, result


def test_every_naive_pool_of_a_declined_case_changes_what_its_callers_see(tmp_path, toolchain):
    originals = {name: _head(name).format(name=name) + code for name, (code, _, _) in DECLINED.items()}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"


# A writer handed to a helper another build declares otherwise (adv32g): under `-tags trace` the helper keeps it.
REPORT = """package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Kept is where the trace build's writeLines leaves its writer: a debugging hook.
var Kept io.Writer

// Report renders a header and the lines, then writes them in one call.
func Report(w io.Writer, name string, xs []string) error {
	var out strings.Builder
	fmt.Fprintf(&out, "# %s\\n", name)
	bw := bufio.NewWriter(&out)
	writeLines(bw, xs)
	bw.Flush()
	_, err := io.WriteString(w, out.String())
	return err
}
"""
LINES = """//go:build {constraint}

package report

import (
	"fmt"
	"io"
)

func writeLines(w io.Writer, xs []string) {{
	for _, x := range xs {{
		fmt.Fprintf(w, "- %s\\n", x)
	}}{keep}
}}
"""
REPORT_TEST = """package report

import (
	"bufio"
	"fmt"
	"strings"
	"testing"
)

func TestReportsStayApart(t *testing.T) {
	var a, b strings.Builder
	Report(&a, "first", []string{"x"})
	if Kept != nil {
		fmt.Fprint(Kept, "LEAK")
		Kept.(*bufio.Writer).Flush()
	}
	Report(&b, "second", []string{"y"})
	if got := b.String(); got != "# second\\n- y\\n" {
		t.Fatalf("got %q", got)
	}
}
"""


def test_a_writer_handed_to_a_helper_another_build_declares_otherwise_is_not_pooled(tmp_path, toolchain):
    files = {
        "report/report.go": REPORT,
        "report/lines_plain.go": LINES.format(constraint="!trace", keep=""),
        "report/lines_trace.go": LINES.format(constraint="trace", keep="\n\tKept = w"),
    }
    found = proposals(module(tmp_path / "m", files), RULE)
    assert not any(isinstance(p, Fix) for each in found.values() for p in each), found
    reasons = [p.reason for each in found.values() for p in each]
    assert any("another build compiles lines_trace.go" in r for r in reasons), reasons
    # The naive pool passes the default build's test and fails the trace build's: another call's bytes show.
    naive = REPORT.replace(
        "\tvar out strings.Builder\n", "\tout := naiveBuffers.Get().(*bytes.Buffer)\n\tdefer naivePut(out)\n"
    )
    naive = (
        naive.replace("&out", "out")
        .replace('\t"strings"\n', '\t"sync"\n')
        .replace("import (\n", 'import (\n\t"bytes"\n', 1)
    )
    naive += NAIVE_POOLS
    root = module(tmp_path / "n", {**files, "report/report.go": naive, "report/report_test.go": REPORT_TEST})
    assert toolchain.run(["test", "-count=1", "./..."], str(root)).returncode == 0
    traced = toolchain.run(["test", "-count=1", "-tags", "trace", "./..."], str(root))
    assert traced.returncode != 0 and b"LEAK" in traced.stdout, traced.stdout.decode()


HOOKED = (
    REPORT.replace("\twriteLines(bw, xs)\n", "\twriteLines(bw, xs)\n\thook(bw)\n")
    + """
func writeLines(w io.Writer, xs []string) {
	for _, x := range xs {
		fmt.Fprintf(w, "- %s\\n", x)
	}
}

// hook is written in assembly: gorewrite has no body to read.
func hook(w io.Writer)
"""
)


def test_a_writer_handed_to_a_helper_without_a_body_is_not_pooled(tmp_path):
    files = {
        "report/report.go": HOOKED,
        "report/hook.s": '#include "textflag.h"\n\nTEXT ·hook(SB),NOSPLIT,$0-16\n\tRET\n',
    }
    found = proposals(module(tmp_path, files), RULE)
    assert not any(isinstance(p, Fix) for each in found.values() for p in each), found


HEADING_ALLOCS = """package heading

import "testing"

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { HeadingLevel("# Title") }))
}
"""


def test_a_heading_level_read_from_a_held_bytes_allocates_less(tmp_path):
    """AllocsPerRun of the probe's HeadingLevel under go1.24.11 and go1.27.3: 3 before (the Buffer, its storage,
    fmt's boxed argument), 1 after the verified fix (the pooled Buffer keeps its storage)."""
    source = 'package heading\n\nimport (\n\t"bytes"\n\t"fmt"\n\t"strings"\n)\n\n' + POOLED["bytes_local_read"]
    root = module(tmp_path, {"heading/heading.go": source, "heading/heading_test.go": HEADING_ALLOCS})
    newest, older = releases()

    def allocs() -> list[float]:
        found = []
        for toolchain in (older, newest):
            done = toolchain.run(["test", "-count=1", "-v", "./heading"], str(root))
            assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
            found += [float(a) for a in re.findall(r"allocs=(\S+)", done.stdout.decode())]
        return found

    assert allocs() == [3, 3]
    versions = ("--toolchain", older.version, "--toolchain", newest.version)
    done = gorewrite("fix", "--rule", "sync-pool", *versions, "./heading", cwd=root)
    assert done.returncode == 0 and "1 applied" in done.stderr, done.stderr
    assert allocs() == [1, 1]
