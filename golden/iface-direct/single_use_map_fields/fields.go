// Package fields hands structured log fields to a sink that may format them itself.
package fields

import "fmt"

type user struct{ name, realm string }

func (u *user) String() string { return u.name + "@" + u.realm }

// Describe names the user a login came from.
func Describe(name, realm string) string {
	u := user{name: name, realm: realm} // want "moved to heap: u"
	kv := map[string]any{"event": "login", "user": &u}
	return kv["user"].(fmt.Stringer).String()
}
