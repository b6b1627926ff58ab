package di

import (
	"fmt"
	"strings"
	"time"
)

// Clock is the time source services take so tests can pin it.
type Clock interface {
	Now() time.Time
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

type fixedClock struct{ t time.Time }

func (f *fixedClock) Now() time.Time { return f.t }

// Ticker is an optional Clock extension.
type Ticker interface {
	Tick() time.Duration
}

type steppingClock struct {
	t    time.Time
	step time.Duration
}

func (s *steppingClock) Now() time.Time      { s.t = s.t.Add(s.step); return s.t }
func (s *steppingClock) Tick() time.Duration { return s.step }

var epoch = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// Expiry computes when a token issued now expires, with a pinned clock in tests.
func Expiry(ttl time.Duration) time.Time {
	fc := fixedClock{t: epoch}
	var c Clock = &fc
	return c.Now().Add(ttl)
}

// Stamp formats the step of a stepping clock when it has one.
func Stamp(step time.Duration) string {
	sc := steppingClock{t: epoch, step: step}
	var c Clock = &sc
	if tk, ok := c.(Ticker); ok {
		return tk.Tick().String()
	}
	return c.Now().Format(time.RFC3339)
}

// Elapsed measures a work function against a clock picked by the caller's flag.
func Elapsed(pinned bool, work func()) time.Duration {
	var c Clock = realClock{}
	if pinned {
		fc := fixedClock{t: epoch}
		c = &fc
	}
	start := c.Now()
	work()
	return c.Now().Sub(start)
}

// Container is a tiny service locator keyed by name.
type Container struct {
	services map[string]any
}

func NewContainer() *Container { return &Container{services: map[string]any{}} }

func (c *Container) Provide(name string, svc any) { c.services[name] = svc }

func (c *Container) Clock() Clock {
	if cl, ok := c.services["clock"].(Clock); ok {
		return cl
	}
	return realClock{}
}

// Greeter is a service resolved from a local registry in a composition root.
type Greeter interface {
	Greet(name string) string
}

type politeGreeter struct{ prefix string }

func (p *politeGreeter) Greet(name string) string { return p.prefix + ", " + name }

// Greet wires a greeter into a local registry and resolves it back.
func Greet(name string) string {
	pg := politeGreeter{prefix: "Hello"}
	reg := map[string]any{"greeter": &pg, "version": 3}
	g := reg["greeter"].(Greeter)
	return g.Greet(name)
}

// Wire builds services into a struct of deps and asserts them back.
type deps struct {
	clock   any
	greeter any
	name    string
}

func Wire(who string) string {
	fc := fixedClock{t: epoch}
	pg := politeGreeter{prefix: "Hi"}
	d := deps{clock: &fc, greeter: &pg, name: who}
	when := d.clock.(Clock).Now().Year()
	return fmt.Sprintf("%s @%d", d.greeter.(Greeter).Greet(d.name), when)
}

// Resolve reads a service from a shared container: the container keeps it, so it must stay boxed.
func Resolve(c *Container, name string) string {
	pg := politeGreeter{prefix: strings.ToUpper(name)}
	c.Provide("greeter", &pg)
	return c.services["greeter"].(Greeter).Greet(name)
}
