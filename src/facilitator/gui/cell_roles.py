"""A table model's answer to Qt's ``multiData``: every role a cell's painting asks, in one
call into Python.

Qt's item delegate asks seven roles or more of every cell it paints (font, alignment,
colours, check state, icon, text); one Python call per role, each waiting its turn for the
GIL while the phone server's thread runs, took a third of a paint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def answer_roles(role_data_span: Iterable[Any], held: frozenset[int],
                 value: Callable[[int], Any] | None) -> None:
    """Fill each ``QModelRoleData`` of ``role_data_span``: ``value(role)`` for a role (a
    plain int) in ``held``, nothing for the others or where ``value`` is None (an index
    that is not valid) or gives None."""
    for role_data in role_data_span:
        role = role_data.role()
        # Most roles a paint asks (colours, check state, icon) hold nothing in our models.
        answer = value(role) if value is not None and role in held else None
        if answer is None:
            role_data.clearData()
        else:
            role_data.setData(answer)
