module example.com/renderkit

go 1.22
