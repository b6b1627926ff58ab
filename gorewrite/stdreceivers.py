"""std methods whose verdict on their receiver retention.py clears (stdtable.py's Entry: each cites the std source
and is proven by its Go test in tests/retention/retention_test.go)."""

from __future__ import annotations

from gorewrite.stdtable import READS, WRITES, Entry

# Methods the compiler reports as `leaking param content` of their receiver only because they store the receiver's own
# storage back into it (b.buf = append(b.buf, …)): nothing outside keeps it.
SELF_STORES: dict[tuple[str, str, str], Entry] = {
    ("bytes", "Buffer", "WriteRune"): Entry(
        (),
        "bytes/buffer.go: WriteRune grows b.buf and stores utf8.AppendRune(b.buf[:m], r) back in b.buf, nowhere else",
        "TestBufferWriteRune",
    ),
}


# Methods the compiler reports as `leaking param content` of their receiver only because they hand the receiver's
# storage to an interface method whose contract is not to retain it: a pooled buffer relies on that contract (as bufio
# and fmt do), and the fix's summary says so. tabwriter's are reported as `leaking param: b` besides: its format is
# recursive, and the compiler's escape analysis lets every parameter of a recursive call leak.
BUFIO_WRITER = (
    "bufio/bufio.go: Write, WriteString, WriteByte, WriteRune and Flush copy into b.buf and hand"
    " b.buf[0:b.n] (or p itself) to b.wr.Write; io.Writer: implementations must not retain p"
)
TABWRITER = (
    "text/tabwriter/tabwriter.go: Write appends to b.buf, b.lines and b.widths, and Flush (and a Write"
    " ending a block) formats them, handing slices of b.buf to b.output.Write; b is stored nowhere, and"
    " format's recursion is what makes the compiler say `leaking param: b`; io.Writer: must not retain p"
)
BUFIO_READER = (
    "bufio/bufio.go: Read, ReadByte, ReadRune, ReadString, ReadBytes and Discard fill b.buf through"
    " b.rd.Read(b.buf[b.w:]) (Read may hand p itself) and return copies or values; io.Reader: implementations"
    " must not retain p. Peek, ReadSlice and ReadLine return b.buf itself and are not listed"
)
CONTRACTS: dict[tuple[str, str, str], Entry] = {
    **{
        ("bufio", "Writer", method): Entry((), BUFIO_WRITER, "TestBufioWriter", relies=(WRITES,))
        for method in ("Write", "WriteString", "WriteByte", "WriteRune", "Flush")
    },
    **{
        ("text/tabwriter", "Writer", method): Entry(
            (), TABWRITER, "TestTabwriter", relies=(WRITES,), clears="leaking param"
        )
        for method in ("Write", "Flush")
    },
    **{
        ("bufio", "Reader", method): Entry((), BUFIO_READER, "TestBufioReader", relies=(READS,))
        for method in ("Read", "ReadByte", "ReadRune", "ReadString", "ReadBytes", "Discard")
    },
    ("bytes", "Buffer", "WriteTo"): Entry(
        (),
        "bytes/buffer.go: WriteTo hands b.buf[b.off:] to w.Write once and empties b; io.Writer:"
        " implementations must not retain p",
        "TestBufferWriteTo",
        relies=(WRITES,),
    ),
    ("bytes", "Buffer", "ReadFrom"): Entry(
        (),
        "bytes/buffer.go: ReadFrom grows b.buf and hands b.buf[i:cap(b.buf)] to r.Read; io.Reader:"
        " implementations must not retain p",
        "TestBufferReadFrom",
        relies=(READS,),
    ),
}
