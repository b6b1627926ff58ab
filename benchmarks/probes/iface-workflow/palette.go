package workflow

// Command is an undoable editor command, as a palette or undo stack holds it.
type Command interface {
	Execute() int
	Undo() int
}

type insert struct {
	text string
	at   int
	doc  *[]byte
}

func (c *insert) Execute() int { return c.at + len(c.text) }
func (c *insert) Undo() int    { return c.at }

type save struct{ writes int }

func (s *save) Execute() int { s.writes++; return s.writes }
func (s *save) Undo() int    { return s.writes }

type quit struct{ code int }

func (q *quit) Execute() int { return q.code }
func (q *quit) Undo() int    { return 0 }

// PaletteItem is an entry of a command palette.
type PaletteItem struct {
	Label string
	Cmd   any
}

// Palette is a list of entries.
type Palette struct {
	Filter string
	Items  []PaletteItem
}

// RunItem runs a palette entry's command.
func RunItem(writes int) int {
	sv := save{writes: writes}
	item := PaletteItem{Label: "Save", Cmd: &sv}
	return item.Cmd.(Command).Execute()
}

// RunQuit runs the second entry of a small palette.
func RunQuit(code int) int {
	sv := save{}
	q := quit{code: code}
	p := Palette{Filter: "", Items: []PaletteItem{{Label: "Save", Cmd: &sv}, {Label: "Quit", Cmd: &q}}}
	return p.Items[1].Cmd.(Command).Execute()
}

var recent []Palette

// Remember keeps the palette for the recent list: it outlives the call.
func Remember(code int) int {
	q := quit{code: code}
	p := Palette{Items: []PaletteItem{{Label: "Quit", Cmd: &q}}}
	recent = append(recent, p)
	return p.Items[0].Cmd.(Command).Execute()
}
