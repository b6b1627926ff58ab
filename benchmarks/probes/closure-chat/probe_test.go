package chat

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("AllocsPerRun %s: %v", name, testing.AllocsPerRun(50, f))
}

func conns(n int) []*Conn {
	cs := make([]*Conn, n)
	for i := range cs {
		cs[i] = NewConn(fmt.Sprint("c", i), fmt.Sprint("u", i))
	}
	return cs
}

func drainAll(cs []*Conn) {
	for _, c := range cs {
		for len(c.out) > 0 {
			<-c.out
		}
	}
}

func room(n int) (*Room, []*Conn) {
	r := NewHub(func(string, ...any) {}).Room("general")
	cs := conns(n)
	for _, c := range cs {
		r.Join(c)
	}
	return r, cs
}

func TestBroadcast(t *testing.T) {
	r, cs := room(3)
	if n := r.Broadcast("u0", "  hello  "); n != 2 {
		t.Fatal(n)
	}
	if got := string(<-cs[1].out); got != "u0: hello" {
		t.Fatal(got)
	}
	drainAll(cs)
	allocs(t, "Broadcast", func() { r.Broadcast("u0", " hi "); drainAll(cs) })
}

func TestAnnounce(t *testing.T) {
	h := NewHub(func(string, ...any) {})
	cs := conns(2)
	h.Room("a").Join(cs[0])
	h.Room("b").Join(cs[1])
	h.Announce("deploy")
	if got := string(<-cs[1].out); got != ": [system] deploy" {
		t.Fatal(got)
	}
	allocs(t, "Announce", func() { h.Announce("x"); drainAll(cs) })
}

func TestPublishPresence(t *testing.T) {
	r, cs := room(3)
	if n := r.PublishPresence("u1", "AWAY"); n != 3 {
		t.Fatal(n)
	}
	if got := string(<-cs[0].out); got != "presence u1 away" {
		t.Fatal(got)
	}
	drainAll(cs)
	allocs(t, "PublishPresence", func() { r.PublishPresence("u1", ""); drainAll(cs) })
}

func TestRename(t *testing.T) {
	r, _ := room(1)
	ch := make(chan string, 1)
	r.Rename("random", ch)
	if got := <-ch; got != "general -> random" && got != "general -> general" { // the goroutine may read first
		t.Fatal(got)
	}
}

func TestWelcome(t *testing.T) {
	cs := conns(2)
	Welcome(cs, map[string]int{"u1": 5}, []string{"be kind"})
	if got := string(<-cs[1].out); got != "Welcome u1 🎉\n1. be kind" {
		t.Fatal(got)
	}
	drainAll(cs)
	allocs(t, "Welcome", func() { Welcome(cs, nil, nil); drainAll(cs) })
}

func TestWelcomeThenRetitle(t *testing.T) {
	cs := conns(1)
	WelcomeThenRetitle(cs, "Hi", nil)
	got := string(<-cs[0].out)
	if got != "Welcome u0 👋" && got != "Hi u0 👋" {
		t.Fatal(got)
	}
}

func TestTyping(t *testing.T) {
	events := make(chan string, 8)
	ty := NewTyping(time.Millisecond, func(u string, on bool) { events <- fmt.Sprint(u, on) })
	ty.Start("ann")
	if e := <-events; e != "anntrue" {
		t.Fatal(e)
	}
	if e := <-events; e != "annfalse" {
		t.Fatal(e)
	}
	ty.Start("bob")
	<-events
	ty.StopAll()
}

func TestFlashTyping(t *testing.T) {
	got := make(chan string, 4)
	FlashTyping([]string{"a", "b"}, time.Microsecond, func(s string) { got <- s })
	if s := <-got; s != "a is typing" && s != "b is typing" {
		t.Fatal(s)
	}
}

func subs(n int, topic string) []*Subscriber {
	ss := make([]*Subscriber, n)
	for i := range ss {
		ss[i] = &Subscriber{ID: fmt.Sprint("s", i), Topics: []string{topic}, C: make(chan Event, 64)}
	}
	return ss
}

