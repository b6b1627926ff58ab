// Package limits holds the protocol limits the gateway's codecs share.
package limits

// Size is a byte count in the gateway's configuration.
type Size int

const (
	CANClassicPayload = 8
	CANFDPayload      = 64

	ModbusMaxPDU = 253              // Modbus Application Protocol v1.1b3, 4.1
	ModbusMaxADU = ModbusMaxPDU + 3 // RTU: address + PDU + CRC-16

	BLEAdvMax = 31 // legacy advertising data

	NMEAMaxSentence = 82 // including "$" and "\r\n"

	MQTTMaxTopic = 256 // the broker's limit, well under the spec's 65535

	// MaxChunk is the firmware chunk a BLE link with a 247-byte ATT MTU carries.
	MaxChunk Size = 244
)
