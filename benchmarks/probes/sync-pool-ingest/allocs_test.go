package ingest

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func header(kind uint16, length uint32) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint16(b, kind)
	binary.BigEndian.PutUint32(b[4:], length)
	return b
}

func entry(seq uint64, op byte, key uint64, val string) []byte {
	b := make([]byte, entrySize)
	binary.LittleEndian.PutUint64(b[4:], seq)
	b[12] = op
	binary.LittleEndian.PutUint64(b[13:], key)
	copy(b[21:45], val)
	binary.LittleEndian.PutUint32(b, crc32.ChecksumIEEE(b[4:]))
	return b
}

func member(name string, size int) []byte {
	b := make([]byte, smallBlock)
	copy(b, name)
	copy(b[32:], []byte(string(rune('0'+size/8))+string(rune('0'+size%8))))
	return append(b, bytes.Repeat([]byte{'x'}, size)...)
}

func logRecord(nanos int64, level uint8) []byte {
	b := make([]byte, binRecord)
	binary.BigEndian.PutUint64(b, uint64(nanos))
	b[8] = level
	binary.BigEndian.PutUint32(b[20:], crc32.ChecksumIEEE(b[:20]))
	return b
}

func TestFrames(t *testing.T) {
	hdrs := bytes.Join([][]byte{header(1, 0), header(2, 0), header(1, 0), header(3, 0)}, nil)
	r := bytes.NewReader(hdrs)
	kinds := map[uint16]int{}
	if err := CountKinds(r, 4, kinds); err != nil || kinds[1] != 2 || kinds[3] != 1 {
		t.Fatal(kinds, err)
	}
	allocs(t, "CountKinds", func() { r.Reset(hdrs); CountKinds(r, 4, kinds) })
	allocs(t, "SumLengths", func() { r.Reset(hdrs); SumLengths(r) })

	frames := bytes.Join([][]byte{header(1, 3), []byte("abc"), header(2, 5), []byte("hello")}, nil)
	got := 0
	if err := Payloads(bytes.NewReader(frames), func(k uint16, n int) { got += n }); err != nil || got != 8 {
		t.Fatal(got, err)
	}
	allocs(t, "Payloads", func() { r.Reset(frames); Payloads(r, func(uint16, int) {}) })

	sixteen := bytes.Repeat([]byte("0123456789abcdef"), 3)
	sixteen[16] = 'X'
	if out, _ := CollectFrames(bytes.NewReader(sixteen), 3); out[0][0] != '0' || out[1][0] != 'X' {
		t.Fatalf("%q", out)
	}
	if last := LastFrame(bytes.NewReader(sixteen[:32])); last[0] != 'X' {
		t.Fatalf("%q", last)
	}
	if idx := FrameIndex(bytes.NewReader(sixteen), 3); len(idx) != 2 || idx[binary.BigEndian.Uint32(sixteen)][0] != '0' {
		t.Fatalf("%q", idx)
	}
	if seen := KeyedCounts(bytes.NewReader(sixteen), 12); seen["0123"] != 2 || seen["X123"] != 1 {
		t.Fatal(seen)
	}
	allocs(t, "KeyedCounts", func() { r.Reset(sixteen); KeyedCounts(r, 12) })
	if tails := Tails(bytes.NewReader(sixteen), 3); string(tails[0]) != "456789abcdef" || len(tails) != 3 {
		t.Fatalf("%q", tails)
	}
	ch := make(chan []byte, 3)
	go Stream(bytes.NewReader(sixteen), ch)
	var streamed []byte
	for b := range ch {
		streamed = append(streamed, b[0])
	}
	if string(streamed) != "0X0" {
		t.Fatalf("%q", streamed)
	}
	var bodies []string
	VarFrames(bytes.NewReader([]byte{0, 0, 0, 2, 'h', 'i', 0, 0, 0, 1, '!'}), func(b []byte) { bodies = append(bodies, string(b)) })
	if len(bodies) != 2 || bodies[1] != "!" {
		t.Fatal(bodies)
	}
	lens := []byte{0, 3, 1, 2, 3, 0, 1, 4}
	if sum, err := LengthSum(bytes.NewReader(lens), 2); sum != 10 || err != nil {
		t.Fatal(sum, err)
	}
	allocs(t, "LengthSum", func() { r.Reset(lens); LengthSum(r, 2) })

	br := bufio.NewReader(r)
	r.Reset(frames)
	if k, err := PeekKinds(br, 2); err != nil || k[1] != 2 {
		t.Fatal(k, err)
	}
	allocs(t, "PeekKinds", func() { r.Reset(frames); br.Reset(r); PeekKinds(br, 2) })
	if sums, err := Checksums(bytes.NewReader(sixteen[:32]), 1); err != nil || sums[0] != crc32.ChecksumIEEE(sixteen[:32]) {
		t.Fatal(sums, err)
	}
	allocs(t, "Checksums", func() { r.Reset(sixteen); Checksums(r, 1) })
}

