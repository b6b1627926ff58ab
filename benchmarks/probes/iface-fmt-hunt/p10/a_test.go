package p10

import (
	"fmt"
	"testing"
)

func TestShow(t *testing.T) {
	fmt.Println(MapLeft(map[string]string{"k": "old"}))
	fmt.Println(IndexLeft([]string{"old"}))
	fmt.Println(FieldLeft(&Conn{Name: "old"}))
	Global = "old"
	fmt.Println(GlobalLeft())
	fmt.Println(BytesLeft([]byte("old")))
	fmt.Println(SliceLeft([]byte("old")))
	fmt.Println(ConvLeft([]byte("old")))
	fmt.Println(ArrLeft(&[2]string{"old", "x"}))
	fmt.Println(SprintMap(map[string]string{"k": "old"}))
	fmt.Println(ErrMap(map[string]string{"k": "old"}))
}

func TestShow2(t *testing.T) {
	fmt.Println(MapLeft2("n", map[string]string{"k": "old"}))
	fmt.Println(IndexLeft2("n", []string{"old"}))
	fmt.Println(ArrLeft2("n", &[2]string{"old", "x"}))
	fmt.Println(SliceLeft2("n", []byte("old")))
	fmt.Println(ConvLeft2("n", []byte("old")))
	fmt.Println(LenLeft2("n", map[string]string{}))
	fmt.Println(ErrMap2("n", map[string]string{"k": "old"}))
}
