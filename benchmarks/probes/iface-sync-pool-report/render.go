package probe42

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

type partKind int

const (
	literal partKind = iota
	field
)

type part struct {
	kind partKind
	text string
}

// Template is a tiny {{name}} template.
type Template struct {
	parts []part
}

// Parse splits src into literal text and {{field}} references.
func Parse(src string) (*Template, error) {
	t := &Template{}
	for src != "" {
		i := strings.Index(src, "{{")
		if i < 0 {
			t.parts = append(t.parts, part{literal, src})
			break
		}
		j := strings.Index(src[i:], "}}")
		if j < 0 {
			return nil, fmt.Errorf("unclosed {{ at %d", i)
		}
		if i > 0 {
			t.parts = append(t.parts, part{literal, src[:i]})
		}
		t.parts = append(t.parts, part{field, strings.TrimSpace(src[i+2 : i+j])})
		src = src[i+j+2:]
	}
	return t, nil
}

// Execute writes the template with data to w.
func (t *Template) Execute(w io.Writer, data map[string]any) error {
	for _, p := range t.parts {
		if p.kind == literal {
			if _, err := io.WriteString(w, p.text); err != nil {
				return err
			}
			continue
		}
		var s string
		switch v := data[p.text].(type) {
		case string:
			s = v
		case int:
			s = strconv.Itoa(v)
		case fmt.Stringer:
			s = v.String()
		case nil:
			s = ""
		default:
			s = fmt.Sprint(v)
		}
		if _, err := io.WriteString(w, s); err != nil {
			return err
		}
	}
	return nil
}

// ExecuteString renders the template into a string.
func (t *Template) ExecuteString(data map[string]any) (string, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// RenderTo renders into w with one write, so a partial render never reaches it.
func (t *Template) RenderTo(w io.Writer, data map[string]any) error {
	buf := new(bytes.Buffer)
	if err := t.Execute(buf, data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Plugin is a registered renderer extension.
type Plugin interface {
	Name() string
}

// Initer is implemented by plugins needing setup.
type Initer interface {
	Init(opts map[string]string) error
}

type upperPlugin struct {
	ready bool
}

func (p *upperPlugin) Name() string { return "upper" }
func (p *upperPlugin) Init(map[string]string) error {
	p.ready = true
	return nil
}
func (p *upperPlugin) Apply(s string) string { return strings.ToUpper(s) }

var plugins = map[string]Plugin{}

// RegisterPlugin stores a plugin under its name.
func RegisterPlugin(p Plugin) { plugins[p.Name()] = p }

// UpperOnce runs the upper plugin without registering it.
func UpperOnce(s string) (string, error) {
	up := upperPlugin{}
	var p Plugin = &up
	if in, ok := p.(Initer); ok {
		if err := in.Init(nil); err != nil {
			return "", err
		}
	}
	if a, ok := p.(interface{ Apply(string) string }); ok {
		return a.Apply(s), nil
	}
	return s, nil
}

// PluginTable writes the registered plugins aligned in columns.
func PluginTable(w io.Writer, names []string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "NAME\tREADY")
	for _, n := range names {
		p, ok := plugins[n]
		ready := false
		if ok {
			if u, isUp := p.(*upperPlugin); isUp {
				ready = u.ready
			}
		}
		fmt.Fprintf(tw, "%s\t%v\n", n, ready)
	}
	return tw.Flush()
}

// Page renders a header, body and footer; sections are optional renderers.
type section struct {
	title string
	body  any
}

type textBody struct{ lines []string }

func (b *textBody) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, l := range b.lines {
		m, err := io.WriteString(w, l+"\n")
		n += int64(m)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Page writes one section with its title.
func Page(w io.Writer, title string, lines []string) error {
	tb := textBody{lines: lines}
	sec := section{title: title, body: &tb}
	if _, err := fmt.Fprintf(w, "== %s ==\n", sec.title); err != nil {
		return err
	}
	if wt, ok := sec.body.(io.WriterTo); ok {
		_, err := wt.WriteTo(w)
		return err
	}
	_, err := fmt.Fprintln(w, sec.body)
	return err
}

// Pad returns s padded to width with a scratch buffer; width comes from the request.
func Pad(s string, width int) string {
	buf := make([]byte, 0, width)
	buf = append(buf, s...)
	for len(buf) < width {
		buf = append(buf, ' ')
	}
	return string(buf)
}