func TestWAL(t *testing.T) {
	seg := bytes.Join([][]byte{entry(1, 'P', 7, "seven"), entry(2, 'P', 8, "eight"), entry(3, 'D', 7, ""), entry(4, 'C', 2, "")}, nil)
	r := bytes.NewReader(seg)
	state := map[uint64][24]byte{}
	if last, err := Replay(r, state); err != nil || last != 4 || len(state) != 1 || state[8][0] != 'e' {
		t.Fatal(last, err, state)
	}
	allocs(t, "Replay", func() { r.Reset(seg); Replay(r, state) })
	r2 := bytes.NewReader(seg)
	if n, err := ReplaySegments([]io.Reader{r, r2}, state); err != nil {
		t.Fatal(n, err)
	}
	segs := []io.Reader{r, r2}
	allocs(t, "ReplaySegments", func() { r.Reset(seg); r2.Reset(seg); ReplaySegments(segs, state) })
	if tail, _ := Tail(bytes.NewReader(seg), 2); len(tail) != 2 || tail[0][12] != 'D' || tail[1][12] != 'C' {
		t.Fatalf("%q", tail)
	}
	if p, _ := Uncommitted(bytes.NewReader(seg)); len(p) != 1 || p[1].Raw[12] != 'P' || p[1].Seq != 1 {
		t.Fatal(p)
	}
	if good, err := Verify(bytes.NewReader(seg)); good != 4 || err != nil {
		t.Fatal(good, err)
	}
	allocs(t, "Verify", func() { r.Reset(seg); Verify(r) })
	segHdr := make([]byte, 16)
	binary.LittleEndian.PutUint32(segHdr, 0x57414c31)
	binary.LittleEndian.PutUint64(segHdr[8:], 42)
	h1, h2 := bytes.NewReader(segHdr), bytes.NewReader(segHdr)
	if f, err := FirstSeqs([]io.Reader{h1, h2}); err != nil || f[1] != 42 {
		t.Fatal(f, err)
	}
	hs := []io.Reader{h1, h2}
	allocs(t, "FirstSeqs", func() { h1.Reset(segHdr); h2.Reset(segHdr); FirstSeqs(hs) })
	var out bytes.Buffer
	if n, err := Compact(bytes.NewReader(seg), &out, map[uint64]bool{8: true}); n != 1 || err != nil || out.Len() != entrySize {
		t.Fatal(n, err)
	}
	allocs(t, "Compact", func() { r.Reset(seg); out.Reset(); Compact(r, &out, map[uint64]bool{8: true}) })
	bad := append(append([]byte{}, seg...), entry(5, 'P', 1, "x")...)
	bad[len(bad)-1] ^= 1
	var logged []string
	if n, err := ReplayLogged(bytes.NewReader(bad), func(f string, a ...any) { logged = append(logged, f) }); n != 4 || err == nil || len(logged) != 5 {
		t.Fatal(n, err, logged)
	}
}

func TestArchive(t *testing.T) {
	arc := bytes.Join([][]byte{member("a.txt", 3), member("b.txt", 10), make([]byte, smallBlock)}, nil)
	r := bytes.NewReader(arc)
	if m, err := List(r); err != nil || len(m) != 2 || m[1].Name != "b.txt" || m[1].Size != 10 {
		t.Fatal(m, err)
	}
	allocs(t, "List", func() { r.Reset(arc); List(r) })
	if body, err := Find(bytes.NewReader(arc), "b.txt"); err != nil || len(body) != 10 {
		t.Fatal(body, err)
	}
	if h, err := Headers(bytes.NewReader(arc)); err != nil || len(h) != 2 || string(h[0][:5]) != "a.txt" {
		t.Fatalf("%q %v", h, err)
	}
	if n, err := Names(bytes.NewReader(arc)); err != nil || n[1] != "b.txt" {
		t.Fatal(n, err)
	}
	allocs(t, "Names", func() { r.Reset(arc); Names(r) })
	total := 0
	if err := SmallFiles(bytes.NewReader(arc), func(_ string, d []byte) { total += len(d) }); err != nil || total != 13 {
		t.Fatal(total, err)
	}
	allocs(t, "SmallFiles", func() { r.Reset(arc); SmallFiles(r, func(string, []byte) {}) })
	big := make([]byte, 2*blockSize)
	copy(big, "c.bin")
	copy(big[32:], "0")
	if n, err := TotalSize(bytes.NewReader(big)); err != nil || n != 0 {
		t.Fatal(n, err)
	}
	allocs(t, "TotalSize", func() { r.Reset(big); TotalSize(r) })
}

