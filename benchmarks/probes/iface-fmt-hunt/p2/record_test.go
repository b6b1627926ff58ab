package p2

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"testing"
)

var update = flag.Bool("update", false, "record")

func try(f func() string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprintf("PANIC %T %v", r, r)
			if e, ok := r.(error); ok {
				out += fmt.Sprintf(" err=%T", e)
			}
		}
	}()
	return f()
}

func e(err error) string {
	if err == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%T %q", err, err.Error())
}

func cases() map[string]string {
	out := map[string]string{}
	add := func(name string, f func() string) { out[name] = fmt.Sprintf("%q", try(f)) }
	for _, v := range []int64{0, 1, 44, 97, 255, 300, -1, -300, 0xD800, 0x10FFFF, 0x110000, math.MaxInt32, math.MinInt32, math.MaxInt64} {
		k := fmt.Sprint(v)
		add("LocalRune"+k, func() string { return LocalRune(int16(v)) + LocalRuneLit(int16(v)) })
		add("LocalConv"+k, func() string { return LocalConv(int(v), v > 0) + LocalConvQ(rune(v)) })
		add("LocalInt64"+k, func() string { return LocalInt64(int8(v)) + LocalMake(int(v)) })
		add("GenericC"+k, func() string { return GenericC(int32(v)) + GenericC(myRune(v)) })
		add("GenericV"+k, func() string {
			return GenericV(v) + GenericV(fancy(v)) + GenericV(fmt.Sprint(v)) + GenericV(fancyS(fmt.Sprint(v)))
		})
		add("Misc"+k, func() string { return NoVerb(int(v)) + Bang(int(v)) + Percents(int(v)) + MultiByte(int(v), "s") })
		add("EmptyS"+k, func() string { return EmptyS(int(v), 2, "") + EmptyS(int(v), 2, "-") })
		add("Dotted"+k, func() string { return Dotted(int(v)) + Renamed(int(v)) + RenamedTwo(int(v)) + Own(int(v)) })
		add("JoinInt"+k, func() string { return JoinInt(int(v)) })
		add("PanicMsg"+k, func() string { PanicMsg(int(v)); return "ok" })
		add("PanicErr"+k, func() string { PanicErr(int(v)); return "ok" })
	}
	for _, s := range []string{"", "a", "héllo", "\xff"} {
		k := fmt.Sprintf("%q", s)
		add("Consts"+k, func() string { return Consts(s) + ConstSprint(s) })
		add("LocalString"+k, func() string { return LocalString(Name(s)) })
		add("IsErr"+k, func() string { return IsErr(s) + fmt.Sprint(SameErr(s)) + Join(s) })
	}
	for _, sum := range [][4]byte{{}, {1, 2, 0xab, 0xff}} {
		k := fmt.Sprint(sum)
		add("LocalHex"+k, func() string { return LocalHex(sum) + LocalHexLit(sum) + LocalByte([2]byte{sum[2], sum[3]}) })
	}
	for ci, c := range []*Conn{nil, {Name: "n"}} {
		for _, n := range []int{0, 1, 3} {
			k := fmt.Sprint(ci, n)
			add("DivErr"+k, func() string { q, err := DivErr(c, 1, n); return fmt.Sprint(q, e(err)) })
			add("ConvErr"+k, func() string { q, err := ConvErr(c, make([]byte, n)); return fmt.Sprint(q, e(err)) })
			add("IndexErr"+k, func() string { q, err := IndexErr(c, []int{1}, n); return fmt.Sprint(q, e(err)) })
			add("AssertErr"+k, func() string {
				var v any = n
				if n == 1 {
					v = "s"
				}
				q, err := AssertErr(c, v)
				return fmt.Sprint(q, e(err))
			})
		}
	}
	return out
}

type myRune int32

func (myRune) Format(s fmt.State, verb rune) { s.Write([]byte("MYRUNE")) }

type fancy int64

func (fancy) String() string { return "FANCY" }

type fancyS string

func (fancyS) String() string { return "FANCYS" }

func TestRecord(t *testing.T) {
	got := cases()
	path := "testdata/record.json"
	if *update {
		os.MkdirAll("testdata", 0o755)
		b, _ := json.MarshalIndent(got, "", " ")
		os.WriteFile(path, b, 0o644)
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]string
	json.Unmarshal(b, &want)
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if got[k] != want[k] {
			t.Errorf("%s:\n got  %s\n want %s", k, got[k], want[k])
		}
	}
}
