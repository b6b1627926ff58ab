package mlserve

import (
	"hash/fnv"
	"sync"
)

// Arm is one model variant of an experiment.
type Arm struct {
	Name  string
	Model *Model
	Share uint32 // out of 100
}

// Experiment routes users between arms by a stable hash.
type Experiment struct {
	Name string
	Arms []Arm
	Salt string
}

func (e *Experiment) pick(user string) int {
	h := fnv.New32a()
	h.Write([]byte(e.Salt))
	h.Write([]byte(user))
	b := h.Sum32() % 100
	acc := uint32(0)
	for i, a := range e.Arms {
		acc += a.Share
		if b < acc {
			return i
		}
	}
	return len(e.Arms) - 1
}

// RouteAll assigns users to arms in parallel chunks.
func RouteAll(exp Experiment, users []string) []int {
	if exp.Salt == "" {
		exp.Salt = exp.Name
	}
	out := make([]int, len(users))
	const chunk = 64
	var wg sync.WaitGroup
	for lo := 0; lo < len(users); lo += chunk {
		hi := min(lo+chunk, len(users))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				out[i] = exp.pick(users[i])
			}
		}()
	}
	wg.Wait()
	return out
}

// router wraps an experiment with a fallback arm.
type router struct {
	exp      *Experiment
	fallback int
}

func (r router) route(user string) int {
	if len(r.exp.Arms) == 0 {
		return r.fallback
	}
	return r.exp.pick(user)
}

// RouteWithFallback builds a router holding the experiment's address and routes through it in each goroutine.
func RouteWithFallback(exp Experiment, users []string) []string {
	exp.Salt = "v2:" + exp.Salt
	rt := router{exp: &exp}
	out := make([]string, len(users))
	var wg sync.WaitGroup
	for i, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := rt.route(u)
			if a >= 0 && a < len(rt.exp.Arms) {
				out[i] = rt.exp.Arms[a].Name
			}
		}()
	}
	wg.Wait()
	return out
}

// ArmCounts counts users per arm; the counts are shared by design.
func ArmCounts(exp Experiment, users []string) map[string]int {
	exp.Salt = exp.Name
	counts := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := exp.Arms[exp.pick(u)].Name
			mu.Lock()
			counts[a]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return counts
}

// Rollout is a must-decline: the goroutines record the arm they served in the experiment's field, which the
// caller reads after the wait; copies would lose it.
func Rollout(exp Experiment, users []string) string {
	exp.Salt = exp.Name
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			i := exp.pick(u)
			mu.Lock()
			if exp.Arms[i].Share > 0 {
				exp.Name = exp.Arms[i].Name
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return exp.Name
}

// Shadow runs the shadow arm's model on the same inputs; the label is changed only after both finish.
func Shadow(exp Experiment, batch [][]float64) (float64, float64) {
	label := exp.Name + "/shadow"
	var live, shadow float64
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for _, x := range batch {
			live += exp.Arms[0].Model.Shards[0].infer(x)
		}
		_ = label
	}()
	go func() {
		defer wg.Done()
		for _, x := range batch {
			shadow += exp.Arms[len(exp.Arms)-1].Model.Shards[0].infer(x)
		}
		_ = label
	}()
	wg.Wait()
	label = ""
	_ = label
	return live, shadow
}
