package wire

import (
	"bytes"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// conn is a net.Conn that keeps what is written to it and reads from r.
type conn struct {
	r io.Reader
	w bytes.Buffer
}

func (c *conn) Read(p []byte) (int, error)       { return c.r.Read(p) }
func (c *conn) Write(p []byte) (int, error)      { return c.w.Write(p) }
func (c *conn) Close() error                     { return nil }
func (c *conn) LocalAddr() net.Addr              { return nil }
func (c *conn) RemoteAddr() net.Addr             { return nil }
func (c *conn) SetDeadline(time.Time) error      { return nil }
func (c *conn) SetReadDeadline(time.Time) error  { return nil }
func (c *conn) SetWriteDeadline(time.Time) error { return nil }
func (c *conn) reset(in string)                  { c.r = strings.NewReader(in); c.w.Reset() }
func (c *conn) written() string                  { return c.w.String() }
func newConn(in string) *conn                    { return &conn{r: strings.NewReader(in)} }
func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %v allocs/op", name, testing.AllocsPerRun(100, f))
}
func want(t *testing.T, name, got, exp string) {
	t.Helper()
	if got != exp {
		t.Errorf("%s = %q, want %q", name, got, exp)
	}
}

var (
	tags   = []Tag{{"env", "prod"}, {"host", "a1"}}
	family = &Family{Name: "http_requests_total", Help: "Requests.", Type: "counter",
		Samples: []Sample{{Labels: map[string]string{"code": "200", "method": "get"}, Value: 1027}, {Value: 3}}}
	point = &Point{Measurement: "cpu load", Tags: map[string]string{"host": "a,1"},
		Fields: map[string]any{"value": 0.5, "n": 3, "msg": `say "hi"`}, Time: time.Unix(1, 5)}
	syslogMsg = &SyslogMessage{Facility: 4, Severity: 2, Time: time.Unix(0, 0), Host: "h", App: "app",
		Data: map[string]map[string]string{"x@1": {"k": `v"]`}}, Msg: "hello"}
	request = &Request{Method: "POST", Path: "/v1", Host: "example.com",
		Header: map[string][]string{"Accept": {"*/*"}}, Body: []byte("{}")}
	frame = &Frame{Command: "SEND", Header: map[string]string{"destination": "/q/a"}, Body: []byte("hi")}
)

