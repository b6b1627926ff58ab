package docs

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

var allowedTags = map[string]bool{"b": true, "i": true, "em": true, "strong": true, "code": true, "p": true, "br": true}

// Sanitize keeps the allowed tags of s (without attributes) and escapes everything else.
func Sanitize(s string) string {
	var out bytes.Buffer
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			escapeTo(&out, s)
			break
		}
		escapeTo(&out, s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			escapeTo(&out, s[i:])
			break
		}
		tag := strings.TrimPrefix(strings.Fields(s[i+1:i+j] + " ")[0], "/")
		if allowedTags[strings.ToLower(tag)] {
			closing := strings.HasPrefix(s[i+1:], "/")
			if closing {
				fmt.Fprintf(&out, "</%s>", strings.ToLower(tag))
			} else {
				fmt.Fprintf(&out, "<%s>", strings.ToLower(tag))
			}
		} else {
			escapeTo(&out, s[i:i+j+1])
		}
		s = s[i+j+1:]
	}
	return out.String()
}

func escapeTo(w io.Writer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		io.WriteString(w, s[last:i])
		io.WriteString(w, esc)
		last = i + 1
	}
	io.WriteString(w, s[last:])
}

// EscapeAttr escapes s for an attribute value written to w.
func EscapeAttr(w io.Writer, name, value string) error {
	var b strings.Builder
	fmt.Fprintf(&b, " %s=\"", name)
	escapeTo(&b, value)
	b.WriteByte('"')
	_, err := io.WriteString(w, b.String())
	return err
}

// StripTags returns the text of s without any markup.
func StripTags(s string) string {
	var b bytes.Buffer
	in := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<':
			in = true
		case c == '>':
			in = false
		case !in:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Linkify wraps bare http(s) URLs of text in anchors.
func Linkify(text string) string {
	var buf bytes.Buffer
	for _, word := range strings.Fields(text) {
		if buf.Len() > 0 {
			buf.WriteByte(' ')
		}
		if strings.HasPrefix(word, "http://") || strings.HasPrefix(word, "https://") {
			fmt.Fprintf(&buf, "<a href=\"%s\" rel=\"nofollow\">", word)
			escapeTo(&buf, word)
			io.WriteString(&buf, "</a>")
			continue
		}
		escapeTo(&buf, word)
	}
	return buf.String()
}

// Filter is a caller-supplied post-processor: it may keep what it is given (must decline).
type Filter interface {
	Apply(w io.Writer) io.Writer
}

// SanitizeThrough sanitises s through a caller's filter chain.
func SanitizeThrough(f Filter, s string) string {
	var out bytes.Buffer
	w := f.Apply(&out)
	escapeTo(w, s)
	return out.String()
}
