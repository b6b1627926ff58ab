// Package composekit composes text for the outside world: SQL statements,
// log lines, mail, HTML from markdown, reports and compressed responses.
package composekit

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Cond is one WHERE condition: column, operator and bound argument.
type Cond struct {
	Col string
	Op  string
	Arg any
}

// Query is a statement and its positional arguments.
type Query struct {
	SQL  string
	Args []any
}

func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// SelectWhere builds a SELECT with $n placeholders.
func SelectWhere(table string, cols []string, conds []Cond, limit int) Query {
	var sb strings.Builder
	sb.WriteString("SELECT ")
	for i, c := range cols {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(quoteIdent(c))
	}
	fmt.Fprintf(&sb, " FROM %s", quoteIdent(table))
	args := make([]any, 0, len(conds))
	for i, c := range conds {
		if i == 0 {
			sb.WriteString(" WHERE ")
		} else {
			sb.WriteString(" AND ")
		}
		fmt.Fprintf(&sb, "%s %s $%d", quoteIdent(c.Col), c.Op, i+1)
		args = append(args, c.Arg)
	}
	if limit > 0 {
		fmt.Fprintf(&sb, " LIMIT %d", limit)
	}
	return Query{SQL: sb.String(), Args: args}
}

// UpsertSQL builds an INSERT ... ON CONFLICT statement for one row.
func UpsertSQL(table string, cols []string, key string) string {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "INSERT INTO %s (", quoteIdent(table))
	for i, c := range cols {
		if i > 0 {
			buf.WriteString(", ")
		}
		buf.WriteString(quoteIdent(c))
	}
	buf.WriteString(") VALUES (")
	for i := range cols {
		if i > 0 {
			buf.WriteString(", ")
		}
		buf.WriteString("$" + strconv.Itoa(i+1))
	}
	fmt.Fprintf(buf, ") ON CONFLICT (%s) DO UPDATE SET ", quoteIdent(key))
	n := 0
	for _, c := range cols {
		if c == key {
			continue
		}
		if n > 0 {
			buf.WriteString(", ")
		}
		fmt.Fprintf(buf, "%s = EXCLUDED.%s", quoteIdent(c), quoteIdent(c))
		n++
	}
	return buf.String()
}

// writeValuesList writes "($1, $2), ($3, $4)" for rows of width cols.
func writeValuesList(w io.Writer, rows, cols int) {
	n := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			io.WriteString(w, ", ")
		}
		io.WriteString(w, "(")
		for c := 0; c < cols; c++ {
			if c > 0 {
				io.WriteString(w, ", ")
			}
			fmt.Fprint(w, "$", n)
			n++
		}
		io.WriteString(w, ")")
	}
}

// BulkInsert builds one INSERT for many rows.
func BulkInsert(table string, cols []string, rows int) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "INSERT INTO %s (%s) VALUES ", quoteIdent(table), strings.Join(cols, ", "))
	writeValuesList(&b, rows, len(cols))
	return b.String()
}

// InList renders "col IN ($k, $k+1, ...)" starting at placeholder start.
func InList(col string, n, start int) string {
	var sb strings.Builder
	sb.WriteString(quoteIdent(col))
	sb.WriteString(" IN (")
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, "$%d", start+i)
	}
	sb.WriteByte(')')
	return sb.String()
}

// Explain writes an EXPLAIN of q to w, with its arguments as a comment.
func Explain(w io.Writer, q Query) error {
	var buf bytes.Buffer
	fmt.Fprintln(&buf, "EXPLAIN ANALYZE")
	fmt.Fprintln(&buf, q.SQL+";")
	for i, a := range q.Args {
		fmt.Fprintf(&buf, "-- $%d = %v\n", i+1, a)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Statement keeps its rendered text for the prepared-statement cache.
type Statement struct {
	text []byte
}

// Prepare renders the statement and keeps its bytes: must not pool.
func Prepare(q Query) *Statement {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "/* prepared */ %s", q.SQL)
	return &Statement{text: buf.Bytes()}
}

// DeleteBatches renders one DELETE per batch of ids and sends them to the
// executor goroutine: must not pool.
func DeleteBatches(table string, ids []int64, batch int, out chan<- string) {
	for len(ids) > 0 {
		n := min(batch, len(ids))
		sb := new(strings.Builder)
		fmt.Fprintf(sb, "DELETE FROM %s WHERE id IN (", quoteIdent(table))
		for i, id := range ids[:n] {
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString(strconv.FormatInt(id, 10))
		}
		sb.WriteByte(')')
		out <- sb.String()
		ids = ids[n:]
	}
}
