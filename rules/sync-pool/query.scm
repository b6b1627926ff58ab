; sync-pool: a single-variable `:=` whose value is an allocation the compiler may report as
; escaping (tree-sitter-go 0.25 node names): `make(…)` and `new(T)` (reported at the `(` of
; their arguments) or `&T{…}` (reported at the `&`).

(short_var_declaration
  left: (expression_list . (identifier) @name .)
  right: (expression_list
    .
    [
      (call_expression
        function: (identifier) @function
        arguments: (argument_list) @arguments)
      (unary_expression
        operator: "&"
        operand: (composite_literal) @literal)
    ] @value
    .)) @statement
