module example.com/numfin

go 1.22
