// Package rules is a small feature-flag and rules engine: per evaluation it
// builds attribute bags, condition trees and operator tables, evaluates them
// and reads the results back.
package rules

import (
	"hash/fnv"
	"reflect"
	"strconv"
	"strings"
)

// Ctx is what a rule sees of one request.
type Ctx struct {
	User    string
	Country string
	Age     int
	Tier    int
	Attrs   map[string]any
}

// Version is a semantic version an attribute may carry.
type Version struct{ Major, Minor, Patch int }

// Less reports whether v is older than o.
func (v *Version) Less(o Version) bool {
	if v.Major != o.Major {
		return v.Major < o.Major
	}
	if v.Minor != o.Minor {
		return v.Minor < o.Minor
	}
	return v.Patch < o.Patch
}

// String formats the version as "major.minor.patch".
func (v *Version) String() string {
	return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor) + "." + strconv.Itoa(v.Patch)
}

// TierLabel labels a user by tier, reading the tier back from the bag the
// evaluator builds for it.
func TierLabel(user string, tier int) string {
	attrs := map[string]any{"user": user, "tier": tier}
	switch t := attrs["tier"].(type) {
	case int:
		return user + ":" + strconv.Itoa(t)
	default:
		return user
	}
}

// Eligible is the adult-and-paying rule over a freshly built bag.
func Eligible(user string, age, tier int) bool {
	attrs := map[string]any{"user": user, "age": age, "tier": tier}
	a, _ := attrs["age"].(int)
	t, _ := attrs["tier"].(int)
	return a >= 18 && t > 1
}

// VersionGate reports whether the client version is at least min.
func VersionGate(major, minor, patch int, min Version) bool {
	v := Version{Major: major, Minor: minor, Patch: patch}
	attrs := map[string]any{"client.version": &v}
	cv, ok := attrs["client.version"].(*Version)
	if !ok {
		return false
	}
	return !cv.Less(min)
}

// Bucket places a user in one of 100 rollout buckets.
func Bucket(user, flag string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(flag))
	h.Write([]byte{':'})
	h.Write([]byte(user))
	return h.Sum32() % 100
}

// InRollout reports whether user falls inside the first pct buckets of flag.
func InRollout(user, flag string, pct uint32) bool {
	b := Bucket(user, flag)
	attrs := map[string]any{"bucket": b, "flag": flag}
	if v, ok := attrs["bucket"].(uint32); ok && v < pct {
		return true
	}
	return false
}

// Describe renders a caller's bag; the caller owns it.
func Describe(attrs map[string]any) string {
	var sb strings.Builder
	for _, k := range []string{"user", "age", "tier"} {
		switch v := attrs[k].(type) {
		case string:
			sb.WriteString(k + "=" + v + " ")
		case int:
			sb.WriteString(k + "=" + strconv.Itoa(v) + " ")
		}
	}
	return sb.String()
}

// WithDefaults fills the tier a bag lacks before reading it back: the bag is
// written after it is built.
func WithDefaults(user string, tier int) int {
	attrs := map[string]any{"user": user}
	if tier > 0 {
		attrs["tier"] = tier
	} else {
		attrs["tier"] = 1
	}
	return attrs["tier"].(int)
}

// CountryOf reads the country from a bag built from the request.
func CountryOf(c *Ctx) string {
	attrs := map[string]any{"country": c.Country, "user": c.User}
	s, _ := attrs["country"].(string)
	return s
}

// AgeBucket names an age band; the value is boxed once and switched on.
func AgeBucket(age int) string {
	v := any(age)
	switch a := v.(type) {
	case int:
		if a < 18 {
			return "minor"
		}
		if a < 65 {
			return "adult"
		}
		return "senior"
	default:
		return "unknown"
	}
}

// SegmentKey flattens a key/value list the way a log line would.
func SegmentKey(user string, tier int) string {
	kv := []any{"user", user, "tier", tier}
	var sb strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		k, _ := kv[i].(string)
		sb.WriteString(k)
		sb.WriteByte('=')
		switch v := kv[i+1].(type) {
		case string:
			sb.WriteString(v)
		case int:
			sb.WriteString(strconv.Itoa(v))
		}
		sb.WriteByte(';')
	}
	return sb.String()
}

// KindOf reports the dynamic kind of an attribute through reflection.
func KindOf(user string, tier int) string {
	attrs := map[string]any{"user": user, "tier": tier}
	return reflect.TypeOf(attrs["tier"]).Kind().String()
}

// Shared stores one version under two names; the caller may read either.
func Shared(major int, key string) string {
	v := Version{Major: major}
	attrs := map[string]any{"version": &v, "min_version": &v}
	if p, ok := attrs[key].(*Version); ok {
		return p.String()
	}
	return ""
}
