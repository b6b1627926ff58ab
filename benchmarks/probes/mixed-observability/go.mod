module example.com/probes/mixed-observability

go 1.22
