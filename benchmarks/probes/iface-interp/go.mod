module example.com/probe49e

go 1.23
