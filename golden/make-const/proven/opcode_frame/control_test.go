package control

import (
	"strings"
	"testing"
)

var key = [4]byte{0x37, 0xfa, 0x21, 0x3d}

func frame(op Opcode, payload string) []byte {
	msg := []byte{byte(op), byte(len(payload))}
	for i := range len(payload) {
		msg = append(msg, payload[i]^key[i%4])
	}
	return msg
}

var text = frame(OpText, "temperature=21.5C humidity=40% wind=3.2m/s ok ✓")

func TestBehaviour(t *testing.T) {
	if h, next, err := Check(text, key); err != nil || h.Op != OpText || next != len(text) {
		t.Fatal(h, next, err)
	}
	long := frame(OpPing, strings.Repeat("p", 255))
	if h, next, err := Check(append(long, 0, 0), key); err != nil || h.Len != 255 || next != 257 {
		t.Fatal(h, next, err)
	}
	if _, _, err := Check(frame(OpText, "\xff\xfe"), key); err != errText {
		t.Fatal("bad UTF-8 passed:", err)
	}
	if _, _, err := Check(text[:20], key); err != errShort {
		t.Fatal("a short frame passed:", err)
	}
	if _, _, err := Check([]byte{0x3, 0}, key); err != errOpcode {
		t.Fatal("an unknown opcode passed:", err)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Check(text, key) }))
}
