package svc

import "fmt"

func (p Port) Format(f fmt.State, verb rune) { f.Write([]byte("PORT")) }
