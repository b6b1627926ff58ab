// Package render prints report values in the format a client asks for.
package render

import (
	"strconv"
	"strings"
)

// Formatter lays out one value.
type Formatter struct {
	Label string
	Width int
}

func (f Formatter) text(v string) string {
	return f.Label + ": " + strings.Repeat(" ", max(0, f.Width-len(v))) + v
}

func (f Formatter) json(v string) string {
	return "{" + strconv.Quote(f.Label) + ": " + strconv.Quote(v) + "}"
}

func (f Formatter) csv(v string) string {
	return f.Label + "," + v
}

// Render formats v as kind ("text" when the kind is unknown), at least 8 columns wide.
func Render(f Formatter, kind, v string) string {
	if f.Width < 8 {
		f.Width = 8
	}
	formats := map[string]func(v string) string{
		"text": func(v string) string { return f.text(v) }, // want "func literal escapes to heap"
		"json": func(v string) string { return f.json(v) }, // want "func literal escapes to heap"
		"csv":  func(v string) string { return f.csv(v) },  // want "func literal escapes to heap"
	}
	if _, ok := formats[kind]; !ok {
		kind = "text"
	}
	return formats[kind](v)
}
