package netsvc

import (
	"bytes"
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("%s allocs/run: %v", name, testing.AllocsPerRun(50, f))
}

type echoCaller struct{ add int }

func (e echoCaller) Call(ctx context.Context, method string, arg int) (int, error) {
	if method == "" {
		return 0, errors.New("no method")
	}
	return arg + e.add, nil
}

type okProber struct{}

func (okProber) Probe(ctx context.Context, target string) error {
	if strings.HasPrefix(target, "bad") {
		return errors.New("down")
	}
	return nil
}

type mapResolver map[string][]string

func (m mapResolver) LookupHost(ctx context.Context, host string) ([]string, error) {
	if a, ok := m[host]; ok {
		return a, nil
	}
	return nil, errors.New("nxdomain " + host)
}

type nopPeer struct{}

func (nopPeer) WritePacket(p Packet, deadline time.Time) error { return nil }

type rw struct {
	r *strings.Reader
	w bytes.Buffer
}

func (x *rw) Read(p []byte) (int, error)  { return x.r.Read(p) }
func (x *rw) Write(p []byte) (int, error) { return x.w.Write(p) }

func TestAllocsSplice(t *testing.T) {
	allocs(t, "Splice", func() {
		a, b := &rw{r: strings.NewReader("ping")}, &rw{r: strings.NewReader("pong")}
		Splice(a, b, ProxyConfig{BufSize: 64})
	})
	a, b := &rw{r: strings.NewReader("ping")}, &rw{r: strings.NewReader("pong!")}
	up, down, err := Splice(a, b, ProxyConfig{BufSize: 64})
	if up != 4 || down != 5 || err != nil {
		t.Fatal(up, down, err)
	}
}

func TestAllocsBroadcast(t *testing.T) {
	peers := []PeerWriter{nopPeer{}, nopPeer{}, nopPeer{}}
	allocs(t, "RelayBatches", func() { RelayBatches([][]Packet{{{Data: []byte("x")}}, {{}}}, peers, time.Second) })
	if n := Broadcast(Packet{}, peers, time.Second); n != 0 {
		t.Fatal(n)
	}
}

func TestAllocsResolve(t *testing.T) {
	r := mapResolver{"db.svc.cluster.local": {"10.0.0.1"}, "api.example": {"10.0.0.2"}}
	hosts := []string{"db", "api.example"}
	allocs(t, "ResolveAll", func() { ResolveAll(context.Background(), r, hosts, time.Second) })
	out, err := ResolveAll(context.Background(), r, hosts, time.Second)
	if err != nil || out[0][0] != "10.0.0.1" || out[1][0] != "10.0.0.2" {
		t.Fatal(out, err)
	}
	rs := mapResolver{"db.a": {"1"}, "api.b": {"2"}}
	opts := ResolveOpts{Search: []string{"a", "b"}}
	allocs(t, "ResolveSearch", func() { ResolveSearch(context.Background(), rs, []string{"db", "api"}, opts) })
	m := ResolveSearch(context.Background(), rs, []string{"db", "api"}, opts)
	if m["db"][0] != "1" || m["api"][0] != "2" {
		t.Fatal(m)
	}
}

func TestAllocsHealth(t *testing.T) {
	targets := []string{"a", "bad-b", "c"}
	allocs(t, "CheckTargets", func() { CheckTargets(context.Background(), okProber{}, targets, time.Second) })
	hs := CheckTargets(context.Background(), okProber{}, targets, time.Second)
	if len(hs) != 3 || hs[1].Healthy || !hs[2].Healthy {
		t.Fatal(hs)
	}
	allocs(t, "SweepRounds", func() { SweepRounds(context.Background(), okProber{}, targets, 2) })
	log := SweepRounds(context.Background(), okProber{}, []string{"a"}, 2)
	if log[0] != "round-0 a ok" || log[1] != "round-1 a ok" {
		t.Fatal(log)
	}
}

func TestAllocsLimits(t *testing.T) {
	b := NewBucket(2)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	allocs(t, "Refill", func() { b.Refill(ctx, time.Hour, 1) })
	clients := map[string]int{"a": 1}
	allocs(t, "Admit", func() { Admit(clients, LimitConfig{Rate: 5}) })
	if got := Admit(map[string]int{"a": 10}, LimitConfig{Rate: 3}); got["a"] != 3 {
		t.Fatal(got)
	}
	send := func(ctx context.Context, i int) error {
		if i == 1 {
			return errors.New("x")
		}
		return nil
	}
	allocs(t, "Burst", func() { Burst(3, 2, time.Second, send) })
	if f := Burst(3, 2, time.Second, send); f != 1 {
		t.Fatal(f)
	}
	allocs(t, "Refills", func() { Refills(NewBucket(100), 3, 1) })
	if s := Refills(NewBucket(100), 3, 1); s != 8 {
		t.Fatal(s)
	}
}

