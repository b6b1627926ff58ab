module example.com/probe41

go 1.23