func TestAllocsPerRun(t *testing.T) {
	allocs(t, "WriteCommand", func() { WriteCommand(io.Discard, "SET", "key", "value") })
	allocs(t, "WriteSet", func() { WriteSet(io.Discard, "key", "value", 10) })
	allocs(t, "Pipeline", func() { Pipeline(io.Discard, [][]string{{"PING"}, {"GET", "k"}}) })
	allocs(t, "InlineCommand", func() { InlineCommand("SET", "k", "a b") })
	allocs(t, "EncodeReply", func() { EncodeReply([]any{"OK", 1, nil}) })
	allocs(t, "WriteEnvelope", func() { WriteEnvelope(io.Discard, Envelope{"a@b", []string{"c@d", "e@f"}}) })
	allocs(t, "FoldHeader", func() { FoldHeader("Subject", "a short subject line") })
	allocs(t, "WriteHeaders", func() { WriteHeaders(io.Discard, map[string]string{"From": "a@b"}, time.Unix(0, 0)) })
	allocs(t, "DotStuff", func() { DotStuff(io.Discard, "hello\n.world\n") })
	allocs(t, "StuffedBody", func() { StuffedBody("hello\n.world") })
	allocs(t, "AuthPlain", func() { AuthPlain("u", "p") })
	m := &Message{Prefix: "nick!u@h", Command: "PRIVMSG", Params: []string{"#go", "hello there"}}
	allocs(t, "Message.String", func() { _ = m.String() })
	allocs(t, "Message.WriteTo", func() { m.WriteTo(io.Discard) })
	allocs(t, "Privmsg", func() { Privmsg(io.Discard, "#go", "hello") })
	allocs(t, "Formatter.Send", func() { (&Formatter{}).Send(io.Discard, m) })
	allocs(t, "Count", func() { Count(io.Discard, "hits", 3, 0.5, tags) })
	allocs(t, "Gauge", func() { Gauge(io.Discard, "load", 0.75, tags) })
	allocs(t, "Timing", func() { Timing("db.query", 12.5, tags) })
	allocs(t, "Event", func() { Event("deploy", "v1\nok", tags) })
	allocs(t, "SortedTags", func() { SortedTags(map[string]string{"b": "2", "a": "1"}) })
	allocs(t, "WriteFamily", func() { WriteFamily(io.Discard, family) })
	allocs(t, "WriteExposition", func() { WriteExposition(io.Discard, []*Family{family}) })
	allocs(t, "SeriesKey", func() { SeriesKey("up", map[string]string{"job": "api"}) })
	allocs(t, "Histogram", func() { Histogram(io.Discard, "lat", []float64{0.1, 1}, []uint64{3, 4}, 2.5) })
	allocs(t, "WritePoint", func() { WritePoint(io.Discard, point) })
	allocs(t, "LineOf", func() { LineOf(point) })
	allocs(t, "WriteBatch", func() { WriteBatch(io.Discard, "temp", []float64{1, 2}, time.Unix(1, 0)) })
	c := newConn("")
	allocs(t, "WriteRequest", func() { c.w.Reset(); WriteRequest(c, request) })
	allocs(t, "WriteRequestBuffered", func() { c.w.Reset(); WriteRequestBuffered(c, request) })
	allocs(t, "RequestLine", func() { RequestLine(request) })
	allocs(t, "WriteChunked", func() { WriteChunked(io.Discard, []byte("hello world")) })
	allocs(t, "Format", func() { syslogMsg.Format() })
	allocs(t, "WriteOctetCounted", func() { syslogMsg.WriteOctetCounted(io.Discard) })
	allocs(t, "WriteNonTransparent", func() { syslogMsg.WriteNonTransparent(io.Discard) })
	rows := []Row{{1, "Ann", "ann@x", 9.5}, {2, "Bo, Jr", "bo@x", 7}}
	allocs(t, "WriteRows", func() { WriteRows(io.Discard, rows) })
	allocs(t, "RowLine", func() { RowLine("1", "a,b", "c") })
	allocs(t, "WriteTSV", func() { WriteTSV(io.Discard, [][]string{{"a", "b"}, {"c", "d"}}) })
	allocs(t, "WriteStorage", func() { WriteStorage(io.Discard, "set", "k", 0, 60, []byte("value")) })
	allocs(t, "WriteGet", func() { WriteGet(io.Discard, "a", "b") })
	allocs(t, "Incr", func() { c.reset("5\r\n"); Incr(c, "hits", 1) })
	allocs(t, "Touch", func() { Touch("k", 60) })
	client := &Client{conn: c}
	allocs(t, "Client.ReadLine", func() { c.reset("+OK\r\n"); client.ReadLine() })
	allocs(t, "WriteFrame", func() { WriteFrame(io.Discard, frame) })
	allocs(t, "Send", func() { Send(io.Discard, "/q/a", "text/plain", []byte("hi")) })
	allocs(t, "Connect", func() { Connect("h", "u", "p", [2]int{0, 1000}) })
	allocs(t, "Ack", func() { Ack(io.Discard, "1", "tx") })
}

