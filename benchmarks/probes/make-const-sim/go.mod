module example.com/simkit

go 1.22
