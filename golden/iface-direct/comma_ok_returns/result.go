// Package result builds the error a parser reports for a bad line.
package result

type parseError struct {
	line int
	msg  string
}

func (e *parseError) Error() string { return e.msg }

type outcome struct {
	code  int
	cause any
}

// Message returns the text of the error for a bad line, and its status code.
func Message(line int) (string, int) {
	perr := parseError{line: line, msg: "unexpected token"} // want "moved to heap: perr"
	res := outcome{code: 400, cause: &perr}
	if err, ok := res.cause.(error); ok {
		return err.Error(), res.code
	}
	return "", res.code
}
