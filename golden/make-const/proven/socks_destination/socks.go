// Package socks logs the destinations a SOCKS5 proxy connects to.
package socks

import (
	"encoding/binary"
	"encoding/hex"
	"hash/adler32"
	"net"
)

// LogKey is the connection log's key for a destination: the SOCKS5 address type (1 for IPv4, 4 for IPv6), the
// address in hex and the port, folded to an Adler-32. It is 0 for an address that is neither.
func LogKey(ip net.IP, port uint16) uint32 {
	atyp := byte(4)
	if v4 := ip.To4(); v4 != nil {
		ip = v4
		atyp = 1
	} else if ip = ip.To16(); ip == nil {
		return 0
	}
	key := make([]byte, 0, 1+hex.EncodedLen(len(ip))+2) // want(<go1.25) "make\\(\\[\\]byte, 0, 1 \\+ \\(~r0\\) \\+ 2\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, 1 \\+ \\(~r0\\) \\+ 2\\) does not escape"
	key = append(key, atyp)
	key = hex.AppendEncode(key, ip)
	key = binary.BigEndian.AppendUint16(key, port)
	return adler32.Checksum(key)
}
