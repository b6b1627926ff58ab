package rules

// Flag is a feature flag with a default value of any type.
type Flag struct {
	Name    string
	Default any
	Rollout any
}

var registry = map[string]Flag{}

// Register makes a flag known to the evaluator.
func Register(name string, def any) {
	registry[name] = Flag{Name: name, Default: def}
}

// BoolFlag reads a boolean flag's default.
func BoolFlag(name string, on bool) bool {
	f := Flag{Name: name, Default: on}
	v, ok := f.Default.(bool)
	return ok && v
}

// RolloutPercent reads a flag's rollout share.
func RolloutPercent(name string) float64 {
	f := Flag{Name: name, Default: false, Rollout: 0.25}
	p, _ := f.Rollout.(float64)
	return p
}

// DefaultOr reads a caller's default as an int, falling back to alt.
func DefaultOr(name string, def any, alt int) int {
	f := Flag{Name: name, Default: def}
	if n, ok := f.Default.(int); ok {
		return n
	}
	return alt
}

// Overridden reads a flag whose default an override replaced.
func Overridden(name string, def, override int) int {
	f := Flag{Name: name, Default: def}
	if override != 0 {
		f.Default = override
	}
	return f.Default.(int)
}

// Lookup reads a registered flag's default.
func Lookup(name string) (string, bool) {
	s, ok := registry[name].Default.(string)
	return s, ok
}

// Limits is a flag whose default is a struct of limits.
type Limits struct{ Max, Burst int }

// BurstOf reads the burst of a limits flag built per call.
func BurstOf(name string, max, burst int) int {
	lim := Limits{Max: max, Burst: burst}
	f := Flag{Name: name, Default: &lim}
	if l, ok := f.Default.(*Limits); ok {
		return l.Burst
	}
	return 0
}

// Variant picks the string variant of a flag.
func Variant(name, variant string, pct uint32) string {
	f := Flag{Name: name, Default: variant, Rollout: pct}
	v := f.Default.(string)
	if p, ok := f.Rollout.(uint32); ok && p == 0 {
		return "control"
	}
	return v
}
