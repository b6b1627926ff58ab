package notify

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// QuoteIdent quotes a PostgreSQL identifier.
func QuoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// BuildInsert builds a multi-row INSERT with numbered placeholders.
func BuildInsert(table string, cols []string, rows int) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "INSERT INTO %s (", QuoteIdent(table))
	for i, c := range cols {
		if i > 0 {
			buf.WriteString(", ")
		}
		buf.WriteString(QuoteIdent(c))
	}
	buf.WriteString(") VALUES ")
	n := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			buf.WriteString(", ")
		}
		buf.WriteByte('(')
		for i := range cols {
			if i > 0 {
				buf.WriteString(", ")
			}
			fmt.Fprintf(&buf, "$%d", n)
			n++
		}
		buf.WriteByte(')')
	}
	return buf.String()
}

// Where is a condition list joined with AND.
type Where struct {
	conds []string
	args  []any
}

// Eq adds col = $n.
func (w *Where) Eq(col string, v any) *Where {
	w.args = append(w.args, v)
	w.conds = append(w.conds, QuoteIdent(col)+" = $"+strconv.Itoa(len(w.args)))
	return w
}

// SQL returns the WHERE clause.
func (w *Where) SQL() string {
	if len(w.conds) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString(" WHERE ")
	sb.WriteString(strings.Join(w.conds, " AND "))
	return sb.String()
}

// SelectPending builds the query that picks pending notifications.
func SelectPending(channel string, limit int) (string, []any) {
	w := new(Where)
	w.Eq("status", "pending")
	if channel != "" {
		w.Eq("channel", channel)
	}
	q := new(bytes.Buffer)
	q.WriteString(`SELECT id, payload FROM notifications`)
	q.WriteString(w.SQL())
	fmt.Fprintf(q, " ORDER BY created_at LIMIT %d", limit)
	return q.String(), w.args
}

// BulkValues renders literal VALUES rows into a 64 KiB scratch for COPY-less
// bulk loads of integer ids.
func BulkValues(ids []int64) string {
	b := make([]byte, 0, 96<<10)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '(')
		b = strconv.AppendInt(b, id, 10)
		b = append(b, ')')
	}
	return string(b)
}

// Explain wraps q in EXPLAIN and keeps the builder for the caller's logger.
func Explain(q string, keep func(*strings.Builder)) string {
	sb := new(strings.Builder)
	sb.WriteString("EXPLAIN (FORMAT JSON) ")
	sb.WriteString(q)
	keep(sb)
	return sb.String()
}
