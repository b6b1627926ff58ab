package frames

// Render draws each frame's rows in parallel, brightening the next frame only once forEachRow
// has returned: every row that read the brightness is done by then.
func Render(frames, rows, width int, brightness int) [][]int { // want "moved to heap: brightness"
	out := make([][]int, frames)
	for f := 0; f < frames; f++ {
		pixels := make([]int, rows*width)
		forEachRow(rows, func(row int) { // want "func literal escapes to heap"
			for x := 0; x < width; x++ {
				pixels[row*width+x] = (row + x) * brightness
			}
		})
		out[f] = pixels
		brightness += 2
	}
	return out
}
