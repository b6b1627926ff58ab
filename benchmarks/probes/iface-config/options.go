package cfgtool

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
)

// Formatter renders a setting for display.
type Formatter interface {
	Format(key string, value any) string
}

// Closer lets an option release what it holds.
type Flusher interface {
	Flush() error
}

type plainFormatter struct{ sep string }

func (f *plainFormatter) Format(key string, value any) string {
	return key + f.sep + fmt.Sprint(value)
}

type quoteFormatter struct{}

func (quoteFormatter) Format(key string, value any) string {
	return fmt.Sprintf("%s=%q", key, fmt.Sprint(value))
}

// Options configure a settings printer.
type Options struct {
	Out     io.Writer
	Format  Formatter
	Timeout time.Duration
	Hook    any
}

// Printer prints settings with its options (it keeps them).
type Printer struct{ opts Options }

func NewPrinter(o Options) *Printer { return &Printer{opts: o} }

func (p *Printer) Print(key string, v any) {
	io.WriteString(p.opts.Out, p.opts.Format.Format(key, v)+"\n")
}

// FormatOne formats a single setting with the default options.
func FormatOne(key string, v int) string {
	f := plainFormatter{sep: " = "}
	opts := Options{Format: &f, Timeout: 5 * time.Second}
	return opts.Format.Format(key, v)
}

// Dump writes settings through a printer the caller keeps (retained buffer).
func Dump(settings map[string]string) *Printer {
	var buf bytes.Buffer
	p := NewPrinter(Options{Out: &buf, Format: quoteFormatter{}})
	for k, v := range settings {
		p.Print(k, v)
	}
	return p
}

// FlushIfBuffered flushes the output when it can be flushed, then reports its length.
func FlushIfBuffered(s string) int {
	var sb strings.Builder
	opts := Options{Out: &sb}
	io.WriteString(opts.Out, s)
	if f, ok := opts.Out.(Flusher); ok {
		f.Flush()
	}
	return sb.Len()
}

// HookName reports the name of an options hook, when it has one.
func HookName(sep string) string {
	f := plainFormatter{sep: sep}
	opts := Options{Hook: &f}
	if s, ok := opts.Hook.(fmt.Stringer); ok {
		return s.String()
	}
	if fm, ok := opts.Hook.(Formatter); ok {
		if pf, ok := fm.(*plainFormatter); ok {
			return "plain" + pf.sep
		}
		return "formatter"
	}
	return "none"
}

// WriteLine writes a formatted line to a buffer chosen by options.
func WriteLine(key, value string) string {
	var buf bytes.Buffer
	f := plainFormatter{sep: ": "}
	opts := Options{Out: &buf, Format: &f}
	line := opts.Format.Format(key, value)
	if w, ok := opts.Out.(io.StringWriter); ok {
		w.WriteString(line)
	}
	return buf.String()
}

// Settings is a typed view of a decoded config.
type Settings struct {
	raw map[string]any
}

func (s Settings) String(key, def string) string {
	if v, ok := s.raw[key].(string); ok {
		return v
	}
	return def
}

// Label reads a label through a Settings built from a literal.
func Label(name string) string {
	s := Settings{raw: map[string]any{"label": name}}
	return s.String("label", "unnamed")
}
