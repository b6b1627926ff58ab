package frame

import (
	"bytes"
	"io"
	"net"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	rec := append([]byte{7, 150}, make([]byte, 150)...)
	rd := bytes.NewReader(rec)
	allocs(t, "TLVSum", func() { rd.Reset(rec); TLVSum(rd) })
	dst := make([]byte, 0, 512)
	val := make([]byte, 100)
	allocs(t, "AppendTLV", func() { AppendTLV(dst, 1, val) })
	pl := make([]byte, 300)
	allocs(t, "WriteFrame", func() { WriteFrame(io.Discard, pl) })
	var fb bytes.Buffer
	WriteFrame(&fb, pl)
	fr := fb.Bytes()
	frd := bytes.NewReader(fr)
	allocs(t, "FrameOK", func() { frd.Reset(fr); FrameOK(frd) })
	ip6 := net.ParseIP("2001:db8::1")
	allocs(t, "SOCKS5Addr", func() { SOCKS5Addr(ip6, 443) })
	allocs(t, "SOCKS5Domain", func() { SOCKS5Domain(io.Discard, "storage.eu-west-1.example.com", 443) })
	recs := make([]byte, 64*10)
	srd := bytes.NewReader(recs)
	allocs(t, "Scan", func() { srd.Reset(recs); Scan(srd, 64, 10, func(uint64) {}) })
	flags := make([]bool, 50)
	allocs(t, "PackFlags", func() { PackFlags(flags) })
	vs := make([]uint16, 100)
	allocs(t, "PackBits", func() { PackBits(vs, 12) })
	pkt := make([]byte, 60)
	pkt[0] = 0x4f
	allocs(t, "Checksum16", func() { Checksum16(pkt) })
}
