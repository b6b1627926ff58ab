package fleet

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// Device is a unit in the fleet.
type Device struct {
	ID      string
	Model   string
	Version string
}

// Updater pushes an image to one device.
type Updater interface {
	Push(ctx context.Context, d Device, image string) error
}

// RolloutPlan says how a firmware image goes out.
type RolloutPlan struct {
	Image     string
	WaveSize  int
	MaxFailed int
	Parallel  int
}

// ErrBudget says a rollout stopped because too many devices failed.
var ErrBudget = errors.New("rollout: failure budget spent")

// RolloutWaves pushes the image wave by wave; a wave whose failures pass the
// budget stops the rollout. The image tag is promoted after each wave.
func RolloutWaves(ctx context.Context, up Updater, devs []Device, plan RolloutPlan) (int, error) {
	image := plan.Image
	size := max(plan.WaveSize, 1)
	failed := 0
	done := 0
	for lo := 0; lo < len(devs); lo += size {
		wave := devs[lo:min(lo+size, len(devs))]
		errs := make([]error, len(wave))
		var wg sync.WaitGroup
		for i, d := range wave {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = up.Push(ctx, d, image)
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				failed++
			} else {
				done++
			}
		}
		if failed > plan.MaxFailed {
			return done, ErrBudget
		}
		image = plan.Image + "+stable"
	}
	return done, nil
}

// RolloutGroup pushes one wave on an errgroup limited to plan.Parallel.
func RolloutGroup(ctx context.Context, up Updater, wave []Device, plan RolloutPlan) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(max(plan.Parallel, 1))
	image := plan.Image
	for _, d := range wave {
		g.Go(func() error {
			return up.Push(ctx, d, image)
		})
	}
	if err := g.Wait(); err != nil {
		image += " (partial)"
		return fmt.Errorf("rollout %s: %w", image, err)
	}
	return nil
}

// RolloutBudget pushes to every device at once and counts failures with an
// atomic; a watcher cancels the rollout when the budget is spent while the
// pushes run (the budget check reads the counter concurrently: must-decline
// for failed, which is the shared state).
func RolloutBudget(ctx context.Context, up Updater, devs []Device, plan RolloutPlan) (int64, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var failed atomic.Int64
	var wg sync.WaitGroup
	for _, d := range devs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := up.Push(ctx, d, plan.Image); err != nil {
				if failed.Add(1) > int64(plan.MaxFailed) {
					cancel()
				}
			}
		}()
	}
	wg.Wait()
	if n := failed.Load(); n > int64(plan.MaxFailed) {
		return n, ErrBudget
	}
	return failed.Load(), nil
}

// Canary pushes to a few canaries; the plan's image is swapped to the rollback
// image while they are still pushing when the first canary fails
// (must-decline: the setting changed while workers run).
func Canary(ctx context.Context, up Updater, canaries []Device, image, rollback string) []error {
	errs := make([]error, len(canaries))
	res := make(chan int, len(canaries))
	for i, d := range canaries {
		go func() {
			errs[i] = up.Push(ctx, d, image)
			res <- i
		}()
	}
	for range canaries {
		i := <-res
		if errs[i] != nil {
			image = rollback
		}
	}
	return errs
}

// VersionReport asks each device's version with a pool of plan.Parallel
// workers reading a job channel; the model filter is lowered after.
func VersionReport(devs []Device, plan RolloutPlan, model string, ask func(Device) string) map[string]int {
	jobs := make(chan Device)
	counts := make(map[string]int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < max(plan.Parallel, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				if model != "" && d.Model != model {
					continue
				}
				v := ask(d)
				mu.Lock()
				counts[v]++
				mu.Unlock()
			}
		}()
	}
	for _, d := range devs {
		jobs <- d
	}
	close(jobs)
	wg.Wait()
	if model == "" {
		model = "all"
	}
	counts["model="+model] = len(devs)
	return counts
}

// Stage tags devices in the background and never waits; each tag carries the
// count queued so far (must-decline: goroutines outliving the function read a
// counter the loop keeps raising).
func Stage(devs []Device, tag string, mark func(string, string)) int {
	queued := 0
	for _, d := range devs {
		go func() {
			mark(d.ID, fmt.Sprintf("%s#%d", tag, queued))
		}()
		queued++
	}
	return queued
}
