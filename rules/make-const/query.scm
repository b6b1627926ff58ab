; make-const: a slice made with a size the compiler cannot see at compile time
; (tree-sitter-go 0.25 node names). The compiler reports the make at its `(`.

(call_expression
  function: (identifier) @function
  arguments: (argument_list
    .
    (slice_type element: (_) @element)
    .
    (_) @length
    .
    (_)? @capacity
    .) @arguments
  (#eq? @function "make")) @make
