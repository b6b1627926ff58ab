// Package migrate runs schema migrations.
package migrate

import "context"

// Tx is what a migration needs of a transaction.
type Tx interface {
	ExecContext(ctx context.Context, query string) error
}

// Migration is one schema step.
type Migration interface {
	Up(ctx context.Context, tx Tx) error
}

type addIndex struct{ table, column string }

func (m *addIndex) Up(ctx context.Context, tx Tx) error {
	return tx.ExecContext(ctx, "CREATE INDEX ON "+m.table+" ("+m.column+")")
}

// Rollforward runs the index migration in the background.
func Rollforward(ctx context.Context, tx Tx, column string) <-chan error {
	idx := addIndex{table: "users", column: column} // want "moved to heap: idx" // declined "the call through steps[0] is in a func literal"
	steps := []Migration{&idx}
	done := make(chan error, 1)
	go func() {
		done <- steps[0].Up(ctx, tx)
	}()
	return done
}
