"""The curated std table retention.py relies on where the compiler cannot know.

Each entry names a std function (or method) that keeps an argument no longer than some methods
of the argument's dynamic type keep their receiver (or, without methods, than the io contracts it
relies on let the methods it hands the argument to keep it), cites the std source that makes it
so, and names the Go test in tests/retention/retention_test.go that proves it with the GC.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """A std function that keeps an argument no longer than these methods of its dynamic type keep their receiver."""

    methods: tuple[str, ...]
    source: str  # what in the std source makes it so
    test: str  # the Go test in tests/retention/retention_test.go that proves it
    # A constructor that keeps the argument in what it returns: only these methods of the result may be called, and
    # the result must not outlive the caller's statement or local variable.
    holder: tuple[str, ...] = ()
    # The holder's methods that return a writer holding the holder in turn (multipart's parts), and the methods that
    # writer may be the receiver of: it is judged as the holder is, in the same function.
    parts: tuple[str, ...] = ()
    part: tuple[str, ...] = ()
    # The contracts of interfaces the entry relies on (CONTRACTS; an entry without methods: the argument is handed
    # only to those interfaces' methods), for the fix's summary.
    relies: tuple[str, ...] = ()
    # SELF_STORES, CONTRACTS: the receiver's verdict the entry clears; SUBSLICES: `leaking param: ` clears the
    # argument's leak to the heap (a holder local to the call, its Go test shows it dropped).
    clears: str = "leaking param content: "
    decodes: int | None = None  # the argument (a pointer) whose type's decoding methods get it (decoding.py)


WRITES = "io.Writer's contract not to retain p"
READS = "io.Reader's contract not to retain p"
FPRINT = "fmt/print.go: formats into its own pp (from ppFree), calls w.Write(p.buf) once, and p.free() keeps no w"
# The compiler says `leaking param: wr` because the state holding it goes through reflect and closures. A range over
# an iterator func hands the data's own function a yield closure that holds the state: an iterator that calls yield
# after it returned breaks range-over-func's contract, as a Write keeping p breaks io.Writer's.
TEMPLATE = (
    "text/template/exec.go: Execute (and ExecuteTemplate, through Lookup) calls execute, which keeps wr only in"
    " the state it makes for the call (&state{wr: wr}, copied for nested templates) and writes through"
    " s.wr.Write(node.Text) and fmt.Fprint(s.wr, v); nothing stores the state. html/template/template.go:"
    " Execute and ExecuteTemplate escape the template, then call its text/template's Execute(wr, data)"
)
# crc32 reads the bytes and returns a value; the implementation is chosen once (sync.OnceFunc) into a function
# variable, which is what the compiler cannot see through.
CRC32 = (
    "hash/crc32/crc32.go: ChecksumIEEE calls updateIEEE(0, data), Checksum calls Update(0, tab, data), and"
    " Update calls update, which calls updateCastagnoli(crc, p), updateIEEE(crc, p) or simpleUpdate(crc, tab, p);"
    " the function variables hold archUpdateIEEE, archUpdateCastagnoli (assembly that reads p) or a func calling"
    " slicingUpdate, which, like simpleUpdate, reads p into the crc it returns; none stores p"
)
PRINTER = (
    "go/printer/printer.go: Fprint is (&Config{Tabwidth: 8}).Fprint, which is fprint(output, …): it prints into the"
    " printer's own p.output (the pooled printer never sees output), wraps output in &trimmer{output: output} and,"
    " without RawFormat, a tabwriter over that, both locals, and calls Write(p.output) and Flush on them;"
    " trimmer.Write only calls output.Write; no goroutine. go/format/format.go: Node calls config.Fprint(dst, …)"
)
SNIFF = (
    "net/http/sniff.go: DetectContentType (go1.27.3: net/http/internal/sniff.go) cuts data to 512 bytes and calls"
    " sig.match(data, firstNonWS) for each of sniffSignatures, a package variable of exactSig (bytes.HasPrefix),"
    " maskedSig, htmlSig (indexes below len(data)), mp4Sig (bytes.Equal of data[st:st+3], st+3 < boxSize <="
    " len(data)) and textSig (a range): each reads data within its length and returns a string; none stores data"
)
ESCAPERS = (
    "text/template/funcs.go: HTMLEscape and JSEscape hand w.Write subslices of b and escape sequences (JSEscape's"
    " \\uXXXX through fmt.Fprintf, FPRINT); html/template's call them; encoding/xml/xml.go: Escape calls EscapeText,"
    " which calls escapeText: w.Write of subslices of s and escape sequences; none stores w; no goroutine"
)
PEM = (
    "encoding/pem/pem.go: Encode writes the BEGIN line, the headers and the END line with out.Write, the base64 body"
    " through a base64 encoder over a lineBreaker local to the call, whose Write and Close only call out.Write"
)
PARSE = (  # an io.Reader src is read with io.ReadAll: its Read; a []byte, a string, a *bytes.Buffer's Bytes() are not
    "go/parser/interface.go: ParseFile reads src (readSource) into a parser local to the call, whose scanner holds it;"
    " the tree's names, literals and comments are string(…) of it, copies; errors hold strings; no goroutine"
)
TABLE: dict[tuple[str, str, str, int], Entry] = {
    ("encoding/pem", "", "Encode", 0): Entry(("Write",), PEM, "TestPEMEncode"),
    ("go/parser", "", "ParseFile", 2): Entry(("Read",), PARSE, "TestParseFileSource"),
    **{
        (package, "", name, 0): Entry(("Write",), ESCAPERS, "TestEscapers")
        for package in ("text/template", "html/template", "encoding/xml")
        for name in (("EscapeText", "Escape") if package == "encoding/xml" else ("HTMLEscape", "JSEscape"))
    },
    **{
        (package, receiver, "Fprint", 0): Entry(("Write",), PRINTER, "TestPrinterFprint")
        for package, receiver in (("go/printer", "Config"), ("go/printer", ""))
    },
    ("go/format", "", "Node", 0): Entry(("Write",), PRINTER, "TestPrinterFprint"),
    # The bytes sniffed: the compiler says `leaking param` only because each signature is matched through an interface.
    **{
        ("net/http" + path, "", "DetectContentType", 0): Entry((), SNIFF, "TestDetectContentType")
        for path in ("", "/internal")
    },
    ("fmt", "", "Fprintf", 0): Entry(("Write",), FPRINT, "TestFprintf"),
    ("fmt", "", "Fprint", 0): Entry(("Write",), FPRINT, "TestFprint"),
    ("fmt", "", "Fprintln", 0): Entry(("Write",), FPRINT, "TestFprintln"),
    ("io", "", "WriteString", 0): Entry(
        ("WriteString", "Write"),
        "io/io.go: calls w.(StringWriter).WriteString(s) when it has one, else w.Write([]byte(s)); keeps nothing",
        "TestWriteString",
    ),
    ("io", "", "Copy", 1): Entry(
        ("WriteTo", "Read"),
        "io/io.go: copyBuffer calls src.(WriterTo).WriteTo(dst) when src has it, else src.Read into a buffer"
        " of its own (or dst.(ReaderFrom).ReadFrom(src)); it stores src nowhere",
        "TestCopySource",
    ),
    # The buffer, not a writer or reader: CopyBuffer hands it only to io.Reader's Read and io.Writer's Write.
    ("io", "", "CopyBuffer", 2): Entry(
        (),
        "io/io.go: CopyBuffer panics on an empty buf and calls copyBuffer, which calls src.(WriterTo).WriteTo(dst)"
        " or dst.(ReaderFrom).ReadFrom(src) when they have one, leaving buf unused, else src.Read(buf) and"
        " dst.Write(buf[0:nr]) until EOF; it stores buf nowhere",
        "TestCopyBuffer",
        relies=(READS, WRITES),
    ),
    # The buffer, not the reader: ReadFull is ReadAtLeast(r, buf, len(buf)), which hands it only to io.Reader's Read.
    **{
        ("io", "", name, 1): Entry(
            (),
            "io/io.go: ReadFull calls ReadAtLeast(r, buf, len(buf)); ReadAtLeast returns ErrShortBuffer when buf is"
            " shorter than min, else calls r.Read(buf[n:]) until n reaches min or an error; it stores buf nowhere",
            "TestReadFullBuffer",
            relies=(READS,),
        )
        for name in ("ReadFull", "ReadAtLeast")
    },
    # The bytes summed: the compiler says `leaking param` only because crc32 calls through a function variable.
    **{
        ("hash/crc32", "", name, index): Entry((), CRC32, "TestCRC32")
        for name, index in (("ChecksumIEEE", 0), ("Checksum", 0), ("Update", 2))
    },
    ("bytes", "Buffer", "WriteTo", 0): Entry(
        ("Write",),
        "bytes/buffer.go: WriteTo calls w.Write(b.buf[b.off:]) once when the buffer is not empty, then only"
        " compares the count and resets b; it stores w nowhere; no goroutine",
        "TestBufferWriteToWriter",
    ),
    ("encoding/json", "", "Unmarshal", 0): Entry(  # the bytes; decoding.py judges the target's decoding methods
        (),
        "encoding/json/decode.go: a decodeState local to the call stores copies (string(item), base64's, RawMessage's"
        " append); errors hold strings. go1.27's json/v2 (v2_decode.go): putBufferedDecoder sets d.s.buf = nil, errors"
        " Clone what they quote. Both hand data to the target's UnmarshalJSON, UnmarshalText, UnmarshalJSONFrom",
        "TestJSONUnmarshal",
        decodes=1,
    ),
    ("io", "", "ReadFull", 0): Entry(
        ("Read",),
        "io/io.go: ReadFull calls ReadAtLeast(r, buf, len(buf)), which calls r.Read(buf[n:]) until it is full; it"
        " stores r nowhere",
        "TestReadFull",
    ),
    ("encoding/binary", "", "Read", 0): Entry(
        ("Read",),
        "encoding/binary/binary.go: Read reads the data's size with io.ReadFull(r, bs) into its own bs and decodes"
        " that; it stores r nowhere",
        "TestBinaryRead",
    ),
    ("encoding/binary", "", "Write", 0): Entry(
        ("Write",),
        "encoding/binary/binary.go: Write encodes data into bs (data's own bytes for a []byte) or a buf it"
        " makes, and calls w.Write with it once, on either path; it stores w nowhere",
        "TestBinaryWrite",
    ),
    ("encoding/binary", "", "ReadUvarint", 0): Entry(
        ("ReadByte",),
        "encoding/binary/varint.go: ReadUvarint calls r.ReadByte() until the varint ends; it stores r nowhere",
        "TestBinaryRead",
    ),
    **{
        (package, "Template", method, 0): Entry(("Write",), TEMPLATE, "TestTemplateExecute")
        for package in ("text/template", "html/template")
        for method in ("Execute", "ExecuteTemplate")
    },
    ("strings", "Replacer", "WriteString", 0): Entry(
        ("WriteString", "Write"),
        "strings/replace.go: WriteString builds the replacer once (r.once.Do) and calls its WriteString(w, s);"
        " each replacer's (generic, single-string, byte, byte-string) calls getStringWriter(w), which is"
        " w.(io.StringWriter) or stringWriter{w} (its WriteString calls w.Write), and writes through it only;"
        " nothing stores w; no goroutine",
        "TestReplacerWriteString",
    ),
    ("encoding/json", "", "NewEncoder", 0): Entry(
        ("Write",),
        "encoding/json/stream.go: NewEncoder returns &Encoder{w: w}; Encode marshals into its own encodeState"
        " (from encodeStatePool) and calls enc.w.Write(b) once; SetIndent and SetEscapeHTML only set fields",
        "TestJSONEncoder",
        ("Encode", "SetIndent", "SetEscapeHTML"),
    ),
    ("encoding/xml", "", "NewEncoder", 0): Entry(
        ("Write", "WriteString"),
        "encoding/xml/marshal.go: NewEncoder returns &Encoder{printer{w: bufio.NewWriter(w)}}: w is held by that"
        " bufio.Writer only (as bufio's NewWriter below), which the printer writes through with Write, WriteString,"
        " WriteByte and Flush, never ReadFrom or Reset; Encode and EncodeElement hand p.encoder, the Encoder, to"
        " the values' MarshalXML methods (marshaling.py judges them), MarshalXMLAttr and MarshalText return what"
        " they make; EncodeToken stores no token; Indent sets fields; no goroutine",
        "TestXMLEncoder",
        ("Encode", "EncodeElement", "EncodeToken", "Flush", "Close", "Indent"),
    ),
    # Writers that compress or format into w: they hold it in what they return, and write to it only inside their own
    # methods' calls (no goroutine, no other store), so it is kept no longer than they are. gzip's, flate's and zlib's
    # declare no WriteString (gzip's embedded Header has no methods), in go1.24.11 and go1.27.3 alike, so
    # io.WriteString(zw, s) calls their Write: listing it lets that call through and clears nothing else (a direct
    # call would not compile).
    ("compress/gzip", "", "NewWriter", 0): Entry(
        ("Write", "WriteString"),
        "compress/gzip/gzip.go: NewWriter is NewWriterLevel, which returns a new Writer whose init stores w in"
        " z.w only; Write, Flush and Close write the header, trailer and flate's output (a flate.Writer made"
        " over z.w) with z.w.Write, and io.WriteString(z.w, s) for a header's Name or Comment; no goroutine",
        "TestGzipWriter",
        ("Write", "WriteString", "Flush", "Close"),
    ),
    ("compress/flate", "", "NewWriter", 0): Entry(
        ("Write",),
        "compress/flate/deflate.go: NewWriter returns &dw after dw.d.init(w, level), which stores w only in the"
        " huffmanBitWriter's writer field (an invalid level returns nil and an error that holds no w); Write,"
        " Flush and Close compress into the Writer's own state and hand its bytes to writer.Write; no goroutine",
        "TestFlateWriter",
        ("Write", "WriteString", "Flush", "Close"),
    ),
    # zlib's Writer is gzip's twin: the same header, flate stream and checksum trailer, over z.w.
    **{
        ("compress/zlib", "", name, 0): Entry(
            ("Write",),
            "compress/zlib/writer.go: NewWriter and NewWriterLevel call NewWriterLevelDict, which returns"
            " &Writer{w: w, …} (an invalid level returns nil and an error that holds no w); Write, Flush and"
            " Close write the header and the adler32 trailer with z.w.Write and compress through a flate.Writer"
            " made over z.w (flate.NewWriterDict); Reset, not listed, stores another w; no goroutine",
            "TestZlibWriter",
            ("Write", "WriteString", "Flush", "Close"),
        )
        for name in ("NewWriter", "NewWriterLevel", "NewWriterLevelDict")
    },
    ("compress/gzip", "", "NewWriterLevel", 0): Entry(
        ("Write", "WriteString"),
        "compress/gzip/gzip.go: NewWriterLevel returns nil and an error that holds no w for an invalid level,"
        " else a new Writer whose init stores w in z.w only, written as NewWriter's (above)",
        "TestGzipWriter",
        ("Write", "WriteString", "Flush", "Close"),
    ),
    # Stream encoders: &encoder{…, w: w}; Write and Close encode into the encoder's own out array and hand it to
    # e.w.Write. They declare no WriteString, so io.WriteString(enc, s) calls their Write: listing it lets that call
    # through and clears nothing else (a direct call would not compile).
    **{
        (package, "", "NewEncoder", index): Entry(
            ("Write",),
            f"{source}: NewEncoder returns &encoder{{…, w: w}}; its Write and Close encode into the encoder's own"
            " out array and hand slices of it to e.w.Write; nothing else stores w; no goroutine",
            "TestEncoders",
            ("Write", "WriteString", *closes),
        )
        for package, source, index, closes in (
            ("encoding/base64", "encoding/base64/base64.go", 1, ("Close",)),
            ("encoding/base32", "encoding/base32/base32.go", 1, ("Close",)),
            ("encoding/ascii85", "encoding/ascii85/ascii85.go", 0, ("Close",)),
            ("encoding/hex", "encoding/hex/hex.go", 0, ()),
        )
    },
    # bufio.Writer's WriteString hands a long string to w.WriteString when w has it and the buffer is empty.
    # NewWriterSize returns w itself when w is a *bufio.Writer of at least the size: then the listed methods run on w,
    # and bufio's own (CONTRACTS) keep nothing of their receiver.
    **{
        ("bufio", "", name, 0): Entry(
            ("Write", "WriteString"),
            "bufio/bufio.go: NewWriterSize returns w itself when it is a large enough *Writer, else"
            " &Writer{buf: make([]byte, size), wr: w}; Write, WriteString, WriteByte, WriteRune and Flush copy"
            " into b.buf and hand b.buf[0:b.n] or p to b.wr.Write, or s to b.wr.WriteString; Reset and ReadFrom"
            " (which hands w to w.ReadFrom(r) when w has one: a bytes.Buffer does) are not listed; no goroutine",
            "TestBufioNewWriter",
            ("Write", "WriteString", "WriteByte", "WriteRune", "Flush", "Buffered", "Available", "Size"),
        )
        for name in ("NewWriter", "NewWriterSize")
    },
    # The bytes written (read into), not the receiver: bufio copies p into (out of) its own b.buf, or, for a p at
    # least as long as what is left of b.buf, hands p itself to the io.Writer (io.Reader) it wraps. The compiler says
    # `leaking param: p` for that hand-off, which rests on io's contract, as a direct w.Write(p) does.
    ("bufio", "Writer", "Write", 0): Entry(
        (),
        "bufio/bufio.go: Write copies p into b.buf[b.n:], or, while p is longer than b.Available() and nothing is"
        " buffered, hands p itself to b.wr.Write; Flush hands b.buf[0:b.n], not p; it stores p nowhere",
        "TestBufioWriterBytes",
        relies=(WRITES,),
    ),
    ("bufio", "Reader", "Read", 0): Entry(
        (),
        "bufio/bufio.go: Read copies b.buf[b.r:b.w] into p, or, when nothing is buffered and p is at least"
        " len(b.buf), hands p itself to b.rd.Read and reads p[n-1] (lastByte); it stores p nowhere",
        "TestBufioReaderBytes",
        relies=(READS,),
    ),
    # tabwriter holds output in b.output and calls nothing else of it (no type assertion of it either): a bytes.Buffer
    # may stand for a strings.Builder there.
    ("text/tabwriter", "", "NewWriter", 0): Entry(
        ("Write",),
        "text/tabwriter/tabwriter.go: NewWriter is new(Writer).Init(output, …), which stores output in b.output"
        " only; Write and Flush format into b.buf, b.lines and b.widths and write0 hands slices of them to"
        " b.output.Write, the only use of output; its one type assertion is handlePanic's of a recovered value;"
        " Init, not listed, stores another output; no goroutine",
        "TestTabwriterNewWriter",
        ("Write", "WriteString", "Flush"),  # it declares no WriteString: io.WriteString(tw, s) calls its Write
    ),
    ("encoding/csv", "", "NewWriter", 0): Entry(
        ("Write", "WriteString"),
        "encoding/csv/writer.go: NewWriter returns &Writer{Comma: ',', w: bufio.NewWriter(w)}: w is held by that"
        " bufio.Writer only; Write, WriteAll, Flush and Error call its WriteRune, WriteString, WriteByte,"
        " Write and Flush (as bufio's NewWriter above), never its ReadFrom, Reset or AvailableBuffer; no goroutine",
        "TestCSVWriter",
        ("Write", "WriteAll", "Flush", "Error"),
    ),
    ("mime/quotedprintable", "", "NewWriter", 0): Entry(
        ("Write",),
        "mime/quotedprintable/writer.go: NewWriter returns &Writer{w: w}; Write and Close encode into the"
        " Writer's own line array and hand w.line[:w.i] to w.w.Write (flush); nothing else stores w; no goroutine",
        "TestQuotedPrintableWriter",
        ("Write", "WriteString", "Close"),  # it declares no WriteString: io.WriteString(qp, s) calls its Write
    ),
    ("encoding/gob", "", "NewEncoder", 0): Entry(
        ("Write",),
        "encoding/gob/encoder.go: NewEncoder stores w only in enc.w ([]io.Writer{w}); Encode and EncodeValue"
        " encode into the Encoder's own encBuffers and writeMessage hands a slice of one to w.Write; the values'"
        " GobEncode, MarshalBinary and MarshalText methods return bytes and never see the Encoder; no goroutine",
        "TestGobEncoder",
        ("Encode", "EncodeValue"),
    ),
    ("mime/multipart", "", "NewWriter", 0): Entry(
        ("Write",),
        "mime/multipart/writer.go: NewWriter returns &Writer{w: w, …}; CreatePart writes a part's header with"
        " io.Copy(w.w, &b) (a bytes.Buffer: b.WriteTo(w.w), a Write), Close with fmt.Fprintf(w.w, …), and a part's"
        " Write calls p.mw.w.Write(d); a part holds only mw, which keeps it in lastpart; no goroutine",
        "TestMultipartWriter",
        ("WriteField", "Close", "SetBoundary", "Boundary", "FormDataContentType"),
        parts=("CreatePart", "CreateFormFile", "CreateFormField"),
        part=("Write", "WriteString"),  # a *part declares no WriteString: io.WriteString(p, s) calls its Write
    ),
    ("encoding/hex", "", "Dumper", 0): Entry(
        ("Write",),
        "encoding/hex/hex.go: Dumper returns &dumper{w: w}; its Write and Close format into the dumper's own"
        " buf and rightChars and hand them to h.w.Write; nothing else stores w",
        "TestHexDumper",
        ("Write", "Close"),
    ),
}
