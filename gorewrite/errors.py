"""The one exception type that reaches the user: it says what is wrong and what to do."""


class UserError(Exception):
    """Bad input or environment: the CLI prints the message on one line and exits 2, touching nothing."""
