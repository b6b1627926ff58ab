"""gorewrite: rewrite Go code so the compiler keeps values on the stack, verified by the compiler."""

__version__ = "0.1.0"
