package legacy

import "fmt"

func init() {
	for _, s := range [][]string{nil, {"a"}, {"a", "b", "c"}} {
		s := s
		add(fmt.Sprint("Batches", s), func() string { return Batches(s) })
		add(fmt.Sprint("Hooks", s), func() string { return Hooks(s) })
		add(fmt.Sprint("LateHooks", s), func() string { return LateHooks(s) })
		var ks []key
		for _, x := range s {
			ks = append(ks, key{x})
		}
		add(fmt.Sprint("BoundKeys", s), func() string { return BoundKeys(ks) })
	}
	for n := 0; n < 3; n++ {
		n := n
		add(fmt.Sprint("Stepper", n), func() string { return Stepper(n) })
	}
}
