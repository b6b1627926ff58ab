module example.com/composekit

go 1.22
