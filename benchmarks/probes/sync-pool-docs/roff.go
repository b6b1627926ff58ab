package docs

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
)

// ManPage is a command's manual page.
type ManPage struct {
	Name, Section, Short string
	Date                 time.Time
	Synopsis             string
	Options              []Option
	Description          []string
}

// Option is one documented flag.
type Option struct {
	Flag, Arg, Help string
}

// WriteMan writes page as roff to w.
func WriteMan(w io.Writer, p *ManPage) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, ".TH %q %s %q\n", strings.ToUpper(p.Name), p.Section, p.Date.Format("Jan 2006"))
	fmt.Fprintf(&buf, ".SH NAME\n%s \\- %s\n", roffEscape(p.Name), roffEscape(p.Short))
	fmt.Fprintf(&buf, ".SH SYNOPSIS\n.B %s\n", roffEscape(p.Synopsis))
	if len(p.Description) > 0 {
		io.WriteString(&buf, ".SH DESCRIPTION\n")
		for i, para := range p.Description {
			if i > 0 {
				io.WriteString(&buf, ".PP\n")
			}
			fmt.Fprintln(&buf, roffEscape(para))
		}
	}
	writeOptions(&buf, p.Options)
	_, err := w.Write(buf.Bytes())
	return err
}

func writeOptions(w io.Writer, opts []Option) {
	if len(opts) == 0 {
		return
	}
	io.WriteString(w, ".SH OPTIONS\n")
	for _, o := range opts {
		if o.Arg != "" {
			fmt.Fprintf(w, ".TP\n.BI \\-%s \" %s\"\n", o.Flag, o.Arg)
		} else {
			fmt.Fprintf(w, ".TP\n.B \\-%s\n", o.Flag)
		}
		fmt.Fprintln(w, roffEscape(o.Help))
	}
}

// roffEscape escapes backslashes and a leading dot or quote.
func roffEscape(s string) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "'") {
			b.WriteString(`\&`)
		}
		b.WriteString(strings.ReplaceAll(line, `\`, `\e`))
	}
	return b.String()
}

// OptionsTable renders the options as a roff tbl table.
func OptionsTable(opts []Option) string {
	buf := new(bytes.Buffer)
	io.WriteString(buf, ".TS\nl l.\n")
	for _, o := range opts {
		fmt.Fprintf(buf, "\\-%s\t%s\n", o.Flag, roffEscape(o.Help))
	}
	io.WriteString(buf, ".TE\n")
	return buf.String()
}
