// Package script loads the source of a script the way an embedded interpreter does: from a file,
// or from standard input when no path is given, without a leading #! line.
package script

import (
	"bufio"
	"io"
	"os"
	"strings"
)

// Load returns the script at path (standard input when path is empty) without its #! line.
func Load(path string) (string, error) {
	var file *os.File
	var err error
	if len(path) == 0 {
		file = os.Stdin
	} else {
		file, err = os.Open(path)
		if err != nil {
			return "", err
		}
		defer file.Close()
	}

	reader := bufio.NewReader(file) // want "make\\(\\[\\]byte, max\\(bufio.size, 16\\)\\) escapes to heap"
	c, err := reader.ReadByte()
	if err != nil && err != io.EOF {
		return "", err
	}
	if c == '#' {
		// an executable script: skip its first line
		if _, err := reader.ReadString('\n'); err != nil && err != io.EOF {
			return "", err
		}
	} else if err != io.EOF {
		if err := reader.UnreadByte(); err != nil {
			return "", err
		}
	}
	var src strings.Builder
	for {
		line, err := reader.ReadString('\n')
		src.WriteString(line)
		if err == io.EOF {
			return src.String(), nil
		}
		if err != nil {
			return "", err
		}
	}
}
