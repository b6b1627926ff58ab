// Package sources looks settings up in a chain of sources, naming the one that answered.
package sources

import (
	"os"
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

type envSource struct{ prefix string }

func (e *envSource) Lookup(key string) (string, bool) {
	return os.LookupEnv(e.prefix + strings.ToUpper(key))
}

type mapSource struct {
	name string
	m    map[string]string
}

func (s mapSource) Lookup(key string) (string, bool) {
	v, ok := s.m[key]
	return v, ok
}

func (s mapSource) SourceName() string { return s.name }

// Resolve looks key up in the environment, then in the defaults, and says which source answered.
func Resolve(prefix string, defaults map[string]string, key string) (string, string) {
	env := envSource{prefix: prefix} // want "moved to heap: env"
	def := mapSource{name: "defaults", m: defaults}
	for _, s := range []Source{&env, def} { // want "def escapes to heap"
		if v, ok := s.Lookup(key); ok {
			from := "unnamed"
			if n, ok := s.(Namer); ok {
				from = n.SourceName()
			}
			return v, from
		}
	}
	return "", ""
}
