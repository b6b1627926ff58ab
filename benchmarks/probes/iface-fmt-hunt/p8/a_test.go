package p8

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func try(f func() string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("PANIC ", r)
		}
	}()
	return f()
}

func TestShow(t *testing.T) {
	for _, s := range []string{"", "ab", "héllo"} {
		fmt.Printf("%q\n", try(func() string { return M2(Month2(len(s))) }))
		fmt.Printf("%q\n", try(func() string { return BytesLeftOfCall([]byte(s)) }))
		fmt.Printf("%q\n", try(func() string { return ConvLeftOfCall([]byte(s)) }))
		fmt.Printf("%q\n", try(func() string { return SliceConvLeftOfCall([]byte(s), 2) }))
		fmt.Printf("%q\n", try(func() string { var b bytes.Buffer; WriteHeader(&b, Header{Key: s, Value: s}); return b.String() }))
		fmt.Printf("%q\n", try(func() string { WriteHeader(nil, Header{Key: s}); return "" }))
		fmt.Printf("%q\n", try(func() string { var b strings.Builder; WriteBuilder(&b, s, s); return b.String() }))
		fmt.Printf("%q\n", try(func() string { WriteBuilder(nil, s, s); return "" }))
		fmt.Printf("%q\n", try(func() string { return WriteOwn(&Header{Key: s, Value: s}, len(s)) }))
		fmt.Printf("%q\n", try(func() string { return WriteOwn(nil, 1) }))
		fmt.Printf("%q\n", try(func() string { return Copied(s) }))
		fmt.Printf("%q\n", try(func() string { return NewBuf(s, []byte(s)) + NewBuf(s, nil) }))
		fmt.Printf("%q\n", try(func() string { return Reused(s) }))
		fmt.Printf("%q\n", try(func() string { return Avail(s) }))
	}
}
