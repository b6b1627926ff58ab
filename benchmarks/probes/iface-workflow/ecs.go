package workflow

// Position, Velocity and Health are components of an entity-component system.
type Position struct{ X, Y float64 }

type Velocity struct{ DX, DY float64 }

type Health struct{ HP int }

func (h *Health) Damaged() bool { return h.HP < 100 }

// Entity stores its components as any, keyed by name.
type Entity struct {
	ID         int
	Components map[string]any
}

// Archetype stores a fixed set of components by slot.
type Archetype struct {
	ID    int
	Slots [3]any
}

// Step moves an entity by its velocity.
func StepEntity(x, dx float64) float64 {
	pos := Position{X: x}
	vel := Velocity{DX: dx}
	e := Entity{ID: 1, Components: map[string]any{"pos": &pos, "vel": &vel}}
	p := e.Components["pos"].(*Position)
	v := e.Components["vel"].(*Velocity)
	p.X += v.DX
	return p.X
}

// SlotDamaged switches on the health slot of an archetype.
func SlotDamaged(hp int) bool {
	pos := Position{}
	vel := Velocity{}
	h := Health{HP: hp}
	a := Archetype{ID: 7, Slots: [3]any{&pos, &vel, &h}}
	switch c := a.Slots[2].(type) {
	case interface{ Damaged() bool }:
		return c.Damaged()
	default:
		return false
	}
}

// MoveAll moves two entities of an inline batch.
func MoveAll(dx float64) float64 {
	p1 := Position{X: 1}
	p2 := Position{X: 2}
	sum := 0.0
	for _, e := range []Archetype{{ID: 1, Slots: [3]any{&p1}}, {ID: 2, Slots: [3]any{&p2}}} {
		p := e.Slots[0].(*Position)
		p.X += dx
		sum += p.X
	}
	return sum
}

// World owns every entity: what it spawns outlives the call.
type World struct {
	entities []Entity
}

// Spawn keeps the entity in the world.
func (w *World) Spawn(x float64) float64 {
	pos := Position{X: x}
	e := Entity{ID: len(w.entities), Components: map[string]any{"pos": &pos}}
	w.entities = append(w.entities, e)
	return e.Components["pos"].(*Position).X
}

// SlotAt reads the slot the caller names: which element is not known here.
func SlotAt(i, hp int) bool {
	pos := Position{}
	h := Health{HP: hp}
	a := Archetype{Slots: [3]any{&pos, &h}}
	_, ok := a.Slots[i].(*Health)
	return ok
}
