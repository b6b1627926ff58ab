package plugins

import (
	"fmt"
	"strings"
)

// Plugin is an extension the host loads by name.
type Plugin interface {
	Name() string
	Init(cfg map[string]string) error
}

// Transformer is a plugin that rewrites a payload.
type Transformer interface {
	Transform(s string) string
}

type upper struct{ calls int }

func (u *upper) Name() string                     { return "upper" }
func (u *upper) Init(cfg map[string]string) error { return nil }
func (u *upper) Transform(s string) string        { u.calls++; return strings.ToUpper(s) }

type prefixer struct{ prefix string }

func (p *prefixer) Name() string { return "prefix" }
func (p *prefixer) Init(cfg map[string]string) error {
	if v, ok := cfg["prefix"]; ok {
		p.prefix = v
	}
	return nil
}
func (p *prefixer) Transform(s string) string { return p.prefix + s }

type noop struct{}

func (noop) Name() string                     { return "noop" }
func (noop) Init(cfg map[string]string) error { return nil }

// Descriptor is a registry entry: a plugin and how the host treats it.
type Descriptor struct {
	Plugin   Plugin
	Priority int
	Enabled  bool
	Weight   float64
}

// ApplyBuiltin runs the built-in upper-casing transformer from a local registry.
func ApplyBuiltin(s string) string {
	up := upper{}
	registry := map[string]Plugin{"upper": &up}
	if t, ok := registry["upper"].(Transformer); ok {
		return t.Transform(s)
	}
	return s
}

// PrefixWith initialises a prefixer through the Plugin interface and applies it.
func PrefixWith(s, prefix string) string {
	p := prefixer{}
	d := Descriptor{Plugin: &p, Priority: 1}
	if err := d.Plugin.Init(map[string]string{"prefix": prefix}); err != nil {
		return s
	}
	return d.Plugin.(Transformer).Transform(s)
}

// PriorityOf reads an inline descriptor's priority beside its plugin's name.
func PriorityOf(prefix string) (string, int) {
	p := prefixer{prefix: prefix}
	d := Descriptor{Plugin: &p, Priority: 7, Enabled: true}
	return d.Plugin.Name(), d.Priority
}

// EnabledName reports a descriptor's plugin name when the descriptor is enabled.
func EnabledName(prefix string) string {
	p := prefixer{prefix: prefix}
	d := Descriptor{Plugin: &p, Enabled: true}
	if d.Enabled {
		return d.Plugin.Name()
	}
	return ""
}

// WeightedName scales a score by the descriptor's weight.
func WeightedName(prefix string, score float64) (string, float64) {
	p := prefixer{prefix: prefix}
	d := Descriptor{Plugin: &p, Weight: 0.5}
	return d.Plugin.Name(), score * d.Weight
}

var loaded = map[string]Plugin{}

// Load registers a plugin in the process-wide registry: kept past the call.
func Load(prefix string) string {
	p := prefixer{prefix: prefix}
	d := Descriptor{Plugin: &p, Priority: 2}
	loaded[d.Plugin.Name()] = d.Plugin
	return d.Plugin.(Transformer).Transform("x")
}

// Describe logs the plugin through fmt, which keeps its argument on the heap.
func Describe(prefix string) string {
	p := prefixer{prefix: prefix}
	d := Descriptor{Plugin: &p}
	return fmt.Sprintf("%v", d.Plugin)
}

// Chain runs a literal pipeline of plugins in order.
func Chain(s string) string {
	up := upper{}
	pre := prefixer{prefix: ">"}
	for _, d := range []Descriptor{{Plugin: &up, Priority: 1}, {Plugin: &pre, Priority: 2}} {
		if t, ok := d.Plugin.(Transformer); ok {
			s = t.Transform(s)
		}
	}
	return s
}

// Pick chooses the upper-casing plugin or the no-op one at run time; whether it transforms is observed.
func Pick(s string, plain bool) (string, bool) {
	up := upper{}
	var p Plugin = &up
	if plain {
		p = noop{}
	}
	t, ok := p.(Transformer)
	if !ok {
		return s, false
	}
	return t.Transform(s), true
}
