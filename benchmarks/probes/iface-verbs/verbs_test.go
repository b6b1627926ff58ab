package cache

import (
	"crypto/sha256"
	"fmt"
	"math"
	"testing"
)

var sink string

var wide = []int64{0, 1, 7, 15, 16, 255, 256, 4095, -1, -255, math.MinInt64, math.MaxInt64}
var unsigned = []uint64{0, 1, 15, 16, 255, 256, 1 << 32, math.MaxUint64}
var runes = []rune{0, 'a', 0x7f, 0xe9, 0x4e16, 0xd800, 0xdfff, 0xfffd, 0x10ffff, 0x110000, -1, math.MaxInt32, math.MinInt32}

func check(t *testing.T, name string, got, want string, f func()) {
	t.Helper()
	if got != want {
		t.Fatalf("%s = %q, want %q", name, got, want)
	}
	t.Logf("%s %q: %v allocs", name, got, testing.AllocsPerRun(100, f))
}

func TestHashesAllocs(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("hello"), make([]byte, 1000)} {
		sum := sha256.Sum256(data)
		check(t, "ContentKey", ContentKey(data), fmt.Sprintf("%x", sum), func() { sink = ContentKey(data) })
		check(t, "BlobPath", BlobPath("/var/cache", data), "/var/cache/blobs/sha256-"+fmt.Sprintf("%x", sum),
			func() { sink = BlobPath("/var/cache", data) })
		check(t, "ETagOf", ETagOf(data), fmt.Sprintf("%q", fmt.Sprintf("%x", md5Sum(data))), func() { sink = ETagOf(data) })
		e := &Entry{Name: "obj", Sum: sum}
		check(t, "Key", e.Key(), "obj@"+fmt.Sprintf("%x", sum), func() { sink = e.Key() })
		check(t, "Tag", e.Tag(), "W/"+fmt.Sprintf("%x", e.ETag), func() { sink = e.Tag() })
	}
}

func TestIDsAllocs(t *testing.T) {
	for _, u := range unsigned {
		check(t, "RequestID", RequestID(u), fmt.Sprint("req-", fmt.Sprintf("%x", u)), func() { sink = RequestID(u) })
		check(t, "SpanID", SpanID(u), fmt.Sprintf("%x", u), func() { sink = SpanID(u) })
		check(t, "Shard", Shard("s", uint32(u)), "s-"+fmt.Sprintf("%x", uint32(u)), func() { sink = Shard("s", uint32(u)) })
		check(t, "Packed", Packed(uint32(u)), "color:"+fmt.Sprintf("%x", uint32(u)), func() { sink = Packed(uint32(u)) })
		check(t, "Mode", Mode(uint32(u)), "chmod "+fmt.Sprintf("%o", uint32(u)), func() { sink = Mode(uint32(u)) })
		check(t, "Mask", Mask("m", uint16(u)), "m: "+fmt.Sprintf("%b", uint16(u)), func() { sink = Mask("m", uint16(u)) })
		check(t, "Channel", Channel("r", uint8(u)), "r="+fmt.Sprintf("%x", uint8(u)), func() { sink = Channel("r", uint8(u)) })
	}
	for _, n := range wide {
		check(t, "Offset", Offset(n), "offset "+fmt.Sprintf("%x", n), func() { sink = Offset(n) })
		check(t, "Version", Version(int(n)), "v"+fmt.Sprintf("%x", int(n)), func() { sink = Version(int(n)) })
		check(t, "Generation", Generation(int32(n)), fmt.Sprintf("%x", int32(n)), func() { sink = Generation(int32(n)) })
		check(t, "OctalAlone", OctalAlone(int(n)), fmt.Sprintf("%o", int(n)), func() { sink = OctalAlone(int(n)) })
		check(t, "Flags", Flags(n), "flags="+fmt.Sprintf("%b", n), func() { sink = Flags(n) })
		check(t, "Binary", Binary(int(n)), fmt.Sprintf("%b", int(n)), func() { sink = Binary(int(n)) })
	}
}

func TestRunesAllocs(t *testing.T) {
	for _, r := range runes {
		check(t, "Unexpected", Unexpected(r, 3), "line 3: unexpected "+fmt.Sprintf("%c", r), func() { sink = Unexpected(r, 3) })
		check(t, "Quoted", Quoted(r), "invalid character "+fmt.Sprintf("%q", r), func() { sink = Quoted(r) })
		check(t, "Delim", Delim(byte(r)), "delimiter "+fmt.Sprintf("%c", byte(r)), func() { sink = Delim(byte(r)) })
		check(t, "Char", Char(r), fmt.Sprintf("%c", r), func() { sink = Char(r) })
		check(t, "Glyph", Glyph(uint32(r)), "glyph "+fmt.Sprintf("%c", uint32(r)), func() { sink = Glyph(uint32(r)) })
		check(t, "QuotedByte", QuotedByte(byte(r)), "byte "+fmt.Sprintf("%q", byte(r)), func() { sink = QuotedByte(byte(r)) })
	}
}
