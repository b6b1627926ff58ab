module example.com/probes/sync-pool-docs

go 1.22
