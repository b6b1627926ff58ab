package gql

import (
	"strconv"
	"time"
)

// Role is a GraphQL enum of user roles.
type Role string

const (
	RoleViewer Role = "VIEWER"
	RoleAdmin  Role = "ADMIN"
)

func (r Role) String() string { return "role:" + string(r) }

// SortOrder is the enum of a list field's `order` argument.
type SortOrder int

const (
	Ascending SortOrder = iota
	Descending
)

func (o SortOrder) String() string {
	if o == Descending {
		return "DESC"
	}
	return "ASC"
}

const (
	defaultFirst   = 20
	defaultBoost   = 1.5
	maxComplexity  = 200.0
	defaultTimeout = 3 * time.Second
)

// Args are a field's arguments after coercion, as an executor hands them to a resolver.
type Args map[string]any

// PageSize reads the page arguments of a `users(first:, includeDeleted:)` field with their defaults.
func PageSize(after string) (string, int) {
	args := map[string]any{"after": after, "first": 20, "includeDeleted": false}
	n := args["first"].(int)
	if args["includeDeleted"].(bool) {
		n++
	}
	return args["after"].(string), n
}

// Order reads the `order` enum argument, defaulted to ascending.
func Order(field string) string {
	args := map[string]any{"field": field, "order": Descending}
	return args["field"].(string) + " " + args["order"].(SortOrder).String()
}

// RoleFilter reads a named enum argument and a flag.
func RoleFilter(q string) string {
	args := map[string]any{"q": q, "role": RoleAdmin, "exact": true}
	role := args["role"].(Role)
	if args["exact"].(bool) {
		return args["q"].(string) + "=" + string(role)
	}
	return args["q"].(string) + "~" + string(role)
}

// Boost scores a search hit with the boost argument's default.
func Boost(score float64) float64 {
	args := map[string]any{"boost": defaultBoost}
	return score * args["boost"].(float64)
}

// Weighted applies a float argument literal, read back bit for bit.
func Weighted(score float64) float64 {
	args := map[string]any{"weight": 0.25, "offset": -0.0}
	return score*args["weight"].(float64) + args["offset"].(float64)
}

// NegatedOffset reads an offset argument and negates it, as a sign flip of a sort key does.
func NegatedOffset() float64 {
	args := map[string]any{"offset": 0.0}
	return -args["offset"].(float64)
}

// Timeout reads a resolver's timeout argument, a time.Duration.
func Timeout(op string) (string, time.Duration) {
	args := map[string]any{"op": op, "timeout": defaultTimeout}
	return args["op"].(string), args["timeout"].(time.Duration)
}

// ComplexityBudget reads the complexity limit, a float constant.
func ComplexityBudget(cost int) bool {
	args := map[string]any{"max": maxComplexity}
	return float64(cost) <= args["max"].(float64)
}

// Variables merges request variables over defaults: the map is the caller's, so its entries are read as given.
func Variables(vars map[string]any) int {
	defaults := map[string]any{"first": defaultFirst}
	if v, ok := vars["first"]; ok {
		defaults["first"] = v
	}
	n, _ := defaults["first"].(int)
	return n
}

// CoerceLimit coerces a limit from a variable that may be a string or an int: it may hold either.
func CoerceLimit(raw string, fromJSON bool) int {
	var v any = raw
	if fromJSON {
		v = len(raw)
	}
	if s, ok := v.(string); ok {
		n, _ := strconv.Atoi(s)
		return n
	}
	return v.(int)
}

// WrongScalar asserts a float argument as an int, as a buggy resolver does: it panics in Go.
func WrongScalar() (n int, ok bool) {
	args := map[string]any{"first": 10.0}
	n, ok = args["first"].(int)
	return n, ok
}

// ParseArgs builds the argument map a caller reads back.
func ParseArgs(first int, after string) Args {
	return Args{"first": first, "after": after, "includeDeleted": false}
}
