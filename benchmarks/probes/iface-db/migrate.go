package dbx

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Migration is one schema step.
type Migration interface {
	Version() int
	Up(ctx context.Context, tx Tx) error
}

// NoTx is implemented by migrations that must run outside a transaction
// (CREATE INDEX CONCURRENTLY).
type NoTx interface{ NoTransaction() bool }

// Describer gives a human-readable summary for `migrate status`.
type Describer interface{ Describe() string }

type createUsers struct{ table string }

func (m *createUsers) Version() int { return 1 }
func (m *createUsers) Up(ctx context.Context, tx Tx) error {
	_, err := tx.ExecContext(ctx, "CREATE TABLE "+m.table+" (id bigint primary key, name text)")
	return err
}
func (m *createUsers) Describe() string { return "create " + m.table }

type addIndex struct {
	table, column string
	concurrent    bool
}

func (m *addIndex) Version() int { return 2 }
func (m *addIndex) Up(ctx context.Context, tx Tx) error {
	kw := "CREATE INDEX "
	if m.concurrent {
		kw = "CREATE INDEX CONCURRENTLY "
	}
	_, err := tx.ExecContext(ctx, kw+m.table+"_"+m.column+" ON "+m.table+" ("+m.column+")")
	return err
}
func (m *addIndex) NoTransaction() bool { return m.concurrent }

// countingTx records statements instead of running them (dry runs).
type countingTx struct {
	n    int
	last string
}

func (c *countingTx) ExecContext(_ context.Context, q string, _ ...any) (int64, error) {
	c.n++
	c.last = q
	return 0, nil
}

// DryRun counts the statements the built-in migrations would run.
func DryRun(ctx context.Context) (int, error) {
	var tx countingTx
	users := createUsers{table: "users"}
	idx := addIndex{table: "users", column: "email", concurrent: true}
	for _, m := range []Migration{&users, &idx} {
		if err := m.Up(ctx, &tx); err != nil {
			return tx.n, err
		}
	}
	return tx.n, nil
}

// Status lists the built-in migrations for `migrate status`.
func Status() string {
	users := createUsers{table: "users"}
	idx := addIndex{table: "users", column: "email"}
	steps := []Migration{&users, &idx}
	var b strings.Builder
	for _, m := range steps {
		b.WriteString(strconv.Itoa(m.Version()))
		b.WriteByte(' ')
		if d, ok := m.(Describer); ok {
			b.WriteString(d.Describe())
		} else {
			b.WriteString("(no description)")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// NeedsTx says whether the index migration may run inside a transaction.
func NeedsTx(concurrent bool) bool {
	idx := addIndex{table: "events", column: "at", concurrent: concurrent}
	var m Migration = &idx
	if n, ok := m.(NoTx); ok && n.NoTransaction() {
		return false
	}
	return true
}

// Plan orders migrations by version, checking for duplicates.
func Plan(ms []Migration) ([]Migration, error) {
	seen := map[int]bool{}
	for _, m := range ms {
		if seen[m.Version()] {
			return nil, fmt.Errorf("duplicate migration %d", m.Version())
		}
		seen[m.Version()] = true
	}
	return ms, nil
}

// ApplyOne runs the users migration against a dry-run transaction held in the
// runner's options.
func ApplyOne(ctx context.Context) (string, error) {
	var tx countingTx
	users := createUsers{table: "accounts"}
	opts := struct {
		Tx  Tx
		Log bool
	}{Tx: &tx}
	if err := users.Up(ctx, opts.Tx); err != nil {
		return "", err
	}
	return tx.last, nil
}

// Runner applies migrations and reports progress on a channel read elsewhere.
type Runner struct {
	Progress chan<- string
}

// Rollforward runs the index migration in the background; the caller's later change
// to the column is seen by the migration.
func (r *Runner) Rollforward(ctx context.Context, column string) <-chan error {
	var tx countingTx
	idx := addIndex{table: "users", column: column}
	steps := []Migration{&idx}
	done := make(chan error, 1)
	go func() {
		done <- steps[0].Up(ctx, &tx)
	}()
	idx.column = strings.ToLower(column)
	return done
}

// Versions lists the versions of migrations handed in by a plugin.
func Versions(extra Migration) []int {
	users := createUsers{table: "users"}
	all := []Migration{&users, extra}
	out := make([]int, 0, len(all))
	for _, m := range all {
		out = append(out, m.Version())
	}
	return out
}

var errDirty = errors.New("dirty schema")

// Check reports a dirty schema with the offending migration's description.
func Check(dirty bool) error {
	users := createUsers{table: "users"}
	var last any = &users
	if !dirty {
		return nil
	}
	if d, ok := last.(Describer); ok {
		return fmt.Errorf("%w: %s", errDirty, d.Describe())
	}
	return errDirty
}
