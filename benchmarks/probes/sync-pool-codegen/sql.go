package codegen

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Column is a table column of a migration.
type Column struct {
	Name     string
	Type     string
	Nullable bool
	Default  string
}

// CreateTable writes a CREATE TABLE statement.
func CreateTable(name string, cols []Column) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TABLE %s (\n", quoteIdent(name))
	for i, c := range cols {
		fmt.Fprintf(&b, "  %s %s", quoteIdent(c.Name), c.Type)
		if !c.Nullable {
			b.WriteString(" NOT NULL")
		}
		if c.Default != "" {
			fmt.Fprintf(&b, " DEFAULT %s", c.Default)
		}
		if i < len(cols)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(");\n")
	return b.String()
}

func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// Migration is one up/down pair.
type Migration struct {
	Version int64
	Name    string
	Up      []string
	Down    []string
}

// writeStatements writes statements separated by blank lines.
func writeStatements(w io.Writer, stmts []string) error {
	for i, s := range stmts {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		if _, err := fmt.Fprintf(w, "%s;\n", strings.TrimSuffix(strings.TrimSpace(s), ";")); err != nil {
			return err
		}
	}
	return nil
}

// WriteMigration writes the up and down files of a migration into dir.
func WriteMigration(dir string, m *Migration) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "-- +migrate Up\n-- %s\n", m.Name)
	if err := writeStatements(&buf, m.Up); err != nil {
		return err
	}
	name := fmt.Sprintf("%d_%s.up.sql", m.Version, m.Name)
	if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
		return err
	}
	buf.Reset()
	fmt.Fprintf(&buf, "-- +migrate Down\n-- %s\n", m.Name)
	if err := writeStatements(&buf, m.Down); err != nil {
		return err
	}
	name = fmt.Sprintf("%d_%s.down.sql", m.Version, m.Name)
	return os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644)
}

// MigrationScript returns up statements wrapped in a transaction.
func MigrationScript(m *Migration) string {
	buf := new(bytes.Buffer)
	buf.WriteString("BEGIN;\n")
	writeStatements(buf, m.Up)
	fmt.Fprintf(buf, "INSERT INTO schema_migrations (version) VALUES (%d);\n", m.Version)
	buf.WriteString("COMMIT;\n")
	return buf.String()
}

// AddColumns writes ALTER TABLE statements for new columns.
func AddColumns(w io.Writer, table string, cols []Column) error {
	var buf bytes.Buffer
	for _, c := range cols {
		fmt.Fprintf(&buf, "ALTER TABLE %s ADD COLUMN %s %s", quoteIdent(table), quoteIdent(c.Name), c.Type)
		if !c.Nullable && c.Default != "" {
			fmt.Fprintf(&buf, " NOT NULL DEFAULT %s", c.Default)
		}
		buf.WriteString(";\n")
	}
	_, err := io.Copy(w, &buf)
	return err
}

// SeedInsert writes a multi-row INSERT with literal values.
func SeedInsert(table string, cols []string, rows [][]string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "INSERT INTO %s (%s) VALUES\n", quoteIdent(table), strings.Join(cols, ", "))
	for i, r := range rows {
		sb.WriteString("  (")
		for j, v := range r {
			if j > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("'" + strings.ReplaceAll(v, "'", "''") + "'")
		}
		sb.WriteByte(')')
		if i < len(rows)-1 {
			sb.WriteString(",\n")
		}
	}
	sb.WriteString(";\n")
	return sb.String()
}

// MigrationName stamps a migration file name from the current time.
func MigrationName(now time.Time, name string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s_%s.sql", now.UTC().Format("20060102150405"), strings.ReplaceAll(strings.ToLower(name), " ", "_"))
	return buf.String()
}

// Journal collects applied migration statements for the audit log.
type Journal struct {
	entries chan []byte
}

// Record renders an applied migration and hands it to the journal's writer goroutine.
func (j *Journal) Record(m *Migration, at time.Time) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s applied %d %s\n", at.UTC().Format(time.RFC3339), m.Version, m.Name)
	writeStatements(&buf, m.Up)
	j.entries <- buf.Bytes()
}
