module example.com/probes/mixed-marketdata

go 1.22
