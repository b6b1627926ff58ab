package events

import (
	"errors"
	"strings"
)

// Plugin is a loadable feature.
type Plugin interface{ ID() string }

// Initializer plugins need set-up before use.
type Initializer interface {
	Init(cfg map[string]string) error
}

// Closer plugins hold resources.
type Closer interface{ Close() error }

type gzipPlugin struct {
	level int
	open  bool
}

func (g *gzipPlugin) ID() string { return "gzip" }
func (g *gzipPlugin) Init(cfg map[string]string) error {
	g.level = len(cfg["gzip.level"])
	g.open = true
	return nil
}
func (g *gzipPlugin) Close() error { g.open = false; return nil }

type authPlugin struct{ realm string }

func (a *authPlugin) ID() string { return "auth" }
func (a *authPlugin) Init(cfg map[string]string) error {
	a.realm = cfg["auth.realm"]
	if a.realm == "" {
		return errors.New("auth: no realm")
	}
	return nil
}

type tracePlugin struct{ spans int }

func (t *tracePlugin) ID() string { return "trace" }

var registry = map[string]Plugin{}

// Register keeps the plugin for the process's lifetime.
func Register(p Plugin) { registry[p.ID()] = p }

// InitAll initialises the built-in plugins that need it and returns how many did.
func InitAll(cfg map[string]string) (int, error) {
	var gz gzipPlugin
	var au authPlugin
	var tr tracePlugin
	n := 0
	for _, p := range []Plugin{&gz, &au, &tr} {
		if i, ok := p.(Initializer); ok {
			if err := i.Init(cfg); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// IDs lists the built-in plugins' ids.
func IDs() string {
	var gz gzipPlugin
	var au authPlugin
	plugins := []Plugin{&gz, &au}
	ids := make([]string, 0, 2)
	for _, p := range plugins {
		ids = append(ids, p.ID())
	}
	return strings.Join(ids, ",")
}

// Lifecycle inits and closes the gzip plugin through its optional interfaces.
func Lifecycle(level string) bool {
	var gz gzipPlugin
	var p Plugin = &gz
	if i, ok := p.(Initializer); ok {
		i.Init(map[string]string{"gzip.level": level})
	}
	opened := gz.open
	if c, ok := p.(Closer); ok {
		c.Close()
	}
	return opened && !gz.open
}

// Slots holds the plugin of each extension point.
type Slots struct {
	Compress any
	Auth     any
}

// Realm initialises the auth slot of a fresh slot set and returns its realm.
func Realm(realm string) (string, error) {
	var au authPlugin
	var gz gzipPlugin
	s := Slots{Compress: &gz, Auth: &au}
	if err := s.Auth.(Initializer).Init(map[string]string{"auth.realm": realm}); err != nil {
		return "", err
	}
	return au.realm, nil
}

// StartAll closes every plugin in a goroutine of its own.
func StartAll() int {
	var gz gzipPlugin
	var au authPlugin
	done := make(chan struct{}, 2)
	for _, p := range []Plugin{&gz, &au} {
		go func() {
			if c, ok := p.(Closer); ok {
				c.Close()
			}
			done <- struct{}{}
		}()
	}
	<-done
	<-done
	return 2
}

// Loaded registers the trace plugin and reports the registry's size: the registry keeps it.
func Loaded() int {
	var tr tracePlugin
	Register(&tr)
	return len(registry)
}
