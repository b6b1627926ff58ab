package glue

import "time"

var timeZero time.Time
