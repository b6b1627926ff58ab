package decline_variant_exists

// Version says which pack this is; the file name is the one build-variant would need.
func Version() string { return "pack 1.25" }
