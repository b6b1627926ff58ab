module example.com/probes/closure-backup

go 1.22
