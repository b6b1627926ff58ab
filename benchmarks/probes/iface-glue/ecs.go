package glue

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Position and Velocity are ECS components.
type Position struct{ X, Y float64 }
type Velocity struct{ DX, DY float64 }

func (p *Position) String() string {
	return "(" + strconv.FormatFloat(p.X, 'f', 1, 64) + "," + strconv.FormatFloat(p.Y, 'f', 1, 64) + ")"
}

// Updater is implemented by components that change each tick.
type Updater interface{ Update(dt float64) }

func (p *Position) Update(dt float64) { p.X += dt; p.Y += dt }

// Entity keeps its components; the world owns them.
type Entity struct {
	ID    int
	Comps []any
}

// Step moves a single entity's position by its velocity, through the component list.
func Step(x, y, dx, dy float64) (float64, float64) {
	pos := Position{X: x, Y: y}
	vel := Velocity{DX: dx, DY: dy}
	comps := []any{&pos, &vel}
	p := comps[0].(*Position)
	v := comps[1].(*Velocity)
	p.X += v.DX
	p.Y += v.DY
	return pos.X, pos.Y
}

// Tick updates every component that can update itself; the entity keeps them.
func Tick(e *Entity, dt float64) {
	for _, c := range e.Comps {
		if u, ok := c.(Updater); ok {
			u.Update(dt)
		}
	}
}

// Label renders a position component stored in a named component map.
func Label(x, y float64) string {
	pos := Position{X: x, Y: y}
	comps := map[string]any{"pos": &pos}
	if s, ok := comps["pos"].(fmt.Stringer); ok {
		return s.String()
	}
	return "?"
}

// Event types dispatched on a bus.
type UserCreated struct{ Name string }
type OrderPlaced struct {
	ID     int
	Amount int64
}
type Shutdown struct{}

// Bus dispatches events to the subscribers of their type. It keeps its handlers.
type Bus struct {
	onUser  []func(*UserCreated)
	onOrder []func(*OrderPlaced)
	seen    int
}

func (b *Bus) Publish(ev any) {
	b.seen++
	switch e := ev.(type) {
	case *UserCreated:
		for _, h := range b.onUser {
			h(e)
		}
	case *OrderPlaced:
		for _, h := range b.onOrder {
			h(e)
		}
	case Shutdown:
		b.onUser, b.onOrder = nil, nil
	}
}

// Summarize describes one order event through the bus's type switch, locally.
func Summarize(id int, amount int64) string {
	o := OrderPlaced{ID: id, Amount: amount}
	var ev any = &o
	switch e := ev.(type) {
	case *UserCreated:
		return "user " + e.Name
	case *OrderPlaced:
		return "order " + strconv.Itoa(e.ID) + " " + strconv.FormatInt(e.Amount, 10)
	}
	return "unknown"
}

// envelope wraps an event with routing metadata.
type envelope struct {
	topic   string
	payload any
}

// Route returns the topic an order event goes to, checking its payload's type.
func Route(id int) string {
	o := OrderPlaced{ID: id}
	env := envelope{topic: "orders", payload: &o}
	switch p := env.payload.(type) {
	case *UserCreated:
		return "users." + p.Name
	case *OrderPlaced:
		return env.topic + "." + strconv.Itoa(p.ID)
	default:
		return "dead-letter"
	}
}

// Node is a config tree node: map[string]any, []any, string, float64, bool, nil.
type Node = any

// Visit walks a config tree, calling fn on each leaf path.
func Visit(n Node, path string, fn func(path string, leaf any)) {
	switch v := n.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			Visit(v[k], path+"."+k, fn)
		}
	case []any:
		for i, e := range v {
			Visit(e, path+"["+strconv.Itoa(i)+"]", fn)
		}
	default:
		fn(path, v)
	}
}

// CountLeaves counts leaves of a small config built locally.
func CountLeaves(host string, port float64) int {
	tree := map[string]any{
		"server": map[string]any{"host": host, "port": port},
		"debug":  false,
	}
	n := 0
	Visit(tree, "", func(string, any) { n++ })
	return n
}

// Flatten renders a tree's leaves as path=value lines.
func Flatten(n Node) string {
	var lines []string
	Visit(n, "", func(p string, leaf any) {
		lines = append(lines, p+"="+fmt.Sprint(leaf))
	})
	return strings.Join(lines, "\n")
}

// Lookup reads a string setting from a config node by a dotted path.
func Lookup(root map[string]any, path string) (string, bool) {
	var cur any = root
	for _, part := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return "", false
		}
		cur = m[part]
	}
	s, ok := cur.(string)
	return s, ok
}
