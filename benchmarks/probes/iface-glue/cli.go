package glue

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Command is a CLI subcommand.
type Command interface {
	Name() string
	Run(args []string, out io.Writer) error
}

// Helper is an optional interface for commands with help text.
type Helper interface {
	Help() string
}

// Validator is an optional interface for commands that check their args.
type Validator interface {
	Validate(args []string) error
}

type versionCmd struct{ version string }

func (c *versionCmd) Name() string { return "version" }
func (c *versionCmd) Run(_ []string, out io.Writer) error {
	_, err := io.WriteString(out, c.version+"\n")
	return err
}
func (c *versionCmd) Help() string { return "print the version" }

type echoCmd struct{ sep string }

func (c *echoCmd) Name() string { return "echo" }
func (c *echoCmd) Run(args []string, out io.Writer) error {
	_, err := io.WriteString(out, strings.Join(args, c.sep)+"\n")
	return err
}
func (c *echoCmd) Validate(args []string) error {
	if len(args) == 0 {
		return errors.New("echo: nothing to echo")
	}
	return nil
}

// Registry holds commands by name; it keeps them.
type Registry struct {
	cmds map[string]Command
}

func (r *Registry) Register(c Command) {
	if r.cmds == nil {
		r.cmds = map[string]Command{}
	}
	r.cmds[c.Name()] = c
}

// Usage lists the registered commands with their help.
func (r *Registry) Usage() string {
	names := make([]string, 0, len(r.cmds))
	for n := range r.cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		b.WriteString(n)
		if h, ok := r.cmds[n].(Helper); ok {
			b.WriteString(" - " + h.Help())
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// RunEcho runs the echo command, validating first when it can.
func RunEcho(out io.Writer, args []string) error {
	e := echoCmd{sep: " "}
	var cmd Command = &e
	if v, ok := cmd.(Validator); ok {
		if err := v.Validate(args); err != nil {
			return err
		}
	}
	return cmd.Run(args, out)
}

// VersionHelp asks a builtin command for its help, through a table of builtins.
func VersionHelp(version string) string {
	vc := versionCmd{version: version}
	ec := echoCmd{sep: ","}
	builtins := [...]Command{&vc, &ec}
	if h, ok := builtins[0].(Helper); ok {
		return h.Help()
	}
	return ""
}

// Option configures a client: functional options as an interface.
type Option interface{ apply(*config) }

type config struct {
	retries int
	prefix  string
	verbose bool
}

type retries int

func (r retries) apply(c *config) { c.retries = int(r) }

type prefixOpt struct{ p string }

func (o *prefixOpt) apply(c *config) { c.prefix = o.p }

type verboseOpt bool

func (v verboseOpt) apply(c *config) { c.verbose = bool(v) }

func newConfig(opts ...Option) config {
	c := config{retries: 1}
	for _, o := range opts {
		o.apply(&c)
	}
	return c
}

// Retries builds a config with two options held in a local slice.
func Retries(n int, prefix string) int {
	p := prefixOpt{p: prefix}
	opts := []Option{retries(n), &p}
	c := newConfig(opts...)
	return c.retries + len(c.prefix)
}

// ApplyPrefix applies one option held in a local interface.
func ApplyPrefix(prefix string) string {
	p := prefixOpt{p: prefix}
	var o Option = &p
	var c config
	o.apply(&c)
	return c.prefix
}

// Collector is a metrics collector.
type Collector interface {
	Collect(emit func(name string, v float64))
}

// Describer optionally names a collector.
type Describer interface {
	Describe() string
}

type counter struct {
	name string
	n    float64
}

func (c *counter) Collect(emit func(string, float64)) { emit(c.name, c.n) }
func (c *counter) Describe() string                   { return "counter " + c.name }

type gauge struct {
	name string
	v    float64
}

func (g *gauge) Collect(emit func(string, float64)) { emit(g.name, g.v) }

// Sum collects two local collectors held in a struct and sums them.
func Sum(a, b float64) float64 {
	c := counter{name: "requests", n: a}
	g := gauge{name: "inflight", v: b}
	set := struct {
		reqs     Collector
		inflight Collector
	}{reqs: &c, inflight: &g}
	var total float64
	add := func(_ string, v float64) { total += v }
	set.reqs.Collect(add)
	set.inflight.Collect(add)
	return total
}

// Describe2 names a collector if it can be named.
func DescribeCounter(n float64) string {
	c := counter{name: "errors", n: n}
	m := metric{help: "errors seen", c: &c}
	if d, ok := m.c.(Describer); ok {
		return d.Describe() + ": " + m.help
	}
	return m.help
}

type metric struct {
	help string
	c    Collector
}

// Gather collects a registry's collectors; the caller's collectors are kept by the registry.
func Gather(cs []Collector) map[string]float64 {
	out := map[string]float64{}
	for _, c := range cs {
		c.Collect(func(n string, v float64) { out[n] += v })
	}
	return out
}

// Run dispatches by command name; unknown commands fail.
func (r *Registry) Run(out io.Writer, name string, args []string) error {
	c, ok := r.cmds[name]
	if !ok {
		return fmt.Errorf("unknown command %q", name)
	}
	return c.Run(args, out)
}
