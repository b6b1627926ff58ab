package gen

import "fmt"

// Tagged is generic with String.
type Tagged[T any] int

func (t Tagged[T]) String() string { return "tagged" }

// Shade is named by an alias with String.
type Shade int

type ShadeAlias = Shade

func (s ShadeAlias) String() string { return "shade" }

// Other has no methods, but shares the directory.
type Other int

func TaggedV(t Tagged[string]) string { return fmt.Sprintf("t=%v", t) }
func TaggedD(t Tagged[int]) string    { return fmt.Sprintf("t=%d", t) }
func ShadeV(s Shade) string           { return fmt.Sprintf("s=%v", s) }
func OtherV(o Other) string           { return fmt.Sprintf("o=%v", o) }
