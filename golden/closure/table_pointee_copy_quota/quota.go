// Package quota reports a tenant's limits by name; the tenant's plan may be upgraded while a
// request is served, and the request keeps the limits it was admitted under.
package quota

import "strconv"

// Plan is a tenant's plan; its report methods read a copy of it.
type Plan struct {
	Name     string
	Requests int
	Storage  int
}

func (p Plan) requests() string { return p.Name + ": " + strconv.Itoa(p.Requests) + " req/s" } // want "escapes to heap"

func (p Plan) storage() string { return p.Name + ": " + strconv.Itoa(p.Storage) + " GB" } // want "escapes to heap"

// Report returns the named limits, then upgrades the plan and names them again as admitted: the
// method values hold a copy of the plan made with the table, so both list the figures admitted.
func Report(p *Plan, names []string, upgrade func(*Plan)) []string {
	limits := map[string]func() string{
		"requests": p.requests, // want "p.requests escapes to heap"
		"storage":  p.storage,  // want "p.storage escapes to heap"
	}
	var out []string
	for _, n := range names {
		if f, ok := limits[n]; ok {
			out = append(out, f())
		}
	}
	upgrade(p)
	for _, n := range names {
		if f, ok := limits[n]; ok {
			out = append(out, f()+" (admitted)") // want "escapes to heap"
		}
	}
	return out
}
