package plugins

import "strings"

// Source is a configuration provider.
type Source interface {
	Lookup(key string) (string, bool)
}

type envSource struct{ env map[string]string }

func (e *envSource) Lookup(key string) (string, bool) {
	v, ok := e.env[strings.ToUpper(key)]
	return v, ok
}

type fixed struct{ k, v string }

func (f *fixed) Lookup(key string) (string, bool) {
	if key == f.k {
		return f.v, true
	}
	return "", false
}

// Section is a node of a configuration tree.
type Section struct {
	Name   string
	Source Source
	Depth  int
	Strict bool
	Sub    *Section
}

// Tree is a configuration root with its sections.
type Tree struct {
	Root     Section
	Sections [2]Section
}

// LookupEnv reads a key through an inline environment section.
func LookupEnv(env map[string]string, key string) string {
	e := envSource{env: env}
	sec := Section{Name: "env", Source: &e}
	v, _ := sec.Source.Lookup(key)
	return v
}

// LookupStrict reads a key and fails in strict sections.
func LookupStrict(key string) (string, bool) {
	f := fixed{k: "region", v: "eu"}
	sec := Section{Name: "defaults", Source: &f, Strict: true}
	v, ok := sec.Source.Lookup(key)
	if !ok && sec.Strict {
		return "", false
	}
	return v, true
}

// RootValue reads a key through the root of a nested tree literal.
func RootValue(key string) string {
	f := fixed{k: "zone", v: "a"}
	t := Tree{Root: Section{Name: "root", Source: &f, Depth: 0}}
	v, _ := t.Root.Source.Lookup(key)
	return v
}

// Layered reads a key from the first section of the tree that has it.
func Layered(env map[string]string, key string) string {
	e := envSource{env: env}
	f := fixed{k: key, v: "default"}
	t := Tree{Sections: [2]Section{{Name: "env", Source: &e}, {Name: "defaults", Source: &f}}}
	if v, ok := t.Sections[0].Source.Lookup(key); ok {
		return v
	}
	v, _ := t.Sections[1].Source.Lookup(key)
	return v
}

// DepthOf reads a section's depth beside its source.
func DepthOf(key string) (string, int) {
	f := fixed{k: "a", v: "b"}
	t := Tree{Root: Section{Name: "root", Source: &f, Depth: 2}}
	v, _ := t.Root.Source.Lookup(key)
	return v, t.Root.Depth
}

// Walk follows the tree's sub-sections: the section pointer is kept by the loop's variable.
func Walk(key string) int {
	f := fixed{k: key, v: "x"}
	leaf := Section{Name: "leaf", Source: &f}
	root := Section{Name: "root", Sub: &leaf}
	n := 0
	for s := &root; s != nil; s = s.Sub {
		if s.Source != nil {
			if _, ok := s.Source.Lookup(key); ok {
				n++
			}
		}
	}
	return n
}
