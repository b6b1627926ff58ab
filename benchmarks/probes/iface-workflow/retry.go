package workflow

import "time"

// Backoff says how long to wait before an attempt.
type Backoff interface {
	Next(attempt int) time.Duration
}

// Jittered backoffs spread their delays.
type Jittered interface {
	Jitter() time.Duration
}

type exponential struct {
	base time.Duration
	max  time.Duration
}

func (e *exponential) Next(attempt int) time.Duration {
	d := e.base << attempt
	if d > e.max {
		return e.max
	}
	return d
}

type linear struct {
	step time.Duration
}

func (l *linear) Next(attempt int) time.Duration { return l.step * time.Duration(attempt) }
func (l *linear) Jitter() time.Duration          { return l.step / 10 }

// RetryPolicy is the retry part of an activity's options.
type RetryPolicy struct {
	MaxAttempts int
	Backoff     any
}

// ActivityOptions as a workflow definition spells them.
type ActivityOptions struct {
	Queue string
	Retry RetryPolicy
}

// NextDelay is the single-step form: a policy's backoff asserted back.
func NextDelay(attempt int) time.Duration {
	exp := exponential{base: 10 * time.Millisecond, max: time.Second}
	p := RetryPolicy{MaxAttempts: 5, Backoff: &exp}
	if attempt >= p.MaxAttempts {
		return 0
	}
	return p.Backoff.(Backoff).Next(attempt)
}

// PlannedDelay reads the backoff through the activity's options.
func PlannedDelay(attempt int) time.Duration {
	lin := linear{step: 50 * time.Millisecond}
	opts := ActivityOptions{Queue: "mail", Retry: RetryPolicy{MaxAttempts: 3, Backoff: &lin}}
	d := opts.Retry.Backoff.(Backoff).Next(attempt)
	if j, ok := opts.Retry.Backoff.(Jittered); ok {
		d += j.Jitter()
	}
	return d
}

// Worker keeps its policy between activities.
type Worker struct {
	policy RetryPolicy
}

// Configure stores the policy in the worker: it outlives the call.
func (w *Worker) Configure(attempt int) time.Duration {
	exp := exponential{base: time.Millisecond, max: time.Second}
	p := RetryPolicy{MaxAttempts: 3, Backoff: &exp}
	w.policy = p
	return p.Backoff.(Backoff).Next(attempt)
}

// DelayFor picks the backoff with a policy chosen by the caller after storing it.
func DelayFor(attempt int, fast bool) time.Duration {
	exp := exponential{base: time.Second, max: time.Minute}
	lin := linear{step: time.Millisecond}
	opts := ActivityOptions{Retry: RetryPolicy{Backoff: &exp}}
	if fast {
		opts.Retry.Backoff = &lin
	}
	return opts.Retry.Backoff.(Backoff).Next(attempt)
}
