// Package describe names what a payload is by switching on its type.
package describe

import "fmt"

type point struct{ x, y int }

func (p *point) String() string { return fmt.Sprint(p.x, ",", p.y) }

type message struct {
	topic string
	body  any
}

// Describe names the point at x, y as a message body would show it.
func Describe(x, y int) string {
	p := point{x, y} // want "moved to heap: p"
	m := message{topic: "geo", body: &p}
	switch v := m.body.(type) {
	case fmt.Stringer:
		return m.topic + " " + v.String()
	default:
		return m.topic
	}
}
