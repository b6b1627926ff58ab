package gql

import (
	"strconv"
	"strings"
)

// Resolver resolves a field's value from its parent.
type Resolver interface {
	Resolve(parent any, args Args) any
}

// User is an object type of the schema.
type User struct {
	ID    int
	Name  string
	Admin bool
}

func (u *User) String() string { return strconv.Itoa(u.ID) + ":" + u.Name }

type nameResolver struct{ upper bool }

func (r *nameResolver) Resolve(parent any, _ Args) any {
	u := parent.(*User)
	if r.upper {
		return strings.ToUpper(u.Name)
	}
	return u.Name
}

type idResolver struct{ prefix string }

func (r *idResolver) Resolve(parent any, _ Args) any {
	return r.prefix + strconv.Itoa(parent.(*User).ID)
}

// Stringer is what a leaf value prints itself with.
type Stringer interface{ String() string }

// ResolveName resolves a user's name through the field's resolver, held as any.
func ResolveName(u *User) string {
	nr := nameResolver{upper: true}
	field := struct {
		Name     string
		Resolver any
	}{"name", &nr}
	return field.Resolver.(Resolver).Resolve(u, nil).(string)
}

// ResolveID resolves the global ID through a resolver table read by constant keys.
func ResolveID(u *User) string {
	ir := idResolver{prefix: "User:"}
	nr := nameResolver{}
	table := map[string]any{"id": &ir, "name": &nr}
	return table["id"].(Resolver).Resolve(u, nil).(string) + "/" + table["name"].(Resolver).Resolve(u, nil).(string)
}

// LeafText formats a resolved leaf: the value is the user.
func LeafText(id int, name string) string {
	u := User{ID: id, Name: name}
	var v any = &u
	if s, ok := v.(Stringer); ok {
		return s.String()
	}
	return "?"
}

// ResolveField resolves one field by name: the name is the caller's.
func ResolveField(u *User, name string) any {
	nr := nameResolver{}
	ir := idResolver{prefix: "User:"}
	table := map[string]any{"id": &ir, "name": &nr}
	r, ok := table[name].(Resolver)
	if !ok {
		return nil
	}
	return r.Resolve(u, nil)
}

// Registered keeps the resolver table for the executor: it outlives the call.
var Registered map[string]any

// Register installs the user type's resolvers.
func Register() string {
	nr := nameResolver{}
	table := map[string]any{"name": &nr}
	Registered = table
	return table["name"].(Resolver).Resolve(&User{Name: "x"}, nil).(string)
}

// AdminFlag reads the user's admin flag through the result map a resolver returned.
func AdminFlag(admin bool) bool {
	result := map[string]any{"admin": admin, "kind": "User"}
	return result["admin"].(bool) && result["kind"].(string) == "User"
}

// Resolved carries a field's value and whether it was null.
type Resolved struct {
	Value any
	Null  bool
	Path  string
}

// ResolvedNull reports a field resolved to null, with a bool boxed in its value.
func ResolvedNull(path string) (string, bool) {
	r := Resolved{Value: false, Null: true, Path: path}
	return r.Path, r.Value.(bool) || r.Null
}
