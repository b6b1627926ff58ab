// Package limits applies named presets to a rate limit configuration.
package limits

// Limits configures a rate limiter.
type Limits struct{ Rate, Burst int }

func (l *Limits) strict() { l.Rate, l.Burst = 10, 1 }

func (l *Limits) relaxed() { l.Rate, l.Burst = 1000, 100 }

// Preset returns the defaults changed by the named preset.
func Preset(name string) Limits {
	l := Limits{Rate: 100, Burst: 10} // want "moved to heap: l"
	presets := map[string]func(){
		"strict":  func() { l.strict() },  // want "func literal escapes to heap" // declined "strict has a pointer receiver and l is not a pointer: the method expression would take &l, which moves l to the heap"
		"relaxed": func() { l.relaxed() }, // want "func literal escapes to heap" // declined "strict has a pointer receiver and l is not a pointer: the method expression would take &l, which moves l to the heap"
	}
	if apply, ok := presets[name]; ok {
		apply()
	}
	return l
}
