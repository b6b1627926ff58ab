// Package fields renders structured log fields.
package fields

import "fmt"

type user struct{ id int }

func (u *user) String() string { return fmt.Sprint("user#", u.id) }

// Render renders the log line for a login by user id. The map is read back only under the keys it
// was built with: each read becomes the value stored (iface41).
func Render(id int, ip string) string {
	u := user{id: id}                          // want "moved to heap: u"
	kv := map[string]any{"ip": ip, "user": &u} // want "ip escapes to heap"
	return kv["ip"].(string) + " " + kv["user"].(fmt.Stringer).String()
}
