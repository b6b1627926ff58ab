module example.com/probe50e

go 1.23
