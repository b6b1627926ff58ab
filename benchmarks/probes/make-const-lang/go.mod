module example.com/langtool

go 1.22