func TestEncoders(t *testing.T) {
	var b bytes.Buffer
	WriteCommand(&b, "SET", "k", "v")
	WriteCommand(&b, "GET", "key")
	want(t, "WriteCommand", b.String(), "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n")
	b.Reset()
	WriteSet(&b, "k", "v", 0)
	want(t, "WriteSet", b.String(), "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n")
	b.Reset()
	Pipeline(&b, [][]string{{"PING"}})
	want(t, "Pipeline", b.String(), "*1\r\n$4\r\nPING\r\n")
	want(t, "InlineCommand", InlineCommand("SET", "k", "a b"), "SET k \"a b\"\r\n")
	r1 := EncodeReply([]any{"OK", 1})
	r2 := EncodeReply(errString("boom"))
	want(t, "EncodeReply", string(r1)+string(r2), "*2\r\n+OK\r\n:1\r\n-ERR boom\r\n")
	want(t, "FoldHeader", FoldHeader("S", strings.Repeat("word ", 20)),
		"S: word word word word word word word word word word word word word word\r\n word word word word word word\r\n")
	b.Reset()
	DotStuff(&b, ".a\nb")
	want(t, "DotStuff", b.String(), "..a\r\nb\r\n.\r\n")
	want(t, "StuffedBody", StuffedBody(".x\ny"), "..x\r\ny\r\n")
	m := &Message{Tags: map[string]string{"id": "a b"}, Command: "PRIVMSG", Params: []string{"#go", "hi there"}}
	want(t, "Message.String", m.String(), `@id=a\sb PRIVMSG #go :hi there`)
	b.Reset()
	Count(&b, "hits", 3, 0.5, tags)
	want(t, "Count", b.String(), "hits:3|c|@0.5|#env:prod,host:a1")
	b.Reset()
	Gauge(&b, "load", 0.75, tags[:1])
	want(t, "Gauge", b.String(), "load:0.75|g|#env:prod")
	want(t, "Timing", Timing("q", 1, nil), "q:1.000|ms")
	want(t, "Event", Event("t", "a\nb", nil), `_e{1,3}:t|a\nb`)
	b.Reset()
	WriteFamily(&b, family)
	want(t, "WriteFamily", b.String(), "# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\n"+
		"http_requests_total{code=\"200\",method=\"get\"} 1027\nhttp_requests_total 3\n")
	want(t, "SeriesKey", SeriesKey("up", map[string]string{"a": "x\"y"}), `up{a="x\"y"}`)
	want(t, "LineOf", LineOf(point), `cpu\ load,host=a\,1 msg="say \"hi\"",n=3i,value=0.5 1000000005`)
	c := newConn("HTTP/1.1 204 No Content\r\n")
	WriteRequest(c, request)
	want(t, "WriteRequest", c.written(), "POST /v1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nContent-Length: 2\r\n\r\n{}")
	code, _ := ReadStatus(c)
	if code != 204 {
		t.Errorf("ReadStatus = %d", code)
	}
	b.Reset()
	WriteChunked(&b, []byte("hello"))
	want(t, "WriteChunked", b.String(), "5\r\nhello\r\n0\r\n\r\n")
	want(t, "Format", syslogMsg.Format(), `<34>1 1970-01-01T00:00:00Z h app - - [x@1 k="v\"\]"] hello`)
	b.Reset()
	WriteRows(&b, []Row{{1, "Bo, Jr", "b@x", 7}})
	want(t, "WriteRows", b.String(), "id,name,email,score\n1,\"Bo, Jr\",b@x,7.00\n")
	want(t, "RowLine", RowLine("a\"b", "c"), `"a""b",c`)
	b.Reset()
	WriteStorage(&b, "set", "k", 1, 0, []byte("xy"))
	want(t, "WriteStorage", b.String(), "set k 1 0 2\r\nxy\r\n")
	c = newConn("7\r\n")
	if n, err := Incr(c, "k", 2); n != 7 || err != nil {
		t.Errorf("Incr = %d, %v", n, err)
	}
	key, val, err := ReadValue(strings.NewReader("VALUE k 0 2\r\nxy\r\nEND\r\n"))
	want(t, "ReadValue", key+string(val), "kxy")
	if err != nil {
		t.Error(err)
	}
	want(t, "Touch", Touch("k", 5), "touch k 5\r\n")
	b.Reset()
	WriteFrame(&b, frame)
	want(t, "WriteFrame", b.String(), "SEND\ndestination:/q/a\ncontent-length:2\n\nhi\x00")
	b.Reset()
	Ack(&b, "1", "t")
	want(t, "Ack", b.String(), "ACK\nid:1\ntransaction:t\n\n\x00")
}

type errString string

func (e errString) Error() string { return string(e) }

// The must-declines: each keeps what it built past the call; a pooled buffer would hand it to the next call.

