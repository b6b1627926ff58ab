package message

import (
	"strings"
	"testing"
)

func TestMessagesStayPut(t *testing.T) {
	first, _ := Read(strings.NewReader("first message"))
	second, _ := Read(strings.NewReader("second"))
	if string(first) != "first message" || string(second) != "second" {
		t.Fatalf("a message changed after a later call: %q %q", first, second)
	}
}
