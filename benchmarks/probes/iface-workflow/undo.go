package workflow

import "fmt"

// UndoStack holds done and undone commands.
type UndoStack struct {
	Done   []Command
	Undone []Command
}

// Editor is a document with its own history.
type Editor struct {
	history UndoStack
}

func (c *insert) String() string { return fmt.Sprintf("insert %q at %d", c.text, c.at) }

// UndoLast undoes the one command of a fresh stack.
func UndoLast(at int) int {
	ins := insert{text: "x", at: at}
	st := UndoStack{Done: []Command{&ins}}
	return st.Done[0].Undo()
}

// DescribeLast names the last command if it can describe itself.
func DescribeLast(at int) bool {
	ins := insert{text: "hello", at: at}
	st := UndoStack{Done: []Command{&ins}}
	_, ok := st.Done[0].(fmt.Stringer)
	return ok
}

// Apply records the command in the editor's history: it outlives the call.
func (e *Editor) Apply(at int) int {
	ins := insert{text: "y", at: at}
	e.history.Done = append(e.history.Done, &ins)
	return e.history.Done[len(e.history.Done)-1].Execute()
}

// UndoAsync undoes in a goroutine that observes the stack after the caller swapped the command.
func UndoAsync(at int) int {
	ins := insert{text: "z", at: at}
	sv := save{writes: 1}
	st := UndoStack{Done: []Command{&ins}}
	done := make(chan int)
	go func() { done <- st.Done[0].(Command).Undo() }()
	st.Done[0] = &sv
	return <-done
}
