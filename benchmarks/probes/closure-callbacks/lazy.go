package tabkit

import (
	"os"
	"regexp"
	"strings"
	"sync"
)

var (
	unitsOnce sync.Once
	units     map[string]int64
)

// Unit returns the multiplier of a size suffix, building the table once.
func Unit(suffix string) int64 {
	unitsOnce.Do(func() {
		units = map[string]int64{"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
	})
	return units[strings.ToLower(suffix)]
}

// Matcher compiles its pattern on first use.
type Matcher struct {
	Pattern string
	once    sync.Once
	re      *regexp.Regexp
	err     error
}

// Match reports whether s matches, compiling the pattern the first time.
func (m *Matcher) Match(s string) (bool, error) {
	m.once.Do(func() { m.re, m.err = regexp.Compile(m.Pattern) })
	if m.err != nil {
		return false, m.err
	}
	return m.re.MatchString(s), nil
}

// HomeDir returns a function that finds the user's home once, honouring an
// override.
func HomeDir(override string) func() string {
	if override == "" {
		override = os.Getenv("TABKIT_HOME")
	}
	return sync.OnceValue(func() string {
		if override != "" {
			return override
		}
		h, _ := os.UserHomeDir()
		return h
	})
}

// Options configure a Reader.
type Options struct {
	Delim   string
	Comment byte
	Skip    int
	Trim    bool
}

// Option sets one field of Options.
type Option func(*Options)

// WithDelim picks the field delimiter; "tsv" is a tab.
func WithDelim(d string) Option {
	if d == "tsv" {
		d = "\t"
	}
	return func(o *Options) { o.Delim = d }
}

// WithSkip skips n header lines, at most 100.
func WithSkip(n int) Option {
	if n > 100 {
		n = 100
	}
	return func(o *Options) { o.Skip = n }
}

// Defaults returns the options a profile name implies, with extra options
// applied after.
func Defaults(profile string, extra ...Option) Options {
	o := Options{Delim: ",", Comment: '#'}
	var base []Option
	switch profile {
	case "tsv":
		base = append(base, WithDelim("tsv"))
	case "log":
		base = append(base, WithDelim(" "), WithSkip(0))
	}
	for _, f := range append(base, extra...) {
		f(&o)
	}
	return o
}

// Reader splits lines into records by its options.
type Reader struct {
	opts  Options
	lines int
}

// NewReader applies the options in order.
func NewReader(opts ...Option) *Reader {
	r := &Reader{opts: Options{Delim: ","}}
	for _, o := range opts {
		o(&r.opts)
	}
	return r
}

// ReadAll parses every non-comment line after the skipped ones.
func (r *Reader) ReadAll(lines []string) []Record {
	var out []Record
	for _, l := range lines {
		r.lines++
		if r.lines <= r.opts.Skip || (len(l) > 0 && l[0] == r.opts.Comment) {
			continue
		}
		fs := strings.Split(l, r.opts.Delim)
		if r.opts.Trim {
			for i := range fs {
				fs[i] = strings.TrimSpace(fs[i])
			}
		}
		out = append(out, Record{Name: fs[0], Fields: fs})
	}
	return out
}

// Emitter writes rows through a sink function.
type Emitter struct {
	sink  func(string)
	count int
}

// Emit formats each record with format and hands it to the sink.
func (e *Emitter) Emit(rs []Record, format func(Record) string) {
	for _, r := range rs {
		e.sink(format(r))
		e.count++
	}
}

// Collect gathers what an Emitter emits into a slice, prefixing each line.
func Collect(rs []Record, prefix string, upper bool) []string {
	if upper {
		prefix = strings.ToUpper(prefix)
	}
	var lines []string
	e := &Emitter{sink: func(s string) { lines = append(lines, prefix+s) }}
	e.Emit(rs, func(r Record) string { return r.Name })
	return lines
}

// Joiner builds lines with a builder's method value as the sink.
func Joiner(rs []Record, sep string) string {
	var b strings.Builder
	write := b.WriteString
	for i, r := range rs {
		if i > 0 {
			write(sep)
		}
		write(r.Name)
	}
	return b.String()
}
