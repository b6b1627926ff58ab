package cache

import "fmt"

// RGB is a color.
type RGB struct{ R, G, B uint8 }

// Hex prints a color as CSS does.
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Channel prints one channel's value in hex, unpadded.
func Channel(name string, v uint8) string { return fmt.Sprintf("%s=%x", name, v) }

// Packed prints a packed 0xRRGGBB color.
func Packed(c uint32) string { return fmt.Sprintf("color:%x", c) }
