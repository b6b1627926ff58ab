module example.com/binfmt

go 1.24
