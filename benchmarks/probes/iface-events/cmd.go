package events

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Command is one editor command.
type Command interface {
	Name() string
	Do(doc *Doc) error
}

// Undoer is implemented by commands that can revert themselves.
type Undoer interface{ Undo(doc *Doc) error }

// Describer gives a command's help line.
type Describer interface{ Describe() string }

// Doc is the edited document.
type Doc struct{ text string }

type insert struct {
	at int
	s  string
}

func (c *insert) Name() string { return "insert" }
func (c *insert) Do(d *Doc) error {
	if c.at < 0 || c.at > len(d.text) {
		return errors.New("insert: out of range")
	}
	d.text = d.text[:c.at] + c.s + d.text[c.at:]
	return nil
}
func (c *insert) Undo(d *Doc) error {
	d.text = d.text[:c.at] + d.text[c.at+len(c.s):]
	return nil
}
func (c *insert) Describe() string { return "insert S at N" }

type upper struct{ prev string }

func (c *upper) Name() string { return "upper" }
func (c *upper) Do(d *Doc) error {
	c.prev = d.text
	d.text = strings.ToUpper(d.text)
	return nil
}
func (c *upper) Undo(d *Doc) error { d.text = c.prev; return nil }

type wipe struct{}

func (wipe) Name() string     { return "wipe" }
func (wipe) Do(d *Doc) error  { d.text = ""; return nil }
func (wipe) Describe() string { return "wipe the document" }

// History is an undo stack; it keeps every command done.
type History struct{ done []Command }

func (h *History) Do(d *Doc, c Command) error {
	if err := c.Do(d); err != nil {
		return err
	}
	h.done = append(h.done, c)
	return nil
}

func (h *History) Undo(d *Doc) error {
	if len(h.done) == 0 {
		return errors.New("nothing to undo")
	}
	c := h.done[len(h.done)-1]
	h.done = h.done[:len(h.done)-1]
	if u, ok := c.(Undoer); ok {
		return u.Undo(d)
	}
	return fmt.Errorf("%s cannot be undone", c.Name())
}

// Preview applies an insert and undoes it, returning the previewed text.
func Preview(text string, at int, s string) string {
	d := Doc{text: text}
	ins := insert{at: at, s: s}
	var c Command = &ins
	if err := c.Do(&d); err != nil {
		return text
	}
	shown := d.text
	if u, ok := c.(Undoer); ok {
		u.Undo(&d)
	}
	return shown + "|" + d.text
}

// Transaction runs the steps in order and, on failure, undoes the done ones last-first.
func Transaction(text string, at int) (string, error) {
	d := Doc{text: text}
	ins := insert{at: at, s: "!"}
	up := upper{}
	steps := []Command{&ins, &up}
	for i := 0; i < len(steps); i++ {
		if err := steps[i].Do(&d); err != nil {
			for j := i - 1; j >= 0; j-- {
				steps[j].(Undoer).Undo(&d)
			}
			return text, err
		}
	}
	return d.text, nil
}

// Rollback runs both commands and then undoes them in reverse order.
func Rollback(text string) string {
	d := Doc{text: text}
	ins := insert{at: 0, s: ">"}
	up := upper{}
	stack := []Command{&ins, &up}
	for _, c := range stack {
		c.Do(&d)
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if u, ok := stack[i].(Undoer); ok {
			u.Undo(&d)
		}
	}
	return d.text
}

// Help prints the help of the built-in commands that describe themselves.
func Help(w io.Writer) int {
	var ins insert
	var cl wipe
	n := 0
	for _, c := range []Command{&ins, cl} {
		if d, ok := c.(Describer); ok {
			k, _ := fmt.Fprintf(w, "%s: %s\n", c.Name(), d.Describe())
			n += k
		}
	}
	return n
}

// HelpLine describes one built-in command chosen by name.
func HelpLine(name string) string {
	var ins insert
	var up upper
	table := map[string]Command{"insert": &ins, "upper": &up}
	c, ok := table[name]
	if !ok {
		return "unknown command " + name
	}
	if d, ok := c.(Describer); ok {
		return d.Describe()
	}
	return c.Name()
}

// Run executes a command from the registry the caller built.
func Run(reg map[string]Command, d *Doc, line string) error {
	name, _, _ := strings.Cut(line, " ")
	c, ok := reg[name]
	if !ok {
		return fmt.Errorf("unknown command %q", name)
	}
	return c.Do(d)
}

// Shout upper-cases a text through the upper command, alone.
func Shout(text string) string {
	d := Doc{text: text}
	var up upper
	cmds := [...]Command{&up}
	cmds[0].Do(&d)
	return d.text
}

// Record keeps the command on the caller's history: it escapes for good.
func Record(h *History, text string) string {
	d := Doc{text: text}
	ins := insert{at: 0, s: "# "}
	h.Do(&d, &ins)
	return d.text
}
