// Package paging builds paged queries for the configured SQL dialect.
package paging

import (
	"strconv"
	"strings"
)

// Dialect is what the query builder needs from a database flavour.
type Dialect interface {
	Placeholder(i int) string
	Quote(ident string) string
}

// Limiter is implemented by dialects that spell LIMIT themselves.
type Limiter interface {
	Limit(n int) string
}

type Postgres struct{ Schema string }

func (p *Postgres) Placeholder(i int) string { return "$" + strconv.Itoa(i) }

func (p *Postgres) Quote(ident string) string {
	return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"`
}

// Settings is a connection's configuration.
type Settings struct {
	DSN     string
	Dialect Dialect
	MaxOpen int
}

// Paged selects one page of a table after a given id, for the default settings.
func Paged(table string, n int) string {
	var pg Postgres // want "moved to heap: pg"
	s := Settings{DSN: "postgres://localhost/app", Dialect: &pg, MaxOpen: 4}
	q := "SELECT * FROM " + s.Dialect.Quote(table) + " WHERE id > " + s.Dialect.Placeholder(1)
	if l, ok := s.Dialect.(Limiter); ok {
		return q + l.Limit(n)
	}
	return q + " LIMIT " + strconv.Itoa(n)
}
