package reconcile

import (
	"sync"
	"testing"

	"example.com/probes/mixed-controller/api"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func objs() []*api.Object {
	mk := func(ns, name string, replicas int32) *api.Object {
		return &api.Object{ObjectMeta: api.ObjectMeta{Namespace: ns, Name: name, Generation: 1},
			Spec: api.Spec{Replicas: replicas, Image: "app:v1"}}
	}
	return []*api.Object{mk("prod", "web", 3), mk("prod", "api", 2), mk("dev", "web", 1)}
}

func TestReconcile(t *testing.T) {
	os := objs()
	rs := ReconcileAll(os, Options{})
	if len(rs) != 3 || !rs[0].Changed {
		t.Fatal(rs)
	}
	if os[0].Status.ReadyReplicas != 3 {
		t.Fatal(os[0].Status)
	}
	dry := objs()
	allocs(t, "ReconcileAll", func() { ReconcileAll(dry, Options{DryRun: true}) })
	if err := Scale(os, api.Spec{Replicas: 5, Image: "app:v2"}); err != nil || os[2].Spec.Replicas != 5 {
		t.Fatal(err)
	}
	if err := Scale(os, api.Spec{Replicas: 5}); err != errNoImage {
		t.Fatal(err)
	}
	allocs(t, "Scale", func() { Scale(os, api.Spec{Replicas: 5, Image: "app:v2"}) })
	names, groups := ByNamespace(os)
	if phase, n := Rollout(groups, "app:v3"); phase != "Complete" || n != 3 {
		t.Fatal(phase, n)
	}
	allocs(t, "Rollout", func() { Rollout(groups, "app:v3") })
	if total, s := Counts(names, groups); total != 6 || s != "6 ready in 2 namespaces" {
		t.Fatal(total, s)
	}
	allocs(t, "Counts", func() { Counts(names, groups) })
	pause := make(chan struct{}, 1)
	pause <- struct{}{}
	if n := Pause(objs(), api.Spec{Image: "app:v4"}, pause); n < 0 || n > 3 {
		t.Fatal(n)
	}
	if n, err := Drain(objs(), Options{DryRun: true}, 2); n != 3 || err != nil {
		t.Fatal(n, err)
	}
	allocs(t, "Drain", func() { Drain(dry, Options{DryRun: true}, 2) })
	var mu sync.Mutex
	in := make(chan *api.Object)
	out := make(chan Result)
	live := Controller(in, Options{}, &mu, out)
	in <- objs()[0]
	if r := <-out; !r.Changed {
		t.Fatal(r)
	}
	mu.Lock()
	live.MaxReplicas = 1
	mu.Unlock()
	o := objs()[0]
	in <- o
	<-out
	if o.Status.ReadyReplicas != 1 {
		t.Fatal(o.Status)
	}
	close(in)
}
