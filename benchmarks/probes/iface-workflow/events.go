package workflow

// Event is a UI event delivered to a handler.
type Event struct {
	Kind string
	X, Y int
}

// Handler handles one kind of event.
type Handler interface {
	Handle(ev Event) bool
}

type clickCounter struct{ clicks int }

func (c *clickCounter) Handle(ev Event) bool { c.clicks++; return ev.X >= 0 }

type keyLogger struct{ keys int }

func (k *keyLogger) Handle(ev Event) bool { k.keys++; return ev.Kind == "key" }

// Handlers are a component's event handlers keyed by event name.
type Handlers struct {
	Owner string
	On    map[string]any
}

// DispatchClick delivers a click to a component's handler table.
func DispatchClick(x, y int) bool {
	cc := clickCounter{}
	kl := keyLogger{}
	h := Handlers{Owner: "canvas", On: map[string]any{"click": &cc, "key": &kl}}
	return h.On["click"].(Handler).Handle(Event{Kind: "click", X: x, Y: y})
}

// DispatchBoth delivers a click and a key.
func DispatchBoth(x int) int {
	cc := clickCounter{}
	kl := keyLogger{}
	h := Handlers{Owner: "editor", On: map[string]any{"click": &cc, "key": &kl}}
	n := 0
	if h.On["click"].(Handler).Handle(Event{Kind: "click", X: x}) {
		n++
	}
	if h.On["key"].(Handler).Handle(Event{Kind: "key"}) {
		n++
	}
	return n
}

// DispatchLocal is the single-step form: a local handler table.
func DispatchLocal(x int) bool {
	cc := clickCounter{}
	on := map[string]any{"click": &cc}
	return on["click"].(Handler).Handle(Event{Kind: "click", X: x})
}

// DispatchNamed delivers an event by the caller's name: which entry is not known here.
func DispatchNamed(name string, x int) bool {
	cc := clickCounter{}
	kl := keyLogger{}
	h := Handlers{On: map[string]any{"click": &cc, "key": &kl}}
	if hd, ok := h.On[name].(Handler); ok {
		return hd.Handle(Event{Kind: name, X: x})
	}
	return false
}

var global = map[string]Handlers{}

// Subscribe keeps the handlers in the package's table: they outlive the call.
func Subscribe(owner string, x int) bool {
	cc := clickCounter{}
	h := Handlers{Owner: owner, On: map[string]any{"click": &cc}}
	global[owner] = h
	return h.On["click"].(Handler).Handle(Event{Kind: "click", X: x})
}

// Rebind replaces the click handler before dispatching.
func Rebind(x int, keyboard bool) bool {
	cc := clickCounter{}
	kl := keyLogger{}
	h := Handlers{On: map[string]any{"click": &cc}}
	if keyboard {
		h.On["click"] = &kl
	}
	return h.On["click"].(Handler).Handle(Event{Kind: "click", X: x})
}
