// Package routing picks the partition an event goes to from its payload.
package routing

import (
	"fmt"
	"strconv"
)

// Keyed payloads carry their own partition key.
type Keyed interface{ Key() string }

// OrderPlaced is an event of the orders topic.
type OrderPlaced struct {
	Order int
	Total int64
}

func (o *OrderPlaced) Key() string { return "order/" + strconv.Itoa(o.Order) }

// Envelope is what travels on the bus: a payload with routing metadata.
type Envelope struct {
	Topic   string
	Payload any
}

// Partition routes a new order by its payload's key, or by how it prints itself.
func Partition(order int, total int64) string {
	o := OrderPlaced{Order: order, Total: total} // want "moved to heap: o"
	env := Envelope{Topic: "orders", Payload: &o}
	switch p := env.Payload.(type) {
	case Keyed:
		return env.Topic + ":" + p.Key()
	case fmt.Stringer:
		return env.Topic + ":" + p.String()
	}
	return env.Topic
}
