// Package ble builds and parses the Bluetooth LE advertisements the gateway scans and broadcasts.
package ble

import (
	"encoding/binary"
	"encoding/hex"
	"errors"

	"example.com/probes/make-const-devices/limits"
)

const (
	AdvMax = limits.BLEAdvMax

	adFlags        = 0x01
	adUUID16       = 0x03
	adCompleteName = 0x09
	adManufacturer = 0xff

	maxManufacturer = AdvMax - 4 // length, type and company ID
)

var (
	ErrTooLong = errors.New("ble: advertisement too long")
	ErrBadAD   = errors.New("ble: malformed AD structure")
)

// AppendAdv appends a beacon's advertising data: flags, 16-bit service UUIDs, its name.
func AppendAdv(dst []byte, name string, uuids []uint16, flags byte) ([]byte, error) {
	size := 3 + 2 + 2*len(uuids) + 2 + len(name)
	if size > AdvMax {
		return dst, ErrTooLong
	}
	adv := make([]byte, 0, size)
	adv = append(adv, 2, adFlags, flags)
	adv = append(adv, byte(1+2*len(uuids)), adUUID16)
	for _, u := range uuids {
		adv = binary.LittleEndian.AppendUint16(adv, u)
	}
	adv = append(adv, byte(1+len(name)), adCompleteName)
	adv = append(adv, name...)
	return append(dst, adv...), nil
}

// LocalName returns the complete local name a scanned advertisement carries.
func LocalName(adv []byte) (string, error) {
	if len(adv) > AdvMax {
		return "", ErrTooLong
	}
	for i := 0; i < len(adv); {
		l := int(adv[i])
		if l == 0 || i+1+l > len(adv) {
			return "", ErrBadAD
		}
		if adv[i+1] == adCompleteName {
			name := make([]byte, l-1)
			copy(name, adv[i+2:])
			return string(name), nil
		}
		i += 1 + l
	}
	return "", nil
}

// ManufacturerHex renders manufacturer-specific data for the MQTT bridge.
func ManufacturerHex(company uint16, data []byte) (string, error) {
	if len(data) > maxManufacturer {
		return "", ErrTooLong
	}
	out := make([]byte, 4+hex.EncodedLen(len(data)))
	hex.Encode(out, []byte{byte(company >> 8), byte(company)})
	hex.Encode(out[4:], data)
	return string(out), nil
}

// ServiceUUIDs counts the 16-bit service UUIDs an advertisement lists, deduplicated.
func ServiceUUIDs(adv []byte) int {
	for i := 0; i+1 < len(adv); {
		l := int(adv[i])
		if l == 0 || i+1+l > len(adv) {
			return 0
		}
		if adv[i+1] == adUUID16 {
			ids := make([]uint16, (l-1)/2)
			for k := range ids {
				ids[k] = binary.LittleEndian.Uint16(adv[i+2+2*k:])
			}
			seen := 0
			for k, id := range ids {
				dup := false
				for _, prev := range ids[:k] {
					dup = dup || prev == id
				}
				if !dup {
					seen++
				}
			}
			return seen
		}
		i += 1 + l
	}
	return 0
}
