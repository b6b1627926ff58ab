package docs

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
)

// Block is one parsed Markdown block.
type Block struct {
	Kind  string // "h", "p", "code", "list"
	Level int
	Lines []string
	Lang  string
}

// RenderHTML renders blocks to w, buffering the page so a failed write leaves no half page.
func RenderHTML(w io.Writer, blocks []Block) error {
	var buf bytes.Buffer
	for _, b := range blocks {
		renderBlock(&buf, b)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func renderBlock(w io.Writer, b Block) {
	switch b.Kind {
	case "h":
		fmt.Fprintf(w, "<h%d>%s</h%d>\n", b.Level, html.EscapeString(strings.Join(b.Lines, " ")), b.Level)
	case "code":
		if b.Lang != "" {
			fmt.Fprintf(w, "<pre><code class=\"language-%s\">", html.EscapeString(b.Lang))
		} else {
			io.WriteString(w, "<pre><code>")
		}
		for _, l := range b.Lines {
			io.WriteString(w, html.EscapeString(l))
			io.WriteString(w, "\n")
		}
		io.WriteString(w, "</code></pre>\n")
	case "list":
		io.WriteString(w, "<ul>\n")
		for _, l := range b.Lines {
			fmt.Fprintf(w, "  <li>%s</li>\n", inline(l))
		}
		io.WriteString(w, "</ul>\n")
	default:
		fmt.Fprintf(w, "<p>%s</p>\n", inline(strings.Join(b.Lines, " ")))
	}
}

// inline renders `code`, **strong** and *em* spans.
func inline(s string) string {
	var sb strings.Builder
	for len(s) > 0 {
		switch {
		case s[0] == '`':
			if end := strings.IndexByte(s[1:], '`'); end >= 0 {
				fmt.Fprintf(&sb, "<code>%s</code>", html.EscapeString(s[1:1+end]))
				s = s[2+end:]
				continue
			}
		case strings.HasPrefix(s, "**"):
			if end := strings.Index(s[2:], "**"); end >= 0 {
				fmt.Fprintf(&sb, "<strong>%s</strong>", html.EscapeString(s[2:2+end]))
				s = s[4+end:]
				continue
			}
		}
		sb.WriteString(html.EscapeString(s[:1]))
		s = s[1:]
	}
	return sb.String()
}

// Heading renders one heading with its anchor.
func Heading(level int, text string) string {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "<h%d id=%q>", level, Slug(text))
	buf.WriteString(html.EscapeString(text))
	fmt.Fprintf(buf, "</h%d>", level)
	return buf.String()
}

// Slug makes an anchor id: lower case, runs of other characters as one dash.
func Slug(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// TOC writes a table of contents for the headings in blocks.
func TOC(w io.Writer, blocks []Block) error {
	var buf bytes.Buffer
	io.WriteString(&buf, "<nav><ol>\n")
	for _, b := range blocks {
		if b.Kind != "h" || b.Level > 3 {
			continue
		}
		text := strings.Join(b.Lines, " ")
		fmt.Fprintf(&buf, "%s<li><a href=\"#%s\">%s</a></li>\n", strings.Repeat("  ", b.Level), Slug(text), html.EscapeString(text))
	}
	io.WriteString(&buf, "</ol></nav>\n")
	_, err := buf.WriteTo(w)
	return err
}

// Page holds a rendered page: its body outlives the call (must decline).
type Page struct {
	Title string
	Body  *bytes.Buffer
}

// NewPage renders blocks into a page that keeps its buffer.
func NewPage(title string, blocks []Block) *Page {
	buf := new(bytes.Buffer)
	for _, b := range blocks {
		renderBlock(buf, b)
	}
	return &Page{Title: title, Body: buf}
}

// RenderBytes renders blocks and hands the caller the buffer's storage (must decline).
func RenderBytes(blocks []Block) []byte {
	var buf bytes.Buffer
	for _, b := range blocks {
		renderBlock(&buf, b)
	}
	return buf.Bytes()
}
