; closure: the syntax shapes the rule rewrites (tree-sitter-go 0.25 node names).

; A func literal called directly by a go or defer statement: its captures can become parameters.
(go_statement
  (call_expression
    function: (func_literal) @started))

(defer_statement
  (call_expression
    function: (func_literal) @started))

; A function whose body ends in `return func(...) {...}`: a closure factory.
(function_declaration
  name: (identifier) @factory.name
  body: (block
    (statement_list
      (return_statement
        (expression_list
          .
          (func_literal) @factory.literal
          .))
      .))) @factory

; A func literal passed straight to a call: the callee may keep it, so it escapes, but a copy
; of what it captures is just as good when nothing writes the variable afterwards.
(argument_list
  (func_literal) @passed)
