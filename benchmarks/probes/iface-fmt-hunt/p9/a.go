package p9

import "fmt"

var sink int

func D0(name string, n int) string {
	return fmt.Sprintf("%s-%d", name, n)
}

func LD0(name string, n int) func() string {
	return func() string {
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D1(name string, n int) string {
	sink += 0
	return fmt.Sprintf("%s-%d", name, n)
}

func LD1(name string, n int) func() string {
	return func() string {
		sink += 0
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D2(name string, n int) string {
	sink += 0
	sink += 1
	return fmt.Sprintf("%s-%d", name, n)
}

func LD2(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D3(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	return fmt.Sprintf("%s-%d", name, n)
}

func LD3(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D4(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	return fmt.Sprintf("%s-%d", name, n)
}

func LD4(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D5(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	return fmt.Sprintf("%s-%d", name, n)
}

func LD5(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D6(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	return fmt.Sprintf("%s-%d", name, n)
}

func LD6(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D7(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	return fmt.Sprintf("%s-%d", name, n)
}

func LD7(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D8(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	return fmt.Sprintf("%s-%d", name, n)
}

func LD8(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D9(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	return fmt.Sprintf("%s-%d", name, n)
}

func LD9(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D10(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	return fmt.Sprintf("%s-%d", name, n)
}

func LD10(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func D11(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	sink += 10
	return fmt.Sprintf("%s-%d", name, n)
}

func LD11(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		sink += 10
		return fmt.Sprintf("%s-%d", name, n)
	}
}

func T0(name string, n bool) string {
	return fmt.Sprintf("%s-%t", name, n)
}

func LT0(name string, n bool) func() string {
	return func() string {
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T1(name string, n bool) string {
	sink += 0
	return fmt.Sprintf("%s-%t", name, n)
}

func LT1(name string, n bool) func() string {
	return func() string {
		sink += 0
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T2(name string, n bool) string {
	sink += 0
	sink += 1
	return fmt.Sprintf("%s-%t", name, n)
}

func LT2(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T3(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	return fmt.Sprintf("%s-%t", name, n)
}

func LT3(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T4(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	return fmt.Sprintf("%s-%t", name, n)
}

func LT4(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T5(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	return fmt.Sprintf("%s-%t", name, n)
}

func LT5(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T6(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	return fmt.Sprintf("%s-%t", name, n)
}

func LT6(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T7(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	return fmt.Sprintf("%s-%t", name, n)
}

func LT7(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T8(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	return fmt.Sprintf("%s-%t", name, n)
}

func LT8(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T9(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	return fmt.Sprintf("%s-%t", name, n)
}

func LT9(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T10(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	return fmt.Sprintf("%s-%t", name, n)
}

func LT10(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func T11(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	sink += 10
	return fmt.Sprintf("%s-%t", name, n)
}

func LT11(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		sink += 10
		return fmt.Sprintf("%s-%t", name, n)
	}
}

func Q0(name string, n rune) string {
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ0(name string, n rune) func() string {
	return func() string {
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q1(name string, n rune) string {
	sink += 0
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ1(name string, n rune) func() string {
	return func() string {
		sink += 0
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q2(name string, n rune) string {
	sink += 0
	sink += 1
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ2(name string, n rune) func() string {
	return func() string {
		sink += 0
		sink += 1
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q3(name string, n rune) string {
	sink += 0
	sink += 1
	sink += 2
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ3(name string, n rune) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q4(name string, n rune) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ4(name string, n rune) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q5(name string, n rune) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ5(name string, n rune) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q6(name string, n rune) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ6(name string, n rune) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q7(name string, n rune) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ7(name string, n rune) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q8(name string, n rune) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ8(name string, n rune) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q9(name string, n rune) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ9(name string, n rune) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q10(name string, n rune) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ10(name string, n rune) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func Q11(name string, n rune) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	sink += 10
	return fmt.Sprintf("%s-%q", name, n)
}

func LQ11(name string, n rune) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		sink += 10
		return fmt.Sprintf("%s-%q", name, n)
	}
}

func X0(name string, n [4]byte) string {
	return fmt.Sprintf("%s-%x", name, n)
}

func LX0(name string, n [4]byte) func() string {
	return func() string {
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X1(name string, n [4]byte) string {
	sink += 0
	return fmt.Sprintf("%s-%x", name, n)
}

func LX1(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X2(name string, n [4]byte) string {
	sink += 0
	sink += 1
	return fmt.Sprintf("%s-%x", name, n)
}

func LX2(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		sink += 1
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X3(name string, n [4]byte) string {
	sink += 0
	sink += 1
	sink += 2
	return fmt.Sprintf("%s-%x", name, n)
}

func LX3(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X4(name string, n [4]byte) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	return fmt.Sprintf("%s-%x", name, n)
}

func LX4(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X5(name string, n [4]byte) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	return fmt.Sprintf("%s-%x", name, n)
}

func LX5(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X6(name string, n [4]byte) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	return fmt.Sprintf("%s-%x", name, n)
}

func LX6(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X7(name string, n [4]byte) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	return fmt.Sprintf("%s-%x", name, n)
}

func LX7(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X8(name string, n [4]byte) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	return fmt.Sprintf("%s-%x", name, n)
}

func LX8(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X9(name string, n [4]byte) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	return fmt.Sprintf("%s-%x", name, n)
}

func LX9(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X10(name string, n [4]byte) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	return fmt.Sprintf("%s-%x", name, n)
}

func LX10(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func X11(name string, n [4]byte) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	sink += 10
	return fmt.Sprintf("%s-%x", name, n)
}

func LX11(name string, n [4]byte) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		sink += 10
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func C0(name string, n int32) string {
	return fmt.Sprintf("%s-%c", name, n)
}

func LC0(name string, n int32) func() string {
	return func() string {
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C1(name string, n int32) string {
	sink += 0
	return fmt.Sprintf("%s-%c", name, n)
}

func LC1(name string, n int32) func() string {
	return func() string {
		sink += 0
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C2(name string, n int32) string {
	sink += 0
	sink += 1
	return fmt.Sprintf("%s-%c", name, n)
}

func LC2(name string, n int32) func() string {
	return func() string {
		sink += 0
		sink += 1
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C3(name string, n int32) string {
	sink += 0
	sink += 1
	sink += 2
	return fmt.Sprintf("%s-%c", name, n)
}

func LC3(name string, n int32) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C4(name string, n int32) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	return fmt.Sprintf("%s-%c", name, n)
}

func LC4(name string, n int32) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C5(name string, n int32) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	return fmt.Sprintf("%s-%c", name, n)
}

func LC5(name string, n int32) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C6(name string, n int32) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	return fmt.Sprintf("%s-%c", name, n)
}

func LC6(name string, n int32) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C7(name string, n int32) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	return fmt.Sprintf("%s-%c", name, n)
}

func LC7(name string, n int32) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C8(name string, n int32) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	return fmt.Sprintf("%s-%c", name, n)
}

func LC8(name string, n int32) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C9(name string, n int32) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	return fmt.Sprintf("%s-%c", name, n)
}

func LC9(name string, n int32) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C10(name string, n int32) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	return fmt.Sprintf("%s-%c", name, n)
}

func LC10(name string, n int32) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func C11(name string, n int32) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	sink += 10
	return fmt.Sprintf("%s-%c", name, n)
}

func LC11(name string, n int32) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		sink += 10
		return fmt.Sprintf("%s-%c", name, n)
	}
}

func E0(name string, n int) error {
	return fmt.Errorf("%s-%d", name, n)
}

func LE0(name string, n int) func() error {
	return func() error {
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E1(name string, n int) error {
	sink += 0
	return fmt.Errorf("%s-%d", name, n)
}

func LE1(name string, n int) func() error {
	return func() error {
		sink += 0
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E2(name string, n int) error {
	sink += 0
	sink += 1
	return fmt.Errorf("%s-%d", name, n)
}

func LE2(name string, n int) func() error {
	return func() error {
		sink += 0
		sink += 1
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E3(name string, n int) error {
	sink += 0
	sink += 1
	sink += 2
	return fmt.Errorf("%s-%d", name, n)
}

func LE3(name string, n int) func() error {
	return func() error {
		sink += 0
		sink += 1
		sink += 2
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E4(name string, n int) error {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	return fmt.Errorf("%s-%d", name, n)
}

func LE4(name string, n int) func() error {
	return func() error {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E5(name string, n int) error {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	return fmt.Errorf("%s-%d", name, n)
}

func LE5(name string, n int) func() error {
	return func() error {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E6(name string, n int) error {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	return fmt.Errorf("%s-%d", name, n)
}

func LE6(name string, n int) func() error {
	return func() error {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E7(name string, n int) error {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	return fmt.Errorf("%s-%d", name, n)
}

func LE7(name string, n int) func() error {
	return func() error {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E8(name string, n int) error {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	return fmt.Errorf("%s-%d", name, n)
}

func LE8(name string, n int) func() error {
	return func() error {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E9(name string, n int) error {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	return fmt.Errorf("%s-%d", name, n)
}

func LE9(name string, n int) func() error {
	return func() error {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E10(name string, n int) error {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	return fmt.Errorf("%s-%d", name, n)
}

func LE10(name string, n int) func() error {
	return func() error {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		return fmt.Errorf("%s-%d", name, n)
	}
}

func E11(name string, n int) error {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	sink += 10
	return fmt.Errorf("%s-%d", name, n)
}

func LE11(name string, n int) func() error {
	return func() error {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		sink += 10
		return fmt.Errorf("%s-%d", name, n)
	}
}

func A0(name string, n int) string {
	return fmt.Sprintf("%d", n)
}

func LA0(name string, n int) func() string {
	return func() string {
		return fmt.Sprintf("%d", n)
	}
}

func A1(name string, n int) string {
	sink += 0
	return fmt.Sprintf("%d", n)
}

func LA1(name string, n int) func() string {
	return func() string {
		sink += 0
		return fmt.Sprintf("%d", n)
	}
}

func A2(name string, n int) string {
	sink += 0
	sink += 1
	return fmt.Sprintf("%d", n)
}

func LA2(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		return fmt.Sprintf("%d", n)
	}
}

func A3(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	return fmt.Sprintf("%d", n)
}

func LA3(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		return fmt.Sprintf("%d", n)
	}
}

func A4(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	return fmt.Sprintf("%d", n)
}

func LA4(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		return fmt.Sprintf("%d", n)
	}
}

func A5(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	return fmt.Sprintf("%d", n)
}

func LA5(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		return fmt.Sprintf("%d", n)
	}
}

func A6(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	return fmt.Sprintf("%d", n)
}

func LA6(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		return fmt.Sprintf("%d", n)
	}
}

func A7(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	return fmt.Sprintf("%d", n)
}

func LA7(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		return fmt.Sprintf("%d", n)
	}
}

func A8(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	return fmt.Sprintf("%d", n)
}

func LA8(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		return fmt.Sprintf("%d", n)
	}
}

func A9(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	return fmt.Sprintf("%d", n)
}

func LA9(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		return fmt.Sprintf("%d", n)
	}
}

func A10(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	return fmt.Sprintf("%d", n)
}

func LA10(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		return fmt.Sprintf("%d", n)
	}
}

func A11(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	sink += 10
	return fmt.Sprintf("%d", n)
}

func LA11(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		sink += 10
		return fmt.Sprintf("%d", n)
	}
}

func S0(name string, n int) string {
	return fmt.Sprintf("%s.%s", name, name)
}

func LS0(name string, n int) func() string {
	return func() string {
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S1(name string, n int) string {
	sink += 0
	return fmt.Sprintf("%s.%s", name, name)
}

func LS1(name string, n int) func() string {
	return func() string {
		sink += 0
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S2(name string, n int) string {
	sink += 0
	sink += 1
	return fmt.Sprintf("%s.%s", name, name)
}

func LS2(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S3(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	return fmt.Sprintf("%s.%s", name, name)
}

func LS3(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S4(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	return fmt.Sprintf("%s.%s", name, name)
}

func LS4(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S5(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	return fmt.Sprintf("%s.%s", name, name)
}

func LS5(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S6(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	return fmt.Sprintf("%s.%s", name, name)
}

func LS6(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S7(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	return fmt.Sprintf("%s.%s", name, name)
}

func LS7(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S8(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	return fmt.Sprintf("%s.%s", name, name)
}

func LS8(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S9(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	return fmt.Sprintf("%s.%s", name, name)
}

func LS9(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S10(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	return fmt.Sprintf("%s.%s", name, name)
}

func LS10(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func S11(name string, n int) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	sink += 10
	return fmt.Sprintf("%s.%s", name, name)
}

func LS11(name string, n int) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		sink += 10
		return fmt.Sprintf("%s.%s", name, name)
	}
}

func B0(name string, n bool) string {
	return fmt.Sprintf("%t", n)
}

func LB0(name string, n bool) func() string {
	return func() string {
		return fmt.Sprintf("%t", n)
	}
}

func B1(name string, n bool) string {
	sink += 0
	return fmt.Sprintf("%t", n)
}

func LB1(name string, n bool) func() string {
	return func() string {
		sink += 0
		return fmt.Sprintf("%t", n)
	}
}

func B2(name string, n bool) string {
	sink += 0
	sink += 1
	return fmt.Sprintf("%t", n)
}

func LB2(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		return fmt.Sprintf("%t", n)
	}
}

func B3(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	return fmt.Sprintf("%t", n)
}

func LB3(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		return fmt.Sprintf("%t", n)
	}
}

func B4(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	return fmt.Sprintf("%t", n)
}

func LB4(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		return fmt.Sprintf("%t", n)
	}
}

func B5(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	return fmt.Sprintf("%t", n)
}

func LB5(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		return fmt.Sprintf("%t", n)
	}
}

func B6(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	return fmt.Sprintf("%t", n)
}

func LB6(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		return fmt.Sprintf("%t", n)
	}
}

func B7(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	return fmt.Sprintf("%t", n)
}

func LB7(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		return fmt.Sprintf("%t", n)
	}
}

func B8(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	return fmt.Sprintf("%t", n)
}

func LB8(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		return fmt.Sprintf("%t", n)
	}
}

func B9(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	return fmt.Sprintf("%t", n)
}

func LB9(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		return fmt.Sprintf("%t", n)
	}
}

func B10(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	return fmt.Sprintf("%t", n)
}

func LB10(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		return fmt.Sprintf("%t", n)
	}
}

func B11(name string, n bool) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	sink += 10
	return fmt.Sprintf("%t", n)
}

func LB11(name string, n bool) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		sink += 10
		return fmt.Sprintf("%t", n)
	}
}

func U0(name string, n uint16) string {
	return fmt.Sprintf("%s-%x", name, n)
}

func LU0(name string, n uint16) func() string {
	return func() string {
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U1(name string, n uint16) string {
	sink += 0
	return fmt.Sprintf("%s-%x", name, n)
}

func LU1(name string, n uint16) func() string {
	return func() string {
		sink += 0
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U2(name string, n uint16) string {
	sink += 0
	sink += 1
	return fmt.Sprintf("%s-%x", name, n)
}

func LU2(name string, n uint16) func() string {
	return func() string {
		sink += 0
		sink += 1
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U3(name string, n uint16) string {
	sink += 0
	sink += 1
	sink += 2
	return fmt.Sprintf("%s-%x", name, n)
}

func LU3(name string, n uint16) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U4(name string, n uint16) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	return fmt.Sprintf("%s-%x", name, n)
}

func LU4(name string, n uint16) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U5(name string, n uint16) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	return fmt.Sprintf("%s-%x", name, n)
}

func LU5(name string, n uint16) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U6(name string, n uint16) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	return fmt.Sprintf("%s-%x", name, n)
}

func LU6(name string, n uint16) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U7(name string, n uint16) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	return fmt.Sprintf("%s-%x", name, n)
}

func LU7(name string, n uint16) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U8(name string, n uint16) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	return fmt.Sprintf("%s-%x", name, n)
}

func LU8(name string, n uint16) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U9(name string, n uint16) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	return fmt.Sprintf("%s-%x", name, n)
}

func LU9(name string, n uint16) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U10(name string, n uint16) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	return fmt.Sprintf("%s-%x", name, n)
}

func LU10(name string, n uint16) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		return fmt.Sprintf("%s-%x", name, n)
	}
}

func U11(name string, n uint16) string {
	sink += 0
	sink += 1
	sink += 2
	sink += 3
	sink += 4
	sink += 5
	sink += 6
	sink += 7
	sink += 8
	sink += 9
	sink += 10
	return fmt.Sprintf("%s-%x", name, n)
}

func LU11(name string, n uint16) func() string {
	return func() string {
		sink += 0
		sink += 1
		sink += 2
		sink += 3
		sink += 4
		sink += 5
		sink += 6
		sink += 7
		sink += 8
		sink += 9
		sink += 10
		return fmt.Sprintf("%s-%x", name, n)
	}
}
