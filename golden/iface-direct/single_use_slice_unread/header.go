// Package header renders the account line of a page header from its template arguments.
package header

// Account is the signed-in user.
type Account struct {
	Name  string
	Admin bool
}

func (a *Account) Display() string {
	if a.Admin {
		return a.Name + " (admin)"
	}
	return a.Name
}

type displayer interface{ Display() string }

// Line reads the account back from the arguments the template would get; the page title is not needed.
func Line(a Account, title string) string { // want "moved to heap: a"
	args := []any{&a, title} // want "title escapes to heap"
	d, ok := args[0].(displayer)
	if !ok {
		return "guest"
	}
	return d.Display()
}
