package notify

import (
	"io"
	"net/mail"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %v allocs/op", name, testing.AllocsPerRun(100, f))
}

func TestAllocsPerRun(t *testing.T) {
	a := &Alert{Name: "DiskFull", Severity: "critical", Summary: "disk / at 97%",
		Labels: map[string]string{"host": "db1"}, StartsAt: time.Unix(1700000000, 0)}
	m := &Message{From: mail.Address{Name: "Alerts", Address: "alerts@example.com"},
		To: []mail.Address{{Address: "ops@example.com"}}, Subject: "Disk full ✔", Date: time.Unix(1700000000, 0)}
	msg := &SlackMessage{Text: "DiskFull", Attachments: []Attachment{{Color: "danger", Title: "db1",
		Fields: []Field{{Title: "usage", Value: "97%", Short: true}}}}}
	s := &Sample{Name: "http_requests_total", Labels: []Label{{"code", "200"}, {"path", `/a"b`}}, Value: 1027}
	f := &Family{Name: "http_requests_total", Help: "Requests.", Type: "counter", Samples: []Sample{*s, *s}}
	h := &Histogram{Name: "latency_seconds", Bounds: []float64{0.1, 1}, Counts: []uint64{3, 4}, Sum: 2.5, Count: 8}
	rows := []Row{{At: time.Unix(1700000000, 0), Channel: "mail", Target: "ops@example.com", Status: 250, Attempts: 1}}
	raw := []byte(`{ "ok" : true, "ts" : "1.2" }`)
	allocs(t, "RenderSubject", func() { RenderSubject(a) })
	allocs(t, "RenderText", func() { RenderText(io.Discard, a) })
	allocs(t, "RenderHTML", func() { RenderHTML(a) })
	allocs(t, "WriteHeaders", func() { WriteHeaders(io.Discard, m) })
	allocs(t, "WriteQuotedBody", func() { WriteQuotedBody(io.Discard, "Grüße, the disk is full.\n") })
	allocs(t, "EncodeSlack", func() { EncodeSlack(io.Discard, msg) })
	allocs(t, "ParseResponse", func() { ParseResponse(strings.NewReader(`{"ok":true,"ts":"1.2"}`)) })
	allocs(t, "ReadAck", func() { ReadAck(strings.NewReader(`{"ok":true}`)) })
	allocs(t, "Sign", func() { Sign([]byte("k"), time.Unix(1700000000, 0), raw) })
	allocs(t, "Compact", func() { Compact(io.Discard, raw) })
	allocs(t, "Indent", func() { Indent(io.Discard, raw) })
	allocs(t, "WriteSample", func() { WriteSample(io.Discard, s) })
	allocs(t, "WriteFamily", func() { WriteFamily(io.Discard, f) })
	allocs(t, "Exposition", func() { Exposition(io.Discard, []*Family{f}) })
	allocs(t, "WriteHistogram", func() { WriteHistogram(io.Discard, h) })
	allocs(t, "ScrapeLines", func() { ScrapeLines(strings.NewReader("# HELP x\nx 1\n")) })
	allocs(t, "WriteCSV", func() { WriteCSV(io.Discard, rows) })
	allocs(t, "WriteTSV", func() { WriteTSV(io.Discard, rows) })
	allocs(t, "CSVLine", func() { CSVLine("a", "b,c", `d"e`) })
	allocs(t, "Summary", func() { Summary(io.Discard, map[string]int{"mail": 3}, []string{"mail"}) })
	allocs(t, "Checksum", func() { Checksum(strings.NewReader("a\nb\n")) })
	allocs(t, "BuildInsert", func() { BuildInsert("events", []string{"id", "body"}, 2) })
	allocs(t, "SelectPending", func() { SelectPending("mail", 10) })
	allocs(t, "BulkValues", func() { BulkValues([]int64{1, 2, 3}) })
}

func TestParsePostResultKeepsID(t *testing.T) {
	r, err := ParsePostResult(strings.NewReader(`{"ok":true,"id":"abc"}`))
	if err != nil || string(r.ID) != `"abc"` {
		t.Fatalf("got %q, %v", r.ID, err)
	}
	r2, _ := ParsePostResult(strings.NewReader(`{"ok":true,"id":"xyz"}`))
	if string(r.ID) != `"abc"` || string(r2.ID) != `"xyz"` {
		t.Fatalf("ids changed: %q %q", r.ID, r2.ID)
	}
}

func TestRenderBodyKept(t *testing.T) {
	a := &Alert{Name: "A", Severity: "warn", StartsAt: time.Unix(0, 0)}
	b1, _ := RenderBody(a)
	first := string(b1)
	RenderBody(&Alert{Name: "B", Severity: "crit", StartsAt: time.Unix(0, 0)})
	if string(b1) != first {
		t.Fatal("first body changed")
	}
}
