package interp

import (
	"fmt"
	"strconv"
)

// Plan is one way to produce a relation's rows.
type Plan interface {
	Cost() float64
	Rows() int
}

type Explainer interface{ Explain() string }

type SeqScan struct {
	Table string
	N     int
}

type IndexScan struct {
	Table, Index string
	N            int
	Sel          float64
}

type HashJoin struct {
	L, R Plan
}

func (s *SeqScan) Cost() float64   { return float64(s.N) }
func (s *SeqScan) Rows() int       { return s.N }
func (s *IndexScan) Cost() float64 { return 4 + float64(s.N)*s.Sel*1.5 }
func (s *IndexScan) Rows() int     { return int(float64(s.N) * s.Sel) }
func (s *IndexScan) Explain() string {
	return "index scan on " + s.Table + " using " + s.Index
}

// Predicates a planner pushes down.
type Pred interface{ Selectivity() float64 }

type Eq struct {
	Col string
	Val int
}

type Between struct {
	Col    string
	Lo, Hi int
}

func (*Eq) Selectivity() float64        { return 0.01 }
func (b *Between) Selectivity() float64 { return float64(b.Hi-b.Lo) / 1000 }

type Filter struct {
	Pred  Pred
	Input Plan
}

// ChoosePlan picks the cheapest of two access paths and explains it.
func ChoosePlan(table string, rows int, sel float64) string {
	seq := SeqScan{Table: table, N: rows}
	idx := IndexScan{Table: table, Index: table + "_pkey", N: rows, Sel: sel}
	cands := []Plan{&seq, &idx}
	best := 0
	for i, p := range cands {
		if p.Cost() < cands[best].Cost() {
			best = i
		}
	}
	if ex, ok := cands[best].(Explainer); ok {
		return ex.Explain()
	}
	return "seq scan on " + table
}

// ExplainIndex explains an index path, or prints its cost when it cannot.
func ExplainIndex(table string, rows int) string {
	idx := IndexScan{Table: table, Index: table + "_pkey", N: rows, Sel: 0.1}
	var p Plan = &idx
	if ex, ok := p.(Explainer); ok {
		return ex.Explain()
	}
	return "cost " + strconv.FormatFloat(p.Cost(), 'f', 1, 64)
}

// JoinCost estimates a hash join over two scans.
func JoinCost(left, right int) float64 {
	ls := SeqScan{Table: "orders", N: left}
	rs := SeqScan{Table: "users", N: right}
	j := HashJoin{L: &ls, R: &rs}
	return j.L.Cost() + j.R.Cost() + float64(j.L.Rows())*0.01
}

// FilterRows estimates the rows a filter keeps, by the kind of its predicate.
func FilterRows(rows, lo, hi int) int {
	scan := SeqScan{Table: "events", N: rows}
	rng := Between{Col: "ts", Lo: lo, Hi: hi}
	f := Filter{Pred: &rng, Input: &scan}
	switch p := f.Pred.(type) {
	case *Eq:
		return 1
	case *Between:
		return int(float64(f.Input.Rows()) * p.Selectivity())
	}
	return f.Input.Rows()
}

// Explain renders a plan for EXPLAIN: its explanation when it has one.
func Explain(table string, rows int) string {
	seq := SeqScan{Table: table, N: rows}
	var p Plan = &seq
	if ex, ok := p.(Explainer); ok {
		return ex.Explain()
	}
	return fmt.Sprintf("seq scan on %s (rows=%d)", table, p.Rows())
}

var planCache = map[string]Plan{}

// CachedPlan plans a lookup and keeps it for the next query: a real escape.
func CachedPlan(table string, rows int) float64 {
	idx := IndexScan{Table: table, Index: table + "_pkey", N: rows, Sel: 0.01}
	var p Plan = &idx
	planCache[table] = p
	if ex, ok := p.(Explainer); ok {
		_ = ex.Explain()
	}
	return p.Cost()
}
