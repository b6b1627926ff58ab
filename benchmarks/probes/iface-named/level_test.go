package accounts

func (l Level) String() string { return [...]string{"debug", "info", "warn"}[l%3] }
