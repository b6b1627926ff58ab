package path

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func open(p Point) bool { return !(p.X == 5 && p.Y < 10) }

func TestPath(t *testing.T) {
	r := Find(Point{0, 0}, Point{9, 0}, open)
	if len(r) != 30 || r[0] != (Point{0, 0}) || r[len(r)-1] != (Point{9, 0}) {
		t.Fatal(len(r), r)
	}
	if n := Reachable(Point{0, 0}, open); n != 512 {
		t.Fatal(n)
	}
	if n := Smooth(r); n >= len(r) {
		t.Fatal(n)
	}
	if w := Waypoints(r); len(w) < 2 {
		t.Fatal(w)
	}
	allocs(t, "Find", func() { Find(Point{0, 0}, Point{9, 0}, open) })
	allocs(t, "Reachable", func() { Reachable(Point{0, 0}, open) })
	allocs(t, "Smooth", func() { Smooth(r) })
}
