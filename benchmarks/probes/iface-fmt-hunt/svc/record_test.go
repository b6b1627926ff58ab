package svc

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"net/http"
	"os"
	"sort"
	"testing"
	"time"

	"example.com/hunt/gen"
	"example.com/hunt/ids"
)

var update = flag.Bool("update", false, "record")
var recordFile = flag.String("file", "testdata/record.json", "record file")

func try(f func() string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "PANIC " + fmt.Sprint(r)
		}
	}()
	return f()
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%T %q unwrap=%v", err, err.Error(), errors.Unwrap(err) != nil)
}

func cases() map[string]string {
	out := map[string]string{}
	add := func(name string, f func() string) { out[name] = fmt.Sprintf("%q", try(f)) }
	i64 := []int64{0, 1, 15, 16, 255, 256, -1, -255, math.MinInt64, math.MaxInt64}
	runes := []rune{0, 'a', 'é', 0xD800, utf8Max, utf8Max + 1, -1, math.MaxInt32, math.MinInt32, '\n', '\'', 0xE0001}
	for _, v := range i64 {
		k := fmt.Sprint(v)
		add("UserKey"+k, func() string { return UserKey(UserID(v)) })
		add("UserKeyV"+k, func() string { return UserKeyV(UserID(v)) })
		add("UserHex"+k, func() string { return UserHex(UserID(v)) })
		add("UserOct"+k, func() string { return UserOct(UserID(v)) })
		add("UserBin"+k, func() string { return UserBin(UserID(v)) })
		add("NegHex"+k, func() string { return NegHex(v) })
		add("Level"+k, func() string { return LevelV(Level(v)) + LevelD(Level(v)) })
		add("Mode"+k, func() string { return ModeV(Mode(v)) + ModeD(Mode(v)) })
		add("Port"+k, func() string { return PortD(Port(v)) })
		add("Tagged"+k, func() string {
			return gen.TaggedV(gen.Tagged[string](v)) + gen.TaggedD(gen.Tagged[int](v)) + gen.OtherV(gen.Other(v))
		})
		add("Shade"+k, func() string { return gen.ShadeV(gen.Shade(v)) })
		add("Kind"+k, func() string { return KindV(Kind(v)) })
		add("Ref"+k, func() string { return RefV(Ref(v)) + RefX(ids.ID(v)) })
		add("Small"+k, func() string { return SmallC(Small(v)) + SmallX(Small(v)) })
		add("Count"+k, func() string { return CountC(Count(v)) + CountQ(Count(v)) })
		add("Int16C"+k, func() string { return Int16C(int16(v)) + Int8Q(int8(v)) })
		add("PlusD"+k, func() string { return PlusD(int(v)) + WidthD(int(v)) + SharpX(int(v)) + StarD(3, int(v)) })
		add("Month"+k, func() string { return MonthD(time.Month(v)) + MonthX(time.Month(v)) })
		add("State"+k, func() string { return StateD(http.ConnState(v)) + ModeBits(os.FileMode(v)) })
		add("Generic"+k, func() string { return Generic(v) + Generic(UserID(v)) + Generic(fancy(v)) })
		add("Dur"+k, func() string { return DurD(time.Duration(v)) + DurV(time.Duration(v)) + Elapsed(time.Duration(v)) })
		add("Sprint"+k, func() string {
			return Sprint2(int(v), 7) + "|" + SprintMixed(int(v), "p", 3) + "|" + SprintBool(int(v), true) + "|" +
				SprintStatus("st", int(v)) + "|" + SprintRune(rune(v), 2) + "|" + SprintlnMix(int(v), "s") + "|" + SprintConst(int(v))
		})
		add("CallThenInt"+k, func() string { return CallThenInt(int(v)) })
	}
	for _, r := range runes {
		k := fmt.Sprint(r)
		add("Rune"+k, func() string { return RuneQ(r) + RuneC(r) })
		add("Glyph"+k, func() string { return GlyphC(Glyph(r)) + GlyphQ(Glyph(r)) + GlyphX(Glyph(r)) })
		add("RuneLeft"+k, func() string { return RuneLeftOfCall(r) })
		add("Count"+k, func() string { return CountC(Count(uint32(r))) + CountQ(Count(uint32(r))) })
	}
	strs := []string{"", "a", "héllo", "\xff\xfe", "日本語", "with space"}
	for _, s := range strs {
		k := fmt.Sprintf("%q", s)
		add("Status"+k, func() string { return StatusV(Status(s)) + StatusS(Status(s)) })
		add("Plain"+k, func() string { return PlainV(Plain(s)) + PlainX(Plain(s)) })
		add("Space"+k, func() string { return SpaceX(s) + LeftS(s) + WrongVerb(s) + Missing(s) + Extra(s, s) })
		add("SprintStrs"+k, func() string {
			return SprintStrs(s, s) + GenericS(s, s) + GenericS(Plain(s), Plain(s)) + GenericS(Glyphs(s), Glyphs(s))
		})
		add("SumLocal"+k, func() string { return SumLocal([]byte(s)) })
		add("PlainLeft"+k, func() string { return PlainLeftOfCall(Plain(s)) + StatusLeftOfCall(Status(s)) })
		add("SliceLeft"+k, func() string { return SliceLeftOfCall(s) })
		add("ErrUser"+k, func() string { return errText(ErrUser(5, s)) + errText(ErrUser(-300, s)) })
		add("ErrCompare"+k, func() string { return fmt.Sprint(ErrCompare(s)) })
	}
	add("NilV", NilV)
	add("Flag", func() string { return FlagV(true) + FlagT(false) })
	add("BoolLeft", func() string { return BoolLeftOfCall(true) + BoolLeftOfCall(false) })
	conns := []*Conn{nil, {}, {Host: "h", Port: 80, Name: "n", Sum: [4]byte{1, 0xab, 0, 255}, Raw: []byte("raw"), tags: []string{"t0"}}}
	for ci, c := range conns {
		k := fmt.Sprint(ci)
		add("SumHex"+k, func() string { return SumHex(c) })
		add("HostPort"+k, func() string { return HostPort(c) + RawS(c) })
		add("ErrHost"+k, func() string { return errText(ErrHost(c)) })
		add("SumLeft"+k, func() string { return SumLeftOfCall(c) })
		add("NilThenCall"+k, func() string { return NilThenCall(c) + fmt.Sprint(seq) })
		add("CallInt"+k, func() string { return CallInt(c) })
		for _, n := range []int{0, 1, 5} {
			kn := k + "/" + fmt.Sprint(n)
			add("NilThenIndex"+kn, func() string { return NilThenIndex(c, []string{"x"}, n) })
			add("Tags"+kn, func() string { return Tags(c, n) })
			add("Divided"+kn, func() string { q, s := Divided("k", []string{"a", "b"}, n, n-1); return fmt.Sprint(q, s) })
		}
	}
	for _, n := range []int{0, 1, 2, 5} {
		k := fmt.Sprint(n)
		add("IndexLeft"+k, func() string { return IndexLeftOfCall([]string{"a", "b", "c"}, n) })
		add("LenLeft"+k, func() string { return LenLeftOfCall(make([]string, n)) })
	}
	add("MapLeft", func() string { return MapLeftOfCall(map[string]string{"k": "old"}) })
	add("MapLeftNil", func() string { return MapLeftOfCall(nil) })
	add("ErrWrap", func() string { return errText(ErrWrap(ErrBase)) + errText(ErrV(ErrBase)) + errText(ErrV(nil)) })
	add("ErrBase", func() string { return errText(ErrBase) })
	return out
}

type fancy int64

func (f fancy) Format(s fmt.State, verb rune) { s.Write([]byte("FANCY")) }

type Glyphs string

func (g Glyphs) String() string { return "GLYPHS" }

const utf8Max = 0x10FFFF

var _ = sha256.Sum256

func TestRecord(t *testing.T) {
	got := cases()
	path := *recordFile
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
			t.Errorf("%s:\n got  %q\n want %q", k, got[k], want[k])
		}
	}
}
