package edge

import (
	"encoding/base64"
	"encoding/hex"
	"net"
	"net/netip"
	"net/textproto"
)

// ClientKey is the rate limiter's key for a client: "v4:" or "v6:" and the address in hex.
func ClientKey(ip net.IP) string {
	prefix := "v6:"
	if v4 := ip.To4(); v4 != nil {
		ip = v4
		prefix = "v4:"
	} else if ip = ip.To16(); ip == nil {
		return ""
	}
	key := make([]byte, 0, len(prefix)+hex.EncodedLen(len(ip)))
	key = append(key, prefix...)
	key = hex.AppendEncode(key, ip)
	return string(key)
}

// SubnetOf masks an address to its /24 or /64 for aggregation, as raw bytes in a scratch slice.
func SubnetOf(addr netip.Addr) netip.Addr {
	raw := addr.AsSlice()
	masked := make([]byte, len(raw))
	copy(masked, raw)
	keep := 3
	if len(raw) == net.IPv6len {
		keep = 8
	}
	for i := keep; i < len(masked); i++ {
		masked[i] = 0
	}
	out, _ := netip.AddrFromSlice(masked)
	return out
}

// TraceParent builds a W3C traceparent header from a 16-byte trace ID and an 8-byte span ID.
func TraceParent(trace [16]byte, span [8]byte, sampled bool) string {
	tid := hex.EncodeToString(trace[:])
	sid := hex.EncodeToString(span[:])
	b := make([]byte, 0, 3+len(tid)+1+len(sid)+3)
	b = append(b, "00-"...)
	b = append(b, tid...)
	b = append(b, '-')
	b = append(b, sid...)
	if sampled {
		b = append(b, "-01"...)
	} else {
		b = append(b, "-00"...)
	}
	return string(b)
}

// BasicAuth builds an Authorization header value for an upstream with short credentials.
func BasicAuth(user, pass string) string {
	if len(user) > 64 || len(pass) > 64 {
		return ""
	}
	cred := make([]byte, 0, len(user)+1+len(pass))
	cred = append(cred, user...)
	cred = append(cred, ':')
	cred = append(cred, pass...)
	enc := base64.StdEncoding.EncodeToString(cred)
	h := make([]byte, 0, len("Basic ")+len(enc))
	h = append(h, "Basic "...)
	h = append(h, enc...)
	return string(h)
}

// HeaderLine formats "Name: value\r\n" for a hop-by-hop header the proxy adds; names come from config.
func HeaderLine(name, value string) []byte {
	if len(name) > maxHeaderKey || len(value) > 128 {
		return nil
	}
	key := textproto.CanonicalMIMEHeaderKey(name)
	line := make([]byte, 0, len(key)+2+len(value)+2)
	line = append(line, key...)
	line = append(line, ": "...)
	line = append(line, value...)
	line = append(line, "\r\n"...)
	return line
}

// NonceField writes a 12-byte nonce into a CSP header value: 'nonce-<base64>'.
func NonceField(nonce *[12]byte) string {
	b64 := base64.StdEncoding.EncodeToString(nonce[:])
	f := make([]byte, 0, len("'nonce-'")+len(b64))
	f = append(f, "'nonce-"...)
	f = append(f, b64...)
	f = append(f, '\'')
	return string(f)
}

// EtagMatch reports whether an If-None-Match entry names the body's hex digest: a scratch copy with the
// quotes stripped and lower-cased.
func EtagMatch(entry string, digest *[32]byte) bool {
	if len(entry) != hex.EncodedLen(len(digest))+2 {
		return false
	}
	want := hex.EncodeToString(digest[:])
	got := make([]byte, len(want))
	for i := range got {
		c := entry[i+1]
		if 'A' <= c && c <= 'F' {
			c += 'a' - 'A'
		}
		got[i] = c
	}
	return string(got) == want
}
