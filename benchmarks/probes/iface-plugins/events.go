package plugins

import (
	"fmt"
	"strconv"
)

// Sizer is a payload that knows its size.
type Sizer interface {
	Size() int
}

type upload struct {
	name  string
	bytes int
}

func (u *upload) Size() int { return u.bytes }

type login struct{ user string }

func (l *login) String() string { return "login:" + l.user }

// Event is what the bus publishes.
type Event struct {
	Topic   string
	Payload map[string]any
}

// UploadSize reads the upload payload of an inline event.
func UploadSize(name string, n int) int {
	u := upload{name: name, bytes: n}
	ev := Event{Topic: "upload", Payload: map[string]any{"file": &u}}
	return ev.Payload["file"].(Sizer).Size()
}

// LoginLine formats the login payload through fmt.Stringer.
func LoginLine(user string) string {
	l := login{user: user}
	payload := map[string]any{"who": &l}
	if s, ok := payload["who"].(fmt.Stringer); ok {
		return s.String()
	}
	return ""
}

// UploadSummary reads two entries of an event's payload.
func UploadSummary(name string, n int) string {
	u := upload{name: name, bytes: n}
	payload := map[string]any{"file": &u, "attempt": 2}
	return strconv.Itoa(payload["file"].(Sizer).Size()) + "/" + strconv.Itoa(payload["attempt"].(int))
}

// Publish prints the payload: fmt keeps it on the heap.
func Publish(name string, n int) string {
	u := upload{name: name, bytes: n}
	ev := Event{Topic: "upload", Payload: map[string]any{"file": &u}}
	return fmt.Sprint(ev.Payload["file"])
}

var retained []map[string]any

// Retain keeps the payload map for a replay after the call.
func Retain(name string, n int) int {
	u := upload{name: name, bytes: n}
	payload := map[string]any{"file": &u}
	retained = append(retained, payload)
	return payload["file"].(Sizer).Size()
}

// SizeOf reads a payload entry named by the caller, whose type the code checks.
func SizeOf(key, name string, n int) (int, bool) {
	u := upload{name: name, bytes: n}
	l := login{user: name}
	payload := map[string]any{"file": &u, "who": &l}
	s, ok := payload[key].(Sizer)
	if !ok {
		return 0, false
	}
	return s.Size(), true
}
