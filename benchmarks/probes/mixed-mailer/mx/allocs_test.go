package mx

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync/atomic"
	"testing"
)

func fake(_ context.Context, d string) ([]Record, error) {
	switch d {
	case "x.org":
		return []Record{{"b.x.org.", 20}, {"A.x.org.", 10}}, nil
	case "bare.org":
		return nil, nil
	}
	return nil, errors.New("nxdomain")
}

func TestAllocs(t *testing.T) {
	ctx := context.Background()
	domains := []string{"x.org", "bare.org", "none.org"}
	rs := Resolve(ctx, fake, domains, Options{Fallback: true})
	if strings.Join(rs[0].Hosts, ",") != "a.x.org,b.x.org" || rs[1].Hosts[0] != "bare.org" || rs[2].Err == nil {
		t.Fatal(rs)
	}
	allocs(t, "Resolve", func() { Resolve(ctx, fake, domains, Options{Fallback: true}) })
	n, next := Reachable(ctx, fake, domains, Options{})
	if n != 1 || next.Timeout != 2500*1e6 {
		t.Fatal(n, next)
	}
	allocs(t, "Reachable", func() { Reachable(ctx, fake, domains, Options{}) })
	var b strings.Builder
	Banner(&b, rs)
	if b.String() != "mx: 2/3 domains routed; none.org: nxdomain\n" {
		t.Fatal(b.String())
	}
	allocs(t, "Banner", func() { Banner(io.Discard, rs) })
	g, err := Greeting(strings.NewReader("220 mx.x.org ESMTP\r\n"))
	if err != nil || g != "220 mx.x.org ESMTP" {
		t.Fatal(g, err)
	}
	allocs(t, "Greeting", func() { Greeting(strings.NewReader("220 mx.x.org ESMTP\r\n")) })
}

type conn struct{ closed *atomic.Int32 }

func (c conn) Close() error { c.closed.Add(1); return nil }

func TestPool(t *testing.T) {
	var closed atomic.Int32
	p := NewPool(func(string) (io.Closer, error) { return conn{&closed}, nil })
	c, _ := p.Get("a")
	p.Put("a", c)
	c2, _ := p.Get("a")
	if c2 != c {
		t.Fatal("not reused")
	}
	p.Put("a", c2)
	p.Put("b", conn{&closed})
	if err := p.Close(); err != nil || closed.Load() != 2 {
		t.Fatal(err, closed.Load())
	}
}