func TestRecords(t *testing.T) {
	csv := bytes.Repeat([]byte("a,b\tc\n"), 50)
	r := bytes.NewReader(csv)
	if n, err := CountRows(r); n != 50 || err != nil {
		t.Fatal(n, err)
	}
	allocs(t, "CountRows", func() { r.Reset(csv); CountRows(r) })
	if n, err := CountFields(bytes.NewReader(csv)); n != 100 || err != nil {
		t.Fatal(n, err)
	}
	allocs(t, "CountFields", func() { r.Reset(csv); CountFields(r) })
	cols := []byte("      12 xxxxxxx      30 yyyyyyy")
	if s, err := SumColumn(bytes.NewReader(cols), 2); s != 42 || err != nil {
		t.Fatal(s, err)
	}
	allocs(t, "SumColumn", func() { r.Reset(cols); SumColumn(r, 2) })
	// A reader that returns 20 bytes per Read: the 12 bytes past them are make's zeros.
	full := bytes.Repeat([]byte{1}, 40)
	if z, err := NullCount(io.LimitReader(&chunky{b: full}, 40), 3); z != 12+12 || err != nil {
		t.Fatal(z, err)
	}
	cr := &chunky{}
	allocs(t, "NullCount", func() { cr.b = full; NullCount(cr, 2) })
	if s, err := RecordSums(&chunky{b: full}, 2); err != nil || s[0] != 20 || s[1] != 20 {
		t.Fatal(s, err)
	}
	allocs(t, "RecordSums", func() { cr.b = full; RecordSums(cr, 2) })
	logs := bytes.Join([][]byte{logRecord(1, 1), logRecord(2, 4), logRecord(3, 3)}, nil)
	out := make([]LogRecord, 3)
	if n, err := DecodeLog(bytes.NewReader(logs), 3, out); n != 3 || err != nil || out[1].Level != 4 {
		t.Fatal(n, err, out)
	}
	allocs(t, "DecodeLog", func() { r.Reset(logs); DecodeLog(r, 3, out) })
	if m, err := MaxLevel(bytes.NewReader(logs)); m != 4 || err != nil {
		t.Fatal(m, err)
	}
	allocs(t, "MaxLevel", func() { r.Reset(logs); MaxLevel(r) })
	if e, first, err := Errors(bytes.NewReader(logs)); len(e) != 2 || first[8] != 4 || err != nil {
		t.Fatal(e, first, err)
	}
	blocks := make([]byte, 128)
	for i := range blocks[:60] {
		blocks[i], blocks[64+i] = byte(i), byte(2*i)
	}
	binary.LittleEndian.PutUint32(blocks[60:], crc32.ChecksumIEEE(blocks[:60]))
	binary.LittleEndian.PutUint32(blocks[124:], crc32.ChecksumIEEE(blocks[64:124]))
	if bad, err := BlockCRCs(bytes.NewReader(blocks), 2); bad != 0 || err != nil {
		t.Fatal(bad, err)
	}
	allocs(t, "BlockCRCs", func() { r.Reset(blocks); BlockCRCs(r, 2) })
	if b, err := ReadBlocks(bytes.NewReader(blocks), 2); err != nil || b[0].Data[1] != 1 || b[1].Data[1] != 2 {
		t.Fatal(b, err)
	}
	if d, err := Digest(bytes.NewReader(csv)); err != nil || d != crc32.ChecksumIEEE(csv) {
		t.Fatal(d, err)
	}
	allocs(t, "Digest", func() { r.Reset(csv); Digest(r) })
}

// chunky returns at most 20 bytes per Read.
type chunky struct{ b []byte }

func (c *chunky) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), 20)], c.b)
	c.b = c.b[n:]
	return n, nil
}

