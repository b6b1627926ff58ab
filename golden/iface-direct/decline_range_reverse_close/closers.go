// Package closers shuts a service's resources down in the reverse of the order it opened them.
package closers

// Closer releases one resource.
type Closer interface {
	Close() error
}

// File is an open file; closing it logs its name.
type File struct {
	name string
	log  *[]string
}

func (f *File) Close() error {
	*f.log = append(*f.log, f.name)
	return nil
}

// Conn is an open connection; closing it logs its peer.
type Conn struct {
	peer string
	log  *[]string
}

func (c *Conn) Close() error {
	*c.log = append(*c.log, c.peer)
	return nil
}

// Shutdown closes the journal, the connection and the index, last opened first, and returns the order.
func Shutdown() []string {
	var closed []string
	journal := File{"journal", &closed} // want "moved to heap: journal"
	conn := Conn{"peer", &closed}       // want "moved to heap: conn"
	index := File{"index", &closed}     // want "moved to heap: index"
	opened := []Closer{&journal, &conn, &index}
	for i := range opened {
		opened[len(opened)-1-i].Close() // declined "opened is used other than as opened[i] in the loop"
	}
	return closed
}
