package tp

import "testing"

func TestTP(t *testing.T) {
	check := func(got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("got %q want %q", got, want)
		}
	}
	check(SwitchT[*named](nil), "the T")
	check(SwitchT(1), "named:a")
	check(OkT[*named](nil), "the T")
	check(OkT(1), "named:a")
	check(OkTLocal[*named](nil), "the T")
	check(OkTLocal(1), "named:a")
	check(SwitchPtrT(named{}), "ptr T")
	check(SwitchPtrT(1), "named:a")
	check(SwitchTNoBind[*named](nil), "the T")
	check(SwitchTNoBind(1), "named:a")
}
