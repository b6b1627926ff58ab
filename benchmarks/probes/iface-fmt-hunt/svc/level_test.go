package svc

func (l Level) String() string { return "level-test" }
