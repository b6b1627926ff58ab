; sync-pool: a single-variable `:=` whose value is an allocation the compiler may report as
; escaping (tree-sitter-go 0.25 node names): `make(…)` and `new(T)` (reported at the `(` of
; their arguments), `&T{…}` (reported at the `&`), or a constructor `pkg.F(…)` (bytes.NewBuffer,
; whose inlined `&Buffer{…}` is reported at the `(`: go/types says which F it is).

(short_var_declaration
  left: (expression_list . (identifier) @name .)
  right: (expression_list
    .
    [
      (call_expression
        function: (identifier) @function
        arguments: (argument_list) @arguments)
      (call_expression
        function: (selector_expression
          operand: (identifier)
          field: (field_identifier) @constructor)
        arguments: (argument_list) @arguments)
      (unary_expression
        operator: "&"
        operand: (composite_literal) @literal)
    ] @value
    .)) @statement
