// Package emit writes diff hunks and configuration files.
package emit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// Op is a diff operation; it formats itself as its marker.
type Op byte

func (o Op) Format(f fmt.State, verb rune) { f.Write([]byte{byte(o)}) }

// Version is a semantic version; its pointer prints as v-text.
type Version struct{ Major, Minor int }

func (v *Version) String() string { return fmt.Sprintf("v%d.%d", v.Major, v.Minor) }

// Name embeds a Stringer: fmt calls the promoted String.
type Name struct{ fmt.Stringer }

// Hunk writes a unified diff hunk header.
func Hunk(b *bytes.Buffer, oldStart, oldLines, newStart, newLines int, section string) {
	fmt.Fprintf(b, "@@ -%d,%d +%d,%d @@ %s\n", oldStart, oldLines, newStart, newLines, section)
}

// Files writes the ---/+++ header of a file diff.
func Files(b *bytes.Buffer, oldPath, newPath string) {
	fmt.Fprintf(b, "--- a/%s\n+++ b/%s\n", oldPath, newPath)
}

// Line writes one diff line with its operation marker.
func Line(b *bytes.Buffer, op Op, text string) {
	fmt.Fprintf(b, "%v%s\n", op, text)
}

// Context writes a context line of a hunk as raw bytes.
func Context(b *bytes.Buffer, text []byte) {
	fmt.Fprintf(b, " %s\n", text)
}

// INI writes a section header and one key.
func INI(section, key, value string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%s]\n%s = %s\n", section, key, value)
	return b.String()
}

// Env writes a dotenv line.
func Env(b *strings.Builder, key, value string) {
	fmt.Fprintf(b, "%s=%q\n", key, value)
}

// TOML writes a key with a string value and a version by its pointer's String.
func TOML(b *strings.Builder, key string, v *Version) {
	fmt.Fprintf(b, "%s = \"%s\"\n", key, v)
}

// Owner writes a key whose value prints through an embedded Stringer.
func Owner(b *strings.Builder, key string, n Name) {
	fmt.Fprintf(b, "%s = %s\n", key, n)
}

// Failure writes a key and an error message.
func Failure(b *strings.Builder, key string) {
	err := errors.New("disk full")
	fmt.Fprintf(b, "%s: %s\n", key, err)
}

// Nilable writes a key and a value that may be nil.
func Nilable(b *strings.Builder, key string, v []byte) {
	fmt.Fprintf(b, "%s=%s;", key, v)
}

// Pointer writes a key and a pointer to a value.
func Pointer(b *strings.Builder, key string, v *string) {
	fmt.Fprintf(b, "%s=%v;", key, v)
}

// Aligned writes a key padded to a fixed column.
func Aligned(b *strings.Builder, key, value string) {
	fmt.Fprintf(b, "%8s = %s\n", key, value)
}

// Shebang writes an interpreter line from a constant and a path.
func Shebang(b *strings.Builder, interp string) {
	const env = "/usr/bin/env"
	fmt.Fprintf(b, "#!%s %s\n", env, interp)
}

// Section writes a YAML-ish section of keys.
func Section(name string, keys []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:\n", name)
	for _, k := range keys {
		fmt.Fprintf(&b, "  - %s\n", k)
	}
	return b.String()
}
