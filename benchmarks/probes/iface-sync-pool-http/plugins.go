package probe43

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/template"
)

// Plugin is a named server extension.
type Plugin interface {
	Name() string
}

// Initer is the optional interface of plugins that need setup.
type Initer interface {
	Init(cfg map[string]string) error
}

// Closer is the optional interface of plugins holding resources.
type Closer interface {
	Close() error
}

type metricsPlugin struct {
	prefix string
	inited bool
}

func (p *metricsPlugin) Name() string { return "metrics" }
func (p *metricsPlugin) Init(cfg map[string]string) error {
	p.prefix = cfg["prefix"]
	p.inited = true
	return nil
}

type gzipPlugin struct{ level int }

func (p *gzipPlugin) Name() string { return "gzip" }
func (p *gzipPlugin) Close() error { return nil }

// Registry holds plugins by name.
type Registry struct {
	plugins map[string]Plugin
}

// Register adds p.
func (r *Registry) Register(p Plugin) {
	if r.plugins == nil {
		r.plugins = map[string]Plugin{}
	}
	r.plugins[p.Name()] = p
}

// Names lists the registered plugins in order.
func (r *Registry) Names() string {
	names := make([]string, 0, len(r.plugins))
	for n := range r.plugins {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

// InitMetrics sets up the built-in metrics plugin and reports its prefix.
func InitMetrics(prefix string) (string, error) {
	mp := metricsPlugin{}
	var p Plugin = &mp
	if in, ok := p.(Initer); ok {
		if err := in.Init(map[string]string{"prefix": prefix}); err != nil {
			return "", err
		}
	}
	if c, ok := p.(Closer); ok {
		defer c.Close()
	}
	return mp.prefix, nil
}

// Builtins lists the built-in plugins' names.
func Builtins(level int) string {
	mp := metricsPlugin{}
	gp := gzipPlugin{level: level}
	builtins := map[string]any{"metrics": &mp, "gzip": &gp}
	return builtins["metrics"].(Plugin).Name() + "," + builtins["gzip"].(Plugin).Name()
}

// pageTmpl is the page template.
var pageTmpl = template.Must(template.New("page").Parse(`<h1>{{.Title}}</h1>{{range .Items}}<li>{{.}}</li>{{end}}`))

// RenderPage executes the template into a buffer and writes it in one go.
func RenderPage(w io.Writer, title string, items []string) error {
	var buf bytes.Buffer
	data := struct {
		Title string
		Items []string
	}{title, items}
	if err := pageTmpl.Execute(&buf, data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Interpolate replaces {name} placeholders.
func Interpolate(tmpl string, vars map[string]string) string {
	var sb strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			break
		}
		sb.WriteString(tmpl[:i])
		sb.WriteString(vars[tmpl[i+1:i+j]])
		tmpl = tmpl[i+j+1:]
	}
	sb.WriteString(tmpl)
	return sb.String()
}

// Section is a block of a page with a free-form body.
type Section struct {
	Title string
	Body  any
}

// SectionText renders a section whose body is a stringer.
func SectionText(title string, u User) string {
	s := Section{Title: title, Body: &u}
	if st, ok := s.Body.(fmt.Stringer); ok {
		return s.Title + ": " + st.String()
	}
	return s.Title
}

// PluginReport writes the report of every plugin in a buffer kept by the caller.
func PluginReport(ps []Plugin) *bytes.Buffer {
	buf := new(bytes.Buffer)
	for _, p := range ps {
		fmt.Fprintf(buf, "%s\n", p.Name())
	}
	return buf
}

// Help renders the usage text of a command into a string.
func Help(cmd string, flags []string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "usage: %s [flags]\n", cmd)
	for _, f := range flags {
		fmt.Fprintf(&buf, "  -%s\n", f)
	}
	return buf.String()
}
