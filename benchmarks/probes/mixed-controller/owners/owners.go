// Package owners walks owner references, handles finalizers and diffs specs by hand.
package owners

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"example.com/probes/mixed-controller/api"
	"example.com/probes/mixed-controller/limits"
)

// Controller returns the owner reference marked as the controller.
func Controller(o *api.Object) (api.OwnerRef, bool) {
	for _, r := range o.OwnerRefs {
		if r.Controller {
			return r, true
		}
	}
	return api.OwnerRef{}, false
}

// Graph maps each owner UID to the UIDs it owns.
func Graph(objs []*api.Object) map[string][]string {
	g := make(map[string][]string)
	for _, o := range objs {
		for _, r := range o.OwnerRefs {
			g[r.UID] = append(g[r.UID], o.UID)
		}
	}
	return g
}

// Orphans lists the objects whose every owner is gone, sorted by UID.
func Orphans(objs []*api.Object) []string {
	live := make(map[string]bool, len(objs))
	for _, o := range objs {
		live[o.UID] = true
	}
	var out []string
	for _, o := range objs {
		if len(o.OwnerRefs) == 0 {
			continue
		}
		orphan := true
		for _, r := range o.OwnerRefs {
			if live[r.UID] {
				orphan = false
				break
			}
		}
		if orphan {
			out = append(out, o.UID)
		}
	}
	sort.Strings(out)
	return out
}

var errTooDeep = errors.New("owners: chain deeper than limit")

// Chain follows controller references from uid up to the root, at most limits.MaxOwnerDepth hops.
func Chain(byUID map[string]*api.Object, uid string) (string, error) {
	var path [limits.MaxOwnerDepth]string
	n := 0
	for cur := uid; ; {
		o, ok := byUID[cur]
		if !ok {
			break
		}
		if n == len(path) {
			return "", errTooDeep
		}
		path[n] = o.Kind() + "/" + o.Name
		n++
		r, ok := Controller(o)
		if !ok {
			break
		}
		cur = r.UID
	}
	return strings.Join(path[:n], " <- "), nil
}

// Depth is how many controller hops lead from uid to its root, using a visited list bounded by the depth limit.
func Depth(byUID map[string]*api.Object, uid string, limit int) int {
	if limit > limits.MaxOwnerDepth {
		limit = limits.MaxOwnerDepth
	}
	if limit < 0 {
		return 0
	}
	visited := make([]string, 0, limit)
	for cur := uid; len(visited) < limit; {
		o, ok := byUID[cur]
		if !ok {
			break
		}
		for _, v := range visited {
			if v == cur {
				return -1
			}
		}
		visited = append(visited, cur)
		r, ok := Controller(o)
		if !ok {
			break
		}
		cur = r.UID
	}
	return len(visited)
}

// HasFinalizer reports whether o carries f.
func HasFinalizer(o *api.Object, f string) bool {
	for _, x := range o.Finalizers {
		if x == f {
			return true
		}
	}
	return false
}

// AddFinalizer adds f unless present or the object is at the limit.
func AddFinalizer(o *api.Object, f string) bool {
	if HasFinalizer(o, f) || len(o.Finalizers) >= limits.MaxFinalizers {
		return false
	}
	o.Finalizers = append(o.Finalizers, f)
	return true
}

// RemoveFinalizer filters f out in place.
func RemoveFinalizer(o *api.Object, f string) bool {
	kept := o.Finalizers[:0]
	for _, x := range o.Finalizers {
		if x != f {
			kept = append(kept, x)
		}
	}
	removed := len(kept) != len(o.Finalizers)
	o.Finalizers = kept
	return removed
}

// Pending lists the finalizers of a deleting object that this controller does not own, joined for a condition.
func Pending(o *api.Object, ours string) string {
	if !o.Deleting() {
		return ""
	}
	n := min(len(o.Finalizers), limits.MaxFinalizers)
	others := make([]string, 0, n)
	for _, f := range o.Finalizers[:n] {
		if f != ours {
			others = append(others, f)
		}
	}
	return strings.Join(others, ",")
}

func envEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func portsEqual(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// SpecChanged compares two specs field by field.
func SpecChanged(a, b *api.Spec) bool {
	return a.Replicas != b.Replicas || a.Image != b.Image || a.Paused != b.Paused ||
		!portsEqual(a.Ports, b.Ports) || !envEqual(a.Env, b.Env)
}

// Diff names the changed fields for the caller to keep in an event.
func Diff(a, b *api.Spec) []string {
	out := make([]string, 0, limits.MaxDiffFields)
	if a.Replicas != b.Replicas {
		out = append(out, "replicas")
	}
	if a.Image != b.Image {
		out = append(out, "image")
	}
	if !portsEqual(a.Ports, b.Ports) {
		out = append(out, "ports")
	}
	if !envEqual(a.Env, b.Env) {
		out = append(out, "env")
	}
	return out
}

// PortChanges describes the ports added, each as "+port", bounded by the diff limit.
func PortChanges(a, b *api.Spec) string {
	n := min(len(b.Ports), limits.MaxDiffFields)
	added := make([]string, 0, n)
	for _, p := range b.Ports[:n] {
		found := false
		for _, q := range a.Ports {
			found = found || p == q
		}
		if !found {
			added = append(added, "+"+strconv.Itoa(int(p)))
		}
	}
	return strings.Join(added, " ")
}

// EnvKeys returns the changed env keys sorted, for the caller to keep.
func EnvKeys(a, b map[string]string) []string {
	keys := make([]string, 0, len(a)+len(b))
	for k, v := range a {
		if b[k] != v {
			keys = append(keys, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}
