package shadow

import (
	"fmt"
	"io"
	"strings"
)

type named struct{ name string }

func (n *named) String() string { return "named:" + n.name }

type event struct {
	Kind    string
	Payload any
}

var sinkW io.Writer = io.Discard

// ElseOuter writes to w, the outer writer in the else.
func ElseOuter(sb *strings.Builder) string {
	a := named{"a"}
	var w io.Writer = sb
	ev := event{Payload: &a}
	if w, ok := ev.Payload.(io.Writer); ok {
		sinkW = w
		return "payload writer"
	} else {
		fmt.Fprint(sb, w == nil)
	}
	fmt.Fprint(w, "|outer")
	return sb.String()
}

// ElseOuterLocal uses a local any.
func ElseOuterLocal(sb *strings.Builder) string {
	a := named{"a"}
	w := io.Writer(sb)
	var i any = &a
	if w, ok := i.(io.Writer); ok {
		sinkW = w
		return "payload writer"
	} else if w != nil {
		return "else-if non-nil"
	}
	fmt.Fprint(w, "outer")
	return sb.String()
}

// ElseShadowString uses s in the else.
func ElseShadowString(s string) string {
	a := named{"a"}
	parts := []any{&a}
	if s, ok := parts[0].(io.Reader); ok {
		sinkR = s
		return "reader"
	} else {
		return fmt.Sprint("not a reader: ", s)
	}
}

var sinkR io.Reader

// DefaultShadow switches and falls to default, reading the switch variable.
func DefaultShadow(x int) string {
	a := named{"a"}
	ev := event{Payload: &a}
	switch x := ev.Payload.(type) {
	case io.Reader:
		sinkR = x
		return "reader"
	default:
		return fmt.Sprintf("default %T", x)
	}
}

// StatementOk reads w after a failed statement assertion.
func StatementOk(sb *strings.Builder) string {
	a := named{"a"}
	w := io.Writer(sb)
	ev := event{Payload: &a}
	{
		w, ok := ev.Payload.(io.Writer)
		if !ok {
			return fmt.Sprint("nil writer: ", w == nil)
		}
		sinkW = w
	}
	fmt.Fprint(w, "x")
	return "writer"
}
