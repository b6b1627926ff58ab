package svc

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "record the original behaviour")

func call(f func(int) string, n int) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("PANIC: ", r)
		}
	}()
	return f(n)
}

func funcs() map[string]func(int) string {
	fs := []func(int) string{
		PtrMethodAfterStore, ArrayElemWrite, ArraySliced, MethodValueAfterStore, ClosureWrites, DeferRead,
		PayloadViaAlias, BoxSwap, ReverseParts, TailAlias, AppendOver, SortParts, CopyParts, ArrayThroughSlice,
		ArrayThroughPointer, MapAliased, MapPassed, MapCopied, MapDeleted, MapCleared, MapRanged, MapAnyKeys,
		MixedKeyed, MixedKeyedHole, SeekKeyed, TypedNil, TypedNilOK, EmbeddedShadow, EmbeddedOwn, EmbeddedPromoted,
		NestedSub, GoroutineWrite, CommaOkElse, CommaOkStatement, SwitchMulti, SwitchTypedNil, SealedCheck,
		SelectorNil, SelectorNilField, DerefNil, IndexPanics, AddrIndex, AddrField, MethodValueNil, ArrayConv,
		MapMissingNil, ChanRecv, CascadePanics, CascadeDeref, ConstInt, ConstWrongType, ConstRuneByte, ConstFloat,
		ConstInField, ConstOverflowLike, EqualUncomparable, PrintType, CallThroughField, CallThroughFieldNil,
		CallThroughFieldWritten, GroupReads, GroupReadsWritten, LoopAssert, LoopValue, Labeled, ShadowedAddr,
		ShadowedContainer, WriterDiscard,
		func(n int) string { return GenPtr(named{"g"}) },
		func(n int) string { return GenPtr(n) },
		func(n int) string { return GenPtr(counter{n}) },
		func(n int) string { return GenPtrField(named{"g"}) },
		func(n int) string { return GenPtrField(counter{n}) },
		func(n int) string { return GenWrap(n) },
		func(n int) string { return GenSwitch(n) },
		func(n int) string { return GenSwitch(named{"s"}) },
		func(n int) string { return GenSwitch(counter{n}) },
	}
	m := map[string]func(int) string{}
	for k, f := range fs {
		name := runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
		m[fmt.Sprintf("%s#%d", name[strings.LastIndex(name, ".")+1:], k)] = f
	}
	return m
}

func TestRecorded(t *testing.T) {
	got := map[string]string{}
	for name, f := range funcs() {
		for _, n := range []int{-1, 0, 1, 2, 5} {
			got[fmt.Sprintf("%s(%d)", name, n)] = call(f, n)
		}
	}
	if *update {
		b, _ := json.MarshalIndent(got, "", " ")
		os.WriteFile("testdata/recorded.json", b, 0o644)
		return
	}
	b, err := os.ReadFile("testdata/recorded.json")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	json.Unmarshal(b, &want)
	keys := []string{}
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if got[k] != want[k] {
			t.Errorf("%s: got %q want %q", k, got[k], want[k])
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d results, want %d", len(got), len(want))
	}
}
