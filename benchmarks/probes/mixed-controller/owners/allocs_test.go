package owners

import (
	"testing"
	"time"

	"example.com/probes/mixed-controller/api"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestOwners(t *testing.T) {
	dep := &api.Object{ObjectMeta: api.ObjectMeta{Name: "web", UID: "d1"}}
	rs := &api.Object{ObjectMeta: api.ObjectMeta{Name: "web-1", UID: "r1", OwnerRefs: []api.OwnerRef{{UID: "d1", Controller: true}}}}
	pod := &api.Object{ObjectMeta: api.ObjectMeta{Name: "web-1-x", UID: "p1", OwnerRefs: []api.OwnerRef{{UID: "r1", Controller: true}}}}
	lost := &api.Object{ObjectMeta: api.ObjectMeta{Name: "old", UID: "p2", OwnerRefs: []api.OwnerRef{{UID: "gone"}}}}
	objs := []*api.Object{dep, rs, pod, lost}
	if g := Graph(objs); len(g["d1"]) != 1 || g["r1"][0] != "p1" {
		t.Fatal(g)
	}
	if o := Orphans(objs); len(o) != 1 || o[0] != "p2" {
		t.Fatal(o)
	}
	byUID := map[string]*api.Object{"d1": dep, "r1": rs, "p1": pod}
	if c, err := Chain(byUID, "p1"); err != nil || c != "ReplicaSet/web-1-x <- ReplicaSet/web-1 <- Deployment/web" {
		t.Fatal(c, err)
	}
	if d := Depth(byUID, "p1", 10); d != 3 {
		t.Fatal(d)
	}
	if !AddFinalizer(dep, "a/x") || AddFinalizer(dep, "a/x") || !AddFinalizer(dep, "b/y") {
		t.Fatal(dep.Finalizers)
	}
	now := time.Now()
	dep.DeletionTimestamp = &now
	if p := Pending(dep, "a/x"); p != "b/y" {
		t.Fatal(p)
	}
	if !RemoveFinalizer(dep, "a/x") || HasFinalizer(dep, "a/x") {
		t.Fatal(dep.Finalizers)
	}
	a := &api.Spec{Replicas: 1, Image: "x", Ports: []int32{80}, Env: map[string]string{"A": "1"}}
	b := &api.Spec{Replicas: 2, Image: "x", Ports: []int32{80, 443}, Env: map[string]string{"A": "2", "B": "1"}}
	if !SpecChanged(a, b) || SpecChanged(a, a) {
		t.Fatal("SpecChanged")
	}
	if d := Diff(a, b); len(d) != 3 {
		t.Fatal(d)
	}
	if p := PortChanges(a, b); p != "+443" {
		t.Fatal(p)
	}
	if k := EnvKeys(a.Env, b.Env); len(k) != 2 {
		t.Fatal(k)
	}
	allocs(t, "Chain", func() { Chain(byUID, "p1") })
	allocs(t, "Depth", func() { Depth(byUID, "p1", 10) })
	allocs(t, "Pending", func() { Pending(dep, "a/x") })
	allocs(t, "PortChanges", func() { PortChanges(a, b) })
}
