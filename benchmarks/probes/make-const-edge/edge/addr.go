// Package edge holds the small text codecs an HTTP edge proxy runs on every request:
// client addresses, forwarded-for chains, MAC addresses of the access network,
// DNS names of upstreams, header names, cookies and tokens, digests in logs.
package edge

import (
	"errors"
	"net"
	"net/netip"
	"strconv"
)

var errBadMAC = errors.New("edge: malformed MAC address")

// hexDigits is the lowercase alphabet every formatter here uses.
const hexDigits = "0123456789abcdef"

// FormatMAC writes a hardware address as colon-separated hex octets (aa:bb:cc:dd:ee:ff).
// EUI-48 and EUI-64 are the only lengths the access network sends.
func FormatMAC(hw []byte) string {
	if len(hw) != 6 && len(hw) != 8 {
		return ""
	}
	buf := make([]byte, 0, len(hw)*3)
	for i, b := range hw {
		if i > 0 {
			buf = append(buf, ':')
		}
		buf = append(buf, hexDigits[b>>4], hexDigits[b&0x0f])
	}
	return string(buf)
}

// ParseMAC parses aa:bb:cc:dd:ee:ff or aa-bb-cc-dd-ee-ff into out and reports how many octets it wrote.
func ParseMAC(s string, out *[8]byte) (int, error) {
	if len(s) != 17 && len(s) != 23 {
		return 0, errBadMAC
	}
	n := (len(s) + 1) / 3
	octets := make([]byte, n)
	for i := 0; i < n; i++ {
		hi, ok1 := unhex(s[3*i])
		lo, ok2 := unhex(s[3*i+1])
		if !ok1 || !ok2 {
			return 0, errBadMAC
		}
		if i < n-1 && s[3*i+2] != ':' && s[3*i+2] != '-' {
			return 0, errBadMAC
		}
		octets[i] = hi<<4 | lo
	}
	return copy(out[:], octets), nil
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// IPv6Fingerprint is a compact hex form of an address for rate-limit keys: 32 hex digits, no colons.
func IPv6Fingerprint(ip net.IP) string {
	ip16 := ip.To16()
	if ip16 == nil {
		return ""
	}
	dst := make([]byte, net.IPv6len*2)
	for i, b := range ip16 {
		dst[2*i] = hexDigits[b>>4]
		dst[2*i+1] = hexDigits[b&0x0f]
	}
	return string(dst)
}

// ReverseName gives the in-addr.arpa / ip6.arpa name of an address, for PTR lookups.
func ReverseName(addr netip.Addr) string {
	if addr.Is4() {
		a4 := addr.As4()
		b := make([]byte, 0, len(a4)*4+len("in-addr.arpa."))
		for i := len(a4) - 1; i >= 0; i-- {
			b = strconv.AppendUint(b, uint64(a4[i]), 10)
			b = append(b, '.')
		}
		b = append(b, "in-addr.arpa."...)
		return string(b)
	}
	a16 := addr.As16()
	b := make([]byte, 0, len(a16)*4+len("ip6.arpa."))
	for i := len(a16) - 1; i >= 0; i-- {
		v := a16[i]
		b = append(b, hexDigits[v&0xf], '.', hexDigits[v>>4], '.')
	}
	b = append(b, "ip6.arpa."...)
	return string(b)
}

// MaskBits renders a prefix's mask as dotted quads for legacy ACL exports ("255.255.240.0").
func MaskBits(p netip.Prefix) string {
	if !p.Addr().Is4() {
		return ""
	}
	mask := net.CIDRMask(p.Bits(), 32)
	out := make([]byte, 0, net.IPv4len*4)
	for i, m := range mask {
		if i > 0 {
			out = append(out, '.')
		}
		out = strconv.AppendUint(out, uint64(m), 10)
	}
	return string(out)
}

// ForwardedFor appends the client address to an X-Forwarded-For chain. The chain is attacker-controlled,
// so its size is whatever the request says.
func ForwardedFor(chain string, client netip.Addr) string {
	ip := client.String()
	b := make([]byte, 0, len(chain)+2+len(ip))
	if chain != "" {
		b = append(b, chain...)
		b = append(b, ", "...)
	}
	b = append(b, ip...)
	return string(b)
}

// CIDRKey turns a prefix into the fixed-width key the route table sorts by: 16 address bytes and the bits.
func CIDRKey(p netip.Prefix) [17]byte {
	var k [17]byte
	a := p.Addr().As16()
	raw := make([]byte, 0, net.IPv6len+1)
	raw = append(raw, a[:]...)
	raw = append(raw, byte(p.Bits()))
	copy(k[:], raw)
	return k
}
