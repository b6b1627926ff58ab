package tool

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Handler converts one record.
type Handler interface {
	Handle(rec []string) ([]string, error)
}

// Namer is implemented by handlers with a display name.
type Namer interface{ Name() string }

// upper upper-cases every field.
type upper struct{ tag string }

func (u *upper) Handle(rec []string) ([]string, error) {
	for i := range rec {
		rec[i] = strings.ToUpper(rec[i])
	}
	return rec, nil
}

func (u *upper) Name() string { return "upper:" + u.tag }

// trim trims spaces.
type trim struct{ cut string }

func (t trim) Handle(rec []string) ([]string, error) {
	for i := range rec {
		rec[i] = strings.Trim(rec[i], t.cut)
	}
	return rec, nil
}

// Plugin is a registry entry.
type Plugin struct {
	Name string
	Impl any
}

// registry maps names to plugins.
var registry = map[string]Plugin{}

// Register adds a plugin.
func Register(name string, impl any) { registry[name] = Plugin{name, impl} }

// runPlugin runs the named plugin if it handles records.
func runPlugin(name string, rec []string) ([]string, error) {
	p, ok := registry[name]
	if !ok {
		return nil, fmt.Errorf("no plugin %q", name)
	}
	h, ok := p.Impl.(Handler)
	if !ok {
		return nil, fmt.Errorf("plugin %q does not handle records", name)
	}
	return h.Handle(rec)
}

// describe names a local handler through its Namer.
func describe(tag string) string {
	u := upper{tag: tag}
	p := Plugin{Name: "upper", Impl: &u}
	if n, ok := p.Impl.(Namer); ok {
		return n.Name()
	}
	return p.Name
}

// applyDefault runs the default trimming handler on a record.
func applyDefault(rec []string) ([]string, error) {
	t := trim{cut: " \t"}
	var h any = t
	return h.(Handler).Handle(rec)
}

// chain applies the local handlers in order.
func chain(rec []string, tag string) ([]string, error) {
	u := upper{tag: tag}
	t := trim{cut: " "}
	steps := []any{&u, t}
	var err error
	for _, s := range steps {
		if rec, err = s.(Handler).Handle(rec); err != nil {
			return nil, err
		}
	}
	return rec, nil
}

// listPlugins writes the registered plugin names, sorted.
func listPlugins(w io.Writer) {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "%s\t%T\n", n, registry[n].Impl)
	}
}

// pipelineOf builds a local map of handlers and runs the requested one.
func pipelineOf(rec []string, which string) ([]string, error) {
	u := upper{tag: "x"}
	hs := map[string]any{"upper": &u, "trim": trim{cut: " "}}
	h, ok := hs[which].(Handler)
	if !ok {
		return rec, nil
	}
	return h.Handle(rec)
}
