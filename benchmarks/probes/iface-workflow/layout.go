package workflow

// Size is a widget's extent in cells.
type Size struct{ W, H int }

// Constraint narrows a size.
type Constraint interface {
	Apply(s Size) Size
}

// Aligner says where a child sits in spare space.
type Aligner interface {
	Offset(spare int) int
}

type maxWidth struct{ w int }

func (m *maxWidth) Apply(s Size) Size { s.W = min(s.W, m.w); return s }

type minHeight struct{ h int }

func (m *minHeight) Apply(s Size) Size { s.H = max(s.H, m.h); return s }

type center struct{}

func (center) Offset(spare int) int { return spare / 2 }

type end struct{ margin int }

func (e *end) Offset(spare int) int { return spare - e.margin }

// Layout applies two constraints in order.
type Layout struct {
	Name  string
	Rules [2]Constraint
}

// Style is how a box places its child.
type Style struct {
	Align any
	Gap   int
}

// Box is a styled container.
type Box struct {
	ID    string
	Style Style
}

// Constrain applies a sidebar's two constraints.
func Constrain(w, h int) Size {
	mw := maxWidth{w: 30}
	mh := minHeight{h: 5}
	l := Layout{Name: "sidebar", Rules: [2]Constraint{&mw, &mh}}
	s := Size{W: w, H: h}
	s = l.Rules[0].Apply(s)
	return l.Rules[1].Apply(s)
}

// BoxOffset places a box's child by the box's alignment.
func BoxOffset(spare, margin int) int {
	e := end{margin: margin}
	b := Box{ID: "footer", Style: Style{Align: &e, Gap: 1}}
	if a, ok := b.Style.Align.(Aligner); ok {
		return a.Offset(spare) + b.Style.Gap
	}
	return 0
}

// StyleOffset is the single-step form.
func StyleOffset(spare, margin int) int {
	e := end{margin: margin}
	st := Style{Align: &e}
	return st.Align.(Aligner).Offset(spare)
}

// CenteredOffset stores a value (not a pointer) in the style.
func CenteredOffset(spare int) int {
	var c center
	b := Box{ID: "dialog", Style: Style{Align: c}}
	return b.Style.Align.(Aligner).Offset(spare)
}
