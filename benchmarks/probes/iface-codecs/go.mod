module example.com/probe48e

go 1.23
