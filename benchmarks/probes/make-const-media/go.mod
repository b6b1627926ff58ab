module example.com/mediakit

go 1.22
