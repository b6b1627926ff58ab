package cfgtool

import (
	"os"
	"strconv"
	"strings"
)

// Source yields settings by key.
type Source interface {
	Lookup(key string) (string, bool)
}

// Namer is implemented by sources that can name themselves in messages.
type Namer interface {
	SourceName() string
}

// envSource reads KEY as PREFIX_KEY from the environment.
type envSource struct{ prefix string }

func (e *envSource) Lookup(key string) (string, bool) {
	return os.LookupEnv(e.prefix + strings.ToUpper(key))
}
func (e *envSource) SourceName() string { return "env" }

// mapSource reads from a fixed map (defaults, or a parsed file).
type mapSource struct {
	name string
	m    map[string]string
}

func (s mapSource) Lookup(key string) (string, bool) {
	v, ok := s.m[key]
	return v, ok
}
func (s mapSource) SourceName() string { return s.name }

// Resolve looks key up in the environment, then in the defaults.
func Resolve(prefix string, defaults map[string]string, key string) (string, string) {
	env := envSource{prefix: prefix}
	def := mapSource{name: "defaults", m: defaults}
	chain := []Source{&env, def}
	for _, s := range chain {
		if v, ok := s.Lookup(key); ok {
			name := "?"
			if n, ok := s.(Namer); ok {
				name = n.SourceName()
			}
			return v, name
		}
	}
	return "", ""
}

// EnvInt reads an integer from the environment, with a default.
func EnvInt(prefix, key string, def int) int {
	env := envSource{prefix: prefix}
	var src Source = &env
	v, ok := src.Lookup(key)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return def
	}
	return n
}

// Merge overlays env over defaults for every key of defaults.
func Merge(prefix string, defaults map[string]string) map[string]string {
	out := make(map[string]string, len(defaults))
	env := envSource{prefix: prefix}
	layers := [2]Source{&env, mapSource{m: defaults}}
	for k := range defaults {
		for _, l := range layers {
			if v, ok := l.Lookup(k); ok {
				out[k] = v
				break
			}
		}
	}
	return out
}

// DescribeSource names the source a flag value came from.
func DescribeSource(prefix string) string {
	env := envSource{prefix: prefix}
	src := Source(&env)
	if n, ok := src.(Namer); ok {
		return n.SourceName() + "(" + env.prefix + ")"
	}
	return env.prefix
}

// sources are kept for the life of the process.
var sources []Source

// AddEnv registers an env source globally (kept: a real escape).
func AddEnv(prefix string) {
	env := envSource{prefix: prefix}
	var s Source = &env
	sources = append(sources, s)
}
