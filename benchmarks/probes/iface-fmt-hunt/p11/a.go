package p11

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"strconv"
	"unsafe"
)

const maxUint = ^uint(0)

const wordBits = 32 << (^uint(0) >> 63)

type header struct {
	a int
	b *byte
}

func UserAgent(name string) string {
	return fmt.Sprintf("%s (%s/%s)", name, runtime.GOOS, runtime.GOARCH)
}
func MaxInt(name string) string   { return fmt.Sprintf("%s max=%d", name, math.MaxInt) }
func IntSize(name string) string  { return fmt.Sprintf("%s bits=%d", name, strconv.IntSize) }
func MaxUint(name string) string  { return fmt.Sprintf("%s max=%x", name, maxUint) }
func Word(name string) string     { return fmt.Sprintf("%s word=%d", name, wordBits) }
func Sizeof(name string) string   { return fmt.Sprintf("%s size=%d", name, unsafe.Sizeof(header{})) }
func UintSize(name string) string { return fmt.Sprintf("%s bits=%v", name, bits.UintSize) }
func Compiler(name string) string { return fmt.Sprintf("%s by %s", name, runtime.Compiler) }
func Errf(name string) error      { return fmt.Errorf("%s: int is %d bits", name, strconv.IntSize) }

func Platform(id int) string { return fmt.Sprintf("%s/%s-%d", runtime.GOOS, runtime.GOARCH, id) }
func Platform2(name string) string {
	s := fmt.Sprintf("%s-%s", runtime.GOOS, name)
	return s
}
func PlatformErr(name string) error {
	return fmt.Errorf("unsupported platform %s/%s for %s", runtime.GOOS, runtime.GOARCH, name)
}
