package dbx

import (
	"strconv"
	"strings"
	"sync"
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

type SQLite struct{}

func (SQLite) Placeholder(int) string    { return "?" }
func (SQLite) Quote(ident string) string { return "`" + ident + "`" }
func (SQLite) Limit(n int) string        { return " LIMIT " + strconv.Itoa(n) }

type MSSQL struct{ quoted bool }

func (m *MSSQL) Placeholder(i int) string  { return "@p" + strconv.Itoa(i) }
func (m *MSSQL) Quote(ident string) string { return "[" + ident + "]" }
func (m *MSSQL) Limit(n int) string {
	return " OFFSET 0 ROWS FETCH NEXT " + strconv.Itoa(n) + " ROWS ONLY"
}

var (
	dialectsMu sync.RWMutex
	dialects   = map[string]Dialect{}
)

// RegisterDialect makes a dialect available by name, as sql.Register does for drivers.
func RegisterDialect(name string, d Dialect) {
	dialectsMu.Lock()
	defer dialectsMu.Unlock()
	dialects[name] = d
}

// Lookup returns a registered dialect.
func Lookup(name string) (Dialect, bool) {
	dialectsMu.RLock()
	defer dialectsMu.RUnlock()
	d, ok := dialects[name]
	return d, ok
}

// PlaceholderList renders n placeholders for an IN clause.
func PlaceholderList(n int) string {
	var pg Postgres
	d := Dialect(&pg)
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteString(", ")
		}
		b.WriteString(d.Placeholder(i))
	}
	return b.String()
}

// QuoteColumns quotes a column list for the dialect a config names.
func QuoteColumns(name string, cols []string) string {
	var pg Postgres
	var lite SQLite
	known := map[string]Dialect{"postgres": &pg, "sqlite": lite}
	d, ok := known[name]
	if !ok {
		d = lite
	}
	for i, c := range cols {
		cols[i] = d.Quote(c)
	}
	return strings.Join(cols, ", ")
}

// LimitClause spells LIMIT for SQL Server, whose dialect is chosen for this tool.
func LimitClause(n int) string {
	var ms MSSQL
	flavours := map[string]any{"mssql": &ms}
	if l, ok := flavours["mssql"].(Limiter); ok {
		return l.Limit(n)
	}
	return " LIMIT " + strconv.Itoa(n)
}

// Settings is a connection's configuration.
type Settings struct {
	DSN     string
	Dialect Dialect
	MaxOpen int
}

// CountQuery builds the count statement for a table under the default settings.
func CountQuery(table string) string {
	var pg Postgres
	s := Settings{DSN: "postgres://localhost/app", Dialect: &pg, MaxOpen: 10}
	return "SELECT count(*) FROM " + s.Dialect.Quote(table)
}

// Paged builds a paged select; the dialect may not know LIMIT.
func Paged(table string, n int) string {
	var pg Postgres
	s := Settings{Dialect: &pg}
	q := "SELECT * FROM " + s.Dialect.Quote(table)
	if l, ok := s.Dialect.(Limiter); ok {
		return q + l.Limit(n)
	}
	return q + " LIMIT " + strconv.Itoa(n)
}

// Connect keeps the settings in a pool that outlives the call: the dialect must stay
// on the heap.
func Connect(dsn string) *Pool {
	var pg Postgres
	s := Settings{DSN: dsn, Dialect: &pg, MaxOpen: 4}
	return &Pool{settings: s}
}

type Pool struct{ settings Settings }

// PreparedInsert builds an INSERT with the dialect's placeholders, a builder chosen
// by the caller's flag.
func PreparedInsert(table string, cols []string, mssql bool) string {
	var pg Postgres
	var ms MSSQL
	s := Settings{Dialect: &pg}
	if mssql {
		s.Dialect = &ms
	}
	var b strings.Builder
	b.WriteString("INSERT INTO " + s.Dialect.Quote(table) + " (")
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s.Dialect.Quote(c))
	}
	b.WriteString(") VALUES (")
	for i := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s.Dialect.Placeholder(i + 1))
	}
	b.WriteString(")")
	return b.String()
}
