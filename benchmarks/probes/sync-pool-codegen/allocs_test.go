package codegen

import (
	"io"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %v allocs/op", name, testing.AllocsPerRun(100, f))
}

var (
	enum = &Enum{Package: "color", Type: "Color", Values: []string{"red", "green", "blue"}}
	strc = &Struct{Package: "model", Name: "User", Fields: []Field{
		{Name: "ID", Type: "int64", Tag: `json:"id"`}, {Name: "Name", Type: "string"}}}
	table = &Table{Header: []string{"NAME", "STATUS", "AGE"},
		Rows: [][]string{{"web-1", "Running", "3d"}, {"db-0", "CrashLoopBackOff", "12m"}}}
	ops      = []Op{{' ', "package main"}, {'-', "import \"fmt\""}, {'+', "import \"log\""}}
	sections = []Section{{Name: "server", Keys: map[string]string{"port": "8080", "host": "0.0.0.0"}},
		{Name: "db", Keys: map[string]string{"dsn": "postgres://x", "pool": "10"}}}
	tree = []*Node{{Key: "name", Scalar: "api"}, {Key: "ports", List: []string{"80", "443"}},
		{Key: "env", Children: []*Node{{Key: "LOG", Scalar: "debug: yes"}}}}
	cmd = &Command{Name: "kubectl", Short: "control the cluster", Long: "-- talk to the API",
		Flags: []Flag{{Name: "namespace", Short: "n", Usage: "the namespace", Default: "default"},
			{Name: "output", Short: "o", Usage: "output format: json, yaml or 'wide'"}},
		Commands: []*Command{{Name: "get", Short: "list resources"}, {Name: "apply", Short: "apply a file"}}}
	mig  = &Migration{Version: 20240101, Name: "users", Up: []string{"CREATE TABLE users (id int);"}, Down: []string{"DROP TABLE users"}}
	cols = []Column{{Name: "id", Type: "bigint"}, {Name: "email", Type: "text", Nullable: true}, {Name: "n", Type: "int", Default: "0"}}
)

func TestOutputs(t *testing.T) {
	src, err := GenerateConsts(enum)
	if err != nil || !strings.Contains(string(src), "ColorRed Color = iota") {
		t.Fatalf("GenerateConsts: %q %v", src, err)
	}
	if s, err := GenerateStruct(strc); err != nil || !strings.Contains(string(s), "type User struct") {
		t.Fatalf("GenerateStruct: %q %v", s, err)
	}
	if s, err := GenerateStringer(enum); err != nil || !strings.Contains(string(s), `return "green"`) {
		t.Fatalf("GenerateStringer: %q %v", s, err)
	}
	if got := RenderTable(table); !strings.Contains(got, "CrashLoopBackOff") {
		t.Fatalf("RenderTable: %q", got)
	}
	if got := string(EncodeTOML(sections)); !strings.Contains(got, "port = 8080\n") || !strings.Contains(got, `dsn = "postgres://x"`) {
		t.Fatalf("EncodeTOML: %q", got)
	}
	if got := MarshalYAML(tree); !strings.Contains(got, `LOG: "debug: yes"`) {
		t.Fatalf("MarshalYAML: %q", got)
	}
	if got := MigrationScript(mig); !strings.HasPrefix(got, "BEGIN;\nCREATE TABLE users (id int);\n") {
		t.Fatalf("MigrationScript: %q", got)
	}
	if got := string(CSVish(table)); got != "NAME,STATUS,AGE\nweb-1,Running,3d\ndb-0,CrashLoopBackOff,12m\n" {
		t.Fatalf("CSVish: %q", got)
	}
	for i := 0; i < 2; i++ { // a second call sees a pooled buffer
		if got := ColorDiff(ops); got != " package main\n\x1b[31m-import \"fmt\"\x1b[0m\n\x1b[32m+import \"log\"\x1b[0m\n" {
			t.Fatalf("ColorDiff: %q", got)
		}
		if got := INIChecksum(sections); got != INIChecksum(sections) {
			t.Fatalf("INIChecksum differs")
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	now := time.Unix(1700000000, 0)
	dir := t.TempDir()
	allocs(t, "GenerateStringer", func() { GenerateStringer(enum) })
	allocs(t, "GenerateConsts", func() { GenerateConsts(enum) })
	allocs(t, "GenerateStruct", func() { GenerateStruct(strc) })
	allocs(t, "WriteStructFile", func() { WriteStructFile(dir+"/user.go", strc) })
	allocs(t, "GenerateGetters", func() { GenerateGetters(io.Discard, strc) })
	allocs(t, "MockMethod", func() { MockMethod("MockStore", "Get", []string{"context.Context", "string"}) })
	allocs(t, "ImportBlock", func() { ImportBlock([]string{"fmt", "io", "fmt"}) })
	allocs(t, "PrintTable", func() { PrintTable(io.Discard, table) })
	allocs(t, "RenderTable", func() { RenderTable(table) })
	allocs(t, "BoxTable", func() { BoxTable(table) })
	allocs(t, "MarkdownTable", func() { MarkdownTable(io.Discard, table) })
	allocs(t, "CSVish", func() { CSVish(table) })
	allocs(t, "UnifiedDiff", func() { UnifiedDiff(io.Discard, "a/main.go", "b/main.go", ops) })
	allocs(t, "ColorDiff", func() { ColorDiff(ops) })
	allocs(t, "SideBySide", func() { SideBySide(io.Discard, []string{"a", "b"}, []string{"c"}) })
	allocs(t, "WriteINI", func() { WriteINI(io.Discard, sections) })
	allocs(t, "EncodeTOML", func() { EncodeTOML(sections) })
	allocs(t, "MarshalYAML", func() { MarshalYAML(tree) })
	allocs(t, "WriteYAML", func() { WriteYAML(io.Discard, tree) })
	allocs(t, "EnvFile", func() { EnvFile(io.Discard, map[string]string{"A": "1", "B": "two words"}) })
	allocs(t, "INIChecksum", func() { INIChecksum(sections) })
	allocs(t, "ManPage", func() { ManPage(io.Discard, cmd, now) })
	allocs(t, "Usage", func() { Usage(cmd) })
	allocs(t, "MarkdownDocs", func() { MarkdownDocs(cmd) })
	allocs(t, "BashCompletion", func() { BashCompletion(io.Discard, cmd) })
	allocs(t, "ZshCompletion", func() { ZshCompletion(cmd) })
	allocs(t, "FishCompletion", func() { FishCompletion(io.Discard, cmd) })
	allocs(t, "CreateTable", func() { CreateTable("users", cols) })
	allocs(t, "WriteMigration", func() { WriteMigration(dir, mig) })
	allocs(t, "MigrationScript", func() { MigrationScript(mig) })
	allocs(t, "AddColumns", func() { AddColumns(io.Discard, "users", cols) })
	allocs(t, "SeedInsert", func() { SeedInsert("users", []string{"id", "name"}, [][]string{{"1", "o'brien"}}) })
	allocs(t, "MigrationName", func() { MigrationName(now, "Add Users") })
}