func msg(typ, id uint32, body string) []byte {
	b := make([]byte, 12)
	binary.BigEndian.PutUint32(b, typ)
	binary.BigEndian.PutUint32(b[4:], id)
	binary.BigEndian.PutUint32(b[8:], uint32(len(body)))
	return append(b, body...)
}

type loop struct {
	io.Reader
	io.Writer
}

func TestNet(t *testing.T) {
	stream := bytes.Join([][]byte{msg(1, 10, "hello"), msg(2, 11, "hi")}, nil)
	r := bytes.NewReader(stream)
	var seen []string
	if err := Serve(r, func(typ uint32, b []byte) error { seen = append(seen, string(b)); return nil }); err != nil || seen[1] != "hi" {
		t.Fatal(seen, err)
	}
	allocs(t, "Serve", func() { r.Reset(stream); Serve(r, func(uint32, []byte) error { return nil }) })
	if m, err := Inbox(bytes.NewReader(stream), 2); err != nil || string(m[0].Body) != "hello" || m[1].ID != 11 {
		t.Fatal(m, err)
	}
	pings := []byte("PING0001PING0002")
	var pongs bytes.Buffer
	if err := Pings(loop{bytes.NewReader(pings), &pongs}, 2); err != nil || pongs.String() != "PONG0001PONG0002" {
		t.Fatal(pongs.String(), err)
	}
	allocs(t, "Pings", func() { r.Reset(pings); pongs.Reset(); Pings(loop{r, &pongs}, 2) })
	events := bytes.Repeat([]byte("EVT\x00\x00\x00\x00\x07........"), 3)
	events[16] = 'X'
	total := make(chan byte, 3)
	if err := Fanout(bytes.NewReader(events), 3, func(ev []byte) { total <- ev[0] }); err != nil {
		t.Fatal(err)
	}
	close(total)
	xs := 0
	for c := range total {
		if c == 'X' {
			xs++
		}
	}
	if xs != 1 {
		t.Fatal(xs)
	}
	fns, _ := Later(bytes.NewReader(events), 3)
	if fns[0]() != binary.BigEndian.Uint32([]byte("EVT\x00")) || fns[1]() != binary.BigEndian.Uint32([]byte("XVT\x00")) {
		t.Fatal(fns[0](), fns[1]())
	}
	if ids, err := IDs(bytes.NewReader(events), 3); err != nil || ids[2] != 7 {
		t.Fatal(ids, err)
	}
	allocs(t, "IDs", func() { r.Reset(events); IDs(r, 3) })
	br := bufio.NewReader(r)
	r.Reset(stream[:17])
	if ty, err := SniffTypes(br, 1); err != nil || ty[0] != 1 {
		t.Fatal(ty, err)
	}
	allocs(t, "SniffTypes", func() { r.Reset(events); br.Reset(r); SniffTypes(br, 3) })
	recs := bytes.Repeat([]byte("0123456789abcdef0123456789ABCDEF"), 2)
	var dst bytes.Buffer
	u := &Uploader{Dst: &dst}
	if err := u.Upload(bytes.NewReader(recs), 2); err != nil || dst.String() != "0 "+string(recs[:32])+"\n1 "+string(recs[32:])+"\n" {
		t.Fatal(dst.String(), err)
	}
	allocs(t, "Upload", func() { r.Reset(recs); dst.Reset(); u.Upload(r, 2) })
	dst.Reset()
	if n, err := u.UploadRaw(bytes.NewReader(recs), 2); n != 64 || err != nil || !bytes.Equal(dst.Bytes(), recs) {
		t.Fatal(n, err)
	}
	allocs(t, "UploadRaw", func() { r.Reset(recs); dst.Reset(); u.UploadRaw(r, 2) })
	var b batch
	recs[32] = 'Z'
	if err := b.Stage(bytes.NewReader(recs), 2); err != nil || b.recs[0][0] != '0' || b.recs[1][0] != 'Z' {
		t.Fatal(err)
	}
	hello := []byte("HELO\x00\x02....")
	c1, c2 := bytes.NewReader(hello), bytes.NewReader(hello)
	if v, err := Handshakes([]io.Reader{c1, c2}); err != nil || v[1] != 2 {
		t.Fatal(v, err)
	}
	cs := []io.Reader{c1, c2}
	allocs(t, "Handshakes", func() { c1.Reset(hello); c2.Reset(hello); Handshakes(cs) })
}
