package gql

import "strings"

// Directive decides whether a field is included and may rewrite its value.
type Directive interface {
	Include(vars map[string]bool) bool
}

// Transformer is what a directive implements to rewrite a value.
type Transformer interface {
	Transform(s string) string
}

type skipDirective struct{ variable string }

func (d *skipDirective) Include(vars map[string]bool) bool { return !vars[d.variable] }

type includeDirective struct{ variable string }

func (d *includeDirective) Include(vars map[string]bool) bool { return vars[d.variable] }

type upperDirective struct{}

func (upperDirective) Include(map[string]bool) bool { return true }
func (upperDirective) Transform(s string) string    { return strings.ToUpper(s) }

type trimDirective struct{ cut string }

func (d *trimDirective) Include(map[string]bool) bool { return true }
func (d *trimDirective) Transform(s string) string    { return strings.TrimPrefix(s, d.cut) }

// rule pairs a directive's name with its implementation, as a directive table does.
type rule struct {
	name string
	dir  Directive
}

// Included evaluates @skip and @include on a field.
func Included(vars map[string]bool) bool {
	skip := skipDirective{variable: "hide"}
	incl := includeDirective{variable: "show"}
	for _, r := range []rule{{"skip", &skip}, {"include", &incl}} {
		if !r.dir.Include(vars) {
			return false
		}
	}
	return true
}

// Apply runs the field's directives, transforming its value where a directive can.
func Apply(value string) string {
	trim := trimDirective{cut: "_"}
	for _, r := range []rule{{"trim", &trim}, {"upper", upperDirective{}}} {
		if t, ok := r.dir.(Transformer); ok {
			value = t.Transform(value)
		}
	}
	return value
}

// Describe lists the directive names and says whether any transforms.
func Describe() (string, bool) {
	skip := skipDirective{variable: "v"}
	trim := trimDirective{cut: "x"}
	names := ""
	transforms := false
	for _, r := range []rule{{"skip", &skip}, {"trim", &trim}} {
		names += "@" + r.name
		if _, ok := r.dir.(Transformer); ok {
			transforms = true
		}
	}
	return names, transforms
}

// Lookup finds a directive in a table by the name a query gives: it is the caller's.
func Lookup(name string, vars map[string]bool) bool {
	skip := skipDirective{variable: "hide"}
	incl := includeDirective{variable: "show"}
	for _, r := range []rule{{"skip", &skip}, {"include", &incl}} {
		if r.name == name {
			return r.dir.Include(vars)
		}
	}
	return true
}

// DirectiveTable is the schema's table: a directive kept there outlives the call.
var DirectiveTable []rule

// Define adds the built-in directives to the schema's table.
func Define() int {
	skip := skipDirective{variable: "hide"}
	for _, r := range []rule{{"skip", &skip}} {
		DirectiveTable = append(DirectiveTable, r)
	}
	return len(DirectiveTable)
}
