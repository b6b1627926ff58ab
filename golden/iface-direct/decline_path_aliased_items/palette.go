// Package palette runs the first entry of a command palette after the user reorders it.
package palette

type Command interface{ Execute() int }

type save struct{ writes int }

func (s *save) Execute() int { s.writes++; return s.writes }

type quit struct{ code int }

func (q *quit) Execute() int { return q.code }

type Item struct {
	Label string
	Cmd   any
}

type Palette struct {
	Filter string
	Items  []Item
}

// RunFirst moves Quit to the top through the slice the palette shares, then runs the top entry.
func RunFirst(code int) int {
	sv := save{} // want "moved to heap: sv" // declined "p is used other than to read a place its literal stores"
	q := quit{code: code} // want "moved to heap: q"
	p := Palette{Items: []Item{{Label: "Save", Cmd: &sv}}}
	items := p.Items
	items[0] = Item{Label: "Quit", Cmd: &q}
	return p.Items[0].Cmd.(Command).Execute()
}
