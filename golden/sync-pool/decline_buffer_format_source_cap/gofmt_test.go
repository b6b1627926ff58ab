package gofmt

import (
	"strings"
	"testing"
)

func TestRoomDoesNotDependOnEarlierCalls(t *testing.T) {
	first, err := Room(" ")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Room(strings.Repeat(" ", 400)); err != nil {
		t.Fatal(err)
	}
	if again, _ := Room(" "); again != first {
		t.Fatalf("Room(\" \") = %d after a long snippet, %d before", again, first)
	}
}
