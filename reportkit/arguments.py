"""Checks of what the public functions are given: a wrong argument (a missing value from a table,
a number) fails with a message that says what to pass, not with an AttributeError from inside."""
from __future__ import annotations


def require_text(value: object, function: str, *, name: str = "text",
                 example: str = "tables['documents']['text'].iloc[0]") -> str:
    """VALUE when it is a str; else a TypeError that names FUNCTION, the argument and what to pass."""
    if isinstance(value, str):
        return value
    missing = value is None or (isinstance(value, float) and value != value)  # None or NaN
    why = " (a missing value: a report that could not be read has '' as its text)" if missing else ""
    raise TypeError(f"{function}(): {name} must be a str, not {type(value).__name__}{why}; pass e.g. {example}")
