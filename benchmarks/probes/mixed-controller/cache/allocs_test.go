package cache

import (
	"sync/atomic"
	"testing"

	"example.com/probes/mixed-controller/api"
	"example.com/probes/mixed-controller/labels"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

type counter struct{ adds, updates, deletes atomic.Int64 }

func (c *counter) OnAdd(*api.Object)         { c.adds.Add(1) }
func (c *counter) OnUpdate(_, _ *api.Object) { c.updates.Add(1) }
func (c *counter) OnDelete(*api.Object)      { c.deletes.Add(1) }

func obj(ns, name string, rv int64, lbls map[string]string) *api.Object {
	return &api.Object{ObjectMeta: api.ObjectMeta{Namespace: ns, Name: name, ResourceVersion: rv, Labels: lbls}}
}

func TestStore(t *testing.T) {
	s := NewStore()
	var c counter
	s.AddHandler(&c)
	s.AddHandler(&counter{})
	s.Upsert(obj("prod", "web", 1, map[string]string{"app": "web"}))
	s.Upsert(obj("prod", "db", 1, map[string]string{"app": "db"}))
	s.Upsert(obj("dev", "web", 1, map[string]string{"app": "web"}))
	s.Upsert(obj("prod", "web", 2, map[string]string{"app": "web"}))
	s.Upsert(obj("prod", "web", 1, nil))
	if c.adds.Load() != 3 || c.updates.Load() != 1 {
		t.Fatal(c.adds.Load(), c.updates.Load())
	}
	if o, ok := s.Get("prod", "web"); !ok || o.ResourceVersion != 2 {
		t.Fatal(o, ok)
	}
	sel, _ := labels.Parse("app=web")
	if got := s.List(&sel); len(got) != 2 {
		t.Fatal(len(got))
	}
	if got := s.Namespaces(); len(got) != 2 || got[0] != "dev" {
		t.Fatal(got)
	}
	nss := []string{"prod", "dev"}
	if n := s.CountIn(nss); n != 3 {
		t.Fatal(n)
	}
	if n := s.Resync(); n != 6 {
		t.Fatal(n)
	}
	if n, err := s.ResyncNamespace("prod", "app=web"); err != nil || n != 2 {
		t.Fatal(n, err)
	}
	s.Delete("prod/db")
	if c.deletes.Load() != 1 {
		t.Fatal(c.deletes.Load())
	}
	allocs(t, "Get", func() { s.Get("prod", "web") })
	allocs(t, "CountIn", func() { s.CountIn(nss) })
	allocs(t, "Namespaces", func() { s.Namespaces() })
	allocs(t, "Resync", func() { s.Resync() })
	allocs(t, "ResyncNamespace", func() { s.ResyncNamespace("prod", "app=web") })
}
