package plugins

import (
	"strconv"
	"time"
)

// Encoder is an option value that encodes a record.
type Encoder interface {
	Encode(fields []string) string
}

type csvEnc struct{ sep byte }

func (e *csvEnc) Encode(fields []string) string {
	out := ""
	for i, f := range fields {
		if i > 0 {
			out += string(e.sep)
		}
		out += f
	}
	return out
}

type clock struct{ base time.Time }

func (c *clock) Now() time.Time { return c.base }

// Nower is what a clock option must provide.
type Nower interface {
	Now() time.Time
}

// Options are an exporter's settings, some of them plugged in as any values.
type Options struct {
	Encoder any
	Clock   any
	Retries int
	Gzip    bool
	Ratio   float64
	Label   string
}

// ExportRow encodes a row with the encoder option.
func ExportRow(fields []string) string {
	enc := csvEnc{sep: ','}
	opts := Options{Encoder: &enc, Label: "rows"}
	return opts.Encoder.(Encoder).Encode(fields)
}

// ExportRetries encodes a row and reports how many retries the options allow.
func ExportRetries(fields []string) (string, int) {
	enc := csvEnc{sep: ';'}
	opts := Options{Encoder: &enc, Retries: 3}
	return opts.Encoder.(Encoder).Encode(fields), opts.Retries
}

// ExportCompressed encodes a row and says whether it is to be gzipped.
func ExportCompressed(fields []string) (string, bool) {
	enc := csvEnc{sep: '\t'}
	opts := Options{Encoder: &enc, Gzip: true}
	if e, ok := opts.Encoder.(Encoder); ok {
		return e.Encode(fields), opts.Gzip
	}
	return "", false
}

// Stamp formats the clock option's time.
func Stamp(base time.Time) string {
	c := clock{base: base}
	opts := Options{Clock: &c}
	return opts.Clock.(Nower).Now().Format(time.RFC3339)
}

// Budget scales a byte budget by the options' ratio.
func Budget(fields []string, n int) (string, int) {
	enc := csvEnc{sep: ','}
	opts := Options{Encoder: &enc, Ratio: 0.75}
	return opts.Encoder.(Encoder).Encode(fields), int(float64(n) * opts.Ratio)
}

// Retry attempts an operation as many times as the options allow.
func Retry(fields []string, fail int) (string, int) {
	enc := csvEnc{sep: '|'}
	opts := Options{Encoder: &enc, Retries: 4}
	attempts := 0
	for attempts < opts.Retries && attempts < fail {
		attempts++
	}
	return opts.Encoder.(Encoder).Encode(fields), attempts
}

// Option mutates options, functional-options style.
type Option func(*Options)

// WithSep swaps the encoder after the defaults are built: the field is written through a pointer.
func WithSep(fields []string, sep byte) string {
	enc := csvEnc{sep: ','}
	opts := Options{Encoder: &enc}
	other := csvEnc{sep: sep}
	apply := Option(func(o *Options) { o.Encoder = &other })
	apply(&opts)
	return opts.Encoder.(Encoder).Encode(fields)
}

// LabelOf prefixes an encoded row with the options' label and retry count.
func LabelOf(fields []string) string {
	enc := csvEnc{sep: ','}
	opts := Options{Encoder: &enc, Label: "csv", Retries: 2}
	return opts.Label + "/" + strconv.Itoa(opts.Retries) + ":" + opts.Encoder.(Encoder).Encode(fields)
}
