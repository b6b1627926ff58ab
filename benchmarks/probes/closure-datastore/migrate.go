package datastore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// Row is one row of a table being migrated.
type Row struct {
	ID   int64
	Data string
}

// Store is what the migration runner writes to.
type Store interface {
	Exec(ctx context.Context, stmt string) error
	Scan(ctx context.Context, table string, from, to int64) ([]Row, error)
	Write(ctx context.Context, table string, rows []Row) error
}

// Migration is one schema step.
type Migration struct {
	Version int
	Up      []string
}

// RunnerConfig sizes a Runner.
type RunnerConfig struct {
	Workers   int
	BatchRows int64
	Table     string
	DryRun    bool
}

// Runner runs migrations and backfills.
type Runner struct {
	cfg     RunnerConfig
	store   Store
	applied atomic.Int64
}

// NewRunner makes a runner.
func NewRunner(cfg RunnerConfig, store Store) *Runner { return &Runner{cfg: cfg, store: store} }

// ApplyParallel runs independent statements of one migration in parallel;
// the schema name is cleared afterwards.
func (r *Runner) ApplyParallel(ctx context.Context, m Migration, schema string) error {
	errs := make([]error, len(m.Up))
	var wg sync.WaitGroup
	for i, stmt := range m.Up {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = r.store.Exec(ctx, strings.ReplaceAll(stmt, "{schema}", schema))
		}()
	}
	wg.Wait()
	schema = ""
	_ = schema
	return errors.Join(errs...)
}

// Backfill copies rows in ranges of cfg.BatchRows, cfg.Workers ranges at a
// time; the table is renamed for the summary afterwards.
func (r *Runner) Backfill(ctx context.Context, from, to int64) (string, error) {
	table := r.cfg.Table
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(r.cfg.Workers)
	for lo := from; lo < to; lo += r.cfg.BatchRows {
		hi := min(lo+r.cfg.BatchRows, to)
		g.Go(func() error {
			rows, err := r.store.Scan(ctx, table, lo, hi)
			if err != nil {
				return err
			}
			for i := range rows {
				rows[i].Data = strings.TrimSpace(rows[i].Data)
			}
			if err := r.store.Write(ctx, table+"_new", rows); err != nil {
				return err
			}
			r.applied.Add(int64(len(rows)))
			return nil
		})
	}
	err := g.Wait()
	table = table + " (backfilled)"
	return table, err
}

// spawnRange starts one range copy on the group.
func (r *Runner) spawnRange(g *errgroup.Group, ctx context.Context, table string, lo, hi int64) {
	g.Go(func() error {
		rows, err := r.store.Scan(ctx, table, lo, hi)
		if err != nil {
			return err
		}
		return r.store.Write(ctx, table+"_new", rows)
	})
}

// BackfillRanges copies given ranges through spawnRange and verifies the
// counts inline; the verify label changes afterwards.
func (r *Runner) BackfillRanges(ctx context.Context, ranges [][2]int64, label string) (string, error) {
	g, gctx := errgroup.WithContext(ctx)
	for _, rg := range ranges {
		r.spawnRange(g, gctx, r.cfg.Table, rg[0], rg[1])
	}
	g.Go(func() error {
		if label == "" {
			return errors.New("datastore: no verify label")
		}
		return r.store.Exec(gctx, "ANALYZE "+label)
	})
	err := g.Wait()
	label = "verified " + label
	return label, err
}

// backfillWorker takes ranges from jobs until it closes.
func backfillWorker(ctx context.Context, wg *sync.WaitGroup, r *Runner, jobs <-chan [2]int64, failed *atomic.Int64) {
	defer wg.Done()
	for rg := range jobs {
		rows, err := r.store.Scan(ctx, r.cfg.Table, rg[0], rg[1])
		if err == nil {
			err = r.store.Write(ctx, r.cfg.Table+"_new", rows)
		}
		if err != nil {
			failed.Add(1)
		}
	}
}

// BackfillPool runs cfg.Workers named workers over the ranges while a
// progress goroutine formats the plan; the plan is rewritten after.
func (r *Runner) BackfillPool(ctx context.Context, ranges [][2]int64) (string, int64) {
	jobs := make(chan [2]int64)
	var failed atomic.Int64
	plan := fmt.Sprintf("%d ranges", len(ranges))
	var wg sync.WaitGroup
	for i := 0; i < r.cfg.Workers; i++ {
		wg.Add(1)
		go backfillWorker(ctx, &wg, r, jobs, &failed)
	}
	var header string
	wg.Add(1)
	go func() {
		defer wg.Done()
		header = "plan: " + plan
	}()
	for _, rg := range ranges {
		jobs <- rg
	}
	close(jobs)
	wg.Wait()
	plan = header + " done"
	return plan, failed.Load()
}

// Verify checks every range count against the source with cfg.Workers
// goroutines over a stride; the mode string flips for the next pass.
func (r *Runner) Verify(ctx context.Context, total int64, mode string) (string, []int) {
	workers := r.cfg.Workers
	bad := make([]int, workers)
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for id := int64(w); id < total; id += int64(workers) {
				rows, err := r.store.Scan(ctx, r.cfg.Table, id, id+1)
				if err != nil || (mode == "strict" && len(rows) != 1) {
					bad[w]++
				}
			}
		}()
	}
	wg.Wait()
	if mode == "strict" {
		mode = "lenient"
	}
	return mode, bad
}

// Rollback runs the down steps in a detached goroutine the caller never
// waits for; the reason is overwritten right away (a real escape).
func (r *Runner) Rollback(ctx context.Context, steps []string, reason string) string {
	go func() {
		for _, s := range steps {
			_ = r.store.Exec(ctx, s+" -- "+reason)
		}
	}()
	reason = "rolled back: " + reason
	return reason
}
