package codegen

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Section is an INI/TOML section.
type Section struct {
	Name string
	Keys map[string]string
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// WriteINI writes the sections as an INI file in one Write.
func WriteINI(w io.Writer, sections []Section) error {
	var buf bytes.Buffer
	for i, s := range sections {
		if i > 0 {
			buf.WriteByte('\n')
		}
		fmt.Fprintf(&buf, "[%s]\n", s.Name)
		for _, k := range sortedKeys(s.Keys) {
			fmt.Fprintf(&buf, "%s = %s\n", k, s.Keys[k])
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// tomlValue writes v as a TOML string.
func tomlValue(w io.Writer, v string) {
	if _, err := strconv.ParseInt(v, 10, 64); err == nil {
		io.WriteString(w, v)
		return
	}
	if v == "true" || v == "false" {
		io.WriteString(w, v)
		return
	}
	io.WriteString(w, strconv.Quote(v))
}

// EncodeTOML returns the sections as TOML.
func EncodeTOML(sections []Section) []byte {
	buf := new(bytes.Buffer)
	for _, s := range sections {
		fmt.Fprintf(buf, "[%s]\n", s.Name)
		for _, k := range sortedKeys(s.Keys) {
			fmt.Fprintf(buf, "%s = ", k)
			tomlValue(buf, s.Keys[k])
			buf.WriteByte('\n')
		}
		buf.WriteByte('\n')
	}
	out := make([]byte, buf.Len())
	copy(out, buf.Bytes())
	return out
}

// Node is a YAML tree node: a scalar, a list or a map.
type Node struct {
	Key      string
	Scalar   string
	List     []string
	Children []*Node
}

func writeYAML(w io.Writer, n *Node, depth int) {
	indent := strings.Repeat("  ", depth)
	switch {
	case len(n.Children) > 0:
		fmt.Fprintf(w, "%s%s:\n", indent, n.Key)
		for _, c := range n.Children {
			writeYAML(w, c, depth+1)
		}
	case len(n.List) > 0:
		fmt.Fprintf(w, "%s%s:\n", indent, n.Key)
		for _, v := range n.List {
			fmt.Fprintf(w, "%s  - %s\n", indent, yamlScalar(v))
		}
	default:
		fmt.Fprintf(w, "%s%s: %s\n", indent, n.Key, yamlScalar(n.Scalar))
	}
}

func yamlScalar(s string) string {
	if s == "" || strings.ContainsAny(s, ":#{}[],&*?|<>=!%@`\"'") || strings.TrimSpace(s) != s {
		return strconv.Quote(s)
	}
	return s
}

// MarshalYAML renders the tree as YAML.
func MarshalYAML(root []*Node) string {
	var buf bytes.Buffer
	buf.WriteString("---\n")
	for _, n := range root {
		writeYAML(&buf, n, 0)
	}
	return buf.String()
}

// WriteYAML renders the tree to w.
func WriteYAML(w io.Writer, root []*Node) error {
	var sb strings.Builder
	for _, n := range root {
		writeYAML(&sb, n, 0)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// EnvFile writes KEY=value lines, quoting values that need it.
func EnvFile(w io.Writer, env map[string]string) error {
	var buf bytes.Buffer
	for _, k := range sortedKeys(env) {
		v := env[k]
		if strings.ContainsAny(v, " \t\"'$") {
			v = strconv.Quote(v)
		}
		buf.WriteString(k)
		buf.WriteByte('=')
		buf.WriteString(v)
		buf.WriteByte('\n')
	}
	_, err := buf.WriteTo(w)
	return err
}

// INIChecksum is the Adler-style checksum of the INI rendering, stored in lock files.
func INIChecksum(sections []Section) uint32 {
	var buf bytes.Buffer
	WriteINI(&buf, sections)
	var a, b uint32 = 1, 0
	for _, c := range buf.Bytes() {
		a = (a + uint32(c)) % 65521
		b = (b + a) % 65521
	}
	return b<<16 | a
}

// configCache keeps rendered configs by name.
var configCache = map[string]*bytes.Buffer{}

// CachedINI renders the sections once per name.
func CachedINI(name string, sections []Section) string {
	if b, ok := configCache[name]; ok {
		return b.String()
	}
	buf := new(bytes.Buffer)
	WriteINI(buf, sections)
	configCache[name] = buf
	return buf.String()
}
