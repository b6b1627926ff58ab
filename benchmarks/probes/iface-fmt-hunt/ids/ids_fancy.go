//go:build fancy

package ids

import "strconv"

func (i ID) String() string { return "ID#" + strconv.FormatInt(int64(i), 10) }