func TestPublish(t *testing.T) {
	b := NewBus(time.Second)
	ss := subs(3, "news")
	for _, s := range ss {
		b.Subscribe(s)
	}
	ctx := context.Background()
	if n := b.Publish(ctx, Event{Topic: "NEWS", Body: []byte("x")}); n != 3 {
		t.Fatal(n)
	}
	if e := <-ss[0].C; e.Topic != "news" || e.At.IsZero() {
		t.Fatal(e)
	}
	allocs(t, "Publish", func() {
		b.Publish(ctx, Event{Topic: "news", At: time.Unix(1, 0)})
		for _, s := range ss {
			for len(s.C) > 0 {
				<-s.C
			}
		}
	})
	counts := b.PublishMany(ctx, []Event{{Topic: "news"}, {Topic: "other"}})
	if counts["news"] != 3 || counts["other"] != 0 {
		t.Fatal(counts)
	}
}

func TestFanOutFiltered(t *testing.T) {
	events := []Event{{Topic: "a", Body: []byte("deploy done")}, {Topic: "b", Body: []byte("lunch")}, {Topic: "c", Body: []byte("deploy")}}
	out := make(chan Event, 8)
	n := FanOutFiltered(events, []int{1, 1, 0}, map[string]bool{"b": true}, []string{"deploy"}, out)
	if n != 1 || (<-out).Topic != "a" {
		t.Fatal(n)
	}
	allocs(t, "FanOutFiltered", func() {
		FanOutFiltered(events, []int{1, 1, 1}, nil, nil, out)
		for len(out) > 0 {
			<-out
		}
	})
}

func TestFanOutUnmuting(t *testing.T) {
	out := make(chan Event, 4)
	FanOutUnmuting([]Event{{Topic: "a"}}, out)
	if len(out) != 0 {
		t.Fatal("muted topic delivered")
	}
}

func TestDeliverCounted(t *testing.T) {
	ss := subs(1, "x")
	if last := DeliverCounted(ss, Event{}); last != "s0" {
		t.Fatal(last)
	}
}

func TestRelay(t *testing.T) {
	b := NewBus(time.Second)
	ss := subs(1, "room.msg")
	b.Subscribe(ss[0])
	in := make(chan Event, 1)
	in <- Event{Topic: "msg"}
	close(in)
	if err := b.Relay(context.Background(), in, "room."); err != nil {
		t.Fatal(err)
	}
	if e := <-ss[0].C; e.Topic != "room.msg" {
		t.Fatal(e)
	}
}

func histories() map[string][]Message {
	now := time.Unix(1000, 0)
	return map[string][]Message{
		"a": {{ID: 1, User: "ann", Text: "Hello", At: now.Add(-time.Hour)}, {ID: 2, User: "bob", Kind: KindJoin, At: now}},
		"b": {{ID: 3, User: "cy", Kind: KindEdit, Text: "hello again", At: now}, {ID: 4, User: "ann", Text: "bye", At: now}},
	}
}

func TestCompact(t *testing.T) {
	now := time.Unix(1000, 0)
	kept := Compact(histories(), time.Minute, map[int64]bool{1: true}, now)
	if len(kept["a"]) != 1 || len(kept["b"]) != 2 {
		t.Fatal(kept)
	}
	h := histories()
	allocs(t, "Compact", func() { Compact(h, time.Minute, nil, now) })
}

func TestCompactKeepingEdits(t *testing.T) {
	kept := CompactKeepingEdits(map[string][]Message{"a": {{Kind: KindEdit}}}, time.Unix(0, 0))
	if kept["a"] > 1 {
		t.Fatal(kept)
	}
}

func TestDigestSearch(t *testing.T) {
	d := Digest(histories(), 0)
	if len(d) != 2 || d[0].Room != "a" || len(d[1].Authors) != 2 {
		t.Fatal(d)
	}
	found := Search(histories(), " HELLO ")
	if len(found) != 2 || found[0].ID != 1 {
		t.Fatal(found)
	}
	h := histories()
	allocs(t, "Digest", func() { Digest(h, 1) })
	allocs(t, "Search", func() { Search(h, "zzz") })
}

func TestArchiver(t *testing.T) {
	a := &Archiver{cutoff: time.Minute, archive: func(room string, _ []Message) error {
		if room == "a" {
			return io.EOF
		}
		return nil
	}}
	if failed := a.Run(histories(), time.Unix(1000, 0)); len(failed) != 1 || failed[0] != "a" {
		t.Fatal(failed)
	}
}

