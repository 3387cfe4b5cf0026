"""One path for every user action: named commands below the GUI, the phone server and the CLI.

A command validates its input, commits through the store (one ``event_log`` line that names
who acted and what undoes it) and returns a :class:`~facilitator.actions.changes.Changes`
that says which session and which kinds of data changed. No Qt here (import-linter).
"""
