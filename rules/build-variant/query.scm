; build-variant: the import specs of a file whose functions move to variant files
; (tree-sitter-go 0.25 node names). The sites themselves are make-const's.

(import_spec
  name: (_)? @name
  path: (_) @path) @spec
