package publish

import "testing"

func TestBehaviour(t *testing.T) {
	a, b := make(chan Message, 1), make(chan Message, 1)
	got := Fanout(Message{Topic: "t", Body: "b"}, []chan<- Message{a, b})
	if !got.Delivered || (<-a).Delivered || (<-b).Delivered {
		t.Fatalf("subscribers must get the message before it is marked delivered; caller gets %+v", got)
	}
}

func TestAllocs(t *testing.T) {
	a, b := make(chan Message, 1), make(chan Message, 1)
	subs := []chan<- Message{a, b}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() {
		Fanout(Message{Topic: "t", Body: "b"}, subs)
		<-a
		<-b
	}))
}
