package logging

type consoleMode uint32

func (m consoleMode) String() string { return "vt" }

type terminal struct{ kind consoleMode }
