package ble

// Report is one scan result the gateway keeps until the next upload.
type Report struct {
	Addr [6]byte
	RSSI int8
	Data []byte
}

// Scanner keeps the latest advertisement of each device.
type Scanner struct {
	latest map[[6]byte]Report
}

// Add keeps a copy of the advertisement.
func (s *Scanner) Add(addr [6]byte, rssi int8, adv []byte) error {
	if len(adv) > AdvMax {
		return ErrTooLong
	}
	data := make([]byte, len(adv))
	copy(data, adv)
	if s.latest == nil {
		s.latest = map[[6]byte]Report{}
	}
	s.latest[addr] = Report{addr, rssi, data}
	return nil
}

// AddrString renders a device address as the MQTT topic level, "AA:BB:…".
func AddrString(addr [6]byte) string {
	buf := make([]byte, 3*len(addr)-1)
	const digits = "0123456789ABCDEF"
	for i, b := range addr {
		if i > 0 {
			buf[3*i-1] = ':'
		}
		buf[3*i] = digits[b>>4]
		buf[3*i+1] = digits[b&0x0f]
	}
	return string(buf)
}

// MaskedName masks all but the first keep bytes of a device name for the public dashboard.
func MaskedName(name string, keep int) string {
	if len(name) > AdvMax-2 {
		return ""
	}
	out := make([]byte, len(name))
	for i := range out {
		if i < keep {
			out[i] = name[i]
		} else {
			out[i] = '*'
		}
	}
	return string(out)
}
