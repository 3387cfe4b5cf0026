"""The error of a wrong agenda file, apart from the parser (core/agenda.py) that raises it:
the window and the commands catch it, and start-up need not load the parser for that."""

from __future__ import annotations


class AgendaError(ValueError):
    """A problem in an agenda file, with where it is."""

    def __init__(self, message: str, *, source: str = "", line: int | None = None,
                 unit: str = "line") -> None:
        # ``unit`` is "line" in text files and "row" in workbooks, where rows are numbered.
        where = source
        if line is not None:
            where = f"{source}, {unit} {line}" if source else f"{unit} {line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.line = line