func TestClientRetrySendsItsOwnCommand(t *testing.T) {
	c := &Client{conn: newConn("")}
	c.Do("GET", "a")
	var other bytes.Buffer
	WriteCommand(&other, "DEL", "zzzzzz")
	(&Client{conn: newConn("")}).Do("SET", "b", "cccccccc")
	c.conn.(*conn).w.Reset()
	c.Retry()
	want(t, "Retry", c.conn.(*conn).written(), "*2\r\n$3\r\nGET\r\n$1\r\na\r\n")
}

func TestOutboxKeepsEachMessage(t *testing.T) {
	o := &Outbox{C: make(chan []byte, 2)}
	o.Queue(Envelope{From: "a@x", To: []string{"b@x"}}, "one", "1")
	o.Queue(Envelope{From: "c@x", To: []string{"d@x"}}, "two", "2")
	want(t, "first", string(<-o.C), "From: a@x\r\nTo: b@x\r\nSubject: one\r\n\r\n1\r\n")
}

func TestTransportSendsItsBuffer(t *testing.T) {
	tr := &Transport{out: make(chan *bytes.Buffer, 2)}
	tr.Send(&Request{Method: "GET", Path: "/a", Host: "h"})
	tr.Send(&Request{Method: "PUT", Path: "/bb", Host: "h"})
	want(t, "first", (<-tr.out).String(), "GET /a HTTP/1.1\r\nHost: h\r\n\r\n")
}

func TestBatcherKeepsPendingLine(t *testing.T) {
	var out bytes.Buffer
	b := &Batcher{Conn: &out}
	b.Add("a", 1)
	b.Add("b", 2)
	want(t, "pending", b.pending.String(), "a:1|c\nb:2|c\n")
}

func TestScrapeKeepsBody(t *testing.T) {
	var s Scrape
	s.Refresh([]*Family{family})
	first := string(s.Body())
	WriteFamily(io.Discard, &Family{Name: "other", Help: "x", Type: "gauge"})
	var s2 Scrape
	s2.Refresh([]*Family{{Name: "zzz", Help: "y", Type: "gauge"}})
	want(t, "Body", string(s.Body()), first)
}

type queue struct{ batches [][]byte }

func (q *queue) Enqueue(b []byte) error { q.batches = append(q.batches, b); return nil }

func TestFlushQueuesItsBatch(t *testing.T) {
	q := &queue{}
	Flush(q, []*Point{{Measurement: "a", Fields: map[string]any{"v": 1}}})
	Flush(q, []*Point{{Measurement: "b", Fields: map[string]any{"v": 2}}})
	want(t, "batch", string(q.batches[0]), "a v=1i\n")
}

func TestSpoolKeepsFrames(t *testing.T) {
	var s Spool
	s.Add(&SyslogMessage{Time: time.Unix(0, 0), Msg: "one"})
	s.Add(&SyslogMessage{Time: time.Unix(0, 0), Msg: "two"})
	want(t, "frame", string(s.frames[0]), "39 <0>1 1970-01-01T00:00:00Z - - - - - one")
}

func TestPendingReplays(t *testing.T) {
	var p Pending
	p.Delete(io.Discard, "a")
	p.Delete(io.Discard, "bbbb")
	want(t, "replay", p.cmds[0].String(), "delete a\r\n")
}

func TestReceiptsKeepFrames(t *testing.T) {
	r := &Receipts{waiting: map[string][]byte{}}
	r.SendWithReceipt(io.Discard, "1", &Frame{Command: "SEND", Header: map[string]string{}})
	r.SendWithReceipt(io.Discard, "2", &Frame{Command: "SEND", Header: map[string]string{"x": "yyyy"}})
	want(t, "receipt", string(r.waiting["1"]), "SEND\nreceipt:1\n\n\x00")
}

type tap struct{ seen [][]byte }

func (t *tap) Write(p []byte) (int, error) {
	t.seen = append(t.seen, append([]byte(nil), p...))
	return len(p), nil
}

func TestFormatterLogs(t *testing.T) {
	tp := &tap{}
	f := &Formatter{Log: tp}
	var out bytes.Buffer
	f.Send(&out, &Message{Command: "PING"})
	want(t, "log", string(tp.seen[0]), "PING\r\n")
}
