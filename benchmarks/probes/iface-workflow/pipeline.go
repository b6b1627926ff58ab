package workflow

import (
	"context"
	"errors"
)

// Step is one stage of a pipeline definition.
type Step interface {
	Run(ctx context.Context, n int) (int, error)
}

// Named is what a step may also say about itself for logs and dashboards.
type Named interface {
	Name() string
}

type scale struct {
	factor int
	runs   int
}

func (s *scale) Run(ctx context.Context, n int) (int, error) {
	s.runs++
	return n * s.factor, nil
}

func (s *scale) Name() string { return "scale" }

type offset struct {
	by int
}

func (o *offset) Run(ctx context.Context, n int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return n + o.by, nil
}

func (o *offset) Name() string { return "offset" }

type clamp struct{ max int }

func (c *clamp) Run(ctx context.Context, n int) (int, error) {
	if n > c.max {
		return c.max, nil
	}
	return n, nil
}

// Stage wraps a step with its retry budget.
type Stage struct {
	Step     Step
	Attempts int
}

// Pipeline is a fixed two-stage definition.
type Pipeline struct {
	Name  string
	Steps [2]Step
}

// Definition is a pipeline as a workflow file describes it.
type Definition struct {
	ID    string
	Stage Stage
}

var ErrEmpty = errors.New("workflow: empty input")

// RunTwoSteps runs a fixed scale-then-offset pipeline.
func RunTwoSteps(ctx context.Context, n int) (int, error) {
	sc := scale{factor: 3}
	off := offset{by: 7}
	p := Pipeline{Name: "etl", Steps: [2]Step{&sc, &off}}
	v, err := p.Steps[0].Run(ctx, n)
	if err != nil {
		return 0, err
	}
	return p.Steps[1].Run(ctx, v)
}

// FirstStepName names the first step of a pipeline for the run log.
func FirstStepName(factor int) string {
	sc := scale{factor: factor}
	cl := clamp{max: 100}
	p := Pipeline{Name: "bounded", Steps: [2]Step{&sc, &cl}}
	if named, ok := p.Steps[0].(Named); ok {
		return named.Name()
	}
	return "anonymous"
}

// DefinitionName reads the step's name through the definition's stage.
func DefinitionName(by int) string {
	off := offset{by: by}
	def := Definition{ID: "ingest", Stage: Stage{Step: &off, Attempts: 3}}
	if named, ok := def.Stage.Step.(Named); ok {
		return def.ID + "/" + named.Name()
	}
	return def.ID
}

// StageName is the single-step form: a stage built and asked for its name.
func StageName(factor int) string {
	sc := scale{factor: factor}
	st := Stage{Step: &sc, Attempts: 1}
	if named, ok := st.Step.(Named); ok {
		return named.Name()
	}
	return "?"
}

// RunStages runs every stage of an inline definition.
func RunStages(ctx context.Context, n int) (int, error) {
	sc := scale{factor: 2}
	off := offset{by: 1}
	for _, st := range []Stage{{Step: &sc, Attempts: 1}, {Step: &off, Attempts: 2}} {
		var err error
		for i := 0; i < st.Attempts; i++ {
			if n, err = st.Step.Run(ctx, n); err == nil {
				break
			}
		}
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

// StageNames counts the stages that can name themselves.
func StageNames(factor, max int) int {
	sc := scale{factor: factor}
	cl := clamp{max: max}
	named := 0
	for _, st := range []Stage{{Step: &sc}, {Step: &cl}} {
		if _, ok := st.Step.(Named); ok {
			named++
		}
	}
	return named
}

var pipelines = map[string]Pipeline{}

// RegisterPipeline keeps the definition in the registry: its steps outlive the call.
func RegisterPipeline(name string, factor int) string {
	sc := scale{factor: factor}
	off := offset{by: 1}
	p := Pipeline{Name: name, Steps: [2]Step{&sc, &off}}
	pipelines[name] = p
	if named, ok := p.Steps[0].(Named); ok {
		return named.Name()
	}
	return ""
}

// RunWithHook hands the stage to a caller's hook, which may keep it.
func RunWithHook(ctx context.Context, n int, hook func(Stage)) (int, error) {
	sc := scale{factor: 4}
	st := Stage{Step: &sc, Attempts: 1}
	hook(st)
	return st.Step.(Step).Run(ctx, n)
}

// RunSwapped replaces the second step before asking it: the assertion reads the new one.
func RunSwapped(ctx context.Context, n int, strict bool) (int, error) {
	sc := scale{factor: 2}
	off := offset{by: 5}
	cl := clamp{max: 10}
	p := Pipeline{Name: "swap", Steps: [2]Step{&sc, &off}}
	if strict {
		p.Steps[1] = &cl
	}
	if named, ok := p.Steps[1].(Named); ok && named.Name() == "offset" {
		return p.Steps[1].Run(ctx, n)
	}
	return n, nil
}
