package record

import (
	"encoding/binary"
	"strings"
	"testing"
)

func record(key, value string) []byte {
	msg := []byte{1, 0, 0, 0, 0, 0}
	binary.BigEndian.PutUint16(msg[2:], uint16(len(key)))
	binary.BigEndian.PutUint16(msg[4:], uint16(len(value)))
	return append(append(msg, key...), value...)
}

var (
	longest = strings.Repeat("k", maxKey)
	routes  = map[string]int{"tenant/7f3a/sessions/2024-06-01/shard-0042": 3, longest: 9}
	message = record("Tenant/7F3A/Sessions/2024-06-01/Shard-0042", `{"user":"ada","ttl":3600}`)
)

func TestBehaviour(t *testing.T) {
	if route, size, err := Route(message, routes); err != nil || route != 3 || size != len(message) {
		t.Fatal(route, size, err)
	}
	if route, _, err := Route(record(strings.ToUpper(longest), ""), routes); err != nil || route != 9 {
		t.Fatal("the longest key:", route, err)
	}
	if _, _, err := Route(record(longest+"k", ""), routes); err != errKey {
		t.Fatal("a key past the limit passed:", err)
	}
	if _, _, err := Route(message[:len(message)-1], routes); err != errShort {
		t.Fatal("a short record passed:", err)
	}
	if _, _, err := Route(record("unknown", "v"), routes); err != errRoute {
		t.Fatal("an unknown key was routed:", err)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Route(message, routes) }))
}
