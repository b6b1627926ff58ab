// Package hook describes the hook a command's options carry.
package hook

import "fmt"

// Describer is implemented by hooks that describe themselves.
type Describer interface {
	Describe() string
}

// Renamer is implemented by hooks that rename settings.
type Renamer interface {
	Rename(key string) string
}

// Options configure a command.
type Options struct {
	Verbose bool
	Hook    any
}

type prefixer struct{ prefix string }

func (p *prefixer) Rename(key string) string { return p.prefix + key }

// Describe says what the default hook does to a key.
func Describe(prefix, key string) string {
	h := prefixer{prefix: prefix} // want "moved to heap: h"
	opts := Options{Verbose: true, Hook: &h}
	if d, ok := opts.Hook.(Describer); ok {
		return d.Describe()
	}
	if r, ok := opts.Hook.(Renamer); ok {
		return fmt.Sprintf("renames %s to %s", key, r.Rename(key))
	}
	return "no hook"
}
