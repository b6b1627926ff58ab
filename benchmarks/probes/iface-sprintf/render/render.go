// Package render writes small text documents into strings.Builders: headers, tables, config files.
package render

import (
	"fmt"
	"strings"
)

// Header renders an HTTP-style header line.
func Header(name, value string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s: %s\r\n", name, value)
	return sb.String()
}

// Pairs renders a query string.
func Pairs(keys, values []string) string {
	var sb strings.Builder
	for i, k := range keys {
		if i > 0 {
			sb.WriteByte('&')
		}
		v := values[i]
		fmt.Fprintf(&sb, "%s=%s", k, v)
	}
	return sb.String()
}

// Section renders an INI section with one key.
func Section(name, key, value string) string {
	sb := new(strings.Builder)
	fmt.Fprintf(sb, "[%s]\n", name)
	fmt.Fprintf(sb, "%s = %s\n", key, value)
	return sb.String()
}

// Row renders a Markdown table row.
func Row(cells []string) string {
	var sb strings.Builder
	sb.WriteString("|")
	for _, c := range cells {
		fmt.Fprintf(&sb, " %s |", c)
	}
	return sb.String()
}

// Aligned pads the key to a column.
func Aligned(key, value string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-20s%s\n", key, value)
	return sb.String()
}

// Quoted renders a YAML string scalar.
func Quoted(key, value string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s: %q\n", key, value)
	return sb.String()
}

// Counted renders an item with its count.
func Counted(item string, n int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s x%d\n", item, n)
	return sb.String()
}

// Into writes a tag into the caller's builder.
func Into(sb *strings.Builder, tag, body string) {
	fmt.Fprintf(sb, "<%s>%s</%s>", tag, body, tag)
}

// Written reports how much it wrote.
func Written(name string) (string, int) {
	var sb strings.Builder
	n, _ := fmt.Fprintf(&sb, "name=%s", name)
	return sb.String(), n
}

// Doc is a document being rendered.
type Doc struct {
	sb    strings.Builder
	title string
}

// Title renders the document's title line.
func (d *Doc) Title() {
	fmt.Fprintf(&d.sb, "# %s\n\n", d.title)
}

// Para renders a paragraph.
func (d *Doc) Para(text string) {
	fmt.Fprintf(&d.sb, "%s\n\n", text)
}

// String is the document so far.
func (d *Doc) String() string { return d.sb.String() }

// Item is a list item with a Stringer label.
type Item struct{ Label fmt.Stringer }

// List renders list items.
func List(items []Item) string {
	var sb strings.Builder
	for _, it := range items {
		fmt.Fprintf(&sb, "- %s\n", it.Label)
	}
	return sb.String()
}

// Code is a status code.
type Code int

// String names the code.
func (c Code) String() string { return fmt.Sprintf("E%04d", int(c)) }

// Status renders a status line.
func Status(c Code, msg string) string {
	return fmt.Sprintf("%s %s", c, msg)
}

// Greeting greets someone by name.
func Greeting(name string) string {
	return fmt.Sprintf("Hello, %s!", name)
}

// Breadcrumb renders a breadcrumb trail.
func Breadcrumb(parent, child string) string {
	return fmt.Sprintf("%s › %s", parent, child)
}

// Title renders a title with its subtitle.
func Title(title, sub string) string {
	return fmt.Sprintf("%s — %s", title, sub)
}

// Anchor renders an HTML link.
func Anchor(href, text string) string {
	return fmt.Sprintf(`<a href="%s">%s</a>`, href, text)
}

// Path joins a directory and a file the caller cleaned.
func Path(dir, file string) string {
	return fmt.Sprintf("%s/%s", dir, file)
}
