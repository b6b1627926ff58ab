package logline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHandle logs records of different lengths from four goroutines at once, each to its own buffer.
func TestHandle(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				var out bytes.Buffer
				msg := strings.Repeat(string(rune('a'+g)), i)
				r := slog.NewRecord(time.Unix(int64(i), 0), slog.LevelInfo, msg, 0)
				r.AddAttrs(slog.Int("n", i), slog.Bool("odd", i%2 == 1), slog.Group("req", slog.String("path", "/x y")))
				if err := New(&out).Handle(context.Background(), r); err != nil {
					t.Error(err)
					return
				}
				want := fmt.Sprintf("time=%s level=INFO msg=%s n=%d odd=%t req.path=\"/x y\"\n",
					time.Unix(int64(i), 0).UTC().Format(time.RFC3339Nano), quoted(msg), i, i%2 == 1)
				if out.String() != want {
					t.Errorf("got  %q\nwant %q", out.String(), want)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func quoted(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// TestStream streams events of different lengths from four goroutines at once.
func TestStream(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				var out bytes.Buffer
				data := strings.Repeat(string(rune('a'+g)), 30*i)
				if err := Stream(&out, []Event{{ID: fmt.Sprint(i), Data: data}, {Data: "end"}}); err != nil {
					t.Error(err)
					return
				}
				if want := fmt.Sprintf("id: %d\ndata: %s\n\ndata: end\n\n", i, data); out.String() != want {
					t.Errorf("got %d bytes, want %d", out.Len(), len(want))
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func TestAllocsPerRun(t *testing.T) {
	h := New(io.Discard)
	r := slog.NewRecord(time.Unix(1, 0), slog.LevelWarn, "disk almost full", 0)
	r.AddAttrs(slog.Int("free", 42), slog.String("dev", "sda1"))
	events := []Event{{ID: "1", Data: "hello"}, {ID: "2", Data: "world"}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		h.Handle(context.Background(), r)
		Stream(io.Discard, events)
	}))
}
