package workflow

// Widget is a node of a UI component tree.
type Widget interface {
	Draw(width int) int
}

// Focusable widgets take keyboard focus.
type Focusable interface {
	Focus() bool
}

// Scrollable widgets move their content.
type Scrollable interface {
	ScrollBy(lines int) int
}

type button struct {
	label   string
	focused bool
}

func (b *button) Draw(width int) int { return min(width, len(b.label)+4) }
func (b *button) Focus() bool        { b.focused = true; return true }

type label struct{ text string }

func (l *label) Draw(width int) int { return min(width, len(l.text)) }

type list struct {
	rows int
	top  int
}

func (l *list) Draw(width int) int { return width }
func (l *list) ScrollBy(lines int) int {
	l.top = max(0, min(l.rows-1, l.top+lines))
	return l.top
}

// Panel lays out its children in a row.
type Panel struct {
	Title    string
	Children []Widget
}

// Container holds one child.
type Container struct {
	Padding int
	Child   Widget
}

// View is a screen: a header and a body.
type View struct {
	Header string
	Body   Container
}

// FocusFirst focuses the first child of a toolbar if it can take focus.
func FocusFirst(text string) bool {
	ok := button{label: "OK"}
	lb := label{text: text}
	bar := Panel{Title: "toolbar", Children: []Widget{&ok, &lb}}
	if f, can := bar.Children[0].(Focusable); can {
		return f.Focus()
	}
	return false
}

// ScrollView scrolls a view's body if it scrolls.
func ScrollView(rows, by int) int {
	ls := list{rows: rows}
	v := View{Header: "inbox", Body: Container{Padding: 1, Child: &ls}}
	if s, ok := v.Body.Child.(Scrollable); ok {
		return s.ScrollBy(by)
	}
	return 0
}

// ContainerScroll is the single-step form.
func ContainerScroll(rows, by int) int {
	ls := list{rows: rows}
	c := Container{Padding: 2, Child: &ls}
	if s, ok := c.Child.(Scrollable); ok {
		return s.ScrollBy(by)
	}
	return 0
}

// FocusOrder counts the focusable nodes of a small form.
func FocusOrder(title string) int {
	name := label{text: title}
	submit := button{label: "Submit"}
	n := 0
	for _, c := range []Container{{Child: &name}, {Child: &submit}} {
		if _, ok := c.Child.(Focusable); ok {
			n++
		}
	}
	return n
}

// Walk visits every child of a panel; what visit does with them is the caller's business.
func Walk(title string, visit func(Widget)) int {
	ok := button{label: title}
	p := Panel{Title: title, Children: []Widget{&ok}}
	for _, w := range p.Children {
		visit(w)
	}
	return p.Children[0].(Widget).Draw(80)
}

// App remembers which widget has focus.
type App struct {
	focused Widget
}

// FocusDefault keeps the focused widget in the app: it outlives the call.
func (a *App) FocusDefault(text string) bool {
	b := button{label: text}
	p := Panel{Children: []Widget{&b}}
	if f, ok := p.Children[0].(Focusable); ok {
		a.focused = p.Children[0]
		return f.Focus()
	}
	return false
}

// FocusReplaced asks the first child after the toolbar replaced it.
func FocusReplaced(text string, readonly bool) bool {
	b := button{label: "Edit"}
	lb := label{text: text}
	p := Panel{Children: []Widget{&b}}
	if readonly {
		p.Children[0] = &lb
	}
	_, ok := p.Children[0].(Focusable)
	return ok
}
