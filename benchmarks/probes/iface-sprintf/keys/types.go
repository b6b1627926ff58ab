package keys

import "fmt"

// Region is a deployment region; its String is what every key uses.
type Region string

func (r Region) String() string { return "region-" + string(r) }

// Env is a plain named string.
type Env string

// RegionKey is the cache key of a regional config.
func RegionKey(r Region, name string) string {
	return fmt.Sprintf("cfg:%s:%s", r, name)
}

// EnvKey prefixes a key with its environment.
func EnvKey(e Env, name string) string {
	return fmt.Sprintf("%s/%s", e, name)
}

// Point is a coordinate.
type Point struct{ X, Y int }

// String prints the point.
func (p Point) String() string { return fmt.Sprintf("(%d, %d)", p.X, p.Y) }

// Account is a user account.
type Account struct {
	ID   string
	Name string
}

// String is the account as logs show it.
func (a Account) String() string { return fmt.Sprintf("%s <%s>", a.Name, a.ID) }

// Ref names the account in a URL.
func (a *Account) Ref() string { return fmt.Sprintf("accounts/%s", a.ID) }

// Counter counts calls.
type Counter struct{ n int }

func (c *Counter) next() string { c.n++; return fmt.Sprint(c.n) }

// Numbered reads the counter twice: the order fmt's operands were evaluated in is the program's.
func (c *Counter) Numbered(prefix string) string {
	return fmt.Sprintf("%s-%s", prefix, c.next())
}
