module example.com/probes/make-const-dsp

go 1.22
