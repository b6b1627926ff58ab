module example.com/golden/buildvariant

go 1.22
