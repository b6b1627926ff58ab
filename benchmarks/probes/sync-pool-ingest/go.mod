module example.com/probes/sync-pool-ingest

go 1.22