func msgs(n int) chan Message {
	ch := make(chan Message, n)
	for i := 0; i < n; i++ {
		ch <- Message{Topic: "t", Body: "b"}
	}
	close(ch)
	return ch
}

func TestAllocsPubSub(t *testing.T) {
	allocs(t, "Drain", func() { Drain(msgs(2), ":") })
	if s := Drain(msgs(2), ":"); s != "t:b\nt:b" {
		t.Fatal(s)
	}
	allocs(t, "Fanout", func() { Fanout([]<-chan Message{msgs(2), msgs(1)}, "b") })
	if c := Fanout([]<-chan Message{msgs(2), msgs(1)}, "b"); c[0] != 2 || c[1] != 1 {
		t.Fatal(c)
	}
	handle := func(m Message) Message { return Message{Topic: m.Topic + ".reply", Body: strings.ToUpper(m.Body)} }
	allocs(t, "RequestReply", func() { RequestReply(context.Background(), handle, Message{Topic: "q", Body: "x"}) })
	if r, ok := RequestReply(context.Background(), handle, Message{Topic: "q", Body: "x"}); !ok || r.Topic != "q.reply" {
		t.Fatal(r, ok)
	}
	br := NewBroker()
	sub := br.Subscribe("t", 4)
	allocs(t, "Relay", func() {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		Relay(ctx, nil, br, "tag:")
	})
	_ = sub
}

func TestAllocsRPC(t *testing.T) {
	bs := []Caller{echoCaller{1}, echoCaller{2}}
	allocs(t, "Scatter", func() { Scatter(context.Background(), bs, 1, CallOpts{}) })
	r, err := Scatter(context.Background(), bs, 1, CallOpts{})
	if err != nil || r[0] != 2 || r[1] != 3 {
		t.Fatal(r, err)
	}
	allocs(t, "ScatterGroup", func() { ScatterGroup(context.Background(), bs, 1, "m") })
	allocs(t, "Sum", func() { Sum(context.Background(), bs, 1) })
	if s, _ := Sum(context.Background(), bs, 1); s != 5 {
		t.Fatal(s)
	}
	allocs(t, "Hedged", func() { Hedged(context.Background(), bs[0], bs[1], 1, CallOpts{Hedge: time.Second}) })
	allocs(t, "Retry", func() { Retry(context.Background(), bs[0], 1, 2, time.Second) })
	if v, err := Retry(context.Background(), bs[0], 1, 2, time.Second); v != 2 || err != nil {
		t.Fatal(v, err)
	}
}

type nopListener struct{}

func (nopListener) Accept() (net.Conn, error) { return nil, errors.New("closed") }
func (nopListener) Close() error              { return nil }
func (nopListener) Addr() net.Addr            { return nil }

func TestAllocsShutdown(t *testing.T) {
	ls := []net.Listener{nopListener{}, nopListener{}}
	allocs(t, "CloseAll", func() { CloseAll(ls, time.Second) })
	c1, c2 := net.Pipe()
	allocs(t, "DrainConns", func() { DrainConns([]net.Conn{c1, c2}, time.Second) })
	allocs(t, "WaitStopped", func() { WaitStopped(func() error { return nil }, "r") })
	if r, err := WaitStopped(func() error { return errors.New("x") }, "r"); r != "stopped" || err.Error() != "r: x" {
		t.Fatal(r, err)
	}
}

func TestAllocsLookup(t *testing.T) {
	r := mapResolver{"db": {"10.0.0.1"}, "api": {"10.0.0.2"}}
	hosts := []string{"db", "api"}
	allocs(t, "LookupAll", func() { LookupAll(context.Background(), r, hosts) })
	out, err := LookupAll(context.Background(), r, hosts)
	if err != nil || out[1][0] != "10.0.0.2" {
		t.Fatal(out, err)
	}
	if n, err := PingAll(context.Background(), okProber{}, []string{"a", "bad"}); n != 1 || err == nil {
		t.Fatal(n, err)
	}
}
