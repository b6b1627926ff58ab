// Package reconcile drives objects toward their spec, fanning out per namespace.
package reconcile

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"example.com/probes/mixed-controller/api"
	"example.com/probes/mixed-controller/limits"
)

// Options configures a reconcile pass.
type Options struct {
	MaxReplicas  int32
	FieldManager string
	DryRun       bool
}

func (o *Options) defaults() {
	if o.MaxReplicas <= 0 {
		o.MaxReplicas = 100
	}
	if o.FieldManager == "" {
		o.FieldManager = "controller"
	}
}

// Result is what reconciling one object did.
type Result struct {
	Key     string
	Changed bool
	Err     error
}

var errNoImage = errors.New("spec: image is required")

func validate(s *api.Spec) error {
	if s.Image == "" {
		return errNoImage
	}
	if s.Replicas < 0 {
		return fmt.Errorf("spec: replicas %d < 0", s.Replicas)
	}
	return nil
}

func reconcileOne(o *api.Object, opts *Options) Result {
	r := Result{Key: api.Key(o)}
	want := min(o.Spec.Replicas, opts.MaxReplicas)
	if o.Status.ReadyReplicas != want || o.Status.ObservedGeneration != o.Generation {
		r.Changed = true
		if !opts.DryRun {
			o.Status.ReadyReplicas = want
			o.Status.ObservedGeneration = o.Generation
		}
	}
	return r
}

// ByNamespace groups objects by namespace, namespaces sorted.
func ByNamespace(objs []*api.Object) ([]string, map[string][]*api.Object) {
	groups := make(map[string][]*api.Object)
	for _, o := range objs {
		groups[o.Namespace] = append(groups[o.Namespace], o)
	}
	names := make([]string, 0, len(groups))
	for ns := range groups {
		names = append(names, ns)
	}
	sort.Strings(names)
	return names, groups
}

// ReconcileAll reconciles every object with one goroutine per namespace; each writes only its own slot.
func ReconcileAll(objs []*api.Object, opts Options) []Result {
	opts.defaults()
	names, groups := ByNamespace(objs)
	per := make([][]Result, len(names))
	var wg sync.WaitGroup
	for i, ns := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, o := range groups[ns] {
				per[i] = append(per[i], reconcileOne(o, &opts))
			}
		}()
	}
	wg.Wait()
	var out []Result
	for _, rs := range per {
		out = append(out, rs...)
	}
	return out
}

// Scale sets every object's replicas to the validated spec's, one goroutine per object.
func Scale(objs []*api.Object, spec api.Spec) error {
	if err := validate(&spec); err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, o := range objs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o.Spec.Replicas = spec.Replicas
			o.Spec.Image = spec.Image
		}()
	}
	wg.Wait()
	return nil
}

// Rollout moves every namespace to a new image and records the rollout's phase once all are done.
func Rollout(groups map[string][]*api.Object, image string) (string, int) {
	phase := "Progressing"
	var mu sync.Mutex
	updated := 0
	var wg sync.WaitGroup
	for _, objs := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, o := range objs {
				if o.Spec.Image != image {
					o.Spec.Image = image
					o.Generation++
					mu.Lock()
					updated++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	image = ""
	phase = "Complete"
	return phase, updated
}

// Counts counts ready replicas per namespace into a fixed table, one goroutine per namespace.
func Counts(names []string, groups map[string][]*api.Object) (int32, string) {
	var ready [limits.MaxNamespaces]int32
	summary := "pending"
	n := min(len(names), limits.MaxNamespaces)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, o := range groups[names[i]] {
				ready[i] += o.Status.ReadyReplicas
			}
		}()
	}
	wg.Wait()
	var total int32
	for _, r := range ready[:n] {
		total += r
	}
	summary = fmt.Sprintf("%d ready in %d namespaces", total, n)
	return total, summary
}

// Pause reconciles objects while an operator may pause the rollout; workers started after must see it.
func Pause(objs []*api.Object, spec api.Spec, pause <-chan struct{}) int {
	var mu sync.Mutex
	skipped := 0
	var wg sync.WaitGroup
	for _, o := range objs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			if spec.Paused {
				skipped++
				return
			}
			o.Spec.Image = spec.Image
		}()
		select {
		case <-pause:
			mu.Lock()
			spec.Paused = true
			mu.Unlock()
		default:
		}
	}
	wg.Wait()
	return skipped
}

// Controller keeps reconciling objects from a channel with its options, which it hands back for live edits under mu.
func Controller(in <-chan *api.Object, opts Options, mu *sync.Mutex, out chan<- Result) *Options {
	opts.defaults()
	go func() {
		for o := range in {
			mu.Lock()
			r := reconcileOne(o, &opts)
			mu.Unlock()
			out <- r
		}
		close(out)
	}()
	return &opts
}

// Drain reconciles objects on a fixed pool of workers fed by a channel and reports failures after the drain.
func Drain(objs []*api.Object, opts Options, workers int) (int, error) {
	opts.defaults()
	work := make(chan *api.Object)
	res := make(chan Result)
	for w := 0; w < workers; w++ {
		go func() {
			for o := range work {
				r := reconcileOne(o, &opts)
				if err := validate(&o.Spec); err != nil {
					r.Err = err
				}
				res <- r
			}
		}()
	}
	go func() {
		for _, o := range objs {
			work <- o
		}
		close(work)
	}()
	changed := 0
	var firstErr error
	for range objs {
		r := <-res
		if r.Changed {
			changed++
		}
		if r.Err != nil && firstErr == nil {
			firstErr = r.Err
		}
	}
	opts.DryRun = true
	return changed, firstErr
}
