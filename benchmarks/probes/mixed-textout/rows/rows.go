// Package rows writes CSV/TSV rows and builds SQL statements.
package rows

import (
	"bytes"
	"fmt"
	"strings"
)

// Cell is a CSV cell held as bytes; it has no methods.
type Cell []byte

// Ident is a SQL identifier; it prints quoted through its String method.
type Ident string

func (i Ident) String() string { return `"` + strings.ReplaceAll(string(i), `"`, `""`) + `"` }

// Col is a column name with no methods.
type Col string

// TSV writes one tab-separated row of three fields.
func TSV(b *bytes.Buffer, a, c, d string) {
	fmt.Fprintf(b, "%s\t%s\t%s\n", a, c, d)
}

// CSVRow writes an order row; the amount is in cents.
func CSVRow(b *bytes.Buffer, id, sku string, qty int, cents int64) {
	fmt.Fprintf(b, "%s,%s,%d,%d.%02d\n", id, sku, qty, cents/100, cents%100)
}

// RawRow writes a row whose cells are raw bytes.
func RawRow(b *bytes.Buffer, first, second Cell) {
	fmt.Fprintf(b, "%s,%s\n", first, second)
}

// Select builds a SELECT with one placeholder.
func Select(table, col string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "SELECT * FROM %s WHERE %s = $1", table, col)
	return b.String()
}

// SelectIdent builds a SELECT whose table is quoted through Ident's String.
func SelectIdent(table Ident, col string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "SELECT * FROM %s WHERE %s = $1", table, col)
	return b.String()
}

// Insert builds an INSERT for n columns.
func Insert(table string, cols []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %s (%s) VALUES (", table, strings.Join(cols, ", "))
	for i := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", i+1)
	}
	b.WriteString(")")
	return b.String()
}

// Update builds an UPDATE of one column by key.
func Update(table string, col Col, key string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "UPDATE %s SET %s = $1 WHERE %s = $2", table, col, key)
	return b.String()
}

// Limit appends a LIMIT/OFFSET clause.
func Limit(b *strings.Builder, limit, offset int) {
	fmt.Fprintf(b, " LIMIT %d OFFSET %d", limit, offset)
}

// Hex writes a bytea literal in hex.
func Hex(b *strings.Builder, blob []byte) {
	fmt.Fprintf(b, "'\\x%x'", blob)
}

// Bytes writes a byte slice in Go syntax for a debug dump: %v of []byte is a list.
func Bytes(b *strings.Builder, blob []byte) {
	fmt.Fprintf(b, "blob=%v\n", blob)
}

// Trunc writes at most 8 bytes of a long value.
func Trunc(b *strings.Builder, v string) {
	fmt.Fprintf(b, "%.8s…", v)
}

// Space writes a value with the space flag, as hex with spaces.
func Space(b *strings.Builder, v []byte) {
	fmt.Fprintf(b, "% x", v)
}
