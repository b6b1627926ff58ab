package composekit

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
)

// inline renders `code`, **bold** and _em_ spans of one line.
func inline(w io.Writer, s string) {
	for s != "" {
		switch {
		case strings.HasPrefix(s, "`"):
			if j := strings.IndexByte(s[1:], '`'); j >= 0 {
				fmt.Fprintf(w, "<code>%s</code>", html.EscapeString(s[1:1+j]))
				s = s[j+2:]
				continue
			}
		case strings.HasPrefix(s, "**"):
			if j := strings.Index(s[2:], "**"); j >= 0 {
				io.WriteString(w, "<strong>")
				inline(w, s[2:2+j])
				io.WriteString(w, "</strong>")
				s = s[j+4:]
				continue
			}
		}
		i := strings.IndexAny(s[1:], "`*")
		if i < 0 {
			io.WriteString(w, html.EscapeString(s))
			return
		}
		io.WriteString(w, html.EscapeString(s[:i+1]))
		s = s[i+1:]
	}
}

// RenderMarkdown converts a small markdown subset to HTML.
func RenderMarkdown(w io.Writer, src io.Reader) error {
	var out bytes.Buffer
	sc := bufio.NewScanner(src)
	inList := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# "):
			fmt.Fprintf(&out, "<h1>%s</h1>\n", html.EscapeString(line[2:]))
		case strings.HasPrefix(line, "## "):
			fmt.Fprintf(&out, "<h2>%s</h2>\n", html.EscapeString(line[3:]))
		case strings.HasPrefix(line, "- "):
			if !inList {
				out.WriteString("<ul>\n")
				inList = true
			}
			out.WriteString("<li>")
			inline(&out, line[2:])
			out.WriteString("</li>\n")
		case line == "":
			if inList {
				out.WriteString("</ul>\n")
				inList = false
			}
		default:
			out.WriteString("<p>")
			inline(&out, line)
			out.WriteString("</p>\n")
		}
	}
	if inList {
		out.WriteString("</ul>\n")
	}
	if err := sc.Err(); err != nil {
		return err
	}
	_, err := out.WriteTo(w)
	return err
}

// InlineHTML renders one line's spans to a string.
func InlineHTML(s string) string {
	var sb strings.Builder
	inline(&sb, s)
	return sb.String()
}

// TOC renders a table of contents from headings.
func TOC(headings []string) string {
	var b bytes.Buffer
	b.WriteString("<nav><ol>")
	for _, h := range headings {
		id := strings.ToLower(strings.ReplaceAll(h, " ", "-"))
		fmt.Fprintf(&b, `<li><a href="#%s">%s</a></li>`, id, html.EscapeString(h))
	}
	b.WriteString("</ol></nav>")
	return b.String()
}

// CodeBlock writes a fenced block with line numbers.
func CodeBlock(w io.Writer, lang, code string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "<pre><code class=\"language-%s\">", html.EscapeString(lang))
	for i, line := range strings.Split(code, "\n") {
		fmt.Fprintf(bw, "<span class=\"ln\">%d</span>%s\n", i+1, html.EscapeString(line))
	}
	bw.WriteString("</code></pre>\n")
	return bw.Flush()
}

// Page caches a rendered page body.
type Page struct {
	body []byte
}

// Render renders src and caches the result: must not pool.
func (p *Page) Render(src string) error {
	var out bytes.Buffer
	if err := RenderMarkdown(&out, strings.NewReader(src)); err != nil {
		return err
	}
	p.body = out.Bytes()
	return nil
}
