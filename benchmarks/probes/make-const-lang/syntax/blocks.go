package syntax

// CloseBlocks writes the closing braces of depth nested blocks, innermost first, each at its indentation.
func (p *Printer) CloseBlocks(depth int) {
	for d := min(depth, maxIndent/2) - 1; d >= 0; d-- {
		pad := make([]byte, 2*d)
		for i := range pad {
			pad[i] = ' '
		}
		p.buf = append(p.buf, pad...)
		p.buf = append(p.buf, "}\n"...)
	}
}

// Outline renders the opening line of each level of a block path, each indented by its level.
func Outline(path []string) string {
	var out []byte
	for level := 0; level < len(path) && level < maxIndent/2; level++ {
		indent := make([]byte, level*2)
		for i := range indent {
			indent[i] = ' '
		}
		out = append(out, indent...)
		out = append(out, path[level]...)
		out = append(out, '\n')
	}
	return string(out)
}
