package world

import "example.com/probes/mixed-gameserver/limits"

// Rect is an axis-aligned box.
type Rect struct{ Min, Max Vec }

func (r Rect) contains(p Vec) bool {
	return p.X >= r.Min.X && p.X < r.Max.X && p.Y >= r.Min.Y && p.Y < r.Max.Y
}

func (r Rect) overlaps(o Rect) bool {
	return r.Min.X < o.Max.X && o.Min.X < r.Max.X && r.Min.Y < o.Max.Y && o.Min.Y < r.Max.Y
}

// Quad is a quad-tree node over entity indexes.
type Quad struct {
	Bounds Rect
	depth  int
	items  []int32
	kids   *[4]Quad
}

// NewQuad returns an empty tree over b.
func NewQuad(b Rect) *Quad { return &Quad{Bounds: b} }

func (q *Quad) split() {
	mid := Vec{(q.Bounds.Min.X + q.Bounds.Max.X) / 2, (q.Bounds.Min.Y + q.Bounds.Max.Y) / 2}
	q.kids = &[4]Quad{
		{Bounds: Rect{q.Bounds.Min, mid}, depth: q.depth + 1},
		{Bounds: Rect{Vec{mid.X, q.Bounds.Min.Y}, Vec{q.Bounds.Max.X, mid.Y}}, depth: q.depth + 1},
		{Bounds: Rect{Vec{q.Bounds.Min.X, mid.Y}, Vec{mid.X, q.Bounds.Max.Y}}, depth: q.depth + 1},
		{Bounds: Rect{mid, q.Bounds.Max}, depth: q.depth + 1},
	}
}

// Insert files entity i at p.
func (q *Quad) Insert(ents []Entity, i int32) {
	p := ents[i].Pos
	if !q.Bounds.contains(p) {
		return
	}
	if q.kids == nil {
		if len(q.items) < limits.QuadLeaf || q.depth == limits.MaxQuadDepth {
			q.items = append(q.items, i)
			return
		}
		q.split()
		old := q.items
		q.items = nil
		for _, j := range old {
			q.Insert(ents, j)
		}
	}
	for k := range q.kids {
		q.kids[k].Insert(ents, i)
	}
}

// Search appends the entities inside r to dst.
func (q *Quad) Search(ents []Entity, r Rect, dst []int32) []int32 {
	if !q.Bounds.overlaps(r) {
		return dst
	}
	for _, i := range q.items {
		if r.contains(ents[i].Pos) {
			dst = append(dst, i)
		}
	}
	if q.kids != nil {
		for k := range q.kids {
			dst = q.kids[k].Search(ents, r, dst)
		}
	}
	return dst
}

// CountIn counts the entities inside r without keeping them, walking the tree with a fixed stack.
func (q *Quad) CountIn(ents []Entity, r Rect) int {
	stack := make([]*Quad, 0, 4*limits.MaxQuadDepth+1)
	stack = append(stack, q)
	n := 0
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !cur.Bounds.overlaps(r) {
			continue
		}
		for _, i := range cur.items {
			if r.contains(ents[i].Pos) {
				n++
			}
		}
		if cur.kids != nil {
			for k := range cur.kids {
				stack = append(stack, &cur.kids[k])
			}
		}
	}
	return n
}

// Depth is the deepest level in the tree.
func (q *Quad) Depth() int {
	if q.kids == nil {
		return q.depth
	}
	d := 0
	for k := range q.kids {
		d = max(d, q.kids[k].Depth())
	}
	return d
}
