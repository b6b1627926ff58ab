// Package vm is a small stack-based bytecode machine.
package vm

import (
	"errors"

	"example.com/langtool/limits"
)

// Opcodes.
const (
	OpPush byte = iota
	OpAdd
	OpMul
	OpLoad
	OpStore
	OpRet
)

// Value is one operand.
type Value struct {
	Kind uint8
	I    int64
}

// Func is a compiled function.
type Func struct {
	Code      []byte
	NumLocals uint8
	MaxStack  int
	Params    int
}

// Frame is one activation record.
type Frame struct {
	fn   *Func
	pc   int
	base int
}

var (
	errStackOverflow = errors.New("vm: stack overflow")
	errTooManyArgs   = errors.New("vm: too many arguments")
	errBadOp         = errors.New("vm: bad opcode")
)

// Eval runs fn's code with a fresh operand stack and returns the top.
func Eval(fn *Func) (int64, error) {
	if fn.MaxStack > limits.MaxStack {
		return 0, errStackOverflow
	}
	stack := make([]int64, fn.MaxStack)
	sp := 0
	for pc := 0; pc < len(fn.Code); pc++ {
		switch fn.Code[pc] {
		case OpPush:
			pc++
			stack[sp] = int64(fn.Code[pc])
			sp++
		case OpAdd:
			sp--
			stack[sp-1] += stack[sp]
		case OpMul:
			sp--
			stack[sp-1] *= stack[sp]
		case OpRet:
			return stack[sp-1], nil
		default:
			return 0, errBadOp
		}
	}
	return 0, nil
}

// Call binds args to fn's locals and returns how many locals were set.
func Call(fn *Func, args []Value) (int, error) {
	if len(args) > limits.MaxArgs {
		return 0, errTooManyArgs
	}
	locals := make([]Value, fn.NumLocals)
	n := copy(locals, args)
	for i := range locals[n:] {
		locals[n+i] = Value{Kind: 0}
	}
	set := 0
	for _, v := range locals {
		if v.Kind != 0 {
			set++
		}
	}
	return set, nil
}

// Trace runs a call chain of depth frames deep, clamped to limits.MaxFrames, and returns the deepest base.
func Trace(fns []*Func, depth int) int {
	frames := make([]Frame, 0, min(depth, limits.MaxFrames))
	base := 0
	for i := 0; i < cap(frames); i++ {
		fn := fns[i%len(fns)]
		frames = append(frames, Frame{fn: fn, base: base})
		base += fn.MaxStack
	}
	if len(frames) == 0 {
		return 0
	}
	return frames[len(frames)-1].base
}

// Machine keeps its stack between runs.
type Machine struct {
	stack []int64
	sp    int
}

// Snapshot copies the live part of the stack; the copy is the caller's.
func (m *Machine) Snapshot() []int64 {
	s := make([]int64, m.sp)
	copy(s, m.stack[:m.sp])
	return s
}

// Watch starts a goroutine that reports the registers after the caller has set them.
func Watch(n int, set func([]int64)) <-chan int64 {
	if n > limits.MaxRegs {
		n = limits.MaxRegs
	}
	regs := make([]int64, n)
	out := make(chan int64, 1)
	ready := make(chan struct{})
	go func() {
		<-ready
		var sum int64
		for _, r := range regs {
			sum += r
		}
		out <- sum
	}()
	set(regs)
	close(ready)
	return out
}