func TestAggregate(t *testing.T) {
	at := time.Unix(5, 0)
	rs := map[int64][]Receipt{1: {{User: "a", Device: 1, At: at}, {User: "b", Device: 0, At: at.Add(-1)}, {User: "a", Device: 2}}}
	ts := Aggregate(rs, map[string]int{"b": 10})
	if len(ts) != 1 || ts[0].Readers != 2 || ts[0].Weight != 2+11+2 {
		t.Fatal(ts)
	}
	allocs(t, "Aggregate", func() { Aggregate(rs, nil) })
}

func TestLastReadUnread(t *testing.T) {
	last := LastRead([][]Receipt{{{User: "a", Message: 3}}, {{User: "a", Message: 5}, {User: "b", Message: 1}}})
	if last["a"] != 5 || last["b"] != 1 {
		t.Fatal(last)
	}
	members := []string{"a", "b", "c"}
	if u := Unread(members, last, 6); u[0] != 1 || u[1] != 5 || u[2] != 6 {
		t.Fatal(u)
	}
	allocs(t, "Unread", func() { Unread(members, last, 6) })
}

func TestReceipts(t *testing.T) {
	got := make(chan int, 1)
	rc := &Receipts{size: 2, flush: func(rs []Receipt) { got <- len(rs) }}
	rc.Add(Receipt{})
	rc.Add(Receipt{})
	if n := <-got; n != 2 {
		t.Fatal(n)
	}
}

func TestScoreVIPs(t *testing.T) {
	s := ScoreVIPs([]Receipt{{Device: 1}, {Device: 1}})
	if s[0] != 1 && s[0] != 10 {
		t.Fatal(s)
	}
}

func devices(n int) []Device {
	ds := make([]Device, n)
	for i := range ds {
		ds[i] = Device{Token: fmt.Sprint("t", i), Platform: i % 3, Locale: "de", Hour: i * 5 % 24}
	}
	return ds
}

func TestPushBatches(t *testing.T) {
	ds := devices(5)
	var got []Notification
	done := make(chan []Notification, 8)
	if n := PushBatches(ds, "hi", 2, func(ns []Notification) { done <- ns }); n != 5 {
		t.Fatal(n)
	}
	for i := 0; i < 3; i++ {
		got = append(got, <-done...)
	}
	for _, n := range got {
		if n.Token == "t1" && n.Body != "● hi #chat" {
			t.Fatal(n)
		}
		if n.Token == "t0" && !n.Silent {
			t.Fatal(n)
		}
	}
	allocs(t, "PushBatches", func() { PushBatches(ds, "hi", 2, func([]Notification) {}) })
}

func TestPushLocalized(t *testing.T) {
	ds := devices(2)
	out := PushLocalized(ds, " hi ", map[string]string{"de": "Nachricht"})
	if out[1].Title != "Nachricht" || out[1].Body != " hi" {
		t.Fatal(out)
	}
	titles := map[string]string{}
	allocs(t, "PushLocalized", func() { PushLocalized(ds, "hi", titles) })
}

func TestPushWithOptions(t *testing.T) {
	ds := devices(2)
	var seen Options
	send := func(o Options, n Notification) error { seen = o; return nil }
	PushWithOptions(ds[:1], "x", Options{Prefix: "p"}, send)
	if seen.Batch != 100 || seen.Timeout != time.Second || seen.Prefix != "p" {
		t.Fatal(seen)
	}
	nop := func(Options, Notification) error { return nil }
	allocs(t, "PushWithOptions", func() { PushWithOptions(ds, "x", Options{Batch: 1}, nop) })
}

func TestPushEscalating(t *testing.T) {
	done := make(chan string, 4)
	PushEscalating(devices(3), "x", func(ns []Notification) { done <- ns[0].Title })
	if s := <-done; s != "Reminder" && s != "Urgent reminder" {
		t.Fatal(s)
	}
}

func TestBatcher(t *testing.T) {
	got := make(chan int, 4)
	b := NewBatcher(2, time.Hour, func(ns []Notification) { got <- len(ns) })
	b.Add(Notification{})
	b.Add(Notification{})
	if n := <-got; n != 2 {
		t.Fatal(n)
	}
	b.Add(Notification{})
	b.Close()
	if n := <-got; n != 1 {
		t.Fatal(n)
	}
}

func TestDigestLines(t *testing.T) {
	users := []string{"a", "b"}
	counts := map[string]int{"a": 2}
	if l := DigestLines(users, counts, "SHORT"); l[0] != "a: 2" || l[1] != "b: 0" {
		t.Fatal(l)
	}
	allocs(t, "DigestLines", func() { DigestLines(users, counts, "short") })
}

