package edge

import (
	"encoding/hex"
	"io"
	"net"
	"net/netip"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	hw := []byte{0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e}
	allocs(t, "FormatMAC", func() { FormatMAC(hw) })
	var mac [8]byte
	allocs(t, "ParseMAC", func() { _, _ = ParseMAC("00:1a:2b:3c:4d:5e:6f:70", &mac) })
	ip := net.ParseIP("2001:db8::1")
	allocs(t, "IPv6Fingerprint", func() { IPv6Fingerprint(ip) })
	a6 := netip.MustParseAddr("2001:db8::1")
	allocs(t, "ReverseName", func() { ReverseName(a6) })
	p4 := netip.MustParsePrefix("10.0.0.0/20")
	allocs(t, "MaskBits", func() { MaskBits(p4) })
	allocs(t, "CIDRKey", func() { CIDRKey(p4) })
	dst := make([]byte, 0, 512)
	allocs(t, "EncodeName", func() { _, _ = EncodeName(dst[:0], "api.eu-west-1.example.com.") })
	allocs(t, "LowerLabel", func() { LowerLabel("Upstream-Backend-Pool-Number-Seven") })
	lab := []byte("weird label\x01with.dots")
	allocs(t, "EscapeLabel", func() { EscapeLabel(lab) })
	allocs(t, "CountLabels", func() { CountLabels("a.b.c.d.e.f.g.h.i.j.k.example.com.") })
	allocs(t, "CanonicalKey", func() { CanonicalKey("x-forwarded-for-original-client") })
	allocs(t, "SameKey", func() { SameKey("X-Forwarded-For-Original-Client", "x-forwarded-for-original-client") })
	allocs(t, "QuoteValue", func() { QuoteValue(`attachment; "report".pdf`) })
	allocs(t, "FoldRunes", func() { FoldRunes("Text/HTML; Charset=UTF-8") })
	allocs(t, "NewSessionID", func() { NewSessionID() })
	var id [sessionIDLen]byte
	allocs(t, "ParseSessionID", func() { _ = ParseSessionID("00112233445566778899aabbccddeeff", &id) })
	var csrf [csrfLen]byte
	allocs(t, "CSRFToken", func() { CSRFToken(&csrf) })
	tok := CSRFToken(&csrf)
	allocs(t, "CheckCSRF", func() { CheckCSRF(tok, &csrf) })
	var key [apiKeyLen]byte
	allocs(t, "FormatAPIKey", func() { FormatAPIKey(&key) })
	k := FormatAPIKey(&key)
	allocs(t, "ParseAPIKey", func() { _ = ParseAPIKey(k, &key) })
	exp := time.Unix(1700000000, 0)
	allocs(t, "SignCookie", func() { SignCookie(key[:], "user=42;role=admin;tenant=acme-corporation", exp) })
	allocs(t, "TokenDigest", func() { TokenDigest("dGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw==") })
	body := []byte("hello, edge")
	allocs(t, "ETag", func() { ETag(body) })
	allocs(t, "ContentMD5", func() { ContentMD5(body) })
	allocs(t, "Fingerprint", func() { Fingerprint(body) })
	allocs(t, "CRCHex", func() { CRCHex(body) })
	allocs(t, "DigestHeader", func() { _ = DigestHeader(io.Discard, body) })
	pkt := make([]byte, 64)
	allocs(t, "HexLine", func() { HexLine(pkt) })
	allocs(t, "ShortID", func() { ShortID(body) })
	sum := make([]byte, 32)
	allocs(t, "HexDigest", func() { HexDigest(sum, 20) })
}

func TestBehaviour(t *testing.T) {
	if got := FormatMAC([]byte{0, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e}); got != "00:1a:2b:3c:4d:5e" {
		t.Fatalf("FormatMAC = %q", got)
	}
	var mac [8]byte
	if n, err := ParseMAC("00-1A-2b-3c-4d-5e", &mac); n != 6 || err != nil || mac[5] != 0x5e {
		t.Fatalf("ParseMAC = %d, %v, %x", n, err, mac)
	}
	if got := CanonicalKey("content-TYPE"); got != "Content-Type" {
		t.Fatalf("CanonicalKey = %q", got)
	}
	if got := ReverseName(netip.MustParseAddr("192.0.2.1")); got != "1.2.0.192.in-addr.arpa." {
		t.Fatalf("ReverseName = %q", got)
	}
	if got := MaskBits(netip.MustParsePrefix("10.0.0.0/20")); got != "255.255.240.0" {
		t.Fatalf("MaskBits = %q", got)
	}
	var key [apiKeyLen]byte
	key[3] = 7
	var back [apiKeyLen]byte
	if err := ParseAPIKey(FormatAPIKey(&key), &back); err != nil || back != key {
		t.Fatalf("ParseAPIKey: %v", err)
	}
	if got := HexLine([]byte{1, 2}); got != "0102\n" {
		t.Fatalf("HexLine = %q", got)
	}
	if got := FoldRunes("ÄB"); got != 3 {
		t.Fatalf("FoldRunes = %d", got)
	}
}

func TestAllocsForward(t *testing.T) {
	ip4 := net.ParseIP("192.0.2.33")
	allocs(t, "ClientKey", func() { ClientKey(ip4) })
	a6 := netip.MustParseAddr("2001:db8:1:2:3:4:5:6")
	allocs(t, "SubnetOf", func() { SubnetOf(a6) })
	var tr [16]byte
	var sp [8]byte
	allocs(t, "TraceParent", func() { TraceParent(tr, sp, true) })
	allocs(t, "BasicAuth", func() { BasicAuth("service-account-edge", "correct-horse-battery-staple") })
	allocs(t, "HeaderLine", func() { HeaderLine("x-request-id", "0af7651916cd43dd8448eb211c80319c") })
	var nonce [12]byte
	allocs(t, "NonceField", func() { NonceField(&nonce) })
	var d [32]byte
	e := `"` + hex.EncodeToString(d[:]) + `"`
	allocs(t, "EtagMatch", func() { EtagMatch(e, &d) })
}
