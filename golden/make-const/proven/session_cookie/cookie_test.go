package cookie

import (
	"encoding/base64"
	"encoding/binary"
	"strings"
	"testing"
)

func encode(user uint64, roles int) string {
	raw := make([]byte, headerLen, headerLen+roles)
	binary.BigEndian.PutUint64(raw, user)
	binary.BigEndian.PutUint64(raw[8:], 1700000000)
	binary.BigEndian.PutUint16(raw[16:], 3)
	for r := 0; r < roles; r++ {
		raw = append(raw, byte(r%70))
	}
	return base64.RawURLEncoding.EncodeToString(raw)
}

func TestBehaviour(t *testing.T) {
	s, err := Parse(encode(42, 5))
	if err != nil || s.User != 42 || s.Expires != 1700000000 || s.Flags != 3 || s.Roles != 0x1f {
		t.Fatal(s, err)
	}
	// 238 roles: 256 bytes, the most a session holds; its cookie is 342 characters
	if _, err := Parse(encode(7, maxSession-headerLen)); err != nil {
		t.Fatal("the largest session:", err)
	}
	// 343 characters decode to 257 bytes: refused
	if _, err := Parse(strings.Repeat("A", 343)); err != errTooLarge {
		t.Fatal("343 characters:", err)
	}
	if _, err := Parse(encode(1, 0)[:10]); err != errShort {
		t.Fatal("short:", err)
	}
	if _, err := Parse("!!!!"); err == nil {
		t.Fatal("not base64")
	}
}

func TestAllocs(t *testing.T) {
	v := encode(42, 40)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _, _ = Parse(v) }))
}
