package logline

import (
	"errors"
	"testing"
	"time"
)

var (
	sink  string
	esink error
	bsink []byte
)

type sinkName string

func (s sinkName) Name() string           { return string(s) }
func (s sinkName) Write(_ []string) error { return nil }

func TestValues(t *testing.T) {
	b := &Batch{Name: "b", Items: []string{"x", "y"}, Tags: map[string]string{"k": "v"}}
	for _, c := range [][2]string{
		{Flushed(b), "flushed b: 2 items"},
		{Count(b.Items), "items=2"},
		{First(b.Items), "first=x"},
		{b.Tagged("k"), "k=v"},
		{To(sinkName("s"), "b"), "b -> s"},
		{Empty(b).Error(), "batch b is empty"},
		{Missing(b.Items, 1).Error(), "record y is missing"},
		{Payload([]byte("abc"), 2), "payload: ab"},
		{Converted([]byte("abc"), 2), "payload: ab"},
		{string(Header(b)), "batch b (2)\n"},
		{Written("n"), "n n 1"},
		{Wrapped(b, errors.New("c")).Error(), "batch b\nc"},
		{Retry("r", func() error { return errors.New("c") }).Error(), "retrying r\nc"},
		{Upper(b.Items), "x/y!"},
	} {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
	seq = 0
	if got := Next("p"); got != "0 p" && got != "1 p" {
		t.Errorf("Next: %q", got)
	}
}

func TestAllocs(t *testing.T) {
	b := &Batch{Name: "b", Items: []string{"x", "y"}, Start: time.Now(), Tags: map[string]string{"k": "v"}}
	raw := []byte("abcdef")
	cause := errors.New("c")
	var s Sink = sinkName("s")
	for name, f := range map[string]func(){
		"Flushed":   func() { sink = Flushed(b) },
		"Took":      func() { sink = Took("b", b.Start) },
		"Count":     func() { sink = Count(b.Items) },
		"First":     func() { sink = First(b.Items) },
		"Tagged":    func() { sink = b.Tagged("k") },
		"To":        func() { sink = To(s, "b") },
		"Empty":     func() { esink = Empty(b) },
		"Missing":   func() { esink = Missing(b.Items, 1) },
		"Payload":   func() { sink = Payload(raw, 3) },
		"Converted": func() { sink = Converted(raw, 3) },
		"Header":    func() { bsink = Header(b) },
		"Wrapped":   func() { esink = Wrapped(b, cause) },
		"Retry":     func() { esink = Retry("r", func() error { return cause }) },
		"Upper":     func() { sink = Upper(b.Items) },
	} {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(200, f))
	}
}
