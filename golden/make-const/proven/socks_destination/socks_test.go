package socks

import (
	"encoding/binary"
	"encoding/hex"
	"hash/adler32"
	"net"
	"testing"
)

func TestBehaviour(t *testing.T) {
	for _, c := range []struct {
		ip   net.IP
		atyp byte
		hex  string
	}{
		{net.ParseIP("192.0.2.7"), 1, "c0000207"},
		{net.IPv4(192, 0, 2, 7).To4(), 1, "c0000207"},
		{net.ParseIP("2001:db8::1"), 4, "20010db8000000000000000000000001"},
	} {
		want := append([]byte{c.atyp}, c.hex...)
		want = binary.BigEndian.AppendUint16(want, 1080)
		if got := LogKey(c.ip, 1080); got != adler32.Checksum(want) {
			t.Fatal(c.ip, got)
		}
	}
	if got := LogKey(net.IP{1, 2, 3}, 1080); got != 0 {
		t.Fatal(got)
	}
	_ = hex.EncodedLen
}

func TestAllocs(t *testing.T) {
	ip := net.ParseIP("2001:db8::1")
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _ = LogKey(ip, 1080) }))
}