func peers(n int) []Peer {
	ps := make([]Peer, n)
	for i, c := range conns(n) {
		ps[i] = Peer{Site: i, Conn: c}
	}
	return ps
}

func drainPeers(ps []Peer) {
	for _, p := range ps {
		drainAll([]*Conn{p.Conn})
	}
}

func TestBroadcastOp(t *testing.T) {
	ps := peers(3)
	op := Op{Site: 0, Pos: 3, Insert: "x"}
	names := []string{"ann", "bob", "cy"}
	if n := BroadcastOp(ps, op, names); n != 2 {
		t.Fatal(n)
	}
	if got := string(<-ps[1].Conn.out); got != `v2|ann|3|0|"x"` {
		t.Fatal(got)
	}
	drainPeers(ps)
	allocs(t, "BroadcastOp", func() { BroadcastOp(ps, op, names); drainPeers(ps) })
}

func TestRebase(t *testing.T) {
	out := Rebase([]Op{{Pos: 5}, {Pos: 1}}, []Op{{Pos: 2, Insert: "abc"}})
	if out[0].Pos != 8 || out[1].Pos != 1 {
		t.Fatal(out)
	}
	allocs(t, "Rebase", func() { Rebase([]Op{{Pos: 5}}, nil) })
}

func TestStamp(t *testing.T) {
	ops := make([]Op, 3)
	if last := Stamp(ops, 10); last != 13 {
		t.Fatal(last)
	}
}

func TestDocument(t *testing.T) {
	ps := peers(2)
	d := &Document{Text: []byte("hello"), Peers: ps, codec: Codec{Version: 1, Sep: ",", Names: []string{"a", "b"}}}
	d.Apply(Op{Site: 1, Pos: 5, Insert: "!"})
	if string(d.Text) != "hello!" || d.Rev != 1 {
		t.Fatal(string(d.Text))
	}
	if got := string(<-ps[0].Conn.out); got != `v1,b,5,0,"!"` {
		t.Fatal(got)
	}
	drainPeers(ps)
	c := Codec{Version: 1, Sep: ",", Names: []string{"a", "b"}}
	pos := map[int]int{0: 1, 1: 2}
	Cursors(ps, pos, c)
	if got := string(<-ps[0].Conn.out); got != `v1,b,2,0,""` {
		t.Fatal(got)
	}
	drainPeers(ps)
	allocs(t, "Cursors", func() { Cursors(ps, pos, c); drainPeers(ps) })
}

func TestSnapshot(t *testing.T) {
	cs := conns(1)
	Snapshot(cs, []Op{{Site: 0}}, []string{"a"}, nil)
	if got := string(<-cs[0].out); got != `v2|a|0|0|""` && got != `v2;a;0;0;""` {
		t.Fatal(got)
	}
}

func TestWritersKick(t *testing.T) {
	h := NewHub(func(string, ...any) {})
	cs := conns(2)
	sink := &countingSink{}
	ws := h.StartWriters(cs, []io.Writer{sink, io.Discard}, time.Hour)
	cs[0].out <- []byte("x")
	time.Sleep(10 * time.Millisecond)
	h.Shutdown()
	if len(ws) != 2 || sink.n != 1 {
		t.Fatal(len(ws), sink.n)
	}
	h.Kick(cs, "")
	if got := string(<-cs[1].out); got != "bye: kicked" {
		t.Fatal(got)
	}
}

func TestAdmit(t *testing.T) {
	h := NewHub(func(string, ...any) {})
	cs := conns(3)
	plans := map[string]int{"u1": 1}
	sent := map[string]int{"u0": 80, "u1": 80}
	ok := h.Admit(cs, plans, sent, map[string]bool{"u2": true})
	if ok[0] || !ok[1] || ok[2] {
		t.Fatal(ok)
	}
	allocs(t, "Admit", func() { h.Admit(cs, plans, sent, nil) })
}

func TestDrain(t *testing.T) {
	cs := conns(2)
	cs[0].out <- []byte("ab")
	cs[0].out <- []byte("c")
	if out := Drain(cs, 0); string(out[0]) != "abc" || out[1] != nil {
		t.Fatal(out)
	}
	allocs(t, "Drain", func() { Drain(cs, 4) })
}
