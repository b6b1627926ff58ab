package rules

import "strings"

// Comparator orders two attribute values.
type Comparator interface {
	Compare(a, b string) int
}

// CompareFunc adapts a function to Comparator.
type CompareFunc func(a, b string) int

func (f CompareFunc) Compare(a, b string) int { return f(a, b) }

type foldCmp struct{}

func (foldCmp) Compare(a, b string) int {
	return strings.Compare(strings.ToLower(a), strings.ToLower(b))
}

// prefixCmp compares only the first n bytes.
type prefixCmp struct{ n int }

func (p *prefixCmp) Compare(a, b string) int {
	if len(a) > p.n {
		a = a[:p.n]
	}
	if len(b) > p.n {
		b = b[:p.n]
	}
	return strings.Compare(a, b)
}

// Matcher matches an attribute of the request with its comparator.
type Matcher struct {
	Attr string
	Cmp  Comparator
	Want string
}

// MatchFold matches the country ignoring case.
func MatchFold(ctx *Ctx, want string) bool {
	m := Matcher{Attr: "country", Cmp: foldCmp{}, Want: want}
	return m.Cmp.Compare(ctx.Country, m.Want) == 0
}

// MatchPrefix matches the user's first n bytes.
func MatchPrefix(ctx *Ctx, want string, n int) bool {
	pc := prefixCmp{n: n}
	m := Matcher{Attr: "user", Cmp: &pc, Want: want}
	return m.Cmp.Compare(ctx.User, m.Want) == 0
}

// PrefixLen reads the comparator's configured length back.
func PrefixLen(n int) int {
	pc := prefixCmp{n: n}
	m := Matcher{Attr: "user", Cmp: &pc}
	if p, ok := m.Cmp.(*prefixCmp); ok {
		return p.n
	}
	return 0
}

// MatchExact uses a function as the comparator.
func MatchExact(ctx *Ctx, want string) bool {
	m := Matcher{Attr: "user", Cmp: CompareFunc(strings.Compare), Want: want}
	return m.Cmp.Compare(ctx.User, m.Want) == 0
}

// MatchSuffix compares with a closure over the suffix length.
func MatchSuffix(ctx *Ctx, want string, n int) bool {
	m := Matcher{Attr: "user", Want: want, Cmp: CompareFunc(func(a, b string) int {
		if len(a) > n {
			a = a[len(a)-n:]
		}
		return strings.Compare(a, b)
	})}
	return m.Cmp.Compare(ctx.User, m.Want) == 0
}

// Retarget switches the matcher's comparator when asked: the field is written.
func Retarget(ctx *Ctx, want string, fold bool) bool {
	pc := prefixCmp{n: len(want)}
	m := Matcher{Attr: "user", Cmp: &pc, Want: want}
	if fold {
		m.Cmp = foldCmp{}
	}
	return m.Cmp.Compare(ctx.User, m.Want) == 0
}
