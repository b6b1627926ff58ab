package docs

import (
	"bytes"
	"fmt"
	"go/format"
	"go/scanner"
	"go/token"
	"html"
	"io"
	"strings"
)

// HighlightGo writes src as HTML with a span per token class.
func HighlightGo(w io.Writer, src []byte) error {
	var buf bytes.Buffer
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	s.Init(file, src, nil, scanner.ScanComments)
	last := 0
	buf.WriteString(`<pre class="chroma">`)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		if off > last {
			buf.WriteString(html.EscapeString(string(src[last:off])))
		}
		text := lit
		if text == "" {
			text = tok.String()
		}
		if class := tokenClass(tok); class != "" {
			fmt.Fprintf(&buf, `<span class="%s">%s</span>`, class, html.EscapeString(text))
		} else {
			buf.WriteString(html.EscapeString(text))
		}
		last = off + len(text)
	}
	buf.WriteString("</pre>\n")
	_, err := w.Write(buf.Bytes())
	return err
}

func tokenClass(tok token.Token) string {
	switch {
	case tok.IsKeyword():
		return "k"
	case tok == token.COMMENT:
		return "c"
	case tok == token.STRING || tok == token.CHAR:
		return "s"
	case tok == token.INT || tok == token.FLOAT:
		return "m"
	}
	return ""
}

// HighlightLines numbers each line of text in a table row.
func HighlightLines(w io.Writer, text string) error {
	var b strings.Builder
	b.WriteString("<table class=\"code\">\n")
	for i, line := range strings.Split(text, "\n") {
		fmt.Fprintf(&b, "<tr><td class=\"ln\">%d</td><td>%s</td></tr>\n", i+1, html.EscapeString(line))
	}
	b.WriteString("</table>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Snippet gofmts a generated Go snippet and writes it as a code block.
func Snippet(w io.Writer, name string, fields []string) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "type %s struct {\n", name)
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s string\n", f)
	}
	buf.WriteString("}\n")
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(src)
	return err
}

// Token is one highlighted token handed to a caller's sink (must decline: the sink may keep it).
type TokenSink interface {
	Token(class string, text []byte)
}

// Tokens reports every word of text to sink, tagged.
func Tokens(sink TokenSink, text string) {
	var buf bytes.Buffer
	for _, word := range strings.Fields(text) {
		buf.Reset()
		fmt.Fprintf(&buf, "%s", word)
		sink.Token("w", buf.Bytes())
	}
}
