package cfgtool

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Level is a log level settable from the command line.
type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

var levelNames = [...]string{"debug", "info", "warn", "error"}

func (l *Level) String() string {
	if l == nil || *l < 0 || int(*l) >= len(levelNames) {
		return "info"
	}
	return levelNames[*l]
}

func (l *Level) Set(s string) error {
	for i, n := range levelNames {
		if strings.EqualFold(n, s) {
			*l = Level(i)
			return nil
		}
	}
	return fmt.Errorf("unknown level %q", s)
}

func (l *Level) Get() any { return *l }

// StringList collects a repeatable flag, or a comma-separated one.
type StringList []string

func (s *StringList) String() string { return strings.Join(*s, ",") }
func (s *StringList) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*s = append(*s, p)
		}
	}
	return nil
}

// Port is a TCP port.
type Port uint16

func (p *Port) String() string { return strconv.Itoa(int(*p)) }
func (p *Port) Set(v string) error {
	n, err := strconv.ParseUint(v, 10, 16)
	if err != nil {
		return fmt.Errorf("port: %w", err)
	}
	if n == 0 {
		return errors.New("port: must not be 0")
	}
	*p = Port(n)
	return nil
}
func (p *Port) Get() any { return uint16(*p) }

// Seconds is a duration given as a plain number of seconds or a Go duration.
type Seconds struct{ D time.Duration }

func (s *Seconds) String() string { return s.D.String() }
func (s *Seconds) Set(v string) error {
	if n, err := strconv.Atoi(v); err == nil {
		s.D = time.Duration(n) * time.Second
		return nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return err
	}
	s.D = d
	return nil
}

// ParsePort parses one port value the way the flag package would, reporting
// the getter's value when the flag.Value offers one.
func ParsePort(arg string) (uint16, error) {
	var p Port
	var v flag.Value = &p
	if err := v.Set(arg); err != nil {
		return 0, err
	}
	if g, ok := v.(flag.Getter); ok {
		return g.Get().(uint16), nil
	}
	return 0, errors.New("port: no getter")
}

// LevelFromArgs parses -level from args with a private FlagSet (which keeps &lvl).
func LevelFromArgs(args []string) (Level, error) {
	lvl := Info
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(&lvl, "level", "log level")
	if err := fs.Parse(args); err != nil {
		return Info, err
	}
	return lvl, nil
}

// flagSpec describes a flag before it is registered.
type flagSpec struct {
	name  string
	usage string
	value flag.Value
}

// DescribeTimeout renders the help line of the timeout flag.
func DescribeTimeout(def time.Duration) string {
	t := Seconds{D: def}
	spec := flagSpec{name: "timeout", usage: "request timeout", value: &t}
	return "-" + spec.name + " " + spec.value.String() + "\t" + spec.usage
}

// SetAll applies name=value pairs to a list of specs built here; each value is
// checked for a Getter to echo back what it parsed.
func SetAll(pairs map[string]string) (string, error) {
	var lvl Level
	var port Port
	specs := []flagSpec{
		{name: "level", usage: "log level", value: &lvl},
		{name: "port", usage: "listen port", value: &port},
	}
	var b strings.Builder
	for _, s := range specs {
		v, ok := pairs[s.name]
		if !ok {
			continue
		}
		if err := s.value.Set(v); err != nil {
			return "", err
		}
		if g, ok := s.value.(flag.Getter); ok {
			fmt.Fprintf(&b, "%s=%v ", s.name, g.Get())
		}
	}
	return b.String(), nil
}

// PortUsage prints the usage of the port flag, with its default if it has a Getter.
func PortUsage(def uint16) string {
	p := Port(def)
	spec := flagSpec{name: "port", usage: "listen port", value: &p}
	if g, ok := spec.value.(flag.Getter); ok {
		return fmt.Sprintf("-%s (default %d): %s", spec.name, g.Get().(uint16), spec.usage)
	}
	return "-" + spec.name + ": " + spec.usage
}

// Tags parses a comma-separated tag list through the flag.Value.
func Tags(arg string) int {
	var tags StringList
	values := [2]flag.Value{&tags, nil}
	if err := values[0].Set(arg); err != nil {
		return 0
	}
	return len(tags)
}
