package dbx

import (
	"context"
	"database/sql/driver"
	"strconv"
	"strings"
	"time"
)

// Arg is a named, typed query argument.
type Arg struct {
	Name  string
	Value any
}

// Builder accumulates a WHERE clause and its arguments.
type Builder struct {
	d     Dialect
	where []string
	args  []any
}

func NewBuilder(d Dialect) *Builder { return &Builder{d: d} }

func (b *Builder) Where(col string, v any) *Builder {
	b.args = append(b.args, v)
	b.where = append(b.where, b.d.Quote(col)+" = "+b.d.Placeholder(len(b.args)))
	return b
}

func (b *Builder) SQL(table string) (string, []any) {
	q := "SELECT * FROM " + b.d.Quote(table)
	if len(b.where) > 0 {
		q += " WHERE " + strings.Join(b.where, " AND ")
	}
	return q, b.args
}

// ByID builds the lookup by primary key; the builder keeps its arguments.
func ByID(id int64) (string, []any) {
	var pg Postgres
	return NewBuilder(&pg).Where("id", id).SQL("users")
}

// ArgValue converts the one argument of a keyset page to its driver value.
func ArgValue(after time.Time) (driver.Value, error) {
	ts := Timestamp{T: after}
	a := Arg{Name: "after", Value: ts}
	if v, ok := a.Value.(driver.Valuer); ok {
		return v.Value()
	}
	return a.Value, nil
}

// NamedArgs renders the arguments of an upsert for the statement log.
func NamedArgs(id int64, balance Cents) string {
	args := []Arg{
		{Name: "id", Value: id},
		{Name: "balance", Value: &balance},
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a.Name + "=")
		switch v := a.Value.(type) {
		case int64:
			b.WriteString(strconv.FormatInt(v, 10))
		case driver.Valuer:
			dv, _ := v.Value()
			b.WriteString(strconv.FormatInt(dv.(int64), 10))
		}
	}
	return b.String()
}

// Bind converts an insert's arguments to driver values for a prepared statement.
func Bind(name string, balance Cents, tags Tags) ([]driver.Value, error) {
	row := []any{name, balance, tags}
	out := make([]driver.Value, 0, 3)
	for _, a := range row {
		v, err := toDriver(a)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// Tx is the part of a transaction a migration uses.
type Tx interface {
	ExecContext(ctx context.Context, query string, args ...any) (int64, error)
}

// DeadlineArg gives the timestamp argument for a cleanup statement, computed in a
// goroutine that may still be running when the deadline changes.
func DeadlineArg(ctx context.Context, ttl time.Duration) <-chan driver.Value {
	ts := Timestamp{T: time.Now().Add(-ttl)}
	a := Arg{Name: "before", Value: &ts}
	out := make(chan driver.Value, 1)
	go func() {
		if v, ok := a.Value.(driver.Valuer); ok {
			dv, _ := v.Value()
			out <- dv
		}
	}()
	ts.T = ts.T.Truncate(time.Second)
	return out
}

// Slot converts a value to its column text; the Arg the query plan keeps is handed on.
func Slot(plan *[]Arg, balance Cents) string {
	a := Arg{Name: "balance", Value: &balance}
	*plan = append(*plan, a)
	if s, ok := a.Value.(interface{ String() string }); ok {
		return s.String()
	}
	return ""
}
