module example.com/probes/make-const-devices

go 1.22
