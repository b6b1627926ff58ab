package interp

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// Flag binds a command-line name to where its value goes.
type Flag struct {
	Name  string
	Value any
}

// Setter is a flag value that parses itself.
type Setter interface{ Set(s string) error }

type level int

func (l *level) Set(s string) error {
	switch s {
	case "debug":
		*l = 0
	case "info":
		*l = 1
	default:
		return errors.New("bad level " + s)
	}
	return nil
}

// ParseFlags parses -v and -n=N with a small flag table.
func ParseFlags(args []string) (bool, int, error) {
	var verbose bool
	var n int
	flags := []Flag{{Name: "v", Value: &verbose}, {Name: "n", Value: &n}}
	for _, a := range args {
		name, val, _ := strings.Cut(strings.TrimPrefix(a, "-"), "=")
		for _, f := range flags {
			if f.Name != name {
				continue
			}
			switch p := f.Value.(type) {
			case *bool:
				*p = true
			case *int:
				v, err := strconv.Atoi(val)
				if err != nil {
					return false, 0, err
				}
				*p = v
			}
		}
	}
	return verbose, n, nil
}

// SetTimeout parses an option into the destination an option table gives.
func SetTimeout(raw string) (time.Duration, error) {
	var timeout time.Duration
	var dst any = &timeout
	switch p := dst.(type) {
	case *time.Duration:
		d, err := time.ParseDuration(raw)
		if err != nil {
			return 0, err
		}
		*p = d
	case Setter:
		if err := p.Set(raw); err != nil {
			return 0, err
		}
	}
	return timeout, nil
}

// Option is one option of a config file, with where it is stored.
type Option struct {
	Name   string
	Target any
}

// SetLevel sets a level option: a Setter parses itself, a string is stored as is.
func SetLevel(raw string) (int, error) {
	var lvl level
	opt := Option{Name: "level", Target: &lvl}
	if s, ok := opt.Target.(Setter); ok {
		if err := s.Set(raw); err != nil {
			return 0, err
		}
	} else if p, ok := opt.Target.(*string); ok {
		*p = raw
	}
	return int(lvl), nil
}

// Positional reads the positional arguments a command's parser stored as any.
func Positional(name string, count int) string {
	args := []any{name, &count}
	n := args[0].(string)
	c := args[1].(*int)
	*c *= 2
	return n + "=" + strconv.Itoa(*c)
}

// Settings collects parsed options: the caller keeps them.
type Settings struct{ values map[string]any }

// Parse stores a port for the caller: a real escape.
func Parse(port int) (*Settings, int) {
	s := &Settings{values: map[string]any{"port": &port}}
	p := s.values["port"].(*int)
	return s, *p
}

// Usage prints an option's usage: the default's text form when it has one.
func Usage(name string, def time.Duration) string {
	opt := Option{Name: name, Target: &def}
	if s, ok := opt.Target.(interface{ String() string }); ok {
		return "-" + opt.Name + " (default " + s.String() + ")"
	}
	return "-" + opt.Name
}
