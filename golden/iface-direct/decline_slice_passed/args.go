// Package args formats query arguments and hands them to a driver.
package args

import (
	"fmt"
	"strconv"
)

type id struct{ v int }

func (i *id) String() string { return "#" + strconv.Itoa(i.v) }

//go:noinline
func bind(xs []any) int { return len(xs) }

// Query binds the arguments and describes the first one.
func Query(v int) string {
	key := id{v: v} // want "moved to heap: key" // declined "xs is used other than by len, cap or reading one element"
	xs := []any{&key}
	n := bind(xs)
	return fmt.Sprint(n) + xs[0].(fmt.Stringer).String()
}
