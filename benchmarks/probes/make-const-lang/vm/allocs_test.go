package vm

import "testing"

func TestAllocs(t *testing.T) {
	fn := &Func{Code: []byte{OpPush, 2, OpPush, 3, OpAdd, OpPush, 7, OpMul, OpRet}, MaxStack: 40}
	if v, err := Eval(fn); v != 35 || err != nil {
		t.Fatal("Eval", v, err)
	}
	allocs(t, "Eval", func() { Eval(fn) })
	cf := &Func{NumLocals: 20}
	args := []Value{{Kind: 1, I: 1}, {Kind: 1, I: 2}}
	if n, err := Call(cf, args); n != 2 || err != nil {
		t.Fatal("Call", n, err)
	}
	allocs(t, "Call", func() { Call(cf, args) })
	if b := Trace([]*Func{fn}, 10); b != 360 {
		t.Fatal("Trace", b)
	}
	allocs(t, "Trace", func() { Trace([]*Func{fn}, 10) })
	var e Encoder
	e.EmitImm(0x05, 0x01020304, 4)
	e.EmitSLEB(-123456, 32)
	e.EmitModRM(1, 4, true, 8)
	if len(e.Bytes()) != 5+3+6 {
		t.Fatal("encode", e.Bytes())
	}
	e.out = make([]byte, 0, 1<<20)
	allocs(t, "EmitImm", func() { e.EmitImm(0x05, 1, 8) })
	allocs(t, "EmitSLEB", func() { e.EmitSLEB(-1<<40, 64) })
	allocs(t, "EmitModRM", func() { e.EmitModRM(1, 4, true, 8) })
	vals := []uint64{1 << 60, 1 << 50, 300, 1}
	allocs(t, "EmitULEBs", func() { e.EmitULEBs(vals) })
	uses := [][]int{{1, 2, 3}, {70, 2}, {127}}
	if n := LiveCount(128, uses); n != 5 {
		t.Fatal("LiveCount", n)
	}
	allocs(t, "LiveCount", func() { LiveCount(128, uses) })
	interf := [][]int{{}, {0}, {0, 1}, {1}, {2, 3}, {0, 1, 2, 3, 4}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}}
	if n, err := Assign(interf); n != 4 || err != nil {
		t.Fatal("Assign", n, err)
	}
	allocs(t, "Assign", func() { Assign(interf) })
	sets := []RegSet{{1, 0, 4}, {0, 0, 0}}
	if n := Union(sets, 3); n != 2 {
		t.Fatal("Union", n)
	}
	allocs(t, "Union", func() { Union(sets, 3) })
	ch := Watch(4, func(r []int64) { r[0], r[3] = 5, 6 })
	if s := <-ch; s != 11 {
		t.Fatal("Watch", s)
	}
}

func TestAllocsTypes(t *testing.T) {
	var e Encoder
	e.EmitTyped(1, W32, 0x0a0b0c0d)
	e.EmitPaddedULEB(300, 4)
	if got := e.Bytes(); len(got) != 9 || got[5] != 0xac || got[8] != 0 {
		t.Fatalf("encode % x", got)
	}
	e.out = make([]byte, 0, 1<<20)
	allocs(t, "EmitTyped", func() { e.EmitTyped(1, W64, 7) })
	allocs(t, "EmitPaddedULEB", func() { e.EmitPaddedULEB(1<<62, 10) })
	if s := BitString(5); s != "101" {
		t.Fatal("BitString", s)
	}
	allocs(t, "BitString", func() { BitString(1<<63 | 1) })
	if s := RegName("rax_extended_name_here_long_enough_for_heap:64"); s != "RAX_EXTENDED_NAME_HERE_LONG_ENOUGH_FOR_HEAP" {
		t.Fatal("RegName", s)
	}
	allocs(t, "RegName", func() { RegName("rax_extended_name_here_long_enough_for_heap:64") })
}
