package codecs

import (
	"errors"
	"sort"
	"strings"
)

// Plugin is anything the host loads by name.
type Plugin interface{ Name() string }

// Optional capabilities a plugin may have.
type (
	Initializer interface {
		Init(opts map[string]string) error
	}
	Closer        interface{ Close() error }
	HealthChecker interface{ Healthy() bool }
	Describer     interface{ Describe() string }
)

type metricsPlugin struct {
	prefix string
	inited bool
}

func (m *metricsPlugin) Name() string { return "metrics" }
func (m *metricsPlugin) Init(opts map[string]string) error {
	if p := opts["prefix"]; p != "" {
		m.prefix = p
	}
	m.inited = true
	return nil
}
func (m *metricsPlugin) Healthy() bool { return m.inited }

type auditPlugin struct {
	path   string
	closed bool
}

func (a *auditPlugin) Name() string     { return "audit" }
func (a *auditPlugin) Close() error     { a.closed = true; return nil }
func (a *auditPlugin) Describe() string { return "audit log at " + a.path }

type tracePlugin struct{ rate float64 }

func (tracePlugin) Name() string { return "trace" }

// StartMetrics initialises the metrics plugin and reports whether it came up.
func StartMetrics(prefix string) bool {
	mp := metricsPlugin{prefix: prefix}
	var p Plugin = &mp
	if in, ok := p.(Initializer); ok {
		if err := in.Init(nil); err != nil {
			return false
		}
	}
	if hc, ok := p.(HealthChecker); ok {
		return hc.Healthy()
	}
	return true
}

// StartAll initialises the built-in plugins and counts the healthy ones.
func StartAll(prefix string) int {
	mp, ap := metricsPlugin{prefix: prefix}, auditPlugin{path: "/var/log/audit"}
	plugins := []Plugin{&mp, &ap}
	n := 0
	for _, p := range plugins {
		if in, ok := p.(Initializer); ok {
			in.Init(nil)
		}
		if hc, ok := p.(HealthChecker); ok && !hc.Healthy() {
			continue
		}
		n++
	}
	return n
}

// ShutdownAudit closes the audit plugin if it has anything to close.
func ShutdownAudit(path string) error {
	ap := auditPlugin{path: path}
	var p Plugin = &ap
	c, ok := p.(Closer)
	if !ok {
		return nil
	}
	if err := c.Close(); err != nil {
		return errors.New(p.Name() + ": " + err.Error())
	}
	return nil
}

// Describe returns the plugin's own description, or its name.
func Describe(path string) string {
	ap := auditPlugin{path: path}
	entry := struct {
		Plugin   Plugin
		Priority int
	}{Plugin: &ap, Priority: 1}
	if d, ok := entry.Plugin.(Describer); ok {
		return d.Describe()
	}
	return entry.Plugin.Name()
}

// Capabilities lists what the trace plugin supports.
func Capabilities(rate float64) string {
	tp := tracePlugin{rate: rate}
	var p Plugin = tp
	var caps []string
	if _, ok := p.(Initializer); ok {
		caps = append(caps, "init")
	}
	if _, ok := p.(Closer); ok {
		caps = append(caps, "close")
	}
	if _, ok := p.(HealthChecker); ok {
		caps = append(caps, "health")
	}
	return p.Name() + ":" + strings.Join(caps, ",")
}

// registry holds the host's plugins by name.
type registry struct{ plugins map[string]Plugin }

func (r *registry) Register(p Plugin) { r.plugins[p.Name()] = p }

// Names lists the registered plugins in order.
func (r *registry) Names() []string {
	names := make([]string, 0, len(r.plugins))
	for n := range r.plugins {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// CloseAll closes every plugin that can be closed.
func (r *registry) CloseAll() int {
	n := 0
	for _, p := range r.plugins {
		if c, ok := p.(Closer); ok && c.Close() == nil {
			n++
		}
	}
	return n
}

// Bootstrap registers the built-ins: the registry keeps them.
func Bootstrap() int {
	r := registry{plugins: map[string]Plugin{}}
	mp, ap := metricsPlugin{}, auditPlugin{path: "/tmp/a"}
	r.Register(&mp)
	r.Register(&ap)
	return len(r.Names())
}

// HealthReport is the health line of the metrics plugin after init.
func HealthReport(prefix string) string {
	mp := metricsPlugin{}
	slots := map[string]Plugin{"metrics": &mp}
	if in, ok := slots["metrics"].(Initializer); ok {
		in.Init(map[string]string{"prefix": prefix})
	}
	if hc, ok := slots["metrics"].(HealthChecker); ok && hc.Healthy() {
		return mp.prefix + ": ok"
	}
	return mp.prefix + ": down"
}
