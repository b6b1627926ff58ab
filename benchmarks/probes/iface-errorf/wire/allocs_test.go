package wire

import (
	"strings"
	"testing"
)

var esink error

func TestMessages(t *testing.T) {
	if _, err := DecodeLine([]byte("NOP x\r\n")); err == nil || err.Error() != "wire: unknown verb NOP" {
		t.Error(err)
	}
	if err := CheckKey("SET", "a b"); err == nil || err.Error() != "wire: SET: key a b holds whitespace" {
		t.Error(err)
	}
	if err := CheckValue("k", []byte("a\x00")); err == nil || err.Error() != "wire: value of k holds NUL: a\x00" {
		t.Error(err)
	}
	if err := Reply("-ERR busy"); err == nil || err.Error() != "wire: server error: busy" {
		t.Error(err)
	}
	if err := ReadHello(strings.NewReader("HI"), "HELLO"); err == nil || err.Error() != "wire: hello HI, want HELLO" {
		t.Error(err)
	}
	f := Frame{Verb: "GET"}
	if err := f.Expect("SET"); err == nil || err.Error() != "wire: got GET frame, want SET" {
		t.Error(err)
	}
}

func TestAllocs(t *testing.T) {
	line := []byte("NOP x\r\n")
	value := []byte("a\x00")
	f := &Frame{Verb: "GET"}
	for name, fn := range map[string]func(){
		"DecodeLine": func() { _, esink = DecodeLine(line) },
		"CheckKey":   func() { esink = CheckKey("SET", "a b") },
		"CheckValue": func() { esink = CheckValue("k", value) },
		"Reply":      func() { esink = Reply("-ERR busy") },
		"Expect":     func() { esink = f.Expect("SET") },
	} {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(200, fn))
	}
}
