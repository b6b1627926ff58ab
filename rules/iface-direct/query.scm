; iface-direct: the syntax shapes the rule rewrites (tree-sitter-go 0.25 node names).

; A value stored at a declaration: `var c = V`, `var c T = V`, `c := V`. V is the value itself
; (an interface variable), a conversion `any(E)` / `interface{}(E)`, or a composite literal
; whose field or element holds E.
(var_spec
  name: (identifier) @container
  value: (expression_list . (_) @value .)) @declaration

(short_var_declaration
  left: (expression_list . (identifier) @container .)
  right: (expression_list . (_) @value .)) @declaration

; A type assertion whose operand may be the place the value was stored.
(type_assertion_expression) @assertion

; A type switch on it: declined, which case runs depends on every case's type.
(type_switch_statement) @switch

; A method call on a field or element, `c.f.M(…)`, `c[k].M(…)`: through an interface-typed field or
; element the value was stored in.
(call_expression
  function: (selector_expression
    operand: [(selector_expression) (index_expression)] @called))

; A method value through one, `write := c.f.Write` (bound.py proves which method it binds).
(expression_list
  (selector_expression
    operand: [(selector_expression) (index_expression)] @called))
