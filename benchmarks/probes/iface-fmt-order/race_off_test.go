//go:build !race

package svc

const raceOn = false
