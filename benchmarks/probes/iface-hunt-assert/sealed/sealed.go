// Package sealed declares an interface other packages cannot implement.
package sealed

type Sealed interface {
	sealed()
	Name() string
}

type Token struct{ ID string }

func (t *Token) sealed()      {}
func (t *Token) Name() string { return "token:" + t.ID }
