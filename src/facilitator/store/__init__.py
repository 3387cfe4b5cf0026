"""The event file: every SQL statement of facilitator lives in this package."""

from facilitator.store.event_file import (
    EventFile,
    EventFileError,
    EventFileLocked,
    EventFileTooNew,
    NotAnEventFile,
)
from facilitator.store.problems import Problem

__all__ = ["EventFile", "EventFileError", "EventFileLocked", "EventFileTooNew", "NotAnEventFile",
           "Problem"]
